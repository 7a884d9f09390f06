/* Internal: the field of an object key, found from the key's bytes in one
 * probe, whatever order the keys come in (collection.c, field_next and
 * field_next_quoted).
 *
 * A key of 1..15 plain bytes read with its closing quote is 16 bytes or
 * fewer: loaded as one vector (the lanes past the quote cleared), hashed
 * with its parent into a table of slot pairs (two ways) and compared
 * whole: the key's slot, then its pair's. Records
 * whose keys come in varying order (short records of many kinds) miss
 * the per-field predictions of the next key; this table does not depend
 * on order. A slot holds what field_child gave for (parent, key), so a
 * hit returns what the hash table would; a collision only evicts.
 */
#ifndef AJAR_KEYCACHE_H
#define AJAR_KEYCACHE_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <emmintrin.h>
#include "classify/shape.h" /* ajar_keep_lanes, shape_load_part */

#define KEY_CACHE_BITS 9

struct key_slot {
  char key16[16];  /* the key, its closing quote, zeros */
  uint32_t parent; /* the object's field */
  uint32_t field;  /* the key's field */
  uint32_t len, pad;
};

struct key_cache {
  struct key_slot slot[1u << KEY_CACHE_BITS];
};

_Static_assert(sizeof(struct key_slot) == 32, "key_cache_offset's shift");

/* the byte offset of the slot of (parent, key16) in slot[]: one
 * multiply, its top KEY_CACHE_BITS times 32 with one shift and one AND
 * (not an index shifted back). Bytes 7-14 are folded onto bytes 0-7 in
 * the vector (byte 15 of a key is its quote or zero), so no second
 * 64-bit half is moved out and shifted. */
static inline size_t key_cache_offset(__m128i key, uint32_t parent) {
  uint64_t x = (uint64_t)_mm_cvtsi128_si64(_mm_xor_si128(key, _mm_srli_si128(key, 7)));
  uint64_t h = (x ^ ((uint64_t)parent << 32)) * 0x9E3779B97F4A7C15ull;
  return (size_t)(h >> (64 - KEY_CACHE_BITS - 5)) & (((1u << KEY_CACHE_BITS) - 1) << 5);
}
#define KEY_SLOT(kc, off) ((const struct key_slot *)((const char *)(kc)->slot + (off)))

/* The field of the key that starts at k (just past its opening quote) in
 * an object of parent, *klen its length; UINT32_MAX when the table does
 * not hold it or the key is not 1..15 plain bytes. Nothing at or past end
 * is used: near end the 16 bytes are loaded as shape_load_part loads them
 * (past end but never past k's page, or copied), the lanes past end
 * cleared. */
static inline uint32_t key_cache_find(const struct key_cache *kc, uint32_t parent,
                                      const char *k, const char *end,
                                      size_t *klen) {
  __m128i v, key, keep;
  const struct key_slot *s;
  unsigned q, len;
  size_t off;
  if (end - k >= 16)
    v = _mm_loadu_si128((const __m128i *)k);
  else if (end - k >= 2) /* the last key of a record */
    v = shape_load_part(k, (size_t)(end - k));
  else
    return UINT32_MAX;
  q = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
  if (!(q & 0xFFFEu)) /* no quote, or an empty key */
    return UINT32_MAX;
  len = (unsigned)__builtin_ctz(q);
  /* the key and its quote: the first len + 1 lanes */
  keep = _mm_loadu_si128((const __m128i *)(ajar_keep_lanes + 15 - len));
  key = _mm_and_si128(v, keep);
  off = key_cache_offset(key, parent);
  s = KEY_SLOT(kc, off);
  /* equal vectors are equal lengths (the quote is in both at len); an
   * empty slot, all zeros, equals no key. Two ways: the key's slot, then
   * its pair's (the slot's index ^ 1), where key_cache_put puts a key
   * whose slot is taken. */
  if (s->parent != parent ||
      _mm_movemask_epi8(_mm_cmpeq_epi8(key, _mm_loadu_si128((const __m128i *)s->key16))) !=
          0xFFFF) {
    s = KEY_SLOT(kc, off ^ sizeof *s);
    if (s->parent != parent ||
        _mm_movemask_epi8(_mm_cmpeq_epi8(key, _mm_loadu_si128((const __m128i *)s->key16))) !=
            0xFFFF)
      return UINT32_MAX;
  }
  *klen = len;
  return s->field;
}

/* Remember field as the child of parent named by the len (1..15) plain
 * bytes of leaf16 (zero-padded). */
static inline void key_cache_put(struct key_cache *kc, uint32_t parent,
                                 const char *leaf16, size_t len, uint32_t field) {
  struct key_slot *s;
  char key16[16];
  __m128i key;
  unsigned idx;
  memcpy(key16, leaf16, 16);
  key16[len] = '"';
  key = _mm_loadu_si128((const __m128i *)key16);
  idx = (unsigned)(key_cache_offset(key, parent) / sizeof *s);
  s = &kc->slot[idx];
  /* the key's slot when it is free or holds this key, else its pair's
   * (which the key before in that pair leaves): two keys of one slot
   * (pretty JSON's keys under each level of nesting collide now and
   * then) are both found */
  if (s->len && (s->parent != parent || memcmp(s->key16, key16, 16)))
    s = &kc->slot[idx ^ 1];
  memcpy(s->key16, key16, 16);
  s->parent = parent;
  s->field = field;
  s->len = (uint32_t)len;
}
#endif
