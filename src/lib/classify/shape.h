/* Internal: the shape of a value, the classes of bytes it holds. */
#ifndef AJAR_SHAPE_H
#define AJAR_SHAPE_H

#include <stddef.h>
#include <stdint.h>

enum {
  C_DIGIT = 1u << 0, C_UPPER = 1u << 1, C_LOWER = 1u << 2, C_SPACE = 1u << 3,
  C_AT = 1u << 4, C_DASH = 1u << 5, C_COLON = 1u << 6, C_DOT = 1u << 7,
  C_PLUS = 1u << 8, C_SLASH = 1u << 9, C_EQ = 1u << 10, C_UNDER = 1u << 11,
  C_HIGH = 1u << 12, C_PAREN = 1u << 13, C_DOLLAR = 1u << 14,
  C_COMMA = 1u << 15, C_OTHER = 1u << 16, C_HEXALPHA = 1u << 17,
  C_NL = 1u << 18,
};

#if defined(__SSSE3__)
#include <string.h>
#include <emmintrin.h>
extern const int8_t ajar_keep_lanes[32];

/* The k (1..16) bytes at p in a vector, the lanes past them cleared. 16
 * bytes are loaded when they stay inside p's page (mapped if p's bytes
 * are), else the k are copied. Hence no_sanitize: the load may read
 * bytes past the value (never past its page). */
__m128i shape_load_copy(const char *p, size_t k);
__attribute__((no_sanitize("address")))
static inline __m128i shape_load_part(const char *p, size_t k) {
  __m128i x;
  /* the copy (one value in 256) is out of line: inlined, its buffer
   * would give every caller a stack frame */
  if (__builtin_expect(((uintptr_t)p & 4095) > 4096 - 16, 0))
    return shape_load_copy(p, k);
  x = _mm_loadu_si128((const __m128i *)p);
  return _mm_and_si128(x, _mm_loadu_si128((const __m128i *)(ajar_keep_lanes + 16 - k)));
}

/* 1 when the k (0..16) bytes at a equal the first k of b16, a 16-byte
 * zero-padded copy; a may be read past its k bytes, never past its page */
static inline int same_prefix16(const char *a, size_t k, const char *b16) {
  if (k == 0)
    return 1;
  return _mm_movemask_epi8(_mm_cmpeq_epi8(
             shape_load_part(a, k), _mm_loadu_si128((const __m128i *)b16))) == 0xFFFF;
}
#else
#include <string.h>
static inline int same_prefix16(const char *a, size_t k, const char *b16) {
  return memcmp(a, b16, k) == 0;
}
#endif

/* a hash of the k (0..16) bytes at a, read as same_prefix16 reads them */
uint64_t hash_prefix16(const char *a, size_t k);

/* 1 when the CPU runs AVX2 (the long loops then take 32 bytes a step) */
extern int ajar_have_avx2;

/* the first '"' or '\\' in [p, end), or the last 32-byte step's end
 * (< 32 bytes before end) when there is none; AVX2 only */
const char *quote_or_escape_avx2(const char *p, const char *end);
/* whether v holds a digit or '@' in its first n - n % 32 bytes; AVX2 only */
int digit_or_at_avx2(const char *v, size_t n);

/* numeric_array's inner loop: from p, 32 bytes a step while every byte is
 * a digit . , - or space and no 16 of them are all digits; adds the
 * commas to *commas and returns where it stopped; AVX2 only */
const char *number_run_avx2(const char *p, const char *end, size_t *commas);

/* 0 when v is made of the bytes of base64 (A-Z a-z 0-9 + / =, \n \v \f
 * \r) and no pattern of textdb.c can match in it (shape.c says why);
 * 1 when one may (then classify_text must look) */
int b64_text_may_match(const char *v, size_t n);

/* C_* bits of the bytes of v; in *digits how many are '0'-'9', in *seps
 * how many are ' ', '-' or '.' (the separators of printed ids) */
unsigned value_shape(const char *v, size_t n, size_t *digits, size_t *seps);
/* the same, a byte at a time (the reference the tests compare with) */
unsigned value_shape_bytes(const char *v, size_t n, size_t *digits,
                           size_t *seps);

#endif
