/* value_may_be_empty and value_may_be_empty2 (classify.h) are the
 * sink's tests before it calls value_is_empty (value.c): a value either
 * says 0 for is counted as not empty. Together they must say 1 for every
 * placeholder value_is_empty knows. The
 * values: every placeholder in every mix of case, with blanks around,
 * cut short and with a byte more, and random strings of 1 to 12 bytes
 * drawn from the bytes placeholders are made of, blanks and a few more;
 * and values that start like placeholders and are none must mostly be
 * let through with no call ("0.3637", "-12", "Nguyen"). */
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include "classify.h"
#include "found.h"
#include "unit.h"

static const char *const placeholders[] = {
    "n/a", "na", "null", "none", "nil", "-", "--", "unknown", "undefined", "0",
    "***", "******", "redacted", "[redacted]", "xxx", "?", "\xE6\x97\xA0",
    "\xE6\x9C\xAA\xE7\x9F\xA5", "",
};

/* words that start as placeholders do */
static const char *const names[] = {"Nguyen", "Ramirez", "Xu", "ut", "Uwe", "rhoncus", "0x1F"};

/* the sink's two tests before it calls value_is_empty (collection.c) */
static int may_be_empty(const char *v, size_t n) {
  return value_may_be_empty(v, n) && value_may_be_empty2(v, n);
}

static int checked, missed;

/* value_is_empty's answer without value_may_be_empty's test in front
 * (value.c calls it first): the placeholders above, blanks around,
 * ASCII letters in either case */
static int is_placeholder(const char *v, size_t n) {
  size_t i;
  while (n && (v[0] == ' ' || v[0] == '\t')) v++, n--;
  while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
  for (i = 0; i < sizeof placeholders / sizeof placeholders[0]; i++)
    if (strlen(placeholders[i]) == n && strncasecmp(placeholders[i], v, n) == 0)
      return 1;
  return 0;
}

/* a placeholder is never let through; where value_is_empty runs whole,
 * it agrees with the list above (a placeholder added to value.c is to
 * be added there and to empty.c) */
static void check(const char *v, size_t n) {
  checked++;
  if (may_be_empty(v, n) && value_is_empty(v, n) != is_placeholder(v, n)) {
    missed++;
    fprintf(stderr, "value_is_empty and the placeholders here differ: \"%.*s\"\n", (int)n, v);
  }
  if (is_placeholder(v, n) && !may_be_empty(v, n)) {
    missed++;
    if (missed < 5)
      fprintf(stderr, "may_be_empty says 0 for a placeholder: \"%.*s\"\n", (int)n, v);
  }
}

void test_empty(void) {
  static const char bytes[] = "nNaA/uUlLoOeEiIkKwWdDfF-0*rRcCtT[]xX? \t\n.1\xE6\x97\xA0\x9C\xAA";
  char buf[64];
  uint32_t x = 1234567u;
  size_t i, k, through = 0, starts = 0;
  for (i = 0; i < sizeof placeholders / sizeof placeholders[0]; i++) {
    const char *p = placeholders[i];
    size_t n = strlen(p), r;
    for (r = 0; r < 400; r++) {
      size_t pre = rnd(&x) % 3, post = rnd(&x) % 3, at = 0, j, cut = n;
      for (j = 0; j < pre; j++)
        buf[at++] = rnd(&x) % 2 ? ' ' : '\t';
      if (r % 5 == 4 && n) /* cut short */
        cut = rnd(&x) % n;
      for (j = 0; j < cut; j++) { /* ASCII letters in either case */
        char ch = p[j];
        if (((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') && rnd(&x) % 2)
          ch ^= 0x20;
        buf[at++] = ch;
      }
      if (r % 7 == 6)
        buf[at++] = bytes[rnd(&x) % (sizeof bytes - 1)];
      for (j = 0; j < post; j++)
        buf[at++] = rnd(&x) % 2 ? ' ' : '\t';
      check(buf, at);
    }
  }
  for (i = 0; i < 300000; i++) {
    size_t n = 1 + rnd(&x) % 12;
    for (k = 0; k < n; k++)
      buf[k] = bytes[rnd(&x) % (sizeof bytes - 1)];
    check(buf, n);
  }
  CHECKF(missed == 0, "%d of %d values", missed, checked);
  /* values that start as placeholders do and are none: most need no call */
  for (i = 0; i < 10000; i++) {
    size_t n = (size_t)snprintf(buf, sizeof buf, "%s%u.%u", i % 2 ? "0" : "-", rnd(&x) % 100,
                                rnd(&x) % 10000);
    starts++;
    through += !may_be_empty(buf, n);
  }
  for (k = 0; k < sizeof names / sizeof names[0]; k++) {
    starts++;
    through += !may_be_empty(names[k], strlen(names[k]));
  }
  CHECKF(through * 10 >= starts * 9, "%zu of %zu let through", through, starts);
  /* the collection drops "" with no call (value_in): value_is_empty's
   * answer for it */
  CHECK(value_may_be_empty("", 0) && value_may_be_empty2("", 0) && value_is_empty("", 0));
}
