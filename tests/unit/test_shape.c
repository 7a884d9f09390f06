/* Unit tests for src/lib/classify/shape.c: the 16-byte nibble lookup
 * must give the same shape as the byte table, for every byte, at every
 * length and at the edge of a page. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

#include "classify.h"
#include "shape.h"
#include "unit.h"
#include "value.h"

static int same(const char *v, size_t n) {
  size_t d1, d2, s1, s2;
  unsigned a = value_shape(v, n, &d1, &s1), b = value_shape_bytes(v, n, &d2, &s2);
  return a == b && d1 == d2 && s1 == s2;
}

/* the AVX2 loops against byte loops, on random text of few kinds */
static void test_avx2(void) {
  static const char alpha[] = "ab \"\\0179@,.-x";
  char buf[300];
  unsigned seed = 777;
  size_t k, i, n;
  if (!ajar_have_avx2)
    return;
  for (k = 0; k < 5000; k++) {
    const char *q, *want;
    size_t commas = 0, j;
    int has = 0;
    seed = seed * 1103515245u + 12345u;
    n = (seed >> 16) % sizeof buf;
    for (i = 0; i < n; i++) {
      seed = seed * 1103515245u + 12345u;
      /* mostly one kind of byte, so runs are long */
      buf[i] = (seed >> 16) % 8 ? alpha[k % 14] : alpha[(seed >> 20) % 14];
    }
    /* quote_or_escape_avx2: the first '"' or '\\', or a 32-byte step end */
    q = quote_or_escape_avx2(buf, buf + n);
    for (want = buf; want < buf + n && *want != '"' && *want != '\\'; want++)
      ;
    if (want < q || (q < want && buf + n - q >= 32) ||
        (q != want && (size_t)(q - buf) % 32 != 0)) {
      CHECKF(0, "quote_or_escape_avx2 case %zu", k);
      break;
    }
    /* digit_or_at_avx2 looks at n - n % 32 bytes */
    for (j = 0; j < n - n % 32; j++)
      has |= (buf[j] >= '0' && buf[j] <= '9') || buf[j] == '@';
    if (digit_or_at_avx2(buf, n) != has) {
      CHECKF(0, "digit_or_at_avx2 case %zu", k);
      break;
    }
    /* number_run_avx2 stops at a 32-byte step; what it passed is all
     * number bytes, and it counted their commas */
    q = number_run_avx2(buf, buf + n, &commas);
    {
      size_t c2 = 0;
      int ok = (size_t)(q - buf) % 32 == 0 && q <= buf + n;
      for (j = 0; ok && j < (size_t)(q - buf); j++) {
        char c = buf[j];
        ok = (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == ' ';
        c2 += c == ',';
      }
      if (!ok || c2 != commas) {
        CHECKF(0, "number_run_avx2 case %zu", k);
        break;
      }
    }
  }
  CHECK(k == 5000);
}

/* parse_double takes v (NUL-terminated, n bytes) where strtod reads all
 * of it to a finite double, and gives that double bit for bit */
static int same_as_strtod(const char *v, size_t n) {
  char *end;
  double a = 1, r = strtod(v, &end);
  int ok = parse_double(v, n, &a);
  return ok == (!*end && isfinite(r)) && (!ok || !memcmp(&a, &r, sizeof a));
}

/* [-]digits[.digits] by the grammar, a byte at a time */
static int plain_by_bytes(const char *v, size_t n) {
  size_t i = n && v[0] == '-', digits = 0, point = 0, after = 0;
  for (; i < n; i++) {
    if (v[i] >= '0' && v[i] <= '9')
      digits++, after += point;
    else if (v[i] == '.' && !point && digits)
      point = 1;
    else
      return 0;
  }
  return n < 64 && digits && (!point || after);
}

/* plain_decimal against the grammar on strings of number bytes, and
 * parse_double takes what it takes */
static void test_plain_decimal(void) {
  static const char alpha[] = "0123456789012345678901234567890123456789.-.-+eE";
  char b[80];
  unsigned seed = 31337;
  size_t k, i, n;
  for (k = 0; k < 200000; k++) {
    double a;
    seed = seed * 1103515245u + 12345u;
    n = (seed >> 16) % (k % 50 ? 24 : 70);
    for (i = 0; i < n; i++) {
      seed = seed * 1103515245u + 12345u;
      b[i] = alpha[(seed >> 16) % (sizeof alpha - 1)];
    }
    b[n] = 0;
    if (plain_decimal(b, n) != plain_by_bytes(b, n) ||
        (plain_decimal(b, n) && !parse_double(b, n, &a))) {
      CHECKF(0, "plain_decimal '%s'", b);
      break;
    }
  }
  CHECK(plain_decimal("-0.5", 4) && plain_decimal("12", 2) && !plain_decimal("-", 1) &&
        !plain_decimal("1.", 2) && !plain_decimal(".5", 2) && !plain_decimal("-.5", 3) &&
        !plain_decimal("1.2.3", 5) && !plain_decimal("1e5", 3) && !plain_decimal("", 0));
}

/* within_180 (value_number.c) decides a plain decimal on its integer
 * part: the double's test decides the same, on integer parts around 180
 * with long fractions (180.000...1 rounds to 180), leading zeros, and
 * strings of number bytes that are no plain decimal */
static void test_within_180(void) {
  static const char *fixed[] = {"180", "180.0", "-180", "180.0000000000000000001",
                                "179.99999999999999999", "-179.999999999999999999",
                                "181", "-181.0", "0180.5", "0179.9", "1234.5", "12345",
                                "5.", ".5", "1e2", "-", "", "180.", "-0.0", "00000000180"};
  static const char alpha[] = "0123456789.-eE+";
  char b[64];
  unsigned seed = 180;
  size_t k, i, n, near = 0;
  for (k = 0; k < sizeof fixed / sizeof fixed[0] + 200000; k++) {
    double x;
    const char *v = b;
    if (k < sizeof fixed / sizeof fixed[0]) {
      v = fixed[k];
      n = strlen(v);
    } else if (k % 2) { /* an integer part of 177 to 183, maybe 0-led */
      seed = seed * 1103515245u + 12345u;
      n = (size_t)sprintf(b, "%s%s%u", seed >> 30 & 1 ? "-" : "", (seed >> 28 & 3) == 0 ? "0" : "",
                          177 + (seed >> 16) % 7);
      seed = seed * 1103515245u + 12345u;
      if (seed >> 31) {
        size_t frac = 1 + (seed >> 16) % 24;
        b[n++] = '.';
        for (i = 0; i < frac; i++) {
          seed = seed * 1103515245u + 12345u;
          b[n++] = (seed >> 16) % 3 ? '0' : (char)('0' + (seed >> 20) % 10);
        }
      }
      near++;
    } else { /* number bytes at random */
      seed = seed * 1103515245u + 12345u;
      n = (seed >> 16) % 12;
      for (i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        b[i] = alpha[(seed >> 16) % (sizeof alpha - 1)];
      }
    }
    if (within_180(v, n) != (parse_double(v, n, &x) && fabs(x) <= 180)) {
      CHECKF(0, "within_180 '%.*s'", (int)n, v);
      break;
    }
  }
  CHECK(near >= 50000 && within_180("179.9", 5) && !within_180("180.1", 5) &&
        within_180("180.0000000000000000001", 23));
}

/* parse_double gives strtod's double, bit for bit, for the long decimals
 * its multiplying path takes (value_number.c: decimal_mul), halfway cases
 * included, and for the shorter ones it divides */
static void test_parse_double(void) {
  static const char *fixed[] = {
      "9007199254740993", "9007199254740995", "-9007199254740993.0",
      "0.24118021799323708", "1234567890123456789", "12345678901234567890",
      "179.99999999999999999", "-0.000000000000000001", "0.30000000000000004",
      "4.9406564584124654", "-0", "1.", "18446744073709551615",
      "4503599627370496.5", "4503599627370497.5", "2251799813685248.25",
      "1125899906842624.125", "0.000000001234567890123456789",
      "0.0000000012345678901234567891", "-0.000", "9999999999999999999",
      "1e5", "1.5e-3", "+1.5", " 2", ".5", "0x10", "1.2.3", "--1", "1e400"};
  char b[40];
  unsigned seed = 4242;
  size_t k, i;
  for (k = 0; k < sizeof fixed / sizeof fixed[0]; k++)
    CHECKF(same_as_strtod(fixed[k], strlen(fixed[k])), "%s", fixed[k]);
  /* even k: 17-19 digits (past the division path), halfway cases among
   * them; odd k: 1-17 digits, the point anywhere (the division path) */
  for (k = 0; k < 400000; k++) {
    size_t n = 0, ni, nf, nd;
    seed = seed * 1103515245u + 12345u;
    if (seed >> 31) b[n++] = '-';
    nd = k & 1 ? 1 + (seed >> 8) % 17 : 0;
    ni = k & 1 ? (seed >> 13) % (nd + 1) : 1 + (seed >> 8) % 6; /* nd: no point */
    nf = k & 1 ? nd - ni : 17 - ni + (seed >> 12) % 3;
    for (i = 0; i < ni + nf + 1; i++) {
      seed = seed * 1103515245u + 12345u;
      if (i == ni && (ni == 0 || nf == 0))
        continue; /* no ".5", no "5." */
      b[n++] = i == ni ? '.' : (char)('0' + (k & 2 && i > ni + nf - 3 ? (i == ni + nf ? 5 : 0)
                                                                     : (seed >> 16) % 10));
    }
    b[n] = 0;
    if (!same_as_strtod(b, n)) {
      CHECKF(0, "%s", b);
      break;
    }
  }
  /* exactly halfway between two doubles, and one unit of the last digit
   * either side: (2M + 1) / 2^j for a 53-bit M is (2M + 1) 5^j / 10^j,
   * 17 to 20 digits for j = 1..4 */
  for (k = 0; k < 200000; k++) {
    unsigned long long m, q;
    unsigned j, p5 = 1, len;
    size_t n;
    char digits[32];
    seed = seed * 1103515245u + 12345u;
    m = (1ull << 52) | ((unsigned long long)seed << 20);
    seed = seed * 1103515245u + 12345u;
    m ^= seed >> 12;
    j = 1 + (unsigned)(k % 4);
    for (i = 0; i < j; i++) p5 *= 5;
    q = (2 * m + 1) * p5 + (unsigned long long)(k / 4 % 3) - 1;
    if (q / p5 / 2 != m)
      continue; /* wrapped past 2^64 */
    len = (unsigned)snprintf(digits, sizeof digits, "%llu", q);
    n = 0;
    if (k & 64) b[n++] = '-';
    memcpy(b + n, digits, len - j);
    n += len - j;
    b[n++] = '.';
    memcpy(b + n, digits + len - j, j);
    n += j;
    b[n] = 0;
    if (!same_as_strtod(b, n)) {
      CHECKF(0, "halfway %s", b);
      break;
    }
  }
  /* 1-20 significant digits behind 0-12 zeros after the point (the
   * reciprocals of 5^1 to 5^27, and past them strtod) */
  for (k = 0; k < 300000; k++) {
    size_t z, nd, n = 0;
    seed = seed * 1103515245u + 12345u;
    z = (seed >> 8) % 13;
    nd = 1 + (seed >> 16) % 20;
    b[n++] = '0';
    b[n++] = '.';
    for (i = 0; i < z; i++) b[n++] = '0';
    for (i = 0; i < nd; i++) {
      seed = seed * 1103515245u + 12345u;
      b[n++] = (char)('0' + (i == 0 ? 1 + (seed >> 16) % 9 : (seed >> 16) % 10));
    }
    b[n] = 0;
    if (!same_as_strtod(b, n)) {
      CHECKF(0, "leading zeros %s", b);
      break;
    }
  }
}

/* value_is_empty as it was, a walk over the list of placeholders: the
 * reference value.c's switch on the first byte and the length is held to */
static int empty_by_list(const char *v, size_t n) {
  static const char *const list[] = {"n/a", "na", "null", "none", "nil", "-", "--",
                                     "unknown", "undefined", "0", "***", "******",
                                     "redacted", "[redacted]", "xxx", "?"};
  size_t k;
  while (n && (v[0] == ' ' || v[0] == '\t')) v++, n--;
  while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
  if (n == 0)
    return 1;
  if ((n == 3 && !memcmp(v, "\xe6\x97\xa0", 3)) || (n == 6 && !memcmp(v, "\xe6\x9c\xaa\xe7\x9f\xa5", 6)))
    return 1;
  for (k = 0; k < sizeof list / sizeof list[0]; k++)
    if (strlen(list[k]) == n && strncasecmp(list[k], v, n) == 0)
      return 1;
  return 0;
}

/* value_is_empty against the list, on the placeholders in random case
 * with blanks around them, one byte changed, added or taken away, and on
 * random strings of their bytes */
static void test_value_is_empty(void) {
  static const char *const base[] = {"n/a", "na", "null", "none", "nil", "-", "--",
                                     "unknown", "undefined", "0", "***", "******",
                                     "redacted", "[redacted]", "xxx", "?",
                                     "\xe6\x97\xa0", "\xe6\x9c\xaa\xe7\x9f\xa5", "0.5",
                                     "-12", "nan", "nulls", "x"};
  static const char alpha[] = "0?-*xXrRnNuUlLaA/[]dDeEiIo.1 \t\n\xe6\x97\xa0";
  char buf[40];
  unsigned seed = 4711;
  size_t k, i, n;
  int differ = 0, empties = 0;
#define NEXT() (seed = seed * 1103515245u + 12345u, seed >> 16)
  for (k = 0; k < 200000; k++) {
    n = 0;
    if (k % 3) {
      const char *p = base[NEXT() % (sizeof base / sizeof base[0])];
      size_t l = strlen(p), pre = NEXT() % 4 == 0 ? NEXT() % 3 : 0;
      for (i = 0; i < pre; i++)
        buf[n++] = NEXT() % 2 ? ' ' : '\t';
      for (i = 0; i < l; i++)
        buf[n++] = NEXT() % 2 && p[i] >= 'a' && p[i] <= 'z' ? (char)(p[i] - 32) : p[i];
      switch (NEXT() % 6) {
      case 0: /* a byte changed */
        i = pre + NEXT() % l;
        buf[i] = alpha[NEXT() % (sizeof alpha - 1)];
        break;
      case 1: /* a byte more */
        buf[n++] = alpha[NEXT() % (sizeof alpha - 1)];
        break;
      case 2: /* a byte less */
        n--;
        break;
      default:
        break;
      }
      if (NEXT() % 4 == 0)
        for (i = NEXT() % 3; i > 0; i--)
          buf[n++] = NEXT() % 2 ? ' ' : '\t';
    } else {
      size_t want = NEXT() % 20;
      for (; n < want; n++)
        buf[n] = alpha[NEXT() % (sizeof alpha - 1)];
    }
    empties += empty_by_list(buf, n);
    if (value_is_empty(buf, n) != empty_by_list(buf, n) && differ++ < 5)
      fprintf(stderr, "value_is_empty differs from the list on '%.*s'\n", (int)n, buf);
  }
#undef NEXT
  CHECKF(differ == 0, "%d values", differ);
  CHECKF(empties > 20000, "%d placeholders generated", empties);
}

static int count_hs(unsigned id, unsigned long long from, unsigned long long to,
                    unsigned flags, void *ctx) {
  (void)id, (void)from, (void)to, (void)flags;
  ++*(int *)ctx;
  return 0;
}

/* b64_text_may_match says 0 only where no pattern of the text database
 * matches at all (hs_scan, before any validator): on values of base64
 * bytes weighted to make the patterns' shapes (digits, capitals,
 * separators, a final x), of every length around the 64-byte steps;
 * and it does say 0 on most random base64 blobs */
static void test_b64(void) {
  static const char sep[] = "+/=\n\r\v\f", up[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                    lo[] = "abcdefghijklmnopqrstuvwyz",
                    b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  struct ajar_db *db = NULL;
  struct ajar_scratch *s = NULL;
  char err[256], buf[400];
  unsigned seed = 99;
  size_t k, i, n;
  int said0 = 0, quiet = 0;
  CHECK(ajar_db_compile(&db, err, sizeof err) == 0);
  CHECK(db && ajar_scratch_alloc(db, &s) == 0);
  if (!db || !s)
    return;
  for (k = 0; k < 60000; k++) {
    int hits = 0, may;
    seed = seed * 1103515245u + 12345u;
    n = (seed >> 16) % sizeof buf;
    for (i = 0; i < n; i++) {
      unsigned r;
      seed = seed * 1103515245u + 12345u;
      r = (seed >> 16) % 100;
      buf[i] = r < 45   ? (char)('0' + (seed >> 24) % 10)
               : r < 70 ? up[(seed >> 24) % 26]
               : r < 75 ? lo[(seed >> 24) % 25]
               : r < 80 ? 'x'
               : r < 88 ? sep[(seed >> 24) % 3]
                        : sep[(seed >> 24) % 7];
    }
    may = b64_text_may_match(buf, n);
    hs_scan(db->text, buf, (unsigned)n, 0, s->hs, count_hs, &hits);
    said0 += !may;
    if (ajar_have_avx2) { /* the byte loop says the same */
      ajar_have_avx2 = 0;
      CHECKF(b64_text_may_match(buf, n) == may, "case %zu without AVX2", k);
      ajar_have_avx2 = 1;
    }
    if (!may && hits) {
      CHECKF(0, "case %zu: %d matches in '%.*s'", k, hits, (int)n, buf);
      break;
    }
  }
  CHECKF(said0 > 1000, "%d", said0); /* the cases test both answers */
  for (k = 0; k < 100; k++) {
    n = 200 + k * 19;
    for (i = 0; i < n && i < sizeof buf; i++) {
      seed = seed * 1103515245u + 12345u;
      buf[i] = b64[(seed >> 16) % 64];
    }
    if (n > sizeof buf)
      n = sizeof buf;
    quiet += !b64_text_may_match(buf, n);
  }
  CHECKF(quiet >= 95, "%d of 100 random blobs need no scan", quiet);
  /* any byte at all (the AVX2 class lookups against the byte loop's
   * ranges), mostly base64 so that the walk goes on past the first */
  if (ajar_have_avx2) {
    for (k = 0; k < 20000; k++) {
      int may;
      n = 1 + k % sizeof buf;
      for (i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        buf[i] = (seed >> 16) % 512 ? b64[(seed >> 8) % 64] : (char)(seed >> 24);
      }
      may = b64_text_may_match(buf, n);
      ajar_have_avx2 = 0;
      CHECKF(b64_text_may_match(buf, n) == may, "any byte, case %zu", k);
      ajar_have_avx2 = 1;
    }
  }
  CHECK(b64_text_may_match("AAAA+12345678901", 16) == 1);
  CHECK(b64_text_may_match("AAAA+1234567890a", 16) == 1); /* no \b after E.164 */
  CHECK(b64_text_may_match("aa/11012345678x/aa", 18) == 1);
  CHECK(b64_text_may_match("aa/1101234567x8/aa", 18) == 0);
  CHECK(b64_text_may_match("abcdefghijklmnop qrstuvwxyz", 27) == 1);
  ajar_scratch_free(s);
  ajar_db_free(db);
}

void test_shape(void) {
  char buf[160];
  size_t n, i, c, k;
  unsigned seed = 12345;
  char *page;

  /* each byte alone, and at each position of 1..40-byte values of 'a',
   * and of 64..72-byte ones (32 bytes a step with AVX2) */
  for (c = 0; c < 256; c++) {
    int ok = 1;
    for (n = 1; n <= 72 && ok; n += n == 40 ? 24 : 1)
      for (i = 0; i < n && ok; i++) {
        memset(buf, 'a', n);
        buf[i] = (char)c;
        ok = same(buf, n);
      }
    CHECKF(ok, "byte 0x%02zx", c);
  }
  /* random values mixing every class */
  for (k = 0; k < 20000; k++) {
    seed = seed * 1103515245u + 12345u;
    n = (seed >> 16) % (sizeof buf - 10);
    for (i = 0; i < n; i++) {
      seed = seed * 1103515245u + 12345u;
      buf[i] = (char)(seed >> 16);
    }
    if (!same(buf, n)) {
      CHECKF(0, "random value %zu of length %zu", k, n);
      break;
    }
  }
  /* values of 1 to 33 bytes (value_shape's one or two loads, the second
   * overlapping the first) drawn from the bytes at the edges of classes */
  {
    static const char edge[] = "09/:@AFGOPZ[`afgopz{ -.,+=_$()\t\n\r\x7f\x80\xff\x01\x0b";
    for (k = 0; k < 50000; k++) {
      seed = seed * 1103515245u + 12345u;
      n = 1 + (seed >> 16) % 33;
      for (i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        buf[i] = edge[(seed >> 16) % (sizeof edge - 1)];
      }
      if (!same(buf, n)) {
        CHECKF(0, "edge value %zu of length %zu", k, n);
        break;
      }
    }
  }
  /* values of digits, dots and dashes, 0 to 33 bytes (value_shape
   * decides these without its lookups), half of them with one byte of
   * another class put in: a byte next to the digits' or a separator's,
   * or one whose low 7 bits are theirs */
  {
    static const char num[] = "0123456789.-";
    static const char odd[] = "/: ,+eE\x00\xb0\xb9\xad\xae\t\n";
    for (k = 0; k < 60000; k++) {
      seed = seed * 1103515245u + 12345u;
      n = (seed >> 16) % 34;
      for (i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        buf[i] = num[(seed >> 16) % (sizeof num - 1)];
      }
      seed = seed * 1103515245u + 12345u;
      if (n && (seed >> 16) % 2)
        buf[(seed >> 17) % n] = odd[(seed >> 20) % (sizeof odd - 1)];
      if (!same(buf, n)) {
        CHECKF(0, "numeric value %zu of length %zu", k, n);
        break;
      }
    }
  }
  /* a value ending at the last byte before an unmapped page */
  page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  CHECK(page != MAP_FAILED);
  if (page != MAP_FAILED) {
    CHECK(mprotect(page + 4096, 4096, PROT_NONE) == 0);
    memset(page, '7', 4096);
    for (n = 1; n <= 33; n++)
      CHECKF(same(page + 4096 - n, n), "length %zu at a page end", n);
    munmap(page, 8192);
  }
  {
    size_t d, sp;
    CHECK(value_shape("", 0, &d, &sp) == 0 && d == 0 && sp == 0);
    CHECK(value_shape("12ab", 4, &d, &sp) == (C_DIGIT | C_LOWER | C_HEXALPHA) && d == 2);
    CHECK((value_shape("a\nb", 3, &d, &sp) & (C_NL | C_SPACE)) == (C_NL | C_SPACE));
    CHECK(value_shape("\x01", 1, &d, &sp) == C_OTHER);
    CHECK(value_shape("AB 12-34.56 7", 13, &d, &sp) && d == 7 && sp == 4);
  }
  /* value_is_empty: placeholders, white space around them, and values
   * that start as one does */
  {
    static const char *const empty[] = {"", "  ", "\t", "n/a", "N/A ", " null", "None",
                                        "-", "--", "0", "***", "[REDACTED]", "xxx", "?",
                                        "\xe6\x97\xa0", " \xe6\x9c\xaa\xe7\x9f\xa5"};
    static const char *const full[] = {"Nancy", "n/a/b", "00", "-1", "xxxx", "unknowns",
                                       "\xe6\x97\xa0\xe9\x94\xa1", "?!", " a", "rr"};
    for (k = 0; k < sizeof empty / sizeof empty[0]; k++)
      CHECKF(value_is_empty(empty[k], strlen(empty[k])), "'%s'", empty[k]);
    for (k = 0; k < sizeof full / sizeof full[0]; k++)
      CHECKF(!value_is_empty(full[k], strlen(full[k])), "'%s'", full[k]);
  }
  test_value_is_empty();
  test_avx2();
  test_parse_double();
  test_plain_decimal();
  test_within_180();
  test_b64();
}
