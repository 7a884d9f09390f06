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

/* whether v holds digits only (1 for n == 0): eight bytes a step from 8
 * bytes on, the last step overlapping */
static inline int digits_only(const char *v, size_t n) {
  uint64_t x, bad = 0;
  size_t i;
  if (n < 8) {
    for (i = 0; i < n; i++)
      if ((unsigned)(v[i] - '0') > 9)
        return 0;
    return 1;
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
