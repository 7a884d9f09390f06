/* BSON files (mongodump's COLLECTION.bson: documents one after another),
 * read as a byte stream, each document a record (libbson).
 *
 * A document is taken whole (its int32 length, at most
 * AJAR_BSON_MAX_DOC), checked before anything reads it: its nesting is
 * at most AJAR_BSON_MAX_NESTING (walked with a stack of our own, so the
 * recursive parts of libbson below are bounded) and bson_validate passes.
 * It then becomes relaxed Extended JSON (bson_as_relaxed_extended_json)
 * and goes through the JSON walker, which unwraps {"$date": ...},
 * {"$oid": ...} and the like: the same path as documents sampled from a
 * live server (probe_mongodb.c), so a dump and its server give the same
 * fields. A document that fails the checks is counted and skipped; a
 * length that cannot be a document ends the file (nothing after it can
 * be framed).
 */
#include <bson/bson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ajar_limits.h"
#include "record/bson.h"

struct bsondump {
  const struct rec_sink *k;
  struct bsondump_stats st;
  unsigned char *doc;     /* the document being framed */
  size_t have, need, cap;
  int dead;               /* a length that cannot be a document was read */
  char err[160];
};

static uint32_t le32(const unsigned char *b) {
  return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
         (uint32_t)b[3] << 24;
}

int bsondump_sniff(const char *p, size_t n) {
  const unsigned char *b = (const unsigned char *)p;
  uint32_t len;
  if (n < 5) return 0;
  len = le32(b);
  if (len < 5 || len > AJAR_BSON_MAX_DOC) return 0;
  if (len == 5) return b[4] == 0;
  /* the first element: a known type byte, then a key */
  if (!((b[4] >= 0x01 && b[4] <= 0x13) || b[4] == 0x7f || b[4] == 0xff))
    return 0;
  return len <= n ? b[len - 1] == 0 : 1;
}

/* nesting within the cap, every element inside what holds it */
static int nesting_ok(const bson_t *b) {
  struct { bson_iter_t it; } *st; /* (bson_iter_t is over-aligned) */
  int depth = 0, ok = 0;
  st = malloc(AJAR_BSON_MAX_NESTING * sizeof *st);
  if (!st || !bson_iter_init(&st[0].it, b)) goto out;
  for (;;) {
    bson_iter_t *it = &st[depth].it;
    if (!bson_iter_next(it)) {
      if (it->err_off) goto out;
      if (!depth--) { ok = 1; goto out; }
      continue;
    }
    if (BSON_ITER_HOLDS_DOCUMENT(it) || BSON_ITER_HOLDS_ARRAY(it) ||
        BSON_ITER_HOLDS_CODEWSCOPE(it)) {
      const uint8_t *sd = NULL;
      uint32_t sl = 0, cl;
      bson_t sub;
      if (depth + 1 >= AJAR_BSON_MAX_NESTING) goto out;
      if (BSON_ITER_HOLDS_CODEWSCOPE(it)) bson_iter_codewscope(it, &cl, &sl, &sd);
      else if (BSON_ITER_HOLDS_DOCUMENT(it)) bson_iter_document(it, &sl, &sd);
      else bson_iter_array(it, &sl, &sd);
      if (!sd || !bson_init_static(&sub, sd, sl) ||
          !bson_iter_init(&st[depth + 1].it, &sub))
        goto out;
      depth++;
    }
  }
out:
  free(st);
  return ok;
}

/* a document that could not be read: counted, and a malformed record of
 * the collection unless the JSON walker ended it so already */
static void bad_doc(struct bsondump *d, int ended) {
  d->st.malformed++;
  if (!d->st.first_malformed) d->st.first_malformed = d->st.docs + d->st.malformed;
  if (!ended) rec_end(d->k, 1);
}

static void one_doc(struct bsondump *d) {
  bson_t b;
  size_t off, jl;
  char *js;
  if (!bson_init_static(&b, d->doc, d->need) || !nesting_ok(&b) ||
      !bson_validate(&b, BSON_VALIDATE_NONE, &off)) {
    bad_doc(d, 0);
    return;
  }
  js = bson_as_relaxed_extended_json(&b, &jl);
  if (!js) {
    bad_doc(d, 0);
    return;
  }
  if (json_walk_record(d->k, js, jl)) bad_doc(d, 1);
  else d->st.docs++;
  bson_free(js);
}

int bsondump_new(const struct rec_sink *k, struct bsondump **out) {
  struct bsondump *d = calloc(1, sizeof *d);
  if (!d) return AJAR_ENOMEM;
  d->k = k;
  d->need = 4;
  *out = d;
  return 0;
}

int bsondump_feed(struct bsondump *d, const char *p, size_t n) {
  while (n && !d->dead) {
    size_t take = d->need - d->have;
    if (take > n) take = n;
    if (d->have + take > d->cap) {
      size_t nc = d->cap ? d->cap : 4096;
      unsigned char *nd;
      while (nc < d->need) nc *= 2;
      if (!(nd = realloc(d->doc, nc))) return AJAR_ENOMEM;
      d->doc = nd;
      d->cap = nc;
    }
    memcpy(d->doc + d->have, p, take);
    d->have += take;
    p += take;
    n -= take;
    d->st.bytes += take;
    if (d->have < d->need) break;
    if (d->need == 4) { /* the length: the rest of the document follows */
      uint32_t len = le32(d->doc);
      if (len < 5 || len > AJAR_BSON_MAX_DOC) {
        snprintf(d->err, sizeof d->err,
                 "a BSON document length of %lu bytes at byte %llu (not 5 to %u)",
                 (unsigned long)len, (unsigned long long)(d->st.bytes - 4),
                 AJAR_BSON_MAX_DOC);
        d->dead = 1;
        return 0;
      }
      d->need = len;
      continue;
    }
    one_doc(d);
    d->have = 0;
    d->need = 4;
  }
  return 0;
}

int bsondump_finish(struct bsondump *d) {
  if (d->dead) return AJAR_EPARSE;
  if (d->have) {
    snprintf(d->err, sizeof d->err,
             "the BSON file ends inside a document (%llu of %llu bytes)",
             (unsigned long long)d->have, (unsigned long long)d->need);
    bad_doc(d, 0);
    return AJAR_EPARSE;
  }
  return 0;
}

const char *bsondump_error(const struct bsondump *d) { return d->err; }
const struct bsondump_stats *bsondump_stats(const struct bsondump *d) { return &d->st; }

void bsondump_free(struct bsondump *d) {
  if (!d) return;
  free(d->doc);
  free(d);
}
