/* Internal: strings of ASCII digits, eight bytes a step (one 64-bit
 * word), for the number paths (value_number.c) and the validators. */
#ifndef AJAR_DIGITS_H
#define AJAR_DIGITS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* 0 when the 8 bytes of x are all digits: each byte's high nibble must
 * be 3, before and after adding 6 (a carry out of a byte comes only from
 * one that is no digit, and that byte fails anyway) */
static inline uint64_t word_not_digits(uint64_t x) {
  return ((x & 0xF0F0F0F0F0F0F0F0ull) |
          (((x + 0x0606060606060606ull) & 0xF0F0F0F0F0F0F0F0ull) >> 4)) ^
         0x3333333333333333ull;
}

/* the 8 digits at p as a number, or -1 when one of the bytes is no
 * digit: a 64-bit word is checked and converted at once (pairs, then
 * fours, then the eight) */
static inline int64_t eight_digits(const char *p) {
  uint64_t x;
  memcpy(&x, p, sizeof x);
  if (word_not_digits(x))
    return -1;
  x -= 0x3030303030303030ull;      /* little-endian: the first digit lowest */
  x = x * 10 + (x >> 8);           /* each 16 bits: two digits, in the low byte */
  x = ((x & 0x000000FF000000FFull) * (100 + (1000000ull << 32)) +
       ((x >> 16) & 0x000000FF000000FFull) * (1 + (10000ull << 32))) >> 32;
  return (int64_t)x;
}

/* whether v holds digits only (1 for n == 0): eight bytes a step from 8
 * bytes on, the last step overlapping; 9 to 16 bytes (most ids, phones
 * and epochs) are two words with no loop */
static inline int digits_only(const char *v, size_t n) {
  uint64_t x, bad = 0;
  size_t i;
  if (n < 8) {
    for (i = 0; i < n; i++)
      if ((unsigned)(v[i] - '0') > 9)
        return 0;
    return 1;
  }
  if (n <= 16) {
    memcpy(&x, v, sizeof x);
    bad = word_not_digits(x);
    memcpy(&x, v + n - 8, sizeof x);
    return !(bad | word_not_digits(x));
  }
  for (i = 0; i + 8 < n; i += 8) {
    memcpy(&x, v + i, sizeof x);
    bad |= word_not_digits(x);
  }
  memcpy(&x, v + n - 8, sizeof x);
  return !(bad | word_not_digits(x));
}

/* whether the n (>= 1) bytes of v all equal its first: eight a step from
 * 8 bytes on, the last step overlapping */
static inline int bytes_all_same(const char *v, size_t n) {
  uint64_t x, b = 0x0101010101010101ull * (unsigned char)v[0], diff = 0;
  size_t i;
  if (n < 8) {
    for (i = 1; i < n; i++)
      if (v[i] != v[0])
        return 0;
    return 1;
  }
  for (i = 0; i + 8 < n; i += 8) {
    memcpy(&x, v + i, sizeof x);
    diff |= x ^ b;
  }
  memcpy(&x, v + n - 8, sizeof x);
  return !(diff | (x ^ b));
}

#endif
