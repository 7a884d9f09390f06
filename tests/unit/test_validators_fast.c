/* The validators' fast paths (SWAR digit tests, pmaddubsw weighted sums,
 * Luhn by pshufb and psadbw, IPv4 on bit masks) against the byte loops
 * they replaced, kept here (or, for Luhn and IPv4, in the library) as
 * the reference, on generated inputs: random strings of digits
 * and the bytes next to them, strings of one repeated byte, and ids made
 * valid or one digit off. Each input is copied into a heap buffer of
 * exactly n bytes, so AddressSanitizer sees any read past it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "digits.h"
#include "unit.h"
#include "validators.h"
#include "value.h"

typedef int (*vfn_t)(const char *, size_t);

/* the byte loops the fast paths replaced */

static int r_dig(unsigned char c) { return c >= '0' && c <= '9'; }
static unsigned char r_up(unsigned char c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
static int r_dv(const char *s, size_t i) { return (unsigned char)s[i] - '0'; }
static int r_all_digits(const char *s, size_t n) {
  size_t i;
  if (!s || n == 0) return 0;
  for (i = 0; i < n; i++)
    if (!r_dig((unsigned char)s[i])) return 0;
  return 1;
}
/* (called after r_all_digits: no case to fold) */
static int r_all_same(const char *s, size_t n) {
  while (n > 1 && s[n - 1] == s[0]) n--;
  return n <= 1;
}
static long r_num_at(const char *s, size_t i, size_t len) {
  long v = 0;
  const char *p = s + i;
  while (len--) v = v * 10 + (*p++ - '0');
  return v;
}

static int r_cn_region_ok(int r) {
  return (r >= 11 && r <= 15) || (r >= 21 && r <= 23) || (r >= 31 && r <= 37) ||
         (r >= 41 && r <= 46) || (r >= 50 && r <= 54) || (r >= 61 && r <= 65) ||
         r == 71 || r == 81 || r == 82 || r == 83 || r == 91;
}

static int r_cn_ric(const char *s, size_t n) {
  static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static const char chk[] = "10X98765432";
  int sum = 0, i, year;
  if (!s || n != 18 || !r_all_digits(s, 17)) return 0;
  if (!r_dig((unsigned char)s[17]) && r_up((unsigned char)s[17]) != 'X') return 0;
  if (!r_cn_region_ok((int)r_num_at(s, 0, 2))) return 0;
  year = (int)r_num_at(s, 6, 4);
  if (year < 1900 || year > 2030) return 0;
  if (!ajar_date_ok(year, (int)r_num_at(s, 10, 2), (int)r_num_at(s, 12, 2))) return 0;
  for (i = 0; i < 17; i++) sum += w[i] * r_dv(s, (size_t)i);
  return chk[sum % 11] == (char)r_up((unsigned char)s[17]);
}

static int r_cpf(const char *s, size_t n) {
  int k;
  if (n != 11 || !r_all_digits(s, n) || r_all_same(s, n)) return 0;
  for (k = 9; k <= 10; k++) {
    int sum = 0, i, c;
    for (i = 0; i < k; i++) sum += r_dv(s, (size_t)i) * (k + 1 - i);
    c = 11 - sum % 11;
    if (c >= 10) c = 0;
    if (c != r_dv(s, (size_t)k)) return 0;
  }
  return 1;
}

static int r_card_iin(const char *s, size_t n) {
  long p2, p3, p4;
  int ok = 0;
  if (n < 12 || n > 19 || !r_all_digits(s, 4)) return 0;
  p2 = r_num_at(s, 0, 2);
  p3 = r_num_at(s, 0, 3);
  p4 = r_num_at(s, 0, 4);
  if (s[0] == '4' && (n == 13 || n == 16 || n == 19)) ok = 1;
  if (n == 16 && ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720))) ok = 1;
  if (n == 15 && (p2 == 34 || p2 == 37)) ok = 1;
  if (n >= 16 && (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65)) ok = 1;
  if (n >= 16 && p4 >= 3528 && p4 <= 3589) ok = 1;
  if (n == 15 && (p4 == 1800 || p4 == 2131)) ok = 1;
  if (n >= 16 && p2 == 62) ok = 1;
  if (n >= 14 && ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39)) ok = 1;
  if (p2 == 50 || (p2 >= 56 && p2 <= 69)) ok = 1;
  return ok;
}

static int r_card(const char *s, size_t n) {
  if (n < 12 || n > 19 || !r_all_digits(s, n) || r_all_same(s, n)) return 0;
  return r_card_iin(s, n) && ajar_luhn_ok_bytes(s, n);
}

static int r_cn_mobile(const char *s, size_t n) {
  if (!s) return 0;
  if (n == 13 && !memcmp(s, "86", 2)) s += 2, n -= 2;
  else if (n == 14 && !memcmp(s, "+86", 3)) s += 3, n -= 3;
  else if (n == 15 && !memcmp(s, "0086", 4)) s += 4, n -= 4;
  return n == 11 && r_all_digits(s, n) && s[0] == '1' && s[1] >= '3';
}

static int r_ssn(const char *s, size_t n) {
  long area;
  if (n != 9 || !r_all_digits(s, n) || r_all_same(s, n)) return 0;
  area = r_num_at(s, 0, 3);
  if (area == 0 || area == 666 || area >= 900) return 0;
  if (r_num_at(s, 3, 2) == 0 || r_num_at(s, 5, 4) == 0) return 0;
  if (!memcmp(s, "123456789", 9) || !memcmp(s, "078051120", 9) ||
      !memcmp(s, "219099999", 9))
    return 0;
  return 1;
}

static int r_imei(const char *s, size_t n) {
  if ((n != 15 && n != 16) || !r_all_digits(s, n) || r_all_same(s, n)) return 0;
  return n == 16 ? 1 : ajar_luhn_ok_bytes(s, n);
}

static int r_imsi(const char *s, size_t n) {
  if ((n != 14 && n != 15) || !r_all_digits(s, n) || r_all_same(s, n)) return 0;
  return ajar_imsi_mcc_known((int)r_num_at(s, 0, 3));
}

static int r_digits_only(const char *s, size_t n) { return n == 0 || r_all_digits(s, n); }
/* Aadhaar: a palindrome a byte at a time, Verhoeff by the library's
 * byte loop (ajar_verhoeff_ok) */
static int r_aadhaar(const char *s, size_t n) {
  size_t i;
  int pal = 1;
  if (n != 12 || !r_all_digits(s, n) || s[0] < '2') return 0;
  for (i = 0; i < 6; i++)
    if (s[i] != s[11 - i]) pal = 0;
  return !pal && ajar_verhoeff_ok(s, n);
}
/* phone_ext_cut by its grammar: body, spaces, a marker ("x" or "ext" in
 * any case, or "#"), dots and spaces, 1-5 digits; the body when it is
 * over 6 bytes. The markers are compared by strncasecmp. */
static size_t r_phone_ext_cut(const char *v, size_t n) {
  static const char *const marker[] = {"x", "#", "ext"};
  size_t digits = 0, end, k;
  while (digits < n && r_dig((unsigned char)v[n - 1 - digits])) digits++;
  if (digits < 1 || digits > 5)
    return n;
  for (end = n - digits; end && (v[end - 1] == '.' || v[end - 1] == ' ');) end--;
  for (k = 0; k < 3; k++) {
    size_t len = strlen(marker[k]), body;
    if (end < len || strncasecmp(v + end - len, marker[k], len))
      continue;
    for (body = end - len; body && v[body - 1] == ' ';) body--;
    return body > 6 ? body : n;
  }
  return n;
}
/* an epoch of 2010-2030 in 10 or 13 digits, by the number's value */
static int r_epoch(uint32_t hints, const char *v, size_t n) {
  long x;
  if ((n != 10 && n != 13) || (hints & ~(AJAR_H_TIME | AJAR_H_PLACE)) || !r_all_digits(v, n))
    return 0;
  x = r_num_at(v, 0, 10);
  return x >= 1262304000 && x < 1893456000;
}


static uint32_t seed = 4242;
static unsigned rnd(unsigned m) {
  seed = seed * 1103515245u + 12345u;
  return (seed >> 8) % m;
}

/* the fixed last digit that makes d[0, n) pass Luhn (d[n - 1] ignored) */
static char luhn_fix(char *d, size_t n) {
  int c;
  for (c = 0; c < 10; c++) {
    d[n - 1] = (char)('0' + c);
    if (ajar_luhn_ok_bytes(d, n)) break;
  }
  return d[n - 1];
}

/* one generated input of up to 34 bytes into v; returns its length */
static size_t make(char *v) {
  static const char near[] = "/:Xx -.\x80\xff\x00";
  static const char *const iin[] = {"4", "51", "55", "2221", "2720", "34", "37", "6011", "644",
                                    "65", "3528", "3589", "1800", "2131", "62", "300", "36",
                                    "50", "56", "69", "7", "9", "1", "2", "3", "5", "59",
                                    "0", "8", "2720", "2721", "2220", "3527", "3590", "305",
                                    "306", "39", "38", "6010", "643"};
  size_t n, i;
  int kind = (int)rnd(13);
  n = kind == 7 ? 0 : 9 + rnd(11); /* most at the lengths of ids */
  if (kind == 6)
    n = rnd(35);
  for (i = 0; i < n; i++)
    v[i] = (char)('0' + rnd(10));
  switch (kind) {
  case 1: /* one repeated digit, maybe one byte off */
    memset(v, '0' + (int)rnd(10), n);
    if (n && rnd(3) == 0) v[rnd((unsigned)n)] = (char)('0' + rnd(10));
    break;
  case 2: { /* a CN id with a region and a date, maybe an X last */
    static const char *const reg[] = {"11", "15", "21", "37", "46", "50", "65", "71", "83", "91",
                                      "10", "16", "99", "00"};
    n = 18;
    memcpy(v, reg[rnd(14)], 2);
    memcpy(v + 6, rnd(4) ? "19" : "20", 2);
    v[10] = (char)('0' + rnd(2));
    v[12] = (char)('0' + rnd(4));
    if (rnd(5) == 0) v[17] = rnd(2) ? 'X' : 'x';
    if (rnd(2)) /* its check character found, where the rest holds */
      for (i = 0; i < 11 && !r_cn_ric(v, n); i++)
        v[17] = "0123456789X"[i];
    break;
  }
  case 3: /* a card: an IIN, Luhn made to hold, maybe one digit off */
    n = 12 + rnd(8);
    {
      const char *p = iin[rnd(sizeof iin / sizeof iin[0])];
      memcpy(v, p, strlen(p));
    }
    luhn_fix(v, n);
    if (rnd(3) == 0) v[rnd((unsigned)n)] = (char)('0' + rnd(10));
    break;
  case 4: /* a CPF with its two check digits, maybe one off */
    n = 11;
    for (i = 9; i <= 10; i++) {
      int sum = 0, k, c;
      for (k = 0; k < (int)i; k++) sum += (v[k] - '0') * ((int)i + 1 - k);
      c = 11 - sum % 11;
      v[i] = (char)('0' + (c >= 10 ? 0 : c));
    }
    if (rnd(3) == 0) v[rnd(11)] = (char)('0' + rnd(10));
    break;
  case 5: /* a CN mobile, with or without its country code */
    n = 11;
    v[0] = '1';
    if (rnd(4) == 0) {
      memmove(v + 2, v, 11);
      memcpy(v, "86", 2);
      n = 13;
    }
    break;
  case 9: /* an Aadhaar: Verhoeff made to hold, maybe a palindrome, a
           * first digit 0 or 1, or one digit off */
    n = 12;
    if (rnd(6) == 0)
      for (i = 0; i < 6; i++) v[11 - i] = v[i];
    if (rnd(6) == 0) v[0] = (char)('0' + rnd(2));
    if (rnd(2))
      for (i = 0; i < 10 && !ajar_verhoeff_ok(v, n); i++) v[11] = (char)('0' + i);
    if (rnd(4) == 0) v[rnd(12)] = (char)('0' + rnd(10));
    break;
  case 12: { /* a FR NIR: its key made to hold, a first digit and a
             * month valid or not, maybe one digit off */
    static const char *const month[] = {"01", "12", "20", "99", "00", "13", "19", "07"};
    unsigned long long num = 0;
    n = 15;
    for (i = 1; i < 13; i++) v[i] = (char)('0' + rnd(10));
    v[0] = "12347856"[rnd(8)];
    memcpy(v + 3, month[rnd(8)], 2);
    for (i = 0; i < 13; i++) num = num * 10 + (unsigned)(v[i] - '0');
    v[13] = (char)('0' + (97 - num % 97) / 10);
    v[14] = (char)('0' + (97 - num % 97) % 10);
    if (rnd(3) == 0) v[rnd(15)] = (char)('0' + rnd(10));
    break;
  }
  case 10:   /* a MAC, colons, dashes or Cisco dots, all 0 or all f at */
  case 11: { /* times, or a UUID; maybe a byte at a hex digit's edges */
    static const char hex[] = "0123456789abcdefABCDEF", edge[] = "gG`@/:-.Ff09 \x80";
    int uuid = kind == 11, cisco = !uuid && rnd(5) == 0;
    char sep = rnd(2) ? ':' : '-', fill = rnd(6) == 0 ? "0fF"[rnd(3)] : 0;
    n = uuid ? 36 : cisco ? 14 : 17;
    for (i = 0; i < n; i++) {
      int at_sep = uuid ? (i == 8 || i == 13 || i == 18 || i == 23)
                        : cisco ? (i == 4 || i == 9) : i % 3 == 2;
      v[i] = at_sep ? (uuid ? '-' : cisco ? '.' : sep) : fill ? fill : hex[rnd(sizeof hex - 1)];
    }
    if (rnd(3) == 0) v[rnd((unsigned)n)] = edge[rnd(sizeof edge - 1)];
    return n;
  }
  case 8: { /* an IPv4 or near one: parts of 0-4 digits, 2xx and 25x
             * often, leading zeros, a byte other than '.' between */
    size_t part, len;
    n = 0;
    for (part = 0; part < 4 + (rnd(8) == 0); part++) {
      if (part)
        v[n++] = rnd(12) ? '.' : "-/:0"[rnd(4)];
      len = rnd(10) ? 1 + rnd(3) : rnd(5);
      for (i = 0; i < len; i++)
        v[n++] = (char)(i == 0 && len == 3 && rnd(2) ? '2' : i == 1 && rnd(2) ? '5' : '0' + rnd(10));
    }
    return n; /* no byte changed below: most of these must parse */
  }
  default:
    break;
  }
  if (n && rnd(4) == 0) /* a byte next to the digits somewhere */
    v[rnd((unsigned)n)] = near[rnd(sizeof near - 1)];
  return n;
}

/* the variants for checked bytes where their callers would call them
 * (the bytes checked as they check them), the full validators elsewhere */
static int d_cn_ric(const char *s, size_t n) {
  return n == 18 && r_all_digits(s, 17) ? ajar_cn_ric_digits(s) : ajar_valid_cn_resident_id(s, n);
}
static int d_cpf(const char *s, size_t n) {
  return n == 11 && r_all_digits(s, n) && !r_all_same(s, n) ? ajar_br_cpf_digits(s)
                                                            : ajar_valid_br_cpf(s, n);
}

/* Luhn on known digits where classify_digits calls it, the full check
 * elsewhere */
static int d_luhn(const char *s, size_t n) {
  return n >= 1 && r_all_digits(s, n) ? ajar_luhn_digits(s, n) : ajar_luhn_ok(s, n);
}
/* an IPv4 check on bytes of digits and three dots where scalar_punct_digits
 * calls it (value_shape's mask and separators say so), the full check
 * elsewhere */
static int d_ipv4(const char *s, size_t n) {
  size_t i, dots = 0, other = 0;
  for (i = 0; i < n; i++) {
    dots += s[i] == '.';
    other += s[i] != '.' && !r_dig((unsigned char)s[i]);
  }
  return dots == 3 && !other ? ajar_ipv4_dotted(s, n) : ajar_valid_ipv4(s, n);
}
static int d_aadhaar(const char *s, size_t n) {
  return n == 12 && r_all_digits(s, n) ? ajar_in_aadhaar_digits(s) : ajar_valid_in_aadhaar(s, n);
}
static int d_fr_nir(const char *s, size_t n) {
  return n == 15 && r_all_digits(s, n) ? ajar_fr_nir_digits(s) : ajar_valid_fr_nir(s, n);
}
static int d_card_iin(const char *s, size_t n) {
  return n >= 12 && n <= 19 && r_all_digits(s, 4) ? ajar_card_iin_digits(s, n)
                                                 : ajar_card_iin_ok(s, n);
}

/* f and its reference on v, copied to a buffer of exactly n bytes */
static int same_as(vfn_t f, vfn_t ref, const char *v, size_t n) {
  char *b = malloc(n ? n : 1);
  int a, r;
  memcpy(b, v, n);
  a = f(b, n);
  r = ref(b, n);
  free(b);
  return a == r;
}

void test_validators_fast(void) {
  static const struct { const char *name; vfn_t f, ref; } pairs[] = {
      {"luhn", ajar_luhn_ok, ajar_luhn_ok_bytes},          {"cn_resident_id", ajar_valid_cn_resident_id, r_cn_ric},
      {"br_cpf", ajar_valid_br_cpf, r_cpf},     {"card_iin", ajar_card_iin_ok, r_card_iin},
      {"card", ajar_valid_card, r_card},        {"cn_mobile", ajar_valid_cn_mobile, r_cn_mobile},
      {"us_ssn", ajar_valid_us_ssn, r_ssn},     {"imei", ajar_valid_imei, r_imei},
      {"imsi", ajar_valid_imsi, r_imsi},        {"digits_only", digits_only, r_digits_only},
      {"bytes_all_same", bytes_all_same, r_all_same}, {"ipv4", ajar_valid_ipv4, ajar_valid_ipv4_bytes},
      {"cn_ric_digits", d_cn_ric, r_cn_ric},    {"br_cpf_digits", d_cpf, r_cpf},
      {"card_iin_digits", d_card_iin, r_card_iin},
      {"in_aadhaar", ajar_valid_in_aadhaar, r_aadhaar}, {"in_aadhaar_digits", d_aadhaar, r_aadhaar},
      {"mac", ajar_valid_mac, ajar_valid_mac_bytes}, {"uuid", ajar_valid_uuid, ajar_valid_uuid_bytes},
      {"fr_nir_digits", d_fr_nir, ajar_valid_fr_nir},
      {"luhn_digits", d_luhn, ajar_luhn_ok_bytes},
      {"ipv4_dotted", d_ipv4, ajar_valid_ipv4_bytes},
  };
  size_t p, round, valid[sizeof pairs / sizeof pairs[0]] = {0};
  size_t ipv4_seps_off = 0;
  char v[40];
  for (round = 0; round < 200000; round++) {
    size_t n = make(v);
    for (p = 0; p < sizeof pairs / sizeof pairs[0]; p++) {
      if (n == 0 && pairs[p].f == bytes_all_same)
        continue; /* defined for n >= 1 */
      if (!same_as(pairs[p].f, pairs[p].ref, v, n)) {
        CHECKF(0, "%s on \"%.*s\" (%zu bytes)", pairs[p].name, (int)n, v, n);
        return;
      }
      valid[p] += (size_t)pairs[p].ref(v, n);
    }
    /* scalar_punct_digits asks for an IPv4 only where value_shape counts
     * three separators (' ', '-', '.') */
    if (ajar_valid_ipv4(v, n)) {
      size_t i, seps = 0;
      for (i = 0; i < n; i++)
        seps += v[i] == ' ' || v[i] == '-' || v[i] == '.';
      ipv4_seps_off += seps != 3;
    }
  }
  CHECKF(ipv4_seps_off == 0, "%zu IPv4s without three separators", ipv4_seps_off);
  /* ajar_card_iin_digits decides most prefixes on a table by the first
   * two digits: every prefix of four digits, at every card length */
  {
    size_t p4, n, off = 0;
    for (p4 = 0; p4 < 10000; p4++)
      for (n = 12; n <= 19; n++) {
        memset(v, '7', n);
        v[0] = (char)('0' + p4 / 1000), v[1] = (char)('0' + p4 / 100 % 10);
        v[2] = (char)('0' + p4 / 10 % 10), v[3] = (char)('0' + p4 % 10);
        off += ajar_card_iin_digits(v, n) != r_card_iin(v, n);
      }
    CHECKF(off == 0, "card_iin_digits differs from the ranges on %zu prefixes", off);
  }
  /* phone_ext_cut reads "ext" a byte at a time: strncasecmp decides the
   * same on phones with an extension in any case, and on near ones */
  {
    static const char *const ext[] = {"ext", "EXT", "eXt", "Ext.", "x", "X", "#", "ext ",
                                      "exd", "Ex", "e\xd8t", "EXU", "\xc5xt", "et", ""};
    size_t off = 0, cut = 0;
    for (round = 0; round < 50000; round++) {
      size_t n = 0, i, len = 5 + rnd(10), tail = rnd(7);
      const char *x = ext[rnd(sizeof ext / sizeof ext[0])];
      for (i = 0; i < len; i++) v[n++] = rnd(8) ? (char)('0' + rnd(10)) : "- ."[rnd(3)];
      for (i = rnd(3); i > 0; i--) v[n++] = ' ';
      memcpy(v + n, x, strlen(x));
      n += strlen(x);
      for (i = 0; i < tail; i++) v[n++] = (char)('0' + rnd(10));
      off += phone_ext_cut(v, n) != r_phone_ext_cut(v, n);
      cut += phone_ext_cut(v, n) < n;
    }
    CHECKF(off == 0, "phone_ext_cut differs from strncasecmp's on %zu inputs", off);
    CHECKF(cut >= 5000, "only %zu extensions cut", cut);
  }
  /* is_epoch (value_date.c) compares the first 8 digits read big-endian
   * with its bounds': the number's value decides in the reference, on
   * digits around both bounds and on random ones, under hints that allow
   * an epoch and one that does not */
  {
    static const char *const near[] = {"1262304000", "1262303999", "1893456000", "1893455999",
                                       "1262304000123", "1893455999999", "1893456000000",
                                       "1262303999999", "0999999999", "2000000000"};
    static const uint32_t hints[] = {0, AJAR_H_TIME, AJAR_H_PLACE, AJAR_H_PHONE};
    size_t k, off = 0, epochs = 0;
    for (round = 0; round < 100000; round++) {
      size_t n = rnd(2) ? 10 : 13, i;
      const char *b = near[rnd(sizeof near / sizeof near[0])];
      if (rnd(2)) {
        memcpy(v, b, strlen(b));
        n = strlen(b);
        for (i = 0; i < 1 + rnd(3); i++) /* a few digits changed at random */
          v[rnd((unsigned)n)] = (char)('0' + rnd(10));
      } else {
        v[0] = '1';
        for (i = 1; i < n; i++) v[i] = (char)('0' + rnd(10));
      }
      k = rnd(4);
      off += is_epoch(hints[k], v, n) != r_epoch(hints[k], v, n);
      epochs += (size_t)r_epoch(hints[k], v, n);
    }
    CHECKF(off == 0, "is_epoch differs from the number's value on %zu inputs", off);
    CHECKF(epochs >= 5000, "only %zu epochs made", epochs);
  }
  /* the inputs reach the validators' accepting ends, not only their
   * first rejections */
  for (p = 0; p < sizeof pairs / sizeof pairs[0]; p++)
    CHECKF(valid[p] >= 500, "%s: only %zu valid inputs made", pairs[p].name, valid[p]);
}
