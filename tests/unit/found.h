/* What the classifier tests share: the candidates a callback kept, a
 * small random generator, random texts joined from pieces, and whether
 * two runs found the same. */
#ifndef AJAR_UNIT_FOUND_H
#define AJAR_UNIT_FOUND_H
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "classify.h"

#define MAX_FOUND 64

struct found {
  struct candidate c[MAX_FOUND];
  int n;
};

/* candidate_fn keeping the first MAX_FOUND candidates in a struct found */
static inline int keep(void *ctx, const struct candidate *c) {
  struct found *f = ctx;
  if (f->n < MAX_FOUND)
    f->c[f->n++] = *c;
  return 0;
}

/* xorshift32 */
static inline uint32_t rnd(uint32_t *x) {
  *x ^= *x << 13;
  *x ^= *x >> 17;
  *x ^= *x << 5;
  return *x;
}

/* at least want bytes into buf: two in three times one of the n_pieces
 * pieces, else one of the bytes (a string); the length is returned.
 * buf has room for want plus the longest piece. */
static inline size_t join_pieces(uint32_t *x, char *buf, size_t want,
                                 const char *const *pieces, size_t n_pieces,
                                 const char *bytes) {
  size_t n = 0, n_bytes = strlen(bytes);
  while (n < want) {
    if (rnd(x) % 3) {
      const char *p = pieces[rnd(x) % n_pieces];
      size_t l = strlen(p);
      memcpy(buf + n, p, l);
      n += l;
    } else {
      buf[n++] = bytes[rnd(x) % n_bytes];
    }
  }
  return n;
}

/* the same candidates in the same order */
static inline int same(const struct found *a, const struct found *b) {
  int i;
  if (a->n != b->n)
    return 0;
  for (i = 0; i < a->n; i++)
    if (a->c[i].det != b->c[i].det || a->c[i].from != b->c[i].from ||
        a->c[i].to != b->c[i].to || a->c[i].validated != b->c[i].validated ||
        a->c[i].embedded != b->c[i].embedded || a->c[i].column != b->c[i].column)
      return 0;
  return 1;
}

/* candidates and signals from classify_string_to: the signals callback */
struct found_sig {
  struct found f; /* first: keep takes a pointer to the whole */
  unsigned sig;
};
static inline void keep_sig(void *ctx, unsigned sig) {
  ((struct found_sig *)ctx)->sig |= sig;
}

/* classify_scalar (and classify_string_to or classify_number_to) and
 * classify_scalar_general on value i: whether they give other
 * candidates or signals (the first five such values are printed,
 * *differ counts them); general's candidates in *general */
static inline int scalar_differs(const struct ajar_db *db, struct ajar_scratch *s,
                                 uint32_t hints, enum value_kind kind, const char *v,
                                 size_t n, int i, struct found *general, int *differ) {
  struct found routed = {.n = 0};
  struct found_sig to = {.f = {.n = 0}, .sig = 0};
  struct value_sink k = {.e = {.fn = keep, .ctx = &to}, .db = db, .s = s, .signals = keep_sig};
  unsigned sig_r = classify_scalar(db, s, hints, kind, v, n, keep, &routed);
  unsigned sig_g = classify_scalar_general(db, s, hints, kind, v, n, keep, general);
  int to_differs = 0;
  if (kind == VK_STRING || !classify_scalar_nothing(hints, kind, n)) {
    if (kind == VK_STRING)
      classify_string_to(&k, hints, v, n);
    else
      classify_number_to(&k, hints, v, n);
    to_differs = !same(&to.f, general) || to.sig != sig_g;
  }
  if (same(&routed, general) && sig_r == sig_g && !to_differs)
    return 0;
  if ((*differ)++ < 5)
    fprintf(stderr,
            "value %d differs (%d vs %d candidates, signals %u vs %u; classify_..._to "
            "%d candidates, signals %u; hints %#x): %.*s\n",
            i, routed.n, general->n, sig_r, sig_g, to.f.n, to.sig, (unsigned)hints, (int)n, v);
  return 1;
}

#endif
