/* Fuzz target: the SQL dump walker (record/sqldump.c) on its own. The
 * first byte sets the chunk size the dump is fed in (1..256 bytes), so
 * every state is also cut at a chunk boundary; the sink checks what the
 * walker hands it (field handles it was given, lengths within the value
 * cap, records only in tables it opened) and the one-line error. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ajar_limits.h"
#include "record/sqldump.h"

#define TABLES 64

struct ftable {
  struct rec_sink sink;
  uint32_t nf;
  uint64_t rows;
};

static struct ftable tables[TABLES];
static unsigned ntables;

static void fail(const char *what) {
  fprintf(stderr, "fuzz_sqldump: %s\n", what);
  abort();
}

static uint32_t f_child(void *ctx, uint32_t parent, const char *key, size_t n,
                        int is_array) {
  struct ftable *t = ctx;
  if (parent != REC_ROOT || is_array || n > AJAR_SQL_MAX_NAME + 32)
    fail("a column that is no child of the root, or too long a name");
  if (n) (void)((volatile const char *)key)[n - 1];
  return ++t->nf;
}

static void f_value(void *ctx, uint32_t field, enum value_kind kind,
                    const char *v, size_t n) {
  struct ftable *t = ctx;
  if (field == REC_ROOT || field > t->nf) fail("a field handle never given");
  if (n > AJAR_SQL_MAX_VALUE) fail("a value over the cap");
  if (kind != VK_STRING && kind != VK_NUMBER && kind != VK_BOOL) fail("kind");
  if (n) (void)((volatile const char *)v)[n - 1];
}

static void f_end(void *ctx, int malformed) {
  struct ftable *t = ctx;
  (void)malformed;
  t->rows++;
}

static const struct rec_sink *f_open(void *ctx, const char *name, size_t n) {
  struct ftable *t;
  (void)ctx;
  if (!n || n > AJAR_SQL_MAX_NAME) fail("a table name empty or over the cap");
  (void)((volatile const char *)name)[n - 1];
  if (ntables == TABLES) return NULL;
  t = &tables[ntables++];
  memset(t, 0, sizeof *t);
  t->sink.ctx = t;
  t->sink.child = f_child;
  t->sink.value = f_value;
  t->sink.end_record = f_end;
  return &t->sink;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct rec_sink top;
  struct sqldump *d;
  size_t step, i;
  const char *err;
  if (!size) return 0;
  step = (size_t)data[0] + 1;
  data++;
  size--;
  memset(&top, 0, sizeof top);
  top.open = f_open;
  ntables = 0;
  if (sqldump_new(&top, &d)) fail("sqldump_new");
  for (i = 0; i < size; i += step) {
    size_t k = size - i < step ? size - i : step;
    char *c = malloc(k); /* exactly k bytes: reading past is caught */
    if (!c) fail("malloc");
    memcpy(c, data + i, k);
    if (sqldump_feed(d, c, k)) fail("sqldump_feed failed");
    free(c);
  }
  if (sqldump_finish(d)) {
    err = sqldump_error(d);
    if (!err[0] || strchr(err, '\n')) fail("the error is not one line");
  }
  sqldump_free(d);
  return 0;
}
