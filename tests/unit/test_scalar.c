/* Whole values: classify_scalar, which routes a value by its shape past
 * the checks that cannot apply to it, gives the same candidates in the
 * same order and the same signals as classify_scalar_general, which
 * takes every check in turn, on random values built from printed ids,
 * phones, dates, e-mails, hashes and words, their bytes and bytes no
 * detector wants, under many field hints. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "classify.h"
#include "found.h"
#include "unit.h"
#include "value.h"

/* whole values and pieces of them: digits with the punctuation of ids,
 * phones and dates (the routed shape), and values with one byte more */
static const char *const pieces[] = {
    "123-45-6789", "078-05-1120", "13812345678", "+86 138 1234 5678",
    "(415) 555-2671", "+44 20 7946 0958", "4111 1111 1111 1111", "4111111111111111",
    "110105194912310021", "192.168.1.20", "10.0.0.1", "2024-01-02", "02.01.2024",
    "1982-10-08 12:30:00", "1700000000", "1700000000123", "0.3637", "-12.5", "0+",
    "0 Rh+", "A+", "AB-", "O neg", "B型", "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
    "$6$rounds=5000$abcdefgh$", "a.b@example.com", "x@y", "001-415-555-2671x123",
    "ext. 12", "x", "AKIAIOSFODNN7EXAMPLE", "AB123456C", "00:1A:2B:3C:4D:5E",
    "E11.9", "SW1A 1AA", "Barbara Walker", "王小明", "1982年10月8日", "李", " ", "-",
    ".", "(", ")", "+", "0", "00", "12", "345", "6789", "\n", "\t", "****",
};
static const char bytes[] = "0123456789 -.()+$@xAZaz/:,_=#\xE5";

static const uint32_t hint_sets[] = {
    0, AJAR_H_NAME, AJAR_H_NATIONAL_ID, AJAR_H_PHONE, AJAR_H_EMAIL, AJAR_H_SECRET,
    AJAR_H_TIME | AJAR_H_NAME, AJAR_H_AGE_DOB | AJAR_H_DEMOGRAPHIC, AJAR_H_CARD,
    AJAR_H_IP, AJAR_H_IMEI, AJAR_H_IMSI, AJAR_H_HEALTH, AJAR_H_LOCATION, AJAR_H_PASSPORT,
    AJAR_H_PLATE, AJAR_H_ADDRESS, AJAR_H_NEGATIVE, AJAR_H_TIME, AJAR_H_PLACE,
    AJAR_H_FACE_ATTR, AJAR_H_PHONE | AJAR_H_TIME,
};

static void build(uint32_t *x, char *buf, size_t cap, size_t *len) {
  size_t want = 1 + rnd(x) % (cap - 80);
  *len = join_pieces(x, buf, want, pieces, sizeof pieces / sizeof pieces[0], bytes);
}

/* a value of digits and the punctuation of printed numbers alone */
static void build_digits(uint32_t *x, char *buf, size_t cap, size_t *len) {
  static const char punct[] = "0123456789012345678901234567890123456789 -.()+";
  size_t n = 0, want = 1 + rnd(x) % (cap - 1);
  while (n < want)
    buf[n++] = punct[rnd(x) % (sizeof punct - 1)];
  *len = n;
}

/* ABO groups as people write them, with digits put among their pieces:
 * classify_string looks at a value for a group only when it holds one
 * digit at most, so blood_group must find none with two, and
 * classify_scalar must find every group blood_group does */
static void test_blood_digits(const struct ajar_db *db, struct ajar_scratch *s) {
  static const char *const parts[] = {"A", "B", "O", "0", "AB", "ab", "o", "b", "\xE5\x9E\x8B",
                                      "\xED\x98\x95", "\xE8\xA1\x80", " ", "Rh", "rhD", "+", "-",
                                      "\xE2\x88\x92", "positive", "neg", "pos",
                                      "\xE9\x98\xB3\xE6\x80\xA7", "0", "1", "9", "."};
  char buf[64];
  uint32_t x = 2463534242u;
  int i, groups = 0, bad = 0, missed = 0;
  for (i = 0; i < 100000; i++) {
    size_t n = 0, digits = 0, k, pieces = 1 + rnd(&x) % 4;
    struct found f = {.n = 0};
    int g, det = 0;
    while (pieces--) {
      const char *p = parts[rnd(&x) % (sizeof parts / sizeof parts[0])];
      memcpy(buf + n, p, strlen(p));
      n += strlen(p);
    }
    for (k = 0; k < n; k++)
      digits += buf[k] >= '0' && buf[k] <= '9';
    g = blood_group(buf, n);
    groups += g != 0;
    if (g && digits > 1 && bad++ < 5)
      fprintf(stderr, "blood_group finds a group in '%.*s'\n", (int)n, buf);
    if (buf[0] == ' ' || buf[n - 1] == ' ' || n > 16)
      continue;
    classify_scalar(db, s, 0, VK_STRING, buf, n, keep, &f);
    for (k = 0; k < (size_t)f.n; k++)
      det |= f.c[k].det == DET_BLOOD_GROUP;
    if (det != (g != 0) && missed++ < 5)
      fprintf(stderr, "classify_scalar %s the group of '%.*s'\n", det ? "finds" : "misses",
              (int)n, buf);
  }
  CHECKF(bad == 0, "%d values", bad);
  CHECKF(missed == 0, "%d values", missed);
  CHECKF(groups > 2000, "%d groups generated", groups);
}

/* one digit repeated, 9 to 19 times: no CPF, card, IMEI or IMSI, whose
 * checks some of them pass ("11111111111" holds a CPF's check digits),
 * however late classify_digits asks whether the digits are all the same */
static void test_same_digits(const struct ajar_db *db, struct ajar_scratch *s) {
  static const uint32_t hints[] = {0, AJAR_H_IMEI, AJAR_H_IMSI, AJAR_H_CARD,
                                   AJAR_H_NATIONAL_ID};
  char buf[20];
  size_t n, h;
  int c, k, bad = 0;
  for (n = 9; n <= 19; n++)
    for (c = '0'; c <= '9'; c++)
      for (h = 0; h < sizeof hints / sizeof hints[0]; h++) {
        struct found f = {.n = 0};
        memset(buf, c, n);
        classify_scalar(db, s, hints[h], VK_STRING, buf, n, keep, &f);
        for (k = 0; k < f.n; k++)
          if ((f.c[k].det == DET_BR_CPF || f.c[k].det == DET_CARD ||
               f.c[k].det == DET_IMEI || f.c[k].det == DET_IMSI) && bad++ < 5)
            fprintf(stderr, "detector %d in %.*s (hints %#x)\n", f.c[k].det, (int)n, buf,
                    (unsigned)hints[h]);
      }
  CHECKF(bad == 0, "%d candidates", bad);
}

/* scalar_number decides a number under none of the hints that read its
 * value by its length and digits, and tail-calls the rest, and so does
 * scalar_punct_digits a string of digits alone: the same candidates, in
 * the same order, and signals as scalar_number_general and
 * scalar_punct_digits_general on random numbers (digits of every length
 * around 8 to 19, epochs, dates, ids made valid, some with a '-', '.',
 * ' ' or 'e') under many hints */
static void test_scalar_number(void) {
  static const char *const pieces[] = {"1700000000", "1700000000123", "19821008", "20240229",
                                       "110105194912310021", "4111111111111111",
                                       "13812345678", "490154203237518", "-", ".", "e",
                                       "0", "00", "9"};
  static const uint32_t hints[] = {0, AJAR_H_TIME, AJAR_H_PLACE, AJAR_H_LOCATION,
                                   AJAR_H_FACE_ATTR, AJAR_H_AGE_DOB, AJAR_H_PHONE,
                                   AJAR_H_NATIONAL_ID, AJAR_H_IMEI, AJAR_H_IMSI,
                                   AJAR_H_CARD, AJAR_H_PHONE | AJAR_H_TIME,
                                   AJAR_H_AGE_DOB | AJAR_H_DEMOGRAPHIC, AJAR_H_PASSPORT,
                                   AJAR_H_ADDRESS};
  uint32_t x = 2718281u;
  char buf[64];
  int k, differ = 0, found = 0;
  for (k = 0; k < 100000; k++) {
    struct found a = {.n = 0}, b = {.n = 0};
    uint32_t h = hints[rnd(&x) % (sizeof hints / sizeof hints[0])];
    struct emit_ctx ea = {h, keep, &a, 0, 0}, eb = {h, keep, &b, 0, 0};
    size_t n = k % 3 ? 1 + rnd(&x) % 22
                     : join_pieces(&x, buf, 1 + rnd(&x) % 20, pieces,
                                   sizeof pieces / sizeof pieces[0], "0123456789");
    unsigned sa, sb;
    int i;
    if (k % 3)
      for (i = 0; i < (int)n; i++)
        buf[i] = (char)('0' + rnd(&x) % 10);
    if (n > 20)
      n = 20;
    if (rnd(&x) % 8 == 0) /* one byte no digit */
      buf[rnd(&x) % n] = "-.e "[rnd(&x) % 4];
    if (k & 1) {
      sa = scalar_number(&ea, buf, n);
      sb = scalar_number_general(&eb, buf, n);
    } else { /* as a string of digits and punctuation */
      size_t digits, seps;
      unsigned mask = value_shape(buf, n, &digits, &seps);
      if (!digits || (mask & ~(C_DIGIT | C_DASH | C_DOT | C_SPACE)))
        continue;
      sa = scalar_punct_digits(&ea, buf, n, mask, seps);
      sb = scalar_punct_digits_general(&eb, buf, n, mask, seps);
    }
    found += a.n > 0;
    if (sa != sb || !same(&a, &b)) {
      if (differ++ < 3)
        fprintf(stderr, "%s %.*s (hints %#x): %u/%d vs %u/%d\n",
                k & 1 ? "scalar_number" : "scalar_punct_digits", (int)n, buf, (unsigned)h, sa,
                a.n, sb, b.n);
    }
  }
  CHECKF(differ == 0, "%d of 100000 numbers and strings differ", differ);
  CHECKF(found > 5000, "only %d numbers with candidates", found);
}

/* scalar_punct_digits decides an IPv4 (digits and three dots) with no
 * frame: the same candidates and signals as scalar_punct_digits_general
 * on generated addresses and near misses (parts of 0 to 4 digits, over
 * 255, with a leading zero, 3 to 5 of them, a dot made a '-' or ' ')
 * under every hint; both addresses and digits-and-three-dots that are
 * none must be among them */
static void test_ipv4_route(void) {
  static const uint32_t hints[] = {0, AJAR_H_IP, AJAR_H_PHONE, AJAR_H_AGE_DOB, AJAR_H_LOCATION,
                                   AJAR_H_ADDRESS, AJAR_H_PASSPORT, AJAR_H_FACE_ATTR,
                                   AJAR_H_NATIONAL_ID, AJAR_H_TIME};
  uint32_t x = 16180339u;
  char buf[40];
  int k, differ = 0, ips = 0, misses = 0;
  for (k = 0; k < 100000; k++) {
    struct found a = {.n = 0}, b = {.n = 0};
    uint32_t h = hints[rnd(&x) % (sizeof hints / sizeof hints[0])];
    struct emit_ctx ea = {h, keep, &a, 0, 0}, eb = {h, keep, &b, 0, 0};
    size_t n = 0, digits, seps;
    unsigned parts = rnd(&x) % 8 ? 4 : 3 + rnd(&x) % 3 * (rnd(&x) % 2), p, mask, sa, sb;
    for (p = 0; p < parts; p++) {
      uint32_t r = rnd(&x), nd = r % 16 == 0 ? 0 : r % 16 == 1 ? 4 : 1 + r % 3;
      unsigned i;
      if (p)
        buf[n++] = '.';
      for (i = 0; i < nd; i++) /* mostly what a part holds: 0-2 first */
        buf[n++] = (char)('0' + (i == 0 && nd == 3 && rnd(&x) % 4 ? rnd(&x) % 3
                                                                   : rnd(&x) % 10));
    }
    if (rnd(&x) % 10 == 0)
      buf[rnd(&x) % n] = "-. "[rnd(&x) % 3];
    mask = value_shape(buf, n, &digits, &seps);
    if (!n || !digits || (mask & ~(C_DIGIT | C_DASH | C_DOT | C_SPACE)))
      continue;
    sa = scalar_punct_digits(&ea, buf, n, mask, seps);
    sb = scalar_punct_digits_general(&eb, buf, n, mask, seps);
    if (mask == (C_DIGIT | C_DOT) && seps == 3) {
      ips += b.n == 1 && b.c[0].det == DET_IPV4;
      misses += !(b.n == 1 && b.c[0].det == DET_IPV4);
    }
    if ((sa != sb || !same(&a, &b)) && differ++ < 3)
      fprintf(stderr, "%.*s (hints %#x): %u/%d vs %u/%d\n", (int)n, buf, (unsigned)h, sa, a.n,
              sb, b.n);
  }
  CHECKF(differ == 0, "%d of 100000 dotted values differ", differ);
  CHECKF(ips > 10000 && misses > 10000, "%d IPv4s, %d near misses", ips, misses);
}

/* classify_string calls looks_date_y only where date_shape_may lets
 * it: every value looks_date_y takes (with the '-', '/' or '.' and the
 * length the call needs) has a shape date_shape_may lets through. The
 * values: dates with and without times in each form, IPv4 addresses and
 * decimals, with bytes changed, cut or added; the dates taken must
 * include each kind date_shape_may tells apart (10 bytes, a ' ' or a
 * 'T' before the time), so dropping any of its terms fails here. */
static void test_date_shape(void) {
  static const char *const forms[] = {
      "2024-01-02", "2024/01/02", "2024.01.02", "02.01.2024", "01/02/2024", "02-01-2024",
      "2024-01-02T04:15:35Z", "2024-01-02 04:15", "2024-01-02T04:15:35.123+01:00",
      "02.01.2024 04:15:35", "01/02/2024 4:15 PM", "02.01.2024T04:15", "1982-10-08T12:30",
      "192.168.100.20", "10.0.0.123", "1234.567890", "12.34.5678", "19820108"};
  static const char bytes[] = "01234567890123456789-/. T:Z";
  char buf[48];
  uint32_t x = 4021u;
  int i, bad = 0, plain = 0, spaced = 0, t_only = 0;
  for (i = 0; i < 300000; i++) {
    const char *f = forms[rnd(&x) % (sizeof forms / sizeof forms[0])];
    size_t n = strlen(f), digits, seps, k, changes = rnd(&x) % 4;
    unsigned mask;
    int has_time, year;
    memcpy(buf, f, n);
    for (k = 0; k < changes; k++) {
      uint32_t r = rnd(&x);
      char c = bytes[(r >> 8) % (sizeof bytes - 1)];
      if (r % 5 == 0 && n > 1)
        n--; /* cut the last byte */
      else if (r % 5 == 1 && n < sizeof buf)
        buf[n++] = c;
      else
        buf[(r >> 16) % n] = c;
    }
    mask = value_shape(buf, n, &digits, &seps);
    if (digits < 6 || !(mask & (C_DASH | C_SLASH | C_DOT)) || n < 8 || n > 35 ||
        !looks_date_y(buf, n, &has_time, &year))
      continue;
    if (!date_shape_may(mask, n) && bad++ < 5)
      printf("    date_shape_may refuses date \"%.*s\"\n", (int)n, buf);
    plain += n == 10;
    spaced += n != 10 && (mask & C_SPACE);
    t_only += n != 10 && !(mask & C_SPACE);
  }
  CHECKF(bad == 0, "%d dates refused", bad);
  CHECKF(plain > 1000 && spaced > 1000 && t_only > 1000, "dates: %d of 10 bytes, %d with a "
         "space, %d with a 'T' alone", plain, spaced, t_only);
}

void test_scalar_email(const struct ajar_db *db, struct ajar_scratch *s); /* test_email.c */

void test_scalar(void) {
  struct ajar_db *db = NULL;
  struct ajar_scratch *s = NULL;
  char err[256], buf[200];
  uint32_t x = 88172645u;
  int i, differ = 0, found = 0, none = 0;
  uint64_t seen = 0;
  CHECK(ajar_db_compile(&db, err, sizeof err) == 0);
  CHECK(ajar_scratch_alloc(db, &s) == 0);
  if (!db || !s)
    return;
  for (i = 0; i < 60000; i++) {
    struct found general = {.n = 0};
    uint32_t hints = hint_sets[rnd(&x) % (sizeof hint_sets / sizeof hint_sets[0])];
    enum value_kind kind = rnd(&x) % 8 ? VK_STRING : VK_NUMBER;
    size_t n, k;
    if (i % 2)
      build_digits(&x, buf, i % 8 == 1 ? 24 : 40, &n);
    else
      build(&x, buf, i % 4 ? 100 : sizeof buf, &n);
    scalar_differs(db, s, hints, kind, buf, n, i, &general, &differ);
    found += general.n > 0;
    none += general.n == 0;
    for (k = 0; k < (size_t)general.n; k++)
      if (general.c[k].det < 64)
        seen |= 1ull << general.c[k].det;
  }
  CHECKF(differ == 0, "%d of 60000 values differ", differ);
  /* the values exercise both sides and many detectors */
  CHECKF(found > 5000 && none > 5000, "%d values with candidates, %d without", found, none);
  CHECKF(__builtin_popcountll(seen) >= 15, "%d detectors seen", __builtin_popcountll(seen));
  test_blood_digits(db, s);
  test_same_digits(db, s);
  test_scalar_email(db, s);
  test_scalar_number();
  test_date_shape();
  test_ipv4_route();
  ajar_scratch_free(s);
  ajar_db_free(db);
}
