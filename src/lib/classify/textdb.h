/* The free-text pattern table, shared by the library and by the build
 * step that precompiles it (tools/gen_textdb.c). */
#ifndef AJAR_TEXTDB_H
#define AJAR_TEXTDB_H
#include <stddef.h>
#include <hs/hs.h>
#include "detectors.h"

struct text_pattern {
  const char *re;
  unsigned det;
};

extern const struct text_pattern ajar_text_patterns[];
extern const size_t ajar_text_pattern_count;

/* Compile the table into a block-mode database. */
int textdb_compile(hs_database_t **out, char *err, size_t errlen);

/* The database serialised at build time (may be empty). */
extern const unsigned char ajar_textdb_blob[];
extern const size_t ajar_textdb_blob_len;
#endif
