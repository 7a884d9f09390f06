/* Check-digit and structure validators for identifiers.
 *
 * Hand-written on purpose: check digits (ISO 7064, Luhn, Verhoeff, mod 97,
 * weighted mod 11 ...) are arithmetic, and no regex engine can express
 * them. Each function is implemented from the published algorithm; the
 * source of each algorithm is named in a short comment above it
 * (python-stdnum module docs, Presidio recognizers, ISO/ITU standards).
 * No code was copied from those projects.
 *
 * Contract (see validators.h): inputs are (pointer, length), never read
 * past s[n-1], any n (0 included) and any bytes are safe, nothing is
 * allocated, the return value is 1 (valid) or 0.
 */
#include "validators.h"
#include "lexicon.h"

#include <stdint.h>
#include <string.h>
#include "digits.h"
#include "shape.h"
#if defined(__SSSE3__)
#include <emmintrin.h>
#include <tmmintrin.h>
#endif

/* ---------------------------------------------------------------- helpers */

static int is_dig(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_up(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_low(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_alpha(unsigned char c) { return is_up(c) || is_low(c); }
static unsigned char to_up(unsigned char c) {
  return is_low(c) ? (unsigned char)(c - 'a' + 'A') : c;
}
static int hex_val(unsigned char c) {
  if (is_dig(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
/* 1 for the hex digits 0-9 a-f A-F */
static const unsigned char hex_ok[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
    ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1,
    ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['A'] = 1, ['B'] = 1,
    ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
};
/* 1 + the value of a hex digit, 0 for any other byte */
static const unsigned char hex1[256] = {
    ['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6,
    ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10, ['a'] = 11, ['b'] = 12,
    ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16, ['A'] = 11, ['B'] = 12,
    ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};
static int dv(const char *s, size_t i) { return (unsigned char)s[i] - '0'; }

static int all_digits(const char *s, size_t n) {
  return s && n && digits_only(s, n);
}

/* 1 when every byte equals the first (case-insensitive), n >= 1 */
static int all_same(const char *s, size_t n) {
  size_t i;
  for (i = 1; i < n; i++)
    if (to_up((unsigned char)s[i]) != to_up((unsigned char)s[0])) return 0;
  return 1;
}

/* value of s[i..i+len) as a decimal number (caller checked digits) */
static long num_at(const char *s, size_t i, size_t len) {
  long v = 0;
  size_t k;
  for (k = 0; k < len; k++) v = v * 10 + dv(s, i + k);
  return v;
}

#if !defined(__SSSE3__)
/* sum of w[i] * digit i over the n (<= 16) digits at s (caller checked
 * them); with SSSE3 the CN id and CPF checks take theirs by pmaddubsw */
static int weighted_digits(const char *s, size_t n, const int8_t w[16]) {
  int sum = 0;
  size_t i;
  for (i = 0; i < n; i++) sum += w[i] * dv(s, i);
  return sum;
}
#endif

/* ------------------------------------------------------- building blocks */

/* Luhn mod 10 (ISO/IEC 7812-1); Presidio credit_card_recognizer, stdnum luhn */
/* 2d, less 9 when over 9 */
static const unsigned char luhn_twice[16] = {0, 2, 4, 6, 8, 1, 3, 5, 7, 9};

#if defined(__SSSE3__)
/* Luhn's sum of the k (1..16) bytes at p, added to *sum: the digits in
 * the lanes of dbl doubled (a lookup by pshufb), all summed by psadbw;
 * 0 when one of the bytes is no digit */
static int luhn_part(const char *p, size_t k, __m128i dbl, unsigned *sum) {
  __m128i x = shape_load_part(p, k), d, t;
  __m128i isd = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                              _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
  unsigned want = (1u << k) - 1;
  if (((unsigned)_mm_movemask_epi8(isd) & want) != want) return 0;
  d = _mm_and_si128(_mm_sub_epi8(x, _mm_set1_epi8('0')), isd); /* lanes past k: 0 */
  t = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)luhn_twice), d);
  d = _mm_or_si128(_mm_and_si128(dbl, t), _mm_andnot_si128(dbl, d));
  d = _mm_sad_epu8(d, _mm_setzero_si128());
  *sum += (unsigned)_mm_cvtsi128_si32(d) + (unsigned)_mm_extract_epi16(d, 4);
  return 1;
}
#endif

int ajar_luhn_ok_bytes(const char *digits, size_t n) {
  unsigned sum = 0, a, b;
  size_t i = n;
  if (!digits || n == 0) return 0;
  /* from the right: the check digit as is, the next one doubled, ... */
  while (i >= 2) {
    a = (unsigned)(unsigned char)digits[i - 1] - '0';
    b = (unsigned)(unsigned char)digits[i - 2] - '0';
    if (a > 9 || b > 9) return 0;
    sum += a + luhn_twice[b];
    i -= 2;
  }
  if (i) {
    a = (unsigned)(unsigned char)digits[0] - '0';
    if (a > 9) return 0;
    sum += a;
  }
  return sum % 10 == 0;
}

#if defined(__SSSE3__)
/* luhn_part's sum for k (1..16) bytes known to be digits: no digit test */
static unsigned luhn_part_digits(const char *p, size_t k, __m128i dbl) {
  /* the part-vector's lanes past k are 0: saturated to 0 by the '0' */
  __m128i d = _mm_subs_epu8(shape_load_part(p, k), _mm_set1_epi8('0'));
  __m128i t = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)luhn_twice), d);
  d = _mm_sad_epu8(_mm_or_si128(_mm_and_si128(dbl, t), _mm_andnot_si128(dbl, d)),
                   _mm_setzero_si128());
  return (unsigned)_mm_cvtsi128_si32(d) + (unsigned)_mm_extract_epi16(d, 4);
}
#endif

int ajar_luhn_digits(const char *digits, size_t n) {
#if defined(__SSSE3__)
  if (n >= 1 && n <= 32) {
    const __m128i dbl = _mm_set1_epi16(n & 1 ? (short)0xFF00 : 0x00FF);
    unsigned sum = luhn_part_digits(digits, n < 16 ? n : 16, dbl);
    if (n > 16)
      sum += luhn_part_digits(digits + 16, n - 16, dbl);
    return sum % 10 == 0;
  }
#endif
  return ajar_luhn_ok_bytes(digits, n);
}

int ajar_luhn_ok(const char *digits, size_t n) {
  if (!digits || n == 0) return 0;
#if defined(__SSSE3__)
  /* up to 32 digits (a card has 12-19): one or two part-vectors; the
   * digit at i is doubled when n - 1 - i is odd, i.e. i and n have the
   * same parity, in both 16-byte halves */
  if (n <= 32) {
    const __m128i dbl = _mm_set1_epi16(n & 1 ? (short)0xFF00 : 0x00FF);
    unsigned sum = 0;
    if (!luhn_part(digits, n < 16 ? n : 16, dbl, &sum) ||
        (n > 16 && !luhn_part(digits + 16, n - 16, dbl, &sum)))
      return 0;
    return sum % 10 == 0;
  }
#endif
  return ajar_luhn_ok_bytes(digits, n);
}

/* Verhoeff (dihedral group D5); stdnum verhoeff, Presidio in_aadhaar */
static const unsigned char verhoeff_d[10][10] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
    {2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
    {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
    {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
static const unsigned char verhoeff_p[8][10] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
    {5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
    {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};

int ajar_verhoeff_ok(const char *digits, size_t n) {
  int c = 0;
  size_t i;
  if (!all_digits(digits, n)) return 0;
  for (i = 0; i < n; i++) c = verhoeff_d[c][verhoeff_p[i % 8][dv(digits, n - 1 - i)]];
  return c == 0;
}

/* Proleptic Gregorian calendar; years limited to 1..9999 (like ISO 8601
 * basic dates and Python's datetime.date). */
int ajar_date_ok(int year, int month, int day) {
  static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int dim;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return 0;
  dim = mdays[month - 1];
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
    dim = 29;
  return day <= dim;
}

/* ----------------------------------------------------------- national ids */

/* CN resident identity card (GB 11643-1999): ISO 7064 MOD 11-2 check
 * character, birth date, province-level region code. stdnum cn/ric. */
static const unsigned char cn_region[100] = {
    [11 ... 15] = 1, [21 ... 23] = 1, [31 ... 37] = 1, [41 ... 46] = 1, [50 ... 54] = 1,
    [61 ... 65] = 1, [71] = 1, [81 ... 83] = 1, [91] = 1};

/* the two digits at s[i] as a number (caller checked them) */
static int two_at(const char *s, size_t i) { return dv(s, i) * 10 + dv(s, i + 1); }

int ajar_cn_ric_digits(const char *s) {
  /* the weights of the first 16 digits; the 17th weighs 2 */
  static const int8_t w[16] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4};
  static const char chk[] = "10X98765432";
  int sum, year;
  if (!is_dig((unsigned char)s[17]) && to_up((unsigned char)s[17]) != 'X')
    return 0;
#if defined(__SSSE3__)
  {
    /* the 16 digits once: their pairs as numbers (10, 1 a pair: region,
     * the year's halves, month, day) and the weighted sum, both by
     * pmaddubsw */
    __m128i d = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)s), _mm_set1_epi8('0'));
    __m128i two = _mm_maddubs_epi16(_mm_set1_epi16(0x010A), d);
    __m128i p = _mm_madd_epi16(_mm_maddubs_epi16(d, _mm_loadu_si128((const __m128i *)w)),
                               _mm_set1_epi16(1));
    if (!cn_region[_mm_extract_epi16(two, 0)]) return 0;
    year = _mm_extract_epi16(two, 3) * 100 + _mm_extract_epi16(two, 4);
    if (year < 1900 || year > 2030) return 0;
    if (!ajar_date_ok(year, _mm_extract_epi16(two, 5), _mm_extract_epi16(two, 6))) return 0;
    p = _mm_add_epi32(p, _mm_srli_si128(p, 8));
    p = _mm_add_epi32(p, _mm_srli_si128(p, 4));
    sum = _mm_cvtsi128_si32(p) + 2 * dv(s, 16);
  }
#else
  if (!cn_region[two_at(s, 0)]) return 0;
  year = two_at(s, 6) * 100 + two_at(s, 8);
  if (year < 1900 || year > 2030) return 0;
  if (!ajar_date_ok(year, two_at(s, 10), two_at(s, 12))) return 0;
  sum = weighted_digits(s, 16, w) + 2 * dv(s, 16);
#endif
  return chk[sum % 11] == (char)to_up((unsigned char)s[17]);
}

int ajar_valid_cn_resident_id(const char *s, size_t n) {
  return s && n == 18 && all_digits(s, 17) && ajar_cn_ric_digits(s);
}

/* US SSN: SSA allocation rules (area 000/666/9xx, group 00, serial 0000)
 * plus well-known invalid/advertising numbers. Presidio us_ssn_recognizer. */
int ajar_valid_us_ssn(const char *s, size_t n) {
  long area;
  if (n != 9 || !all_digits(s, n) || bytes_all_same(s, n)) return 0;
  area = num_at(s, 0, 3);
  if (area == 0 || area == 666 || area >= 900) return 0;
  if (num_at(s, 3, 2) == 0 || num_at(s, 5, 4) == 0) return 0;
  if (!memcmp(s, "123456789", 9) || !memcmp(s, "078051120", 9) ||
      !memcmp(s, "219099999", 9))
    return 0;
  return 1;
}

/* UK National Insurance number: HMRC prefix rules, no checksum.
 * Presidio uk_nino_recognizer. */
int ajar_valid_uk_nino(const char *s, size_t n) {
  static const char *const bad[] = {"BG", "GB", "NK", "KN", "NT", "TN", "ZZ"};
  unsigned char a, b;
  size_t i;
  if (!s || (n != 8 && n != 9)) return 0;
  a = to_up((unsigned char)s[0]);
  b = to_up((unsigned char)s[1]);
  if (!is_up(a) || !is_up(b)) return 0;
  if (strchr("DFIQUV", a)) return 0;
  if (strchr("DFIOQUV", b)) return 0;
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
    if (a == (unsigned char)bad[i][0] && b == (unsigned char)bad[i][1]) return 0;
  if (!all_digits(s + 2, 6)) return 0;
  if (n == 9) {
    unsigned char c = to_up((unsigned char)s[8]);
    if (c < 'A' || c > 'D') return 0;
  }
  return 1;
}

/* ES DNI / NIE: letter = "TRWAGMYFPDXBNJZSQVHLCKE"[number mod 23];
 * NIE maps X/Y/Z to 0/1/2. stdnum es/dni, es/nie; Presidio es_nif/es_nie. */
static const char es_letters[] = "TRWAGMYFPDXBNJZSQVHLCKE";

int ajar_valid_es_dni(const char *s, size_t n) {
  if (n != 9 || !all_digits(s, 8)) return 0;
  return es_letters[num_at(s, 0, 8) % 23] == (char)to_up((unsigned char)s[8]);
}

int ajar_valid_es_nie(const char *s, size_t n) {
  unsigned char p;
  long v;
  if (!s || n != 9 || !all_digits(s + 1, 7)) return 0;
  p = to_up((unsigned char)s[0]);
  if (p < 'X' || p > 'Z') return 0;
  v = (long)(p - 'X') * 10000000L + num_at(s, 1, 7);
  return es_letters[v % 23] == (char)to_up((unsigned char)s[8]);
}

/* IN Aadhaar: 12 digits, first 2-9, Verhoeff, not a palindrome.
 * Presidio in_aadhaar_recognizer; stdnum in_/aadhaar. */
int ajar_valid_in_aadhaar(const char *s, size_t n) {
  return n == 12 && all_digits(s, n) && ajar_in_aadhaar_digits(s);
}

/* The same on 12 digits. The palindrome test is one 64-bit compare: the
 * first 6 bytes against the last 6 reversed (a byte swap of bytes 4-11).
 * Verhoeff's loop is unrolled, each position's permutation row a
 * constant, and the group table holds ten times its elements, so a step
 * is two loads and an add (c10 = 10 c): about half the instructions of
 * ajar_verhoeff_ok's loop, which stays the reference the unit tests
 * compare with (test_validators_fast.c). */
int ajar_in_aadhaar_digits(const char *s) {
  /* verhoeff_d times ten, row by row */
  static const unsigned char d10[100] = {
    0, 10, 20, 30, 40, 50, 60, 70, 80, 90,
    10, 20, 30, 40, 0, 60, 70, 80, 90, 50,
    20, 30, 40, 0, 10, 70, 80, 90, 50, 60,
    30, 40, 0, 10, 20, 80, 90, 50, 60, 70,
    40, 0, 10, 20, 30, 90, 50, 60, 70, 80,
    50, 90, 80, 70, 60, 0, 40, 30, 20, 10,
    60, 50, 90, 80, 70, 10, 0, 40, 30, 20,
    70, 60, 50, 90, 80, 20, 10, 0, 40, 30,
    80, 70, 60, 50, 90, 30, 20, 10, 0, 40,
    90, 80, 70, 60, 50, 40, 30, 20, 10, 0,
  };
  uint64_t head, tail;
  unsigned c10 = 0;
  int i;
  if (s[0] < '2') return 0;
  memcpy(&head, s, 8);
  memcpy(&tail, s + 4, 8);
  if (!((head ^ __builtin_bswap64(tail)) & 0xFFFFFFFFFFFFull)) return 0;
  for (i = 0; i < 12; i++)
    c10 = d10[c10 + verhoeff_p[i % 8][dv(s, (size_t)(11 - i))]];
  return c10 == 0;
}

/* FR NIR (numero de securite sociale): key = 97 - (first 13 mod 97), with
 * Corsica 2A -> 19 and 2B -> 18 for the computation. stdnum fr/nir.
 * Lenient on the month: 01-12 and 20-99 (special/unknown months). */
int ajar_valid_fr_nir(const char *s, size_t n) {
  uint64_t num = 0; /* the first 13 characters as digits: < 10^13 */
  unsigned month, d, key;
  size_t i;
  unsigned char d6;
  if (!s || n != 15) return 0;
  switch (s[0]) {
  case '1': case '2': case '3': case '4': case '7': case '8': break;
  default: return 0;
  }
  d6 = to_up((unsigned char)s[6]);
  for (i = 0; i < 13; i++) {
    if (i == 5 && s[5] == '2' && (d6 == 'A' || d6 == 'B')) {
      num = num * 100 + (d6 == 'A' ? 19 : 18); /* Corsica: 2A 19, 2B 18 */
      i++;
      continue;
    }
    d = (unsigned)(unsigned char)s[i] - '0';
    if (d > 9) return 0;
    num = num * 10 + d;
  }
  if (!is_dig((unsigned char)s[13]) || !is_dig((unsigned char)s[14])) return 0;
  month = (unsigned)(dv(s, 3) * 10 + dv(s, 4));
  if (month == 0 || (month > 12 && month < 20)) return 0;
  key = (unsigned)(dv(s, 13) * 10 + dv(s, 14));
  return key == 97 - (unsigned)(num % 97);
}

/* The same on 15 digits (no Corsican letter then): the first 13 as one
 * number, eight digits as one 64-bit word (digits.h) */
int ajar_fr_nir_digits(const char *s) {
  unsigned month = (unsigned)two_at(s, 3), key = (unsigned)two_at(s, 13);
  uint64_t num;
  /* the first digit 1, 2, 3, 4, 7 or 8 (bits of 0x19E) */
  if (!(0x19Eu >> dv(s, 0) & 1) || month == 0 || (month > 12 && month < 20)) return 0;
  num = (uint64_t)eight_digits(s) * 100000 + (uint64_t)num_at(s, 8, 5);
  return key == 97 - (unsigned)(num % 97);
}

/* IT codice fiscale: odd/even position tables, sum mod 26 -> letter;
 * omocodia letters LMNPQRSTUV may replace digits. stdnum it/codicefiscale,
 * Presidio it_fiscal_code_recognizer. */
static int it_omocodia(unsigned char c) {
  static const char om[] = "LMNPQRSTUV";
  const char *p;
  if (is_dig(c)) return c - '0';
  if (c == '\0') return -1;
  p = strchr(om, c);
  return p ? (int)(p - om) : -1;
}

int ajar_valid_it_codice_fiscale(const char *s, size_t n) {
  /* value at odd (1-based) positions for A..Z, digits share A..J values */
  static const int odd[26] = {1,  0,  5,  7,  9,  13, 15, 17, 19,
                              21, 2,  4,  18, 20, 11, 3,  6,  8,
                              12, 14, 16, 10, 22, 25, 24, 23};
  static const char months[] = "ABCDEHLMPRST";
  static const int digit_pos[] = {6, 7, 9, 10, 12, 13, 14};
  unsigned char u[16];
  int sum = 0, yy, mm, dd;
  size_t i;
  const char *mp;
  if (!s || n != 16) return 0;
  for (i = 0; i < 16; i++) {
    u[i] = to_up((unsigned char)s[i]);
    if (!is_up(u[i]) && !is_dig(u[i])) return 0;
  }
  for (i = 0; i < 6; i++)
    if (!is_up(u[i])) return 0;
  if (!is_up(u[8]) || !is_up(u[11]) || !is_up(u[15])) return 0;
  for (i = 0; i < sizeof digit_pos / sizeof digit_pos[0]; i++)
    if (it_omocodia(u[digit_pos[i]]) < 0) return 0;
  /* birth date: YY, month letter, DD (+40 for women) */
  mp = strchr(months, u[8]);
  if (!mp) return 0;
  mm = (int)(mp - months) + 1;
  yy = it_omocodia(u[6]) * 10 + it_omocodia(u[7]);
  dd = it_omocodia(u[9]) * 10 + it_omocodia(u[10]);
  if (dd > 40) dd -= 40;
  if (!ajar_date_ok(1900 + yy, mm, dd) && !ajar_date_ok(2000 + yy, mm, dd))
    return 0;
  for (i = 0; i < 15; i++) {
    int v = is_dig(u[i]) ? u[i] - '0' : u[i] - 'A';
    sum += (i % 2 == 0) ? odd[v] : v;
  }
  return u[15] == 'A' + sum % 26;
}

/* BR CPF: two mod-11 check digits (weights 10..2, then 11..2).
 * stdnum br/cpf. */
int ajar_br_cpf_digits(const char *s) {
  static const int8_t w[2][16] = {{10, 9, 8, 7, 6, 5, 4, 3, 2}, {11, 10, 9, 8, 7, 6, 5, 4, 3, 2}};
  int k, sum[2];
#if defined(__SSSE3__)
  {
    /* both sums from one part-vector: the pairs pmaddubsw adds are 189
     * at most, so they pack into bytes, and psadbw adds each sum's 8 */
    __m128i d = _mm_subs_epu8(shape_load_part(s, 11), _mm_set1_epi8('0'));
    __m128i t = _mm_sad_epu8(
        _mm_packus_epi16(_mm_maddubs_epi16(d, _mm_loadu_si128((const __m128i *)w[0])),
                         _mm_maddubs_epi16(d, _mm_loadu_si128((const __m128i *)w[1]))),
        _mm_setzero_si128());
    sum[0] = _mm_cvtsi128_si32(t);
    sum[1] = _mm_extract_epi16(t, 4);
  }
#else
  sum[0] = weighted_digits(s, 9, w[0]);
  sum[1] = weighted_digits(s, 10, w[1]);
#endif
  for (k = 9; k <= 10; k++) {
    int c = 11 - sum[k - 9] % 11;
    if (c >= 10) c = 0;
    if (c != dv(s, (size_t)k)) return 0;
  }
  return 1;
}

int ajar_valid_br_cpf(const char *s, size_t n) {
  return n == 11 && all_digits(s, n) && !bytes_all_same(s, n) && ajar_br_cpf_digits(s);
}

/* KR resident registration number: YYMMDD with century from digit 7,
 * place of birth (digits 8-9) <= 96, check = (11 - sum(w*d) mod 11) mod 10,
 * w = 2..9,2..5. stdnum kr/rrn, Presidio kr_rrn_recognizer. RRNs issued
 * since Oct 2020 are random and carry no check digit: rejected here. */
int ajar_valid_kr_rrn(const char *s, size_t n) {
  static const int w[12] = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
  int sum = 0, i, year;
  /* the month first: most 13-digit numbers fail it (a millisecond epoch
   * has none), before all digits are read */
  if (n != 13 || !is_dig((unsigned char)s[2]) || !is_dig((unsigned char)s[3]) ||
      num_at(s, 2, 2) < 1 || num_at(s, 2, 2) > 12 || !all_digits(s, n))
    return 0;
  year = (int)num_at(s, 0, 2);
  switch (s[6]) {
    case '1': case '2': case '5': case '6': year += 1900; break;
    case '3': case '4': case '7': case '8': year += 2000; break;
    default: year += 1800; break; /* '9', '0' */
  }
  if (!ajar_date_ok(year, (int)num_at(s, 2, 2), (int)num_at(s, 4, 2))) return 0;
  if (num_at(s, 7, 2) > 96) return 0;
  for (i = 0; i < 12; i++) sum += w[i] * dv(s, (size_t)i);
  return (11 - sum % 11) % 10 == dv(s, 12);
}

/* JP Individual Number (My Number): w = 6,5,4,3,2,7,6,5,4,3,2;
 * r = sum mod 11; check = r <= 1 ? 0 : 11 - r. stdnum jp/in_. */
int ajar_valid_jp_my_number(const char *s, size_t n) {
  static const int w[11] = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  int sum = 0, i, r;
  if (n != 12 || !all_digits(s, n)) return 0;
  for (i = 0; i < 11; i++) sum += w[i] * dv(s, (size_t)i);
  r = sum % 11;
  return (r <= 1 ? 0 : 11 - r) == dv(s, 11);
}

/* DE Steuerliche Identifikationsnummer: ISO 7064 MOD 11,10, first digit not
 * 0, and in the first 10 digits exactly one digit occurs 2 or 3 times, the
 * others at most once. stdnum de/idnr, Presidio de_tax_id_recognizer. */
int ajar_valid_de_steuer_id(const char *s, size_t n) {
  int cnt[10] = {0}, rep = 0, p = 10, i, c;
  if (n != 11 || !all_digits(s, n) || s[0] == '0') return 0;
  for (i = 0; i < 10; i++) cnt[dv(s, (size_t)i)]++;
  for (i = 0; i < 10; i++) {
    if (cnt[i] == 2 || cnt[i] == 3)
      rep++;
    else if (cnt[i] > 3)
      return 0;
  }
  if (rep != 1) return 0;
  for (i = 0; i < 10; i++) {
    int t = (dv(s, (size_t)i) + p) % 10;
    if (t == 0) t = 10;
    p = (2 * t) % 11;
  }
  c = (11 - p) % 10;
  return c == dv(s, 10);
}

/* NL BSN: "11-proef" sum((9-i)*d_i, i<8) - d_9 = 0 mod 11; 8-digit form is
 * the 9-digit one with its leading zero dropped. stdnum nl/bsn. */
int ajar_valid_nl_bsn(const char *s, size_t n) {
  char b[9];
  int sum = 0, i;
  if ((n != 8 && n != 9) || !all_digits(s, n)) return 0;
  b[0] = '0';
  memcpy(b + (9 - n), s, n);
  for (i = 0; i < 9 && b[i] == '0'; i++) {
  }
  if (i == 9) return 0; /* all zeros */
  for (i = 0; i < 8; i++) sum += (9 - i) * (b[i] - '0');
  sum -= b[8] - '0';
  return sum % 11 == 0;
}

/* IN PAN (Permanent Account Number): AAAAA9999A, 4th letter the holder
 * type (P individual, H HUF, A/B/C/F/G/J/K/L/T others), serial not 0000.
 * No check character. stdnum in_/pan. */
int ajar_valid_in_pan(const char *s, size_t n) {
  size_t i;
  if (!s || n != 10) return 0;
  for (i = 0; i < 10; i++) {
    unsigned char c = to_up((unsigned char)s[i]);
    if ((i >= 5 && i < 9) ? !is_dig(c) : !is_up(c)) return 0;
  }
  if (!strchr("ABCFGHLJPTK", to_up((unsigned char)s[3]))) return 0;
  return memcmp(s + 5, "0000", 4) != 0;
}

/* GB NHS number: 10 digits, weights 10..1, sum = 0 mod 11 (a check digit
 * of 10 is never issued). stdnum gb/nhs. */
int ajar_valid_gb_nhs(const char *s, size_t n) {
  int sum = 0, i;
  if (n != 10 || !all_digits(s, n)) return 0;
  for (i = 0; i < 10; i++) sum += (10 - i) * dv(s, (size_t)i);
  return sum % 11 == 0;
}

/* US ITIN (individual taxpayer id): 9 digits, area 9xx, group 70-99 but
 * not 89 or 93. No check digit. stdnum us/itin. */
int ajar_valid_us_itin(const char *s, size_t n) {
  long g;
  if (n != 9 || !all_digits(s, n) || s[0] != '9') return 0;
  g = num_at(s, 3, 2);
  return g >= 70 && g != 89 && g != 93;
}

/* FR numero fiscal (SPI): 13 digits, first 0-3, last three = first ten
 * mod 511. stdnum fr/nif. */
int ajar_valid_fr_nif(const char *s, size_t n) {
  if (n != 13 || !all_digits(s, n) || s[0] > '3') return 0;
  return num_at(s, 10, 3) == num_at(s, 0, 10) % 511;
}

/* ----------------------------------------------------------------- device */

/* IMEI: 15 digits with Luhn (3GPP TS 23.003); IMEISV (16 digits) has no
 * check digit, format only. stdnum imei. */
int ajar_valid_imei(const char *s, size_t n) {
  if ((n != 15 && n != 16) || !all_digits(s, n) || bytes_all_same(s, n)) return 0;
  return n == 16 ? 1 : ajar_luhn_digits(s, n);
}

/* ITU-T E.212 mobile country codes (geographic + 901 international).
 * Sorted, for binary search. stdnum imsi (imsi.dat), ITU E.212 list. */
static const short mcc_table[] = {
    202, 204, 206, 208, 212, 213, 214, 216, 218, 219, 220, 221, 222, 225, 226,
    228, 230, 231, 232, 234, 235, 238, 240, 242, 244, 246, 247, 248, 250, 255,
    257, 259, 260, 262, 266, 268, 270, 272, 274, 276, 278, 280, 282, 283, 284,
    286, 288, 289, 290, 292, 293, 294, 295, 297, 302, 308, 310, 311, 312, 313,
    314, 315, 316, 330, 332, 334, 338, 340, 342, 344, 346, 348, 350, 352, 354,
    356, 358, 360, 362, 363, 364, 365, 366, 368, 370, 372, 374, 376, 400, 401,
    402, 404, 405, 406, 410, 412, 413, 414, 415, 416, 417, 418, 419, 420, 421,
    422, 424, 425, 426, 427, 428, 429, 430, 431, 432, 434, 436, 437, 438, 440,
    441, 450, 452, 454, 455, 456, 457, 460, 461, 466, 467, 470, 472, 502, 505,
    510, 514, 515, 520, 525, 528, 530, 536, 537, 539, 540, 541, 542, 543, 544,
    545, 546, 547, 548, 549, 550, 551, 552, 553, 554, 555, 602, 603, 604, 605,
    606, 607, 608, 609, 610, 611, 612, 613, 614, 615, 616, 617, 618, 619, 620,
    621, 622, 623, 624, 625, 626, 627, 628, 629, 630, 631, 632, 633, 634, 635,
    636, 637, 638, 639, 640, 641, 642, 643, 645, 646, 647, 648, 649, 650, 651,
    652, 653, 654, 655, 657, 658, 659, 702, 704, 706, 708, 710, 712, 714, 716,
    722, 724, 730, 732, 734, 736, 738, 740, 742, 744, 746, 748, 750, 901};

int ajar_imsi_mcc_known(int mcc) {
  size_t lo = 0, hi = sizeof mcc_table / sizeof mcc_table[0];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (mcc_table[mid] == mcc) return 1;
    if (mcc_table[mid] < mcc)
      lo = mid + 1;
    else
      hi = mid;
  }
  return 0;
}

/* IMSI: MCC + MNC + MSIN, 14-15 digits, no checksum; MCC must be allocated.
 * stdnum imsi, 3GPP TS 23.003. */
int ajar_valid_imsi(const char *s, size_t n) {
  if ((n != 14 && n != 15) || !all_digits(s, n) || bytes_all_same(s, n)) return 0;
  return ajar_imsi_mcc_known((int)num_at(s, 0, 3));
}

/* MAC-48 / EUI-48 text forms (IEEE 802): aa:bb:cc:dd:ee:ff, aa-bb-..,
 * Cisco aabb.ccdd.eeff; rejects all-zero and broadcast. Presidio
 * mac_recognizer. */
int ajar_valid_mac_bytes(const char *s, size_t n) {
  /* the six bytes' digits OR-ed (0: 00..00) and AND-ed (15: ff..ff) */
  unsigned any = 0, all = 15, x, y;
  size_t i;
  if (!s) return 0;
  if (n == 17) {
    char sep = s[2];
    if (sep != ':' && sep != '-') return 0;
    for (i = 0; i < 17; i += 3) {
      x = hex1[(unsigned char)s[i]], y = hex1[(unsigned char)s[i + 1]];
      if (!x || !y || (i < 15 && s[i + 2] != sep)) return 0;
      any |= (x - 1) | (y - 1);
      all &= (x - 1) & (y - 1);
    }
  } else if (n == 14) {
    if (s[4] != '.' || s[9] != '.') return 0;
    for (i = 0; i < 14; i++) {
      if (i == 4 || i == 9) continue;
      if (!(x = hex1[(unsigned char)s[i]])) return 0;
      any |= x - 1;
      all &= x - 1;
    }
  } else {
    return 0;
  }
  return any != 0 && all != 15;
}

#if defined(__SSSE3__)
/* bit i: byte i of x is a hex digit, 0-9 a-f A-F (a letter's case bit set
 * turns A-F into a-f and no other byte into one) */
static inline unsigned hex_lanes(__m128i x) {
  __m128i d = _mm_sub_epi8(x, _mm_set1_epi8('0')),
          l = _mm_sub_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
  return (unsigned)_mm_movemask_epi8(
      _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d),
                   _mm_cmpeq_epi8(_mm_min_epu8(l, _mm_set1_epi8(5)), l)));
}
/* bit i: byte i of x is c */
static inline unsigned byte_lanes(__m128i x, char c) {
  return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(c)));
}
#endif

int ajar_valid_mac(const char *s, size_t n) {
#if defined(__SSSE3__)
  /* aa:bb:cc:dd:ee:ff as lane masks of two loads, the second one byte on
   * (bit i: byte i): the separators at 2, 5, 8, 11, 14 (the first one's
   * byte, ':' or '-'), hex digits elsewhere, not all '0', not all 'f' */
  if (s && n == 17 && (s[2] == ':' || s[2] == '-')) {
    const uint32_t seps = 0x4924, hex = 0x1FFFFu & ~seps;
    __m128i a = _mm_loadu_si128((const __m128i *)s),
            b = _mm_loadu_si128((const __m128i *)(s + 1));
    uint32_t h = hex_lanes(a) | hex_lanes(b) << 1,
             sp = byte_lanes(a, s[2]) | byte_lanes(b, s[2]) << 1,
             z = byte_lanes(a, '0') | byte_lanes(b, '0') << 1,
             f = byte_lanes(_mm_or_si128(a, _mm_set1_epi8(0x20)), 'f') |
                 byte_lanes(_mm_or_si128(b, _mm_set1_epi8(0x20)), 'f') << 1;
    return (h & hex) == hex && (sp & seps) == seps && (z & hex) != hex && (f & hex) != hex;
  }
#endif
  return ajar_valid_mac_bytes(s, n);
}

/* IPv4 dotted quad (RFC 791 text form as in inet_pton): exactly 4 parts,
 * 0-255, no leading zeros. */
#if defined(__SSSE3__)
/* ajar_valid_ipv4 on bit masks of one part-vector x of n (7 to 15)
 * bytes of digits and dots, D the dots: G the digits, Z the zeros, P the
 * parts' first bytes, T those of the parts of three digits, which must
 * not be over "255": a first digit over '2', or a '2' then over '5', or
 * "25" then over '5' */
static int ipv4_parts_ok(__m128i x, size_t n, unsigned D) {
  unsigned all = (1u << n) - 1, G = all & ~D, Z, P, T, over2, two, over5, five;
  Z = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('0')));
  P = (D << 1 | 1) & all;
  /* no empty part (a dot first, last or after a dot), no part over 3
   * digits, no leading zero */
  if ((D & 1) || (D >> (n - 1)) || (D & D >> 1) || (G & G >> 1 & G >> 2 & G >> 3) ||
      (Z & P & G >> 1))
    return 0;
  T = P & G >> 1 & G >> 2;
  over2 = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(x, _mm_set1_epi8('2')));
  two = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('2')));
  over5 = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(x, _mm_set1_epi8('5')));
  five = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('5')));
  return !(T & (over2 | (two & (over5 >> 1 | (five >> 1 & over5 >> 2)))));
}

/* ajar_valid_ipv4 on any 7 to 15 bytes: digits and dots only, three dots */
static int valid_ipv4_masks(const char *s, size_t n) {
  __m128i x = shape_load_part(s, n);
  unsigned all = (1u << n) - 1, G, D;
  G = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                                _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1))));
  D = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('.')));
  if ((G | D) != all || __builtin_popcount(D) != 3)
    return 0;
  return ipv4_parts_ok(x, n, D);
}
#endif

int ajar_valid_ipv4_bytes(const char *s, size_t n) {
  size_t i = 0;
  int parts = 0;
  if (!s || n < 7 || n > 15) return 0;
  while (parts < 4) {
    size_t start = i;
    int v = 0;
    while (i < n && is_dig((unsigned char)s[i]) && i - start < 3)
      v = v * 10 + dv(s, i++);
    if (i == start || v > 255) return 0;
    if (i - start > 1 && s[start] == '0') return 0;
    parts++;
    if (parts < 4) {
      if (i >= n || s[i] != '.') return 0;
      i++;
    }
  }
  return i == n;
}

int ajar_valid_ipv4(const char *s, size_t n) {
  if (!s || n < 7 || n > 15) return 0;
#if defined(__SSSE3__)
  return valid_ipv4_masks(s, n);
#else
  return ajar_valid_ipv4_bytes(s, n);
#endif
}

int ajar_ipv4_dotted(const char *s, size_t n) {
#if defined(__SSSE3__)
  __m128i x;
  if (n < 7 || n > 15) return 0;
  x = shape_load_part(s, n);
  return ipv4_parts_ok(x, n, (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('.'))));
#else
  return ajar_valid_ipv4_bytes(s, n);
#endif
}

/* IPv6 text forms (RFC 4291 section 2.2): up to 8 groups of 1-4 hex digits,
 * one "::" at most, optional dotted-quad tail counting as 2 groups. No zone
 * id, no prefix length. */
int ajar_valid_ipv6(const char *s, size_t n) {
  size_t i = 0, colons = 0;
  int groups = 0, dbl = 0;
  if (!s || n < 2 || n > 45) return 0;
  for (i = 0; i < n; i++)
    if (s[i] == ':') colons++;
  if (colons < 2) return 0;
  i = 0;
  if (s[0] == ':') {
    if (s[1] != ':') return 0;
    dbl = 1;
    i = 2;
    if (i == n) return 1; /* "::" */
  }
  for (;;) {
    size_t j = i;
    while (j < n && hex_val((unsigned char)s[j]) >= 0 && j - i < 5) j++;
    if (j < n && s[j] == '.') {
      if (!ajar_valid_ipv4(s + i, n - i)) return 0;
      groups += 2;
      break;
    }
    if (j == i || j - i > 4) return 0;
    groups++;
    if (j == n) break;
    if (s[j] != ':') return 0;
    j++;
    if (j == n) return 0; /* single trailing ':' */
    if (s[j] == ':') {
      if (dbl) return 0;
      dbl = 1;
      j++;
      if (j == n) break;
    }
    i = j;
    if (groups >= 8) return 0;
  }
  return dbl ? groups <= 7 : groups == 8;
}

/* UUID canonical text form (RFC 9562 section 4): 8-4-4-4-12 hex. */
int ajar_valid_uuid_bytes(const char *s, size_t n) {
  size_t i;
  if (!s || n != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' ||
      s[23] != '-')
    return 0;
  for (i = 0; i < 36; i++)
    if (!hex_ok[(unsigned char)s[i]] && i != 8 && i != 13 && i != 18 && i != 23)
      return 0;
  return 1;
}

int ajar_valid_uuid(const char *s, size_t n) {
#if defined(__SSSE3__)
  /* lane masks of three loads at 0, 16 and 20 (bit i: byte i): the
   * dashes at 8, 13, 18 and 23, hex digits at every other byte */
  if (s && n == 36) {
    const uint64_t dashes = 1ull << 8 | 1ull << 13 | 1ull << 18 | 1ull << 23,
                   hex = ((1ull << 36) - 1) & ~dashes;
    __m128i a = _mm_loadu_si128((const __m128i *)s),
            b = _mm_loadu_si128((const __m128i *)(s + 16)),
            c = _mm_loadu_si128((const __m128i *)(s + 20));
    uint64_t h = hex_lanes(a) | (uint64_t)hex_lanes(b) << 16 | (uint64_t)hex_lanes(c) << 20,
             d = byte_lanes(a, '-') | (uint64_t)byte_lanes(b, '-') << 16;
    return (h & hex) == hex && (d & dashes) == dashes;
  }
#endif
  return ajar_valid_uuid_bytes(s, n);
}

/* ---------------------------------------------------------------- vehicle */

/* VIN character set: ISO 3779, digits and letters except I, O, Q. */
static int vin_char_ok(unsigned char c) {
  c = to_up(c);
  return is_dig(c) || (is_up(c) && c != 'I' && c != 'O' && c != 'Q');
}

/* ISO 3779 / 49 CFR 565 check digit: transliterate (A1..H8, J1..N5, P7,
 * R9, S2..Z9), weights 8,7,6,5,4,3,2,10,0,9,8,7,6,5,4,3,2, sum mod 11,
 * 10 -> 'X', compared with position 9. Source: bwipp VIN notes. */
int ajar_vin_check_ok(const char *s, size_t n) {
  /* values for A..Z; I, O, Q are never reached (vin_char_ok) */
  static const int tr[26] = {1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4,
                             5, 0, 7, 0, 9, 2, 3, 4, 5, 6, 7, 8, 9};
  static const int w[17] = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
  int sum = 0, r;
  size_t i;
  unsigned char c9;
  if (!s || n != 17) return 0;
  for (i = 0; i < 17; i++) {
    unsigned char c = to_up((unsigned char)s[i]);
    if (!vin_char_ok(c)) return 0;
    sum += w[i] * (is_dig(c) ? c - '0' : tr[c - 'A']);
  }
  r = sum % 11;
  c9 = to_up((unsigned char)s[8]);
  return r == 10 ? c9 == 'X' : c9 == '0' + r;
}

/* VIN. Decision: the position-9 check digit is mandatory only in North
 * America (WMI first char 1-5) and China (first char 'L'); there it must
 * verify. Elsewhere (e.g. most European makers) position 9 is often a
 * filler, so a VIN is accepted on format alone, provided it has at least
 * one letter and one digit and is not a single repeated character (guards
 * against 17-char runs of digits/hex that happen to fit the alphabet). */
int ajar_valid_vin(const char *s, size_t n) {
  size_t i;
  int letters = 0, digits = 0;
  unsigned char c0;
  if (!s || n != 17) return 0;
  for (i = 0; i < 17; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!vin_char_ok(c)) return 0;
    if (is_dig(c))
      digits++;
    else
      letters++;
  }
  if (all_same(s, n)) return 0;
  c0 = to_up((unsigned char)s[0]);
  if ((c0 >= '1' && c0 <= '5') || c0 == 'L') return ajar_vin_check_ok(s, n);
  return letters > 0 && digits > 0;
}

/* CN licence plate (GA 36-2018): province abbreviation, issuing-authority
 * letter (no I/O), optional separator, then
 *   5 alnum (ordinary), or
 *   6 alnum with D/F first or last (new-energy), or
 *   4-5 alnum + 挂/学/警 (trailer / driving school / police; real plates are
 *   4 + suffix, e.g. 粤A·1234学, 5 + suffix accepted for leniency).
 * Letters must be upper case; the body needs at least one digit. */
static int plate_alnum(unsigned char c) {
  return is_dig(c) || (is_up(c) && c != 'I' && c != 'O');
}

int ajar_valid_cn_plate(const char *s, size_t n) {
  size_t i = 0, k, body, start, end;
  int digits = 0, suffix = 0;
  /* the province: one binary search (lexicon.c) */
  if (!s || n < 3 + 1 + 4 || !ajar_lexicon_cn_province(s, n)) return 0;
  i = 3;
  if (!is_up((unsigned char)s[i]) || !plate_alnum((unsigned char)s[i])) return 0;
  i++;
  if (i < n && (s[i] == ' ' || s[i] == '-')) /* "京A 12345", "皖Q-00197" */
    i += 1;
  else if (i + 1 < n && !memcmp(s + i, "\xC2\xB7", 2)) /* U+00B7 */
    i += 2;
  else if (i + 2 < n && !memcmp(s + i, "\xE2\x80\xA2", 3)) /* U+2022 */
    i += 3;
  start = i;
  end = n;
  if (end - start >= 3 &&
      (!memcmp(s + end - 3, "挂", 3) || !memcmp(s + end - 3, "学", 3) ||
       !memcmp(s + end - 3, "警", 3))) {
    suffix = 1;
    end -= 3;
  }
  if (end < start) return 0;
  body = end - start;
  for (k = start; k < end; k++) {
    unsigned char c = (unsigned char)s[k];
    if (!plate_alnum(c)) return 0;
    if (is_dig(c)) digits++;
  }
  if (!digits) return 0;
  if (suffix) return body == 4 || body == 5;
  if (body == 5) return 1;
  if (body == 6)
    return s[start] == 'D' || s[start] == 'F' || s[end - 1] == 'D' ||
           s[end - 1] == 'F';
  return 0;
}

/* -------------------------------------------------------------- financial */

/* Payment card: IIN ranges (ISO/IEC 7812, issuer networks' published
 * ranges) with lengths, Luhn. Presidio credit_card_recognizer. */
/* the networks' ranges by the first digit, so a number reads only the
 * rules its first digit can meet (tests/unit/test_validators_fast.c
 * holds this to the rules as one list) */
/* the IIN ranges below, by the first two digits: bit n - 12 (0-7) set
 * when every number of n digits with them is in a range, bit n - 4 (8-15)
 * when some are and some are not (then the four digits decide: 18, 21,
 * 22, 27, 30, 35). Made by applying card_iin_ranges to every prefix of
 * four digits and length; test_validators_fast.c holds the two to the
 * same answers. */
static const uint16_t card_iin_by2[100] = {
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0800, 0x0000,
    0x0000, 0x0800, 0x1000, 0x0010, 0x0010, 0x0010, 0x0010, 0x1000, 0x0000, 0x0000,
    0xfc00, 0x0000, 0x0000, 0x0000, 0x0008, 0xf000, 0x00fc, 0x0008, 0x00fc, 0x00fc,
    0x0092, 0x0092, 0x0092, 0x0092, 0x0092, 0x0092, 0x0092, 0x0092, 0x0092, 0x0092,
    0x00ff, 0x0010, 0x0010, 0x0010, 0x0010, 0x0010, 0x00ff, 0x00ff, 0x00ff, 0x00ff,
    0x00ff, 0x00ff, 0x00ff, 0x00ff, 0x00ff, 0x00ff, 0x00ff, 0x00ff, 0x00ff, 0x00ff,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
};

/* The IIN ranges of the card brands, on the first four digits */
static int card_iin_ranges(const char *s, size_t n) {
  int p2 = two_at(s, 0), p4 = p2 * 100 + two_at(s, 2), p3 = p4 / 10;
  switch (s[0]) {
  case '1': /* JCB, 15 digits */
    return n == 15 && p4 == 1800;
  case '2': /* MC; JCB, 15 digits */
    return (n == 16 && p4 >= 2221 && p4 <= 2720) || (n == 15 && p4 == 2131);
  case '3': /* Amex; JCB; Diners */
    return (n == 15 && (p2 == 34 || p2 == 37)) || (n >= 16 && p4 >= 3528 && p4 <= 3589) ||
           (n >= 14 && ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39));
  case '4': /* Visa */
    return n == 13 || n == 16 || n == 19;
  case '5': /* MC; Maestro */
    return (n == 16 && p2 >= 51 && p2 <= 55) || p2 == 50 || p2 >= 56;
  case '6': /* Maestro (56-69) holds all of Discover and UnionPay */
    return 1;
  default:
    return 0;
  }
}

int ajar_card_iin_digits(const char *s, size_t n) {
  unsigned by2 = card_iin_by2[two_at(s, 0)] >> (n - 12);
  return (by2 & 1) || ((by2 & 0x100) && card_iin_ranges(s, n));
}

int ajar_card_iin_ok(const char *s, size_t n) {
  return n >= 12 && n <= 19 && all_digits(s, 4) && ajar_card_iin_digits(s, n);
}

int ajar_valid_card(const char *s, size_t n) {
  if (n < 12 || n > 19 || !all_digits(s, n) || bytes_all_same(s, n)) return 0;
  return ajar_card_iin_ok(s, n) && ajar_luhn_ok(s, n);
}

/* IBAN (ISO 13616): per-country length from the SWIFT IBAN registry,
 * check digits 02-98, mod 97 == 1 after moving the first four characters
 * to the end with letters as 10..35. stdnum iban, Presidio iban_recognizer. */
static const struct {
  char cc[3];
  unsigned char len;
} iban_lengths[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20},
    {"BE", 16}, {"BG", 22}, {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28},
    {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27},
    {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23},
    {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HN", 28}, {"HR", 21}, {"HU", 28},
    {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30},
    {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20},
    {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22},
    {"MK", 19}, {"MN", 20}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28},
    {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24}, {"PL", 28}, {"PS", 29},
    {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
    {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27},
    {"SO", 23}, {"ST", 25}, {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26},
    {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30}};

int ajar_valid_iban(const char *s, size_t n) {
  unsigned char cc[2];
  size_t k;
  int want = 0, rem = 0;
  long chk;
  if (!s || n < 15 || n > 34) return 0;
  cc[0] = to_up((unsigned char)s[0]);
  cc[1] = to_up((unsigned char)s[1]);
  if (!is_up(cc[0]) || !is_up(cc[1]) || !all_digits(s + 2, 2)) return 0;
  for (k = 0; k < sizeof iban_lengths / sizeof iban_lengths[0]; k++)
    if (iban_lengths[k].cc[0] == (char)cc[0] && iban_lengths[k].cc[1] == (char)cc[1])
      want = iban_lengths[k].len;
  if ((size_t)want != n) return 0;
  chk = num_at(s, 2, 2);
  if (chk < 2 || chk > 98) return 0;
  for (k = 0; k < n; k++) {
    unsigned char c = to_up((unsigned char)s[(k + 4) % n]);
    if (is_dig(c))
      rem = (rem * 10 + (c - '0')) % 97;
    else if (is_up(c))
      rem = (rem * 100 + (c - 'A' + 10)) % 97;
    else
      return 0;
  }
  return rem == 1;
}

/* ---------------------------------------------------------------- contact */

/* E-mail address, whole value: RFC 5322 dot-atom subset with the usual
 * practical limits (RFC 5321: local part <= 64, address <= 254, labels
 * <= 63) and an alphabetic TLD of 2-24 letters. Presidio email_recognizer. */
/* bit 1: a byte of an e-mail's local part (letters, digits, . _ % + -);
 * bit 2: of a domain label (letters, digits, -) */
static const unsigned char email_byte[256] = {
    ['0' ... '9'] = 3, ['A' ... 'Z'] = 3, ['a' ... 'z'] = 3, ['-'] = 3,
    ['.'] = 1, ['_'] = 1, ['%'] = 1, ['+'] = 1,
};

int ajar_valid_email_bytes(const char *s, size_t n) {

  const char *atp;
  size_t at, i, lab_start, labels = 0;
  if (!s || n < 6 || n > 254) return 0;
  atp = memchr(s, '@', n);
  if (!atp) return 0;
  at = (size_t)(atp - s);
  if (at == 0 || at > 64 || memchr(atp + 1, '@', n - at - 1)) return 0; /* two '@' */
  if (s[0] == '.' || s[at - 1] == '.') return 0;
  for (i = 0; i < at; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!(email_byte[c] & 1)) return 0;
    if (c == '.' && s[i + 1] == '.') return 0;
  }
  lab_start = at + 1;
  for (i = at + 1; i <= n; i++) {
    if (i == n || s[i] == '.') {
      size_t len = i - lab_start, k;
      if (len < 1 || len > 63) return 0;
      if (s[lab_start] == '-' || s[i - 1] == '-') return 0;
      labels++;
      if (i == n) {
        if (len < 2 || len > 24) return 0;
        for (k = lab_start; k < i; k++)
          if (!is_alpha((unsigned char)s[k])) return 0;
      }
      lab_start = i + 1;
    } else if (!(email_byte[(unsigned char)s[i]] & 2)) {
      return 0;
    }
  }
  return labels >= 2;
}

#if defined(__SSSE3__)
/* an e-mail byte's class bits by two nibble lookups (pshufb), as
 * value_shape does: a class must be a product of a set of low and of
 * high nibbles, so letters take two bits:
 *   0x01 @ (4, 0)        0x02 . (2, E)        0x04 - (2, D)
 *   0x08 A-O a-o (4 6, 1-F)                   0x10 P-Z p-z (5 7, 0-A)
 *   0x20 0-9 (3, 0-9)    0x40 % + (2, 5 B)    0x80 _ (5, F)
 * A byte over 0x7F (high nibble 8-F) or a part-vector's 0 is in none. */
static const int8_t email_lo[16] = {0x31, 0x38, 0x38, 0x38, 0x38, 0x78, 0x38, 0x38,
                                    0x38, 0x38, 0x18, 0x48, 0x08, 0x0C, 0x0A, (int8_t)0x88};
static const int8_t email_hi[16] = {0, 0, 0x46, 0x20, 0x09, (int8_t)0x90, 0x08, 0x10,
                                    0, 0, 0, 0, 0, 0, 0, 0};

/* one bit a byte for each class of an e-mail's bytes */
struct email_masks {
  uint64_t at, dot, dash, alpha, digit, extra;
};

/* the classes of the 16 bytes of x, as bits sh to sh + 15 of m's masks:
 * class bit k of each byte is moved to its sign bit (a 16-bit shift by
 * 7 - k: a byte's own bit k lands there) for pmovmskb */
static inline void email_step(__m128i x, unsigned sh, struct email_masks *m) {
  const __m128i nib = _mm_set1_epi8(0x0F);
  __m128i c = _mm_and_si128(
      _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)email_lo), _mm_and_si128(x, nib)),
      _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)email_hi),
                       _mm_and_si128(_mm_srli_epi16(x, 4), nib)));
#define PLANE(k) ((uint64_t)(unsigned)_mm_movemask_epi8(_mm_slli_epi16(c, 7 - (k))) << sh)
  m->at |= PLANE(0);
  m->dot |= PLANE(1);
  m->dash |= PLANE(2);
  m->alpha |= PLANE(3) | PLANE(4);
  m->digit |= PLANE(5);
  m->extra |= PLANE(6) | PLANE(7);
#undef PLANE
}

/* The rules of an e-mail of n (6 to 64) bytes on one bit a byte: where
 * the '@', the dots and the dashes stand, which bytes a local part may
 * hold (local_ok), a domain label (dom_ok), and the letters */
static inline int email_rules(uint64_t at, uint64_t dot, uint64_t dash, uint64_t local_ok,
                              uint64_t dom_ok, uint64_t alpha, size_t n) {
  uint64_t all = ~0ull >> (64 - n), end = 1ull << (n - 1), local, dom, dd, bad;
  size_t last;
  /* one '@', not first; the local part before it */
  if ((at & (at - 1)) || (at & ~1ull) == 0)
    return 0;
  local = at - 1;
  /* the domain: labels of letters, digits and '-' between dots, two or
   * more (a dot in it) */
  dom = all & ~local & ~at;
  dd = dot & dom;
  if (!dd)
    return 0;
  /* the local part: no '.' first, last or twice in a row, only its
   * bytes; the domain: only its bytes, no empty label (a '.' after
   * '@', two in a row, one last), no '-' first or last in a label; the
   * rules set bits of one mask, tested once */
  bad = (dot & (1 | at >> 1 | (dot >> 1 & local))) | (local & ~local_ok) | (dom & ~dom_ok) |
        (dd & (at << 1 | dd >> 1 | end)) | (dash & ((dd | at) << 1 | dd >> 1 | end));
  /* the last label: 2 to 24 letters */
  last = 63 - (size_t)__builtin_clzll(dd);
  return !bad && n - 1 - last >= 2 && n - 1 - last <= 24 && !(all & ~((2ull << last) - 1) & ~alpha);
}

/* ajar_valid_email for 6 to 64 bytes: one bit a byte for each class (@,
 * '.', '-', letters, digits, _ % +), 16 bytes a step (the last step
 * ending at the value's end, over bytes the one before it may have
 * classed too), and the rules as operations on those 64-bit masks; no
 * byte loop */
static int valid_email64(const char *s, size_t n) {
  struct email_masks m = {0, 0, 0, 0, 0, 0};
  size_t i;
  if (n <= 16) {
    email_step(shape_load_part(s, n), 0, &m); /* lanes past the value: no class */
  } else {
    for (i = 0; i + 16 < n; i += 16)
      email_step(_mm_loadu_si128((const __m128i *)(s + i)), (unsigned)i, &m);
    email_step(_mm_loadu_si128((const __m128i *)(s + n - 16)), (unsigned)(n - 16), &m);
  }
  return email_rules(m.at, m.dot, m.dash, m.alpha | m.digit | m.dot | m.dash | m.extra,
                     m.alpha | m.digit | m.dash | m.dot, m.alpha, n);
}

/* valid_email64 for a value of letters, digits, '@', '.' and '-' alone
 * (value_shape's mask says so: most addresses): every byte is one a
 * local part and a domain label may hold, so only where the '@', the
 * dots, the dashes and the bytes below 'A' (digits and those three)
 * stand is read, four compares a step in place of eight classes */
struct email_plain {
  uint64_t at, dot, dash, low;
};
static inline void email_plain_step(__m128i x, unsigned sh, struct email_plain *m) {
  m->at |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('@'))) << sh;
  m->dot |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('.'))) << sh;
  m->dash |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('-'))) << sh;
  m->low |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, _mm_set1_epi8('A'))) << sh;
}
static int valid_email_plain(const char *s, size_t n) {
  struct email_plain m = {0, 0, 0, 0};
  size_t i;
  if (n <= 16) {
    /* the lanes past the value are 0, below 'A': email_rules reads the
     * letters inside the value only */
    email_plain_step(shape_load_part(s, n), 0, &m);
  } else {
    for (i = 0; i + 16 < n; i += 16)
      email_plain_step(_mm_loadu_si128((const __m128i *)(s + i)), (unsigned)i, &m);
    email_plain_step(_mm_loadu_si128((const __m128i *)(s + n - 16)), (unsigned)(n - 16), &m);
  }
  return email_rules(m.at, m.dot, m.dash, ~0ull, ~0ull, ~m.low, n);
}
#endif

int ajar_valid_email(const char *s, size_t n) {
#if defined(__SSSE3__)
  if (s && n >= 6 && n <= 64)
    return valid_email64(s, n);
#endif
  return ajar_valid_email_bytes(s, n);
}

int ajar_valid_email_shaped(const char *s, size_t n, unsigned mask) {
#if defined(__SSSE3__)
  if (s && n >= 6 && n <= 64 &&
      !(mask & ~(C_DIGIT | C_UPPER | C_LOWER | C_HEXALPHA | C_AT | C_DOT | C_DASH)))
    return valid_email_plain(s, n);
#endif
  return ajar_valid_email(s, n);
}

/* CN mobile number: 1[3-9] + 9 digits (MIIT numbering plan), optionally
 * prefixed by country code 86 as "86", "+86" or "0086". */
int ajar_valid_cn_mobile(const char *s, size_t n) {
  if (!s) return 0;
  if (n == 13 && !memcmp(s, "86", 2)) {
    s += 2;
    n -= 2;
  } else if (n == 14 && !memcmp(s, "+86", 3)) {
    s += 3;
    n -= 3;
  } else if (n == 15 && !memcmp(s, "0086", 4)) {
    s += 4;
    n -= 4;
  }
  return n == 11 && s[0] == '1' && s[1] >= '3' && all_digits(s, n);
}

/* E.164 (ITU-T E.164, assigned country codes per ITU-T E.164 Annex/list):
 * '+', 8-15 digits, first digit not 0, leading digits an assigned country
 * calling code (country codes are prefix-free). */
static const short e164_cc[] = {
    /* 1 and 2 digits */
    1, 7, 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48,
    49, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84,
    86, 90, 91, 92, 93, 94, 95, 98,
    /* 3 digits */
    211, 212, 213, 216, 218, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229,
    230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244,
    245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255, 256, 257, 258, 260,
    261, 262, 263, 264, 265, 266, 267, 268, 269, 290, 291, 297, 298, 299, 350,
    351, 352, 353, 354, 355, 356, 357, 358, 359, 370, 371, 372, 373, 374, 375,
    376, 377, 378, 379, 380, 381, 382, 383, 385, 386, 387, 389, 420, 421, 423,
    500, 501, 502, 503, 504, 505, 506, 507, 508, 509, 590, 591, 592, 593, 594,
    595, 596, 597, 598, 599, 670, 672, 673, 674, 675, 676, 677, 678, 679, 680,
    681, 682, 683, 685, 686, 687, 688, 689, 690, 691, 692, 800, 808, 850, 852,
    853, 855, 856, 870, 878, 880, 881, 882, 883, 886, 888, 960, 961, 962, 963,
    964, 965, 966, 967, 968, 970, 971, 972, 973, 974, 975, 976, 977, 979, 992,
    993, 994, 995, 996, 998};

static int e164_cc_known(int cc) {
  size_t i;
  for (i = 0; i < sizeof e164_cc / sizeof e164_cc[0]; i++)
    if (e164_cc[i] == cc) return 1;
  return 0;
}

int ajar_valid_e164(const char *s, size_t n) {
  if (!s || n < 9 || n > 16 || s[0] != '+') return 0;
  if (!all_digits(s + 1, n - 1) || s[1] == '0') return 0;
  return e164_cc_known((int)num_at(s, 1, 1)) ||
         e164_cc_known((int)num_at(s, 1, 2)) ||
         e164_cc_known((int)num_at(s, 1, 3));
}
