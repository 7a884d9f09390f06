/* Shared body of the file fuzz targets: the input is a file named
 * "fuzz" FUZZ_FILE_EXT held in memory, classified the way `ajar files`
 * classifies a file (files_classify_buffer: the reader with gzip and
 * zstd by magic bytes, the format sniffer, the framer, the CSV, JSON and
 * text walkers, one thread) into a fresh collection; an input of odd
 * size as an object's cut prefix instead (files_classify_object, its
 * parts apart). No file, no process
 * and no classifier set-up per input: the database and the scratch are
 * made once. Include after defining FUZZ_FILE_EXT. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ajar/ajar.h"
#include "collection.h"
#include "files.h"

static struct ajar_db *db;
static struct ajar_scratch *scratch;

static void fail(const char *what) {
  fprintf(stderr, "fuzz file target: %s failed\n", what);
  abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct ajar_collection_opts co = AJAR_COLLECTION_OPTS_INIT;
  struct ajar_collection *col = NULL;
  struct ajar_target_result t;
  char err[256];
  uint64_t malformed = 0;
  int rc;
  if (!db && (ajar_db_compile(&db, err, sizeof err) ||
              ajar_scratch_alloc(db, &scratch)))
    fail("set-up");
  if (ajar_collection_new(db, "fuzz" FUZZ_FILE_EXT, &co, &col))
    return 0; /* out of memory */
  if (size & 1) {
    /* odd sizes: as an object store's object, a prefix cut at the cap
     * (files_classify_object): its parts apart, each "name!part", at
     * most AJAR_OBJ_MAX_PARTS, records unknown */
    struct ajar_target_result parts;
    size_t i;
    memset(&parts, 0, sizeof parts);
    rc = files_classify_object(col, scratch, "fuzz" FUZZ_FILE_EXT, (const char *)data,
                               size, 1, 1, &parts, &malformed, err, sizeof err);
    if (rc && rc != AJAR_ENOMEM)
      fail("files_classify_object returned an unexpected code");
    if (parts.n_collections > AJAR_OBJ_MAX_PARTS)
      fail("an object's parts stay within AJAR_OBJ_MAX_PARTS");
    for (i = 0; i < parts.n_collections; i++)
      if (strncmp(parts.collections[i].name, "fuzz" FUZZ_FILE_EXT "!",
                  strlen("fuzz" FUZZ_FILE_EXT "!")) ||
          parts.collections[i].records != -1)
        fail("a part is named object!part, its records unknown");
    ajar_target_result_clear(&parts);
  } else {
    rc = files_classify_buffer(col, scratch, "fuzz" FUZZ_FILE_EXT, (const char *)data,
                               size, 0, &malformed, err, sizeof err);
    if (rc && rc != AJAR_ENOMEM)
      fail("files_classify_buffer returned an unexpected code");
  }
  if (strchr(err, '\n'))
    fail("the error of a file is one line");
  if (!ajar_collection_finish_target(col, "fuzz" FUZZ_FILE_EXT, NULL, &t)) {
    if (t.n_collections != 1 || t.collections[0].records < 0 ||
        (uint64_t)t.collections[0].records != t.collections[0].sampled)
      fail("the file's records are the records seen");
    ajar_target_result_clear(&t);
  }
  ajar_collection_free(col);
  return 0;
}
