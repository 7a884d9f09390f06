/* Values made of digits: national ids, cards, IMEI/IMSI, phones (E.164,
 * national, grouped as people print them), IPv4, ages, and parse_double
 * for the numbers whose value counts. Part of classify_scalar (value.c). */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "classify.h"
#include "shape.h"
#include "validators.h"
#include "value.h"

/* strtod's double for [-]digits[.digits] of 19 digits or fewer, without
 * strtod (a thousand instructions a call; full-precision floats such as
 * 0.24118021799323708 are a fifth of a telemetry dump). The digits are
 * an exact 64-bit integer w, 10^k (k <= 19) is exact in x87 extended
 * precision, so w / 10^k is rounded once to 64 bits. Rounding that to
 * 53 bits gives the correctly rounded double unless the 64-bit result
 * is itself halfway between two doubles (its low 11 bits 100 0000 0000):
 * then, and where long double is no x87 extended (valgrind runs it as a
 * double), 0 and strtod decides. */
static int decimal_exact(const char *v, size_t n, double *out) {
#if (defined(__x86_64__) || defined(__i386__)) && LDBL_MANT_DIG == 64
  static const long double p10[20] = {
      1e0L, 1e1L, 1e2L, 1e3L, 1e4L, 1e5L, 1e6L, 1e7L, 1e8L, 1e9L,
      1e10L, 1e11L, 1e12L, 1e13L, 1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L};
  volatile long double one = 1.0L;
  uint64_t w = 0, m;
  size_t i = 0, nd = 0, k = 0, start;
  long double x;
  double d;
  if (one + 0x1p-60L == one) /* no 64-bit mantissa at run time */
    return 0;
  if (v[0] == '-')
    i = 1;
  for (start = i; i < n && v[i] >= '0' && v[i] <= '9'; i++, nd++)
    w = w * 10 + (uint64_t)(v[i] - '0');
  if (i == start || nd > 19)
    return 0;
  if (i < n) {
    if (v[i] != '.' || ++i == n)
      return 0;
    for (; i < n && v[i] >= '0' && v[i] <= '9'; i++, nd++, k++)
      if (nd < 19)
        w = w * 10 + (uint64_t)(v[i] - '0');
    if (i < n || nd > 19)
      return 0;
  }
  x = (long double)w / p10[k];
  memcpy(&m, &x, sizeof m); /* the explicit 64-bit mantissa */
  if ((m & 0x7FF) == 0x400)
    return 0;
  d = (double)x;
  *out = v[0] == '-' ? -d : d;
  return 1;
#else
  (void)v;
  (void)n;
  (void)out;
  return 0;
#endif
}

int parse_double(const char *v, size_t n, double *out) {
  /* powers of ten a double holds exactly */
  static const double p10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  char tmp[64];
  char *end;
  size_t i = 0, start, nd = 0, k = 0;
  uint64_t w = 0;
  if (n == 0 || n >= sizeof tmp)
    return 0;
  /* [-]digits[.digits]: the digits as one integer w over 10^k. When w
   * and 10^k are exact doubles (w <= 2^53, k <= 22) one division rounds
   * once, to strtod's double (Clinger's fast path); a telemetry dump is
   * mostly such numbers. */
  if (v[0] == '-')
    i = 1;
  for (start = i; i < n && v[i] >= '0' && v[i] <= '9' && nd < 19; i++, nd++)
    w = w * 10 + (uint64_t)(v[i] - '0');
  if (i > start && i < n && v[i] == '.' && i + 1 < n) {
    for (i++; i < n && v[i] >= '0' && v[i] <= '9' && nd < 19; i++, nd++, k++)
      w = w * 10 + (uint64_t)(v[i] - '0');
  }
  if (i == n && i > start && v[n - 1] != '.' && w <= (1ull << 53) && k <= 22) {
    double d = (double)w / p10[k];
    *out = v[0] == '-' ? -d : d;
    return 1;
  }
  if (decimal_exact(v, n, out))
    return 1;
  memcpy(tmp, v, n);
  tmp[n] = 0;
  *out = strtod(tmp, &end);
  return end == tmp + n && isfinite(*out);
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
   * each compute again (ajar_valid_imei, _imsi and _card) */
  int same = 1, luhn = -1;
  size_t i;
  for (i = 1; i < nd && same; i++)
    same = d[i] == d[0];
#define LUHN() (luhn < 0 ? (luhn = ajar_luhn_ok(d, nd)) : luhn)
  switch (nd) {
  case 9:
    if (ajar_valid_us_ssn(d, nd) &&
        ((n == 11 && v[3] == '-' && v[6] == '-') || (hints & AJAR_H_NATIONAL_ID)))
      EMITE(DET_US_SSN, 1);
    if ((hints & AJAR_H_NATIONAL_ID) && ajar_valid_nl_bsn(d, nd))
      EMITE(DET_NL_BSN, 1);
    if (ajar_valid_us_itin(d, nd) &&
        ((n == 11 && v[3] == '-' && v[6] == '-') || (hints & AJAR_H_NATIONAL_ID)))
      EMITE(DET_US_ITIN, 1);
    break;
  case 10:
    if ((hints & AJAR_H_NATIONAL_ID) && ajar_valid_gb_nhs(d, nd))
      EMITE(DET_GB_NHS, 1);
    break;
  case 11:
    if (ajar_valid_cn_mobile(d, nd) && (!sep || (mask & C_SPACE) || (mask & C_DASH)))
      EMITE(DET_CN_MOBILE, 1);
    if (ajar_valid_br_cpf(d, nd))
      EMITE(DET_BR_CPF, 1);
    if ((hints & AJAR_H_NATIONAL_ID) && ajar_valid_de_steuer_id(d, nd))
      EMITE(DET_DE_STEUER_ID, 1);
    break;
  case 12:
    if (ajar_valid_in_aadhaar(d, nd))
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
    if (nd == 15 && !same && LUHN())
      EMITE(DET_IMEI, 1);
    /* an IMSI is printed as plain digits: "214-07-4862-20834" is a cell id */
    if (!same && !(hints & AJAR_H_IMEI) && (mask == C_DIGIT || (hints & AJAR_H_IMSI)) &&
        ajar_imsi_mcc_known((d[0] - '0') * 100 + (d[1] - '0') * 10 + (d[2] - '0')))
      EMITE(DET_IMSI, 1);
    if (nd == 15 && ajar_valid_fr_nir(d, nd))
      EMITE(DET_FR_NIR, 1);
    break;
  case 16:
    if ((hints & AJAR_H_IMEI) && !same)
      EMITE(DET_IMEI, 1);
    break;
  case 17:
  case 18:
    if (nd == 18 && ajar_valid_cn_resident_id(d, nd))
      EMITE(DET_CN_RESIDENT_ID, 1);
    break;
  default:
    break;
  }
  if (nd >= 12 && nd <= 19 && !same && ajar_card_iin_ok(d, nd) && LUHN())
    EMITE(DET_CARD, 1);
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
  else if (j >= 3 && !strncasecmp(v + j - 3, "ext", 3))
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

unsigned scalar_number(struct emit_ctx *e, const char *v, size_t n) {
  uint32_t hints = e->hints;
  unsigned sig = 0;
  double x;
  int has_time, year;
  size_t i;
  if ((hints & AJAR_H_TIME) || is_epoch(hints, v, n))
    sig |= SIG_TIME;
  if (hints & AJAR_H_LOCATION) {
    if (parse_double(v, n, &x) && fabs(x) <= 180 && memchr(v, '.', n))
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
  for (i = 0; i < n; i++)
    if (v[i] < '0' || v[i] > '9')
      return sig;
  if (n == 8 && looks_date_y(v, n, &has_time, &year))
    return sig | birth_date(e, n, year);
  if (n >= 9 && n <= 19)
    return classify_digits(e, v, n, v, n, C_DIGIT, sig);
  return sig;
}

/* digits with phone/id punctuation: IPv4, phones, ids, ages */
unsigned scalar_punct_digits(struct emit_ctx *e, const char *v, size_t n,
                                    unsigned mask) {
  uint32_t hints = e->hints;
  unsigned sig = 0;
  char buf[40];
  const char *d = buf;
  size_t nd;
  int has_time, year;
  if ((mask & C_DOT) && !(mask & ~(C_DIGIT | C_DOT)) && ajar_valid_ipv4(v, n)) {
    EMITE(DET_IPV4, 1);
    return sig;
  }
  if (mask == C_DIGIT && is_epoch(hints, v, n))
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
  if ((hints & AJAR_H_LOCATION) && (mask & C_DOT) && nd >= 3) {
    double x;
    if (parse_double(v, n, &x) && fabs(x) <= 180)
      EMITE(DET_LAT_LON, 1);
  }
  if ((hints & AJAR_H_FACE_ATTR) && nd <= 3)
    EMITE(DET_FACE_ATTRIBUTES, 1);
  return sig;
}
