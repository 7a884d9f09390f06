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

/* The patterns by name, where text.c decides a match without a scan
 * (a window of digits alone); the Vectorscan id is the index. */
enum text_pattern_id {
  TP_EMAIL, TP_E164, TP_CN_MOBILE, TP_CN_RESIDENT_ID, TP_CARD, TP_AMEX,
  TP_IBAN, TP_IPV4, TP_MAC_COLON, TP_MAC_DASH, TP_AWS_KEY, TP_JWT,
  TP_PRIVATE_KEY, TP_BCRYPT, TP_ARGON2, TP_US_SSN, TP_CN_PLATE, TP_UK_NINO,
  TP__COUNT
};

extern const struct text_pattern ajar_text_patterns[TP__COUNT];
extern const size_t ajar_text_pattern_count;

/* Compile the table into a block-mode database. */
int textdb_compile(hs_database_t **out, char *err, size_t errlen);

/* The database serialised at build time (may be empty). */
extern const unsigned char ajar_textdb_blob[];
extern const size_t ajar_textdb_blob_len;
#endif
