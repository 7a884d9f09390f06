/* Internal: BSON files, mongodump's COLLECTION.bson (bson.c). */
#ifndef AJAR_RECORD_BSON_H
#define AJAR_RECORD_BSON_H
#include <stddef.h>
#include <stdint.h>
#include "record/walker.h"

struct bsondump;

struct bsondump_stats {
  uint64_t docs;            /* documents handed to the sink */
  uint64_t malformed;       /* documents that failed the checks, skipped */
  uint64_t first_malformed; /* its number in the file (1-based) */
  uint64_t bytes;
};

/* Whether the first n bytes can start a BSON document stream. */
int bsondump_sniff(const char *p, size_t n);
/* Documents go to k as records. 0, or AJAR_ENOMEM. */
int bsondump_new(const struct rec_sink *k, struct bsondump **out);
/* The next n bytes, cut anywhere; holds one document at most. */
int bsondump_feed(struct bsondump *d, const char *p, size_t n);
/* End of input: 0, or AJAR_EPARSE (a length no document can have, or a
 * document cut short: bsondump_error, one line). */
int bsondump_finish(struct bsondump *d);
const char *bsondump_error(const struct bsondump *d);
const struct bsondump_stats *bsondump_stats(const struct bsondump *d);
void bsondump_free(struct bsondump *d);
#endif
