/* Fuzz target: the JSON record walker (record/json.c) through the public
 * API. One database, scratch and collection live across inputs; every
 * RECREATE_EVERY inputs the collection is finished and freed, so the
 * field tree does not saturate at AJAR_MAX_FIELDS and collection_finish.c
 * runs too. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ajar/ajar.h"

#define RECREATE_EVERY 512

static struct ajar_db *db;
static struct ajar_scratch *scratch;
static struct ajar_collection *coll;
static unsigned inputs;

static void fail(const char *what) {
  fprintf(stderr, "fuzz_json_record: %s failed\n", what);
  abort();
}

static void finish_collection(void) {
  struct ajar_target_result t;
  memset(&t, 0, sizeof t);
  t.collections = calloc(1, sizeof *t.collections);
  if (!t.collections)
    fail("calloc");
  t.n_collections = 1;
  if (ajar_collection_finish(coll, 1, &t.collections[0]))
    fail("ajar_collection_finish");
  ajar_target_result_clear(&t);
  ajar_collection_free(coll);
  coll = NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!db) {
    char err[256];
    if (ajar_db_compile(&db, err, sizeof err))
      fail(err);
    if (ajar_scratch_alloc(db, &scratch))
      fail("ajar_scratch_alloc");
  }
  if (!coll && ajar_collection_new(db, "fuzz", NULL, &coll))
    fail("ajar_collection_new");
  /* a copy of exactly size bytes, so reading past the end is caught */
  {
    char *copy = malloc(size ? size : 1);
    if (!copy)
      fail("malloc");
    memcpy(copy, data, size);
    ajar_collection_add_json(coll, scratch, copy, size);
    free(copy);
  }
  if (++inputs % RECREATE_EVERY == 0)
    finish_collection();
  return 0;
}
