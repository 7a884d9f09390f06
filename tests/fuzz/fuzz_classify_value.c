/* Fuzz target: ajar_classify_value. The input is "field\0value"; without
 * a NUL it is all value and no field. Every match must lie inside the
 * value and name a real detector. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ajar/ajar.h"

static struct ajar_db *db;
static struct ajar_scratch *scratch;

struct check {
  size_t len;
};

static int on_match(const struct ajar_match *m, void *ctx) {
  const struct check *c = ctx;
  if (m->from > m->to || m->to > c->len || m->detector >= ajar_detector_count() ||
      !ajar_category_name(m->category)) {
    fprintf(stderr, "fuzz_classify_value: bad match det=%u cat=%d [%zu,%zu) len=%zu\n",
            m->detector, m->category, m->from, m->to, c->len);
    abort();
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *nul = memchr(data, 0, size);
  size_t flen = nul ? (size_t)(nul - (const char *)data) : 0;
  size_t voff = nul ? flen + 1 : 0;
  char *field, *value;
  struct check c;
  if (!db) {
    char err[256] = "";
    if (ajar_db_compile(&db, err, sizeof err) ||
        ajar_scratch_alloc(db, &scratch)) {
      fprintf(stderr, "fuzz_classify_value: setup failed: %s\n", err);
      abort();
    }
  }
  /* exact-size copies, so reading past either end is caught */
  field = malloc(flen ? flen : 1);
  value = malloc(size - voff ? size - voff : 1);
  if (!field || !value)
    abort();
  memcpy(field, data, flen);
  memcpy(value, data + voff, size - voff);
  c.len = size - voff;
  if (ajar_classify_value(db, scratch, nul ? field : NULL, flen, value,
                          size - voff, on_match, &c))
    abort();
  free(field);
  free(value);
  return 0;
}
