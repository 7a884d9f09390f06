/* Internal to the words of values: what value_person.c (names,
 * vocabularies, what a field's name says) and value_address.c (street
 * addresses) share. Each builds its own tables from its own lists; they
 * share the shape of a list and of a table of words keyed by 16 bytes. */
#ifndef AJAR_VALUE_WORDS_H
#define AJAR_VALUE_WORDS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct word { const char *s; size_t n; };
#define WORD(x) {x, sizeof x - 1}

/* w (n bytes, n >= 1) is one of the k words of list; the length and the
 * first byte are compared before the rest (the lists are particles of
 * a few bytes, asked of every short lower-case word) */
static inline int word_in(const struct word *list, size_t k, const char *w, size_t n) {
  size_t i;
  for (i = 0; i < k; i++)
    if (list[i].n == n && list[i].s[0] == w[0] && !memcmp(list[i].s + 1, w + 1, n - 1))
      return 1;
  return 0;
}

/* A table of words of 1 to 16 bytes, open addressing over `slots` (a
 * power of two) entries: a word is its 16 zero-padded bytes (two 64-bit
 * halves) and its length, so that a lookup hashes and compares the
 * halves, with no byte loop; val is what the table's file says of it
 * (a class of names, the ADDR_* bits of addresses). */
struct pkey { uint64_t lo, hi; uint8_t len, val; };

static inline unsigned pkey_slot(uint64_t lo, uint64_t hi, size_t len, unsigned slots) {
  uint64_t h = (lo * 0x9E3779B97F4A7C15ull) ^ (hi * 0xC2B2AE3D27D4EB4Full) ^ len;
  return (unsigned)(h ^ h >> 32) & (slots - 1);
}

/* the entry of the padded key (len bytes), NULL when none */
static inline const struct pkey *pkey_find(const struct pkey *t, unsigned slots, uint64_t lo,
                                           uint64_t hi, size_t len) {
  unsigned i;
  for (i = pkey_slot(lo, hi, len, slots); t[i].len; i = (i + 1) & (slots - 1))
    if (t[i].len == len && t[i].lo == lo && t[i].hi == hi)
      return &t[i];
  return NULL;
}

/* the entry of w, added with val 0 when it is not in t yet; NULL when w
 * has no byte or over 16 (no lookup asks for such a word). At most half
 * of the slots are filled (each file asserts it of its lists). */
static inline struct pkey *pkey_put(struct pkey *t, unsigned slots, const struct word *w) {
  char k[16] = {0};
  uint64_t lo, hi;
  unsigned i;
  if (w->n == 0 || w->n > 16)
    return NULL;
  memcpy(k, w->s, w->n);
  memcpy(&lo, k, 8);
  memcpy(&hi, k + 8, 8);
  for (i = pkey_slot(lo, hi, w->n, slots); t[i].len; i = (i + 1) & (slots - 1))
    if (t[i].len == w->n && t[i].lo == lo && t[i].hi == hi)
      return &t[i];
  t[i].lo = lo;
  t[i].hi = hi;
  t[i].len = (uint8_t)w->n;
  return &t[i];
}

#endif
