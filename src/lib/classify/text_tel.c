/* The words that announce a phone number, and where one starts in a
 * text (text_tel.h). */
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "text_tel.h"

/* The words that announce a phone number: ITU-T E.123's "Tel." and
 * "Mobile", and their kin in the lexicon's languages, grouped by their
 * first byte (tel_group). A word added here needs its first two bytes
 * in tel_group and its first in tel_starts16: tests/unit/test_tel_words.c
 * compares both with a plain reading of this list. */
const struct tel_word tel_words[] = {
#define W(s) {s, sizeof s - 1}
    /* T */ W("Telephone"), W("Telefono"), W("Telefone"), W("Telefon"),
    W("Tel\xC3\xA9" "fono"), W("T\xC3\xA9l\xC3\xA9phone"), W("T\xC3\xA9l"),
    W("Tel"), W("TEL"), W("Tlf"),
    /* t */ W("telephone"), W("telefono"), W("telefone"), W("telefon"),
    W("tel\xC3\xA9" "fono"), W("t\xC3\xA9l\xC3\xA9phone"), W("t\xC3\xA9l"), W("tel"),
    /* P p */ W("Phone"), W("PHONE"), W("phone"),
    /* M m */ W("Mobile"), W("Mobil"), W("M\xC3\xB3vil"), W("mobile"), W("m\xC3\xB3vil"),
    /* H h */ W("Handy"), W("handy"),
    /* C c */ W("Cellulare"), W("Celular"), W("Cell"), W("cellulare"), W("celular"), W("cell"),
    /* F f G */ W("Fax"), W("fax"), W("GSM"),
    /* CJK, Hangul, Cyrillic */
    W("\xE7\x94\xB5\xE8\xAF\x9D"), /* 电话 */
    W("\xE6\x89\x8B\xE6\x9C\xBA"), /* 手机 */
    W("\xE6\x90\xBA\xE5\xB8\xAF"), /* 携帯 */
    W("\xE9\x9B\xBB\xE8\xA9\xB1"), /* 電話 */
    W("\xEC\xA0\x84\xED\x99\x94"), /* 전화 */
    W("\xD0\xA2\xD0\xB5\xD0\xBB"), /* Тел */
    W("\xD1\x82\xD0\xB5\xD0\xBB"), /* тел */
#undef W
};
const size_t tel_word_count = sizeof tel_words / sizeof tel_words[0];

/* Per first byte: the words of tel_words that start with it, [lo, hi)
 * (hi 0: none), and the bytes that come second in them, up to four (one
 * repeated to fill the four): most places a word may start, by their
 * first byte, fail on the second ("http", "T0" of a time, "me"), and
 * one test of the four tells them. */
#define NEXT(a, b, c, d) \
  ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16 | (uint32_t)(d) << 24)
static const struct { unsigned char lo, hi; uint32_t next; } tel_group[256] = {
    ['T'] = {0, 10, NEXT('e', 0xC3, 'E', 'l')},   ['t'] = {10, 18, NEXT('e', 0xC3, 'e', 'e')},
    ['P'] = {18, 20, NEXT('h', 'H', 'h', 'h')},    ['p'] = {20, 21, NEXT('h', 'h', 'h', 'h')},
    ['M'] = {21, 24, NEXT('o', 0xC3, 'o', 'o')},   ['m'] = {24, 26, NEXT('o', 0xC3, 'o', 'o')},
    ['H'] = {26, 27, NEXT('a', 'a', 'a', 'a')},    ['h'] = {27, 28, NEXT('a', 'a', 'a', 'a')},
    ['C'] = {28, 31, NEXT('e', 'e', 'e', 'e')},    ['c'] = {31, 34, NEXT('e', 'e', 'e', 'e')},
    ['F'] = {34, 35, NEXT('a', 'a', 'a', 'a')},    ['f'] = {35, 36, NEXT('a', 'a', 'a', 'a')},
    ['G'] = {36, 37, NEXT('S', 'S', 'S', 'S')},    [0xE7] = {37, 38, NEXT(0x94, 0x94, 0x94, 0x94)},
    [0xE6] = {38, 40, NEXT(0x89, 0x90, 0x89, 0x89)}, [0xE9] = {40, 41, NEXT(0x9B, 0x9B, 0x9B, 0x9B)},
    [0xEC] = {41, 42, NEXT(0xA0, 0xA0, 0xA0, 0xA0)}, [0xD0] = {42, 43, NEXT(0xA2, 0xA2, 0xA2, 0xA2)},
    [0xD1] = {43, 44, NEXT(0x82, 0x82, 0x82, 0x82)},
};
#undef NEXT

/* c is one of the four bytes of set */
static int byte_in(uint32_t set, unsigned char c) {
  uint32_t x = set ^ (uint32_t)c * 0x01010101u; /* a byte 0 where c is */
  return ((x - 0x01010101u) & ~x & 0x80808080u) != 0;
}

static int ascii_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

static inline int word_at(const char *v, size_t n, size_t i, int after) {
  unsigned char c = (unsigned char)v[i], p = i ? (unsigned char)v[i - 1] : ' ';
  size_t lo = tel_group[c].lo, hi = tel_group[c].hi, w;
  /* every word is 3 bytes or more; a Latin or Cyrillic one starts after
   * no letter, a CJK one anywhere */
  if (!hi || i + 1 >= n || !byte_in(tel_group[c].next, (unsigned char)v[i + 1]) ||
      (c < 0xE0 && (ascii_letter(p) || p >= 0x80)))
    return -1;
  for (w = lo > (size_t)(after + 1) ? lo : (size_t)(after + 1); w < hi; w++)
    if (i + tel_words[w].n <= n && v[i + 1] == tel_words[w].w[1] &&
        !memcmp(v + i, tel_words[w].w, tel_words[w].n))
      return (int)w;
  return -1;
}

int tel_word_at(const char *v, size_t n, size_t i, int after) { return word_at(v, n, i, after); }

#if defined(__SSE2__)
/* The places in v[i, i + 16) where a word of tel_words may start, one
 * bit each (i >= 1): a byte T P M H C F G (either case) at a word's
 * start (after no letter and no byte past ASCII), or a byte from 0xD0
 * (Cyrillic, CJK, Hangul; from 0xE0 anywhere). */
static unsigned tel_starts16(const char *v, size_t i) {
  const __m128i low = _mm_set1_epi8(0x20), zero = _mm_setzero_si128(),
                a1 = _mm_set1_epi8('a' - 1), z1 = _mm_set1_epi8('z' + 1),
                d0 = _mm_set1_epi8((char)0xCF), e0 = _mm_set1_epi8((char)0xDF);
  __m128i x = _mm_loadu_si128((const __m128i *)(v + i)), xl = _mm_or_si128(x, low);
  __m128i pl = _mm_or_si128(_mm_loadu_si128((const __m128i *)(v + i - 1)), low);
  /* bytes past ASCII are negative: no letter, and from 0xD0 above d0 */
  __m128i after = _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(pl, a1), _mm_cmplt_epi8(pl, z1)),
                               _mm_cmplt_epi8(pl, zero));
  __m128i ascii = _mm_or_si128(
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(xl, _mm_set1_epi8('t')),
                                _mm_cmpeq_epi8(xl, _mm_set1_epi8('p'))),
                   _mm_or_si128(_mm_cmpeq_epi8(xl, _mm_set1_epi8('m')),
                                _mm_cmpeq_epi8(xl, _mm_set1_epi8('h')))),
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(xl, _mm_set1_epi8('c')),
                                _mm_cmpeq_epi8(xl, _mm_set1_epi8('f'))),
                   _mm_cmpeq_epi8(xl, _mm_set1_epi8('g'))));
  __m128i high = _mm_and_si128(_mm_cmpgt_epi8(x, d0), _mm_cmplt_epi8(x, zero));
  __m128i anywhere = _mm_and_si128(_mm_cmpgt_epi8(x, e0), _mm_cmplt_epi8(x, zero));
  return (unsigned)_mm_movemask_epi8(
      _mm_or_si128(_mm_andnot_si128(after, _mm_or_si128(ascii, high)), anywhere));
}
#endif

/* 16 bytes a step (SSE2): each place a word may start is read once,
 * word_at decides; the rest byte by byte */
size_t tel_next(const char *v, size_t n, size_t i, size_t b, int *w) {
#if defined(__SSE2__)
  if (i == 0 && i < b) { /* the 16 bytes are read from v[i - 1] */
    if ((*w = word_at(v, n, 0, -1)) >= 0)
      return 0;
    i = 1;
  }
  for (; i < b && i + 16 <= n; i += 16) {
    unsigned m = tel_starts16(v, i);
    if (b - i < 16)
      m &= (1u << (b - i)) - 1;
    for (; m; m &= m - 1) {
      size_t j = i + (size_t)__builtin_ctz(m);
      if ((*w = word_at(v, n, j, -1)) >= 0)
        return j;
    }
  }
#endif
  for (; i < b; i++)
    if ((*w = word_at(v, n, i, -1)) >= 0)
      return i;
  return b;
}
