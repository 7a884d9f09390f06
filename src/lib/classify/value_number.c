/* Values made of digits: national ids, cards, IMEI/IMSI, phones (E.164,
 * national, grouped as people print them), IPv4, ages, and parse_double
 * for the numbers whose value counts. Part of classify_scalar (value.c). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "classify.h"
#include "digits.h"
#include "shape.h"
#include "validators.h"
#include "value.h"

/* 2^(127 + bits) / 5^k rounded down, for k = 1..27, with bits the bit
 * length of 5^k: the 128-bit reciprocal of 5^k, its top bit set. Made
 * with Python: T = (1 << (127 + b)) // 5**k, b = (5**k).bit_length(). */
static const struct { uint64_t hi, lo; int bits; } recip5[27] = {
    {0xccccccccccccccccull, 0xccccccccccccccccull, 3},  /* 5^1 */
    {0xa3d70a3d70a3d70aull, 0x3d70a3d70a3d70a3ull, 5},  /* 5^2 */
    {0x83126e978d4fdf3bull, 0x645a1cac083126e9ull, 7},  /* 5^3 */
    {0xd1b71758e219652bull, 0xd3c36113404ea4a8ull, 10}, /* 5^4 */
    {0xa7c5ac471b478423ull, 0x0fcf80dc33721d53ull, 12}, /* 5^5 */
    {0x8637bd05af6c69b5ull, 0xa63f9a49c2c1b10full, 14}, /* 5^6 */
    {0xd6bf94d5e57a42bcull, 0x3d32907604691b4cull, 17}, /* 5^7 */
    {0xabcc77118461cefcull, 0xfdc20d2b36ba7c3dull, 19}, /* 5^8 */
    {0x89705f4136b4a597ull, 0x31680a88f8953030ull, 21}, /* 5^9 */
    {0xdbe6fecebdedd5beull, 0xb573440e5a884d1bull, 24}, /* 5^10 */
    {0xafebff0bcb24aafeull, 0xf78f69a51539d748ull, 26}, /* 5^11 */
    {0x8cbccc096f5088cbull, 0xf93f87b7442e45d3ull, 28}, /* 5^12 */
    {0xe12e13424bb40e13ull, 0x2865a5f206b06fb9ull, 31}, /* 5^13 */
    {0xb424dc35095cd80full, 0x538484c19ef38c94ull, 33}, /* 5^14 */
    {0x901d7cf73ab0acd9ull, 0x0f9d37014bf60a10ull, 35}, /* 5^15 */
    {0xe69594bec44de15bull, 0x4c2ebe687989a9b3ull, 38}, /* 5^16 */
    {0xb877aa3236a4b449ull, 0x09befeb9fad487c2ull, 40}, /* 5^17 */
    {0x9392ee8e921d5d07ull, 0x3aff322e62439fcfull, 42}, /* 5^18 */
    {0xec1e4a7db69561a5ull, 0x2b31e9e3d06c32e5ull, 45}, /* 5^19 */
    {0xbce5086492111aeaull, 0x88f4bb1ca6bcf584ull, 47}, /* 5^20 */
    {0x971da05074da7beeull, 0xd3f6fc16ebca5e03ull, 49}, /* 5^21 */
    {0xf1c90080baf72cb1ull, 0x5324c68b12dd6338ull, 52}, /* 5^22 */
    {0xc16d9a0095928a27ull, 0x75b7053c0f178293ull, 54}, /* 5^23 */
    {0x9abe14cd44753b52ull, 0xc4926a9672793542ull, 56}, /* 5^24 */
    {0xf79687aed3eec551ull, 0x3a83ddbd83f52204ull, 59}, /* 5^25 */
    {0xc612062576589ddaull, 0x95364afe032a819dull, 61}, /* 5^26 */
    {0x9e74d1b791e07e48ull, 0x775ea264cf55347dull, 63}, /* 5^27 */
};

/* The double nearest w / 10^k (w > 0, 1 <= k <= 27), with two 64-bit
 * multiplications instead of strtod (a thousand instructions a call;
 * full-precision floats such as 0.24118021799323708 are a fifth of a
 * telemetry dump). w / 10^k = (w << l) * R * 2^-(127 + bits + l + k),
 * with R = 2^(127 + bits) / 5^k. The table's R is R rounded down, so the
 * product x = (w << l) * R, 192 bits, is short of the exact one by less
 * than 2^64: its top 54 bits (the mantissa and the rounding bit) are
 * exact unless the bits below them, down to bit 64, are all ones (a
 * carry could reach them). Then 0, and strtod decides; that is also
 * where the exact product is halfway between two doubles (it is never
 * found as such, since R is short). Otherwise the exact product is
 * never exactly halfway (R is no integer), so a rounding bit of 1 rounds
 * up. The mantissa is 53 bits and the value between 1e-27 and 1e19, so
 * the double is normal. (Eisel and Lemire's method, reduced to the
 * negative powers of ten a decimal without exponent needs.) */
static int decimal_mul(uint64_t w, size_t k, double *out) {
#ifdef __SIZEOF_INT128__
  typedef unsigned __int128 u128;
  int l = __builtin_clzll(w), sh, e;
  uint64_t x = w << l, m;
  u128 hi = (u128)x * recip5[k - 1].hi, lo = (u128)x * recip5[k - 1].lo;
  u128 top = hi + (uint64_t)(lo >> 64), below; /* the product's bits 64-191 */
  sh = 73 + (int)(top >> 127);                 /* its bit 191 or 190 is set */
  below = ((u128)1 << sh) - 1;
  if ((top & below) == below)
    return 0;
  m = ((uint64_t)(top >> sh) + 1) >> 1; /* 54 bits, rounded to 53 */
  e = sh - 62 - recip5[k - 1].bits - l - (int)k;
  if (m >> 53) { /* rounded up to 2^53 */
    m >>= 1;
    e++;
  }
  m = (m & ((1ull << 52) - 1)) | (uint64_t)(e + 52 + 1023) << 52;
  memcpy(out, &m, sizeof m);
  return 1;
#else
  (void)w, (void)k, (void)out;
  return 0;
#endif
}

/* strtod on v, for the numbers parse_double does not read itself */
__attribute__((noinline)) static int parse_double_strtod(const char *v, size_t n,
                                                         double *out) {
  char tmp[64];
  char *end;
  if (n >= sizeof tmp)
    return 0;
  memcpy(tmp, v, n);
  tmp[n] = 0;
  *out = strtod(tmp, &end);
  return end == tmp + n && isfinite(*out);
}

int parse_double(const char *v, size_t n, double *out) {
  /* powers of ten a double holds exactly */
  static const double p10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  size_t i, start, nd, k = 0;
  uint64_t w = 0;
  int64_t e8;
  double d;
  if (n == 0 || n >= 64)
    return 0;
  /* [-]digits[.digits] of 19 significant digits or fewer: the digits as
   * one integer w (exact in 64 bits) over 10^k. Anything else (an
   * exponent, more digits): strtod. */
  i = v[0] == '-';
  for (start = i; i < n && (unsigned)(v[i] - '0') < 10; i++)
    w = w * 10 + (uint64_t)(v[i] - '0');
  if (i == start)
    return parse_double_strtod(v, n, out);
  nd = w || i - start > 19 ? i - start : 0; /* "0.5": no digit so far */
  if (i < n) {
    size_t frac, sig;
    if (v[i] != '.' || i + 1 == n)
      return parse_double_strtod(v, n, out);
    frac = ++i;
    if (!nd) /* zeros after the point, before the first digit that counts */
      while (i < n && v[i] == '0') i++;
    sig = i;
    while (i + 8 <= n && (e8 = eight_digits(v + i)) >= 0) {
      w = w * 100000000 + (uint64_t)e8;
      i += 8;
    }
    for (; i < n && (unsigned)(v[i] - '0') < 10; i++)
      w = w * 10 + (uint64_t)(v[i] - '0');
    if (i < n)
      return parse_double_strtod(v, n, out);
    k = i - frac;
    nd += i - sig;
  }
  if (nd > 19)
    return parse_double_strtod(v, n, out);
  if (k == 0 || w == 0) {
    d = (double)w; /* rounded once, to nearest */
  } else if (w <= (1ull << 53) && k <= 22) {
    /* w and 10^k are exact doubles: one division rounds once, to
     * strtod's double (Clinger's fast path); most numbers are such */
    d = (double)w / p10[k];
  } else if (k > 27 || !decimal_mul(w, k, &d)) {
    return parse_double_strtod(v, n, out);
  }
  *out = v[0] == '-' ? -d : d;
  return 1;
}

#if defined(__SSSE3__)
/* the digits (*point: the '.') among the 16 bytes of x, as bit masks */
static inline unsigned digit_bits(__m128i x, unsigned *point) {
  *point = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('.')));
  return (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                                   _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1))));
}
#endif

int plain_decimal(const char *v, size_t n) {
  size_t minus = n && v[0] == '-', i;
  if (n >= 64 || minus == n)
    return 0;
#if defined(__SSSE3__)
  /* up to 32 bytes: one or two 16-byte loads (the second ending at the
   * value's end), the bytes that are no digit as one mask: a '-' first,
   * and one '.' with a digit on each side */
  if (n <= 32) {
    unsigned p0, p1, d0, d1;
    uint32_t other, point;
    if (n < 16) {
      d0 = digit_bits(shape_load_part(v, n), &p0);
      other = ~d0 & ((1u << n) - 1);
      point = p0;
    } else {
      d0 = digit_bits(_mm_loadu_si128((const __m128i *)v), &p0);
      d1 = digit_bits(_mm_loadu_si128((const __m128i *)(v + n - 16)), &p1);
      other = (~d0 & 0xFFFFu) | (~d1 & 0xFFFFu) << (n - 16);
      point = p0 | p1 << (n - 16);
    }
    other &= ~(uint32_t)minus;
    if (!other)
      return 1;
    i = (size_t)__builtin_ctz(other);
    return !(other & (other - 1)) && (point >> i & 1) && i > minus && i + 1 < n;
  }
#endif
  {
    size_t dots = 0, dot = 0;
    for (i = minus; i < n; i++) {
      if ((unsigned)(v[i] - '0') < 10)
        continue;
      if (v[i] != '.' || dots)
        return 0;
      dots = 1;
      dot = i;
    }
    return !dots || (dot > minus && dot + 1 < n);
  }
}

int within_180(const char *v, size_t n) {
  double x;
  if (plain_decimal(v, n)) {
    size_t minus = v[0] == '-', i;
    unsigned ip = 0;
    for (i = minus; i < n && v[i] != '.' && i - minus < 4; i++)
      ip = ip * 10 + (unsigned)(v[i] - '0');
    if ((i == n || v[i] == '.') && ip != 180)
      return ip < 180;
  }
  return parse_double(v, n, &x) && fabs(x) <= 180;
}

/* digits of v with separators ' ', '-', '.', '(', ')' removed */
static size_t strip_digits(const char *v, size_t n, char *out, size_t cap) {
  size_t i, k = 0;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)v[i];
    if (c >= '0' && c <= '9') {
      if (k == cap) return 0;
      out[k++] = (char)c;
    }
  }
  return k;
}

/* Numbers made of digits only (separators removed) */
static unsigned classify_digits(struct emit_ctx *e, const char *v, size_t n,
                                const char *d, size_t nd, unsigned mask,
                                unsigned sig) {
  uint32_t hints = e->hints;
  int sep = (mask & (C_SPACE | C_DASH | C_DOT | C_PAREN)) != 0;
  /* d is digits only: the checks below share what the validators would
   * each compute again (ajar_valid_imei, _imsi and _card), each the
   * first time one needs it, so last in its test: most ids and phones
   * fail a cheaper test first (a CPF's check digits, a card's IIN) and
   * never learn whether their digits are all the same */
  int same = -1, luhn = -1;
#define SAME() (same < 0 ? (same = bytes_all_same(d, nd)) : same)
#define LUHN() (luhn < 0 ? (luhn = ajar_luhn_digits(d, nd)) : luhn)
  switch (nd) {
  case 9: {
    /* printed as an SSN is, or under a name that says id: the SSN and
     * ITIN validators run only then */
    int ssn_like = (n == 11 && v[3] == '-' && v[6] == '-') || (hints & AJAR_H_NATIONAL_ID);
    if (ssn_like && ajar_valid_us_ssn(d, nd))
      EMITE(DET_US_SSN, 1);
    if ((hints & AJAR_H_NATIONAL_ID) && ajar_valid_nl_bsn(d, nd))
      EMITE(DET_NL_BSN, 1);
    if (ssn_like && ajar_valid_us_itin(d, nd))
      EMITE(DET_US_ITIN, 1);
    break;
  }
  case 10:
    if ((hints & AJAR_H_NATIONAL_ID) && ajar_valid_gb_nhs(d, nd))
      EMITE(DET_GB_NHS, 1);
    break;
  case 11:
    /* ajar_valid_cn_mobile and _br_cpf without the digit tests d has
     * passed (a CPF's "all the same" comes last, as above) */
    if (d[0] == '1' && d[1] >= '3' && (!sep || (mask & C_SPACE) || (mask & C_DASH)))
      EMITE(DET_CN_MOBILE, 1);
    if (ajar_br_cpf_digits(d) && !SAME())
      EMITE(DET_BR_CPF, 1);
    if ((hints & AJAR_H_NATIONAL_ID) && ajar_valid_de_steuer_id(d, nd))
      EMITE(DET_DE_STEUER_ID, 1);
    break;
  case 12:
    if (ajar_in_aadhaar_digits(d))
      EMITE(DET_IN_AADHAAR, 1);
    if ((hints & AJAR_H_NATIONAL_ID) && ajar_valid_jp_my_number(d, nd))
      EMITE(DET_JP_MY_NUMBER, 1);
    break;
  case 13:
    if (ajar_valid_kr_rrn(d, nd))
      EMITE(DET_KR_RRN, 1);
    if ((hints & AJAR_H_NATIONAL_ID) && ajar_valid_fr_nif(d, nd))
      EMITE(DET_FR_NIF, 1);
    if (ajar_valid_cn_mobile(d, nd))
      EMITE(DET_CN_MOBILE, 1);
    break;
  case 14:
  case 15:
    if (nd == 15 && LUHN() && !SAME())
      EMITE(DET_IMEI, 1);
    /* an IMSI is printed as plain digits: "214-07-4862-20834" is a cell id */
    if (!(hints & AJAR_H_IMEI) && (mask == C_DIGIT || (hints & AJAR_H_IMSI)) &&
        ajar_imsi_mcc_known((d[0] - '0') * 100 + (d[1] - '0') * 10 + (d[2] - '0')) &&
        !SAME())
      EMITE(DET_IMSI, 1);
    if (nd == 15 && ajar_fr_nir_digits(d))
      EMITE(DET_FR_NIR, 1);
    break;
  case 16:
    if ((hints & AJAR_H_IMEI) && !SAME())
      EMITE(DET_IMEI, 1);
    break;
  case 17:
  case 18:
    if (nd == 18 && ajar_cn_ric_digits(d))
      EMITE(DET_CN_RESIDENT_ID, 1);
    break;
  default:
    break;
  }
  if (nd >= 12 && nd <= 19 && ajar_card_iin_digits(d, nd) && LUHN() && !SAME())
    EMITE(DET_CARD, 1);
#undef SAME
#undef LUHN
  if ((hints & AJAR_H_PHONE) && nd >= 7 && nd <= 15)
    EMITE(DET_PHONE_NATIONAL, 1);
  return sig;
}

/* The length of v without a phone extension ("x123", " ext. 45",
 * "#12"); n when it has none */
size_t phone_ext_cut(const char *v, size_t n) {
  size_t i = n, j;
  while (i > 0 && v[i - 1] >= '0' && v[i - 1] <= '9') i--;
  if (i == n || n - i > 5)
    return n;
  j = i;
  while (j > 0 && (v[j - 1] == '.' || v[j - 1] == ' ')) j--;
  if (j >= 1 && (v[j - 1] == 'x' || v[j - 1] == 'X' || v[j - 1] == '#'))
    j--;
  else if (j >= 3 && (v[j - 3] | 0x20) == 'e' && (v[j - 2] | 0x20) == 'x' &&
           (v[j - 1] | 0x20) == 't') /* "ext" in any case, with no call */
    j -= 3;
  else
    return n;
  while (j > 0 && v[j - 1] == ' ') j--;
  return j > 6 ? j : n;
}

/* A phone number as people print it: optional "+", groups of digits
 * split by single spaces, dashes or dots, the first group may stand in
 * parentheses ("(415) 555-2671", "+44 20 7946 0958", "138 1234 5678",
 * "+33 (0)3 87 17 77 63"); 9-13 digits in 2-6 groups, not the SSN's
 * 3-2-4 and not ending in a lone check digit (ISBN) */
static int phone_grouped(const char *v, size_t n) {
  size_t i = 0, nd = 0, glen = 0, groups = 0, g[8];
  int paren = 0, seps = 0, dots_only = 1;
  if (n && v[0] == '+') i = 1;
  for (; i <= n; i++) {
    char c = i < n ? v[i] : ' ';
    if (c >= '0' && c <= '9') {
      nd++, glen++;
      continue;
    }
    if (c == '(') {
      if (paren || glen) return 0;
      paren = 1;
      continue;
    }
    if (c == ')') {
      if (paren != 1 || !glen) return 0;
      paren = 2;
    } else if (c != ' ' && c != '-' && c != '.') {
      return 0;
    }
    if (i < n && c != '.')
      dots_only = 0;
    if (glen) {
      if (groups == 8) return 0;
      g[groups++] = glen;
      glen = 0;
    } else if (c != ' ' || (i && v[i - 1] != ')')) {
      return 0; /* two separators in a row */
    }
    if (i < n) seps++;
  }
  if (paren == 1 || !seps || nd < 9 || nd > 13 || groups < 2 || groups > 6)
    return 0;
  if (groups == 3 && g[0] == 3 && g[1] == 2 && g[2] == 4)
    return 0;
  if (dots_only && groups < 3)
    return 0; /* a decimal number: "140.142675" */
  return g[groups - 1] > 1;
}

/* scalar_number every check in turn: the way of a number under a hint
 * that reads its value or its time, and the reference the unit test
 * holds scalar_number to */
__attribute__((noinline)) unsigned scalar_number_general(struct emit_ctx *e, const char *v,
                                                         size_t n) {
  uint32_t hints = e->hints;
  unsigned sig = 0;
  double x;
  int has_time, year, digits = digits_only(v, n);
  if ((hints & AJAR_H_TIME) || (digits && is_epoch(hints, v, n)))
    sig |= SIG_TIME;
  if (hints & AJAR_H_LOCATION) {
    if (within_180(v, n) && memchr(v, '.', n))
      EMITE(DET_LAT_LON, 1);
    return sig;
  }
  if (hints & AJAR_H_FACE_ATTR)
    EMITE(DET_FACE_ATTRIBUTES, 1);
  if ((hints & AJAR_H_AGE_DOB) && parse_double(v, n, &x)) {
    if ((x >= 0 && x <= 130 && x == floor(x)) ||
        (n == 8 && looks_date(v, n, &has_time)))
      EMITE(DET_DOB, 1);
  }
  if (!digits)
    return sig;
  if (n == 8 && looks_date_y(v, n, &has_time, &year))
    return sig | birth_date(e, n, year);
  if (n >= 9 && n <= 19)
    return classify_digits(e, v, n, v, n, C_DIGIT, sig);
  return sig;
}

/* 8 digits under no such hint: maybe a YYYYMMDD birth date */
__attribute__((noinline)) static unsigned number_date8(struct emit_ctx *e, const char *v) {
  int has_time, year;
  return looks_date_y(v, 8, &has_time, &year) ? birth_date(e, 8, year) : 0;
}

/* 9 to 19 digits under no such hint: an epoch (10 or 13), ids, phones */
__attribute__((noinline)) static unsigned number_digits(struct emit_ctx *e, const char *v,
                                                        size_t n) {
  return classify_digits(e, v, n, v, n, C_DIGIT,
                         is_epoch(e->hints, v, n) ? SIG_TIME : 0);
}

/* Most numbers have none of the hints scalar_number_general reads: those
 * are decided here by their length and digits, with no frame, and the
 * ones that can be something go on by a tail call (a number under 8
 * digits or over 19, or not digits only, is no epoch, date, id nor
 * phone). */
unsigned scalar_number(struct emit_ctx *e, const char *v, size_t n) {
  if (e->hints & (AJAR_H_TIME | AJAR_H_LOCATION | AJAR_H_FACE_ATTR | AJAR_H_AGE_DOB))
    return scalar_number_general(e, v, n);
  if (n < 8 || n > 19 || !digits_only(v, n))
    return 0;
  return n == 8 ? number_date8(e, v) : number_digits(e, v, n);
}

/* digits with phone/id punctuation: IPv4, phones, ids, ages, every
 * check in turn */
__attribute__((noinline)) unsigned scalar_punct_digits_general(struct emit_ctx *e,
                                                               const char *v, size_t n,
                                                               unsigned mask, size_t seps) {
  uint32_t hints = e->hints;
  unsigned sig = 0;
  char buf[40];
  const char *d = buf;
  size_t nd;
  int has_time, year;
  /* an IPv4 has three dots, its only separators (a decimal number has
   * one); an epoch, 10 or 13 digits */
  if (seps == 3 && (mask & C_DOT) && !(mask & ~(C_DIGIT | C_DOT)) && ajar_ipv4_dotted(v, n)) {
    EMITE(DET_IPV4, 1);
    return sig;
  }
  if (mask == C_DIGIT && (n == 10 || n == 13) && is_epoch(hints, v, n))
    sig |= SIG_TIME;
  /* digits alone need no copy without their separators */
  if (mask == C_DIGIT && n <= sizeof buf)
    d = v, nd = n;
  else
    nd = strip_digits(v, n, buf, sizeof buf);
  if (v[0] == '+' && nd) {
    char p[40];
    p[0] = '+';
    memcpy(p + 1, d, nd);
    if (ajar_valid_e164(p, nd + 1))
      EMITE(DET_PHONE_E164, 1);
    if (nd == 13 && d[0] == '8' && d[1] == '6' && ajar_valid_cn_mobile(d + 2, 11))
      EMITE(DET_CN_MOBILE, 1);
    if (nd >= 9 && nd <= 13 && (!hints || (hints & AJAR_H_PHONE)) && phone_grouped(v, n))
      EMITE(DET_PHONE_NATIONAL, 1);
    return sig;
  }
  if (nd && (hints & AJAR_H_AGE_DOB) && nd <= 3 && digits_at(d, nd) <= 130)
    EMITE(DET_DOB, 1);
  /* a postcode under a name that says so: 91604, 01310-100, 709-8337 */
  if ((hints & AJAR_H_ADDRESS) && nd >= 3 && nd <= 9 && n <= nd + 1 &&
      !(mask & ~(C_DIGIT | C_DASH | C_SPACE)))
    EMITE(DET_ADDRESS, 0);
  if (nd >= 6 && nd <= 9 && (hints & AJAR_H_PASSPORT))
    EMITE(DET_PASSPORT, 1); /* digits only: US, JP, KR, BR, NL passports */
  if (nd == 8 && n == 8 && looks_date_y(d, nd, &has_time, &year))
    sig |= birth_date(e, n, year);
  if (nd >= 9 && nd <= 19)
    sig |= classify_digits(e, v, n, d, nd, mask, sig);
  else if ((hints & AJAR_H_PHONE) && nd >= 7)
    EMITE(DET_PHONE_NATIONAL, 1);
  /* a phone by its print where the field names nothing else */
  if (nd >= 9 && nd <= 13 && (mask & (C_SPACE | C_DASH | C_DOT | C_PAREN)) &&
      (!hints || (hints & AJAR_H_PHONE)) && phone_grouped(v, n))
    EMITE(DET_PHONE_NATIONAL, 1);
  if ((hints & AJAR_H_LOCATION) && (mask & C_DOT) && nd >= 3 && within_180(v, n))
    EMITE(DET_LAT_LON, 1);
  if ((hints & AJAR_H_FACE_ATTR) && nd <= 3)
    EMITE(DET_FACE_ATTRIBUTES, 1);
  return sig;
}

/* Digits and three dots: scalar_punct_digits_general decides an IPv4
 * first, under any hint, so this does with a small frame (not the
 * general one's, with its copy of the digits); digits and three dots
 * that are none go on there (and are checked again) */
__attribute__((noinline)) static unsigned punct_ipv4(struct emit_ctx *e, const char *v,
                                                     size_t n, unsigned mask, size_t seps) {
  if (!ajar_ipv4_dotted(v, n))
    return scalar_punct_digits_general(e, v, n, mask, seps);
  emit(e, DET_IPV4, 1, n);
  return 0;
}

/* Digits alone (ids, phones, codes, epochs: most values that reach here)
 * under none of the hints that read a short number, a postcode, a
 * passport or a phone are what a JSON number of those digits is: decided
 * as scalar_number decides it, with no frame (scalar_punct_digits_general
 * builds one for its copy of the digits and its checks); so is an IPv4,
 * by a tail call */
unsigned scalar_punct_digits(struct emit_ctx *e, const char *v, size_t n, unsigned mask,
                             size_t seps) {
  if (mask != C_DIGIT || (e->hints & (AJAR_H_AGE_DOB | AJAR_H_ADDRESS | AJAR_H_PASSPORT |
                                      AJAR_H_PHONE | AJAR_H_FACE_ATTR)))
    return mask == (C_DIGIT | C_DOT) && seps == 3
               ? punct_ipv4(e, v, n, mask, seps)
               : scalar_punct_digits_general(e, v, n, mask, seps);
  if (n == 8)
    return number_date8(e, v);
  return n >= 9 && n <= 19 ? number_digits(e, v, n) : 0;
}
