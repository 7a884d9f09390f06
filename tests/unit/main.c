/* Unit test runner: `unit_tests SUITE` runs one suite, no argument all. */
#include <stdio.h>
#include <string.h>
#include "unit.h"

int unit_failures;
int unit_checks;

#define SUITES(X) X(validators) X(lexicon) X(targets) X(detectors) X(keygroups) X(shape) X(safetext) X(order) X(sqldump) X(framer) X(csv) X(text) X(telwords) X(textmemo) X(memo) X(empty) X(keys) X(words) \
  X(json) X(scalar)
#define DECLARE(name) void test_##name(void);
SUITES(DECLARE)

struct suite { const char *name; void (*fn)(void); };
#define ENTRY(name) {#name, test_##name},
static const struct suite suites[] = { SUITES(ENTRY) };

int main(int argc, char **argv) {
  size_t i, ran = 0;
  for (i = 0; i < sizeof suites / sizeof suites[0]; i++) {
    if (argc > 1 && strcmp(argv[1], suites[i].name) != 0)
      continue;
    suites[i].fn();
    ran++;
  }
  if (!ran) {
    fprintf(stderr, "no such suite: %s\n", argc > 1 ? argv[1] : "");
    return 2;
  }
  printf("%d checks, %d failed\n", unit_checks, unit_failures);
  return unit_failures ? 1 : 0;
}
