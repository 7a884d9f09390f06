/* Free text: the windowed scan (classify_text) finds what one scan over
 * the whole text finds (classify_text_whole), candidate by candidate and
 * in the same order, on random texts built from matches of every
 * pattern of textdb.c, their bytes, and bytes no match holds (runs of
 * digits between CJK characters are decided without a scan: their
 * lengths and the order of matches that end together are tested too),
 * with the byte classes of the CPU (AVX2) and of SSE2 alone. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "classify.h"
#include "found.h"
#include "shape.h"
#include "unit.h"

/* matches of the patterns (most valid), glued to their neighbours or not */
static const char *const pieces[] = {
    "a.b@example.com", "li_wei+x@mail.qq.com", "@", "x@y", "+447946095812",
    "+86 138 1234 5678", "+1-415-555-2671", "+", "13812345678", "15912345678",
    "11010519491231002X", "110105194912310021", "4111 1111 1111 1111",
    "4111-1111-1111-1111", "4111111111111111", "378282246310005",
    "3782 822463 10005", "GB82 WEST 1234 5698 7654 32", "GB29 NWBK 601 613 319 268 19", "DE89370400440532013000",
    "192.168.1.20", "10.0.0.1", "1.2.3.4.5", "109.0.2815.184", "00:1A:2B:3C:4D:5E",
    "00-1a-2b-3c-4d-5e", "AKIAIOSFODNN7EXAMPLE", "ASIA234567ABCDEFGHIJ",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlMTIz",
    "-----BEGIN RSA PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----",
    "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
    "$argon2id$v=19$m=65536,t=3,p=4$", "123-45-6789", "536-22-1234", "078-05-1120",
    "\xE4\xBA\xAC" "A\xC2\xB7" "12345", "\xE7\xB2\xA4" "B12345", "\xE6\xB2\xAA" "C\xC2\xB7" "D1234",
    "AB 12 34 56 C", "AB123456C", "QQ 12 34 56 A", "Tel. 030 1234 5678",
    "\xE7\x94\xB5\xE8\xAF\x9D" "13812345678", "Windows NT 10.0", "Chrome/123.0.4233.112",
    /* runs of digits alone, 11 to 19 long, valid as what their length allows */
    "110105194912310150", "620102198503120101", "4884370374244", "58173169340730", "341459983781135",
    "48663678934641952", "6287628631752102500", "30115255447", "144058776234",
    "\xE8\xBA\xAB\xE4\xBB\xBD\xE8\xAF\x81\xE5\x8F\xB7", /* 身份证号 */
    "\xE7\x9A\x84", "\xE7\x9A\x84\xE7\x9A\x84\xE7\x9A\x84\xE7\x9A\x84", "\xC3\xA9", "\xC2\xB7",
    "\xE4\xBA\xAC", "Mozilla/5.0 (X11; Linux x86_64)", "the quick brown fox", "2024-01-02",
};
/* single bytes: those of the patterns and those of no match */
static const char bytes[] = "0123456789AJKSXZaexyz.-_%+@ :$/,=();\"!#\n\t";

static void build(uint32_t *x, char *buf, size_t cap, size_t *len) {
  size_t n = 0, want = rnd(x) % (cap - 80);
  while (n < want) {
    uint32_t r = rnd(x) % 10;
    if (r < 5) {
      const char *p = pieces[rnd(x) % (sizeof pieces / sizeof pieces[0])];
      size_t l = strlen(p);
      memcpy(buf + n, p, l);
      n += l;
    } else if (r < 8) {
      buf[n++] = bytes[rnd(x) % (sizeof bytes - 1)];
    } else {
      size_t k = rnd(x) % 40; /* a run of filler: CJK or letters */
      const char *f = r == 8 ? "\xE5\xA4\xA7" : "m";
      while (k-- && n + 3 < cap) {
        memcpy(buf + n, f, strlen(f));
        n += strlen(f);
      }
    }
  }
  *len = n;
}

/* e-mails and IPv4s among words and the bytes beside them, and near
 * misses: windows that text.c decides without a scan (mail_ip_run), and
 * runs of digits that decide whether it may (fewer than 11 digits) */
static const char *const mail_ip_pieces[] = {
    "a.b@example.com", "li_wei+x@mail.qq.com", "x@y", "@", "a@b.c", "a@b.cd",
    "q@-.xx", "_@a_b.com", "%@a.bc", "z@mail.ru.com", "a@b@c.de", "a@b.c@d.ef",
    "w@abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl.com",
    "w@abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.com",
    "u@x.abcdefghijklmnopqrstuvwxyzab", "192.168.1.20", "10.0.0.1", "1.2.3.4.5",
    "1234.5.6.7.8", "1.2.3.4567", "255.255.255.255", "999.1.1.1", "1..2.3.4",
    "v1.2.3.4", "1.2.3.4a", "1.2.3.4_", "0.0.0.0.0.0", "12.34.56", "3716",
    "password reset mail sent to ", " from ", "mail", ".", "..", "-", "_", " ",
    "\xE5\xA4\xA7", "\xC3\xA9",
    /* runs of 8 digits and more, near 11 (the fewest of a pattern of
     * digits alone), as e-mails' local parts or on their own */
    "3996634834@qq.com", "13812345678@qq.com", "4111111111111111@mail.ru", "12345678",
    "1234567890", "13812345678", "1234 5678 901", "1234-5678-9012", "4111 1111 1111 1111",
    "378282246310005", "11010519491231002X", "0123456789", "9",
    /* other patterns' triggers after an e-mail's or an IPv4's: the
     * window is then scanned, though its first trigger is an "@" */
    "AB 12 34 56 C", "123-45-6789", "+447946095812", "00:1A:2B:3C:4D:5E", "Tel. 030 1234 5678",
    /* long runs with no digit, between the runs of an IPv4's reader */
    "abcdefghijklmnopqrstuvwxyz abcdefghij", "-.-.-.-.-.-.-.-.-.-",
};
static const char mail_ip_bytes[] = "0123456789aexyzAZ.-_%+@ ,:/";

static void build_mail_ip(uint32_t *x, char *buf, size_t cap, size_t *len) {
  size_t want = rnd(x) % (cap - 80);
  *len = join_pieces(x, buf, want, mail_ip_pieces,
                     sizeof mail_ip_pieces / sizeof mail_ip_pieces[0], mail_ip_bytes);
}

/* A piece of either list after `left` filler bytes and before `right`
 * more: the 64-byte blocks' edges (a block reads 44 start positions, or
 * all the rest when the text ends within it), and the text's end, fall
 * at every place in and around the piece. Returns how many differ. */
static int edges(struct ajar_db *db, struct ajar_scratch *s, const char *how) {
  static const char *const fill[] = {"m", " ", "\xE5\xA4\xA7", "x.", "a@"};
  char buf[700]; /* 140 fillers of 3 bytes, a piece, 20 fillers */
  int differ = 0;
  size_t left, right, k, f, npieces = sizeof pieces / sizeof pieces[0];
  for (k = 0; k < npieces + sizeof mail_ip_pieces / sizeof mail_ip_pieces[0]; k += 3)
    for (f = 0; f < sizeof fill / sizeof fill[0]; f++)
      for (left = 0; left < 140; left++)
        for (right = 0; right < 24; right += 5) {
          const char *p = k < npieces ? pieces[k] : mail_ip_pieces[k - npieces];
          size_t n = 0, l = strlen(p), fl = strlen(fill[f]), i;
          struct found w = {.n = 0}, whole = {.n = 0};
          for (i = 0; i < left; i++, n += fl)
            memcpy(buf + n, fill[f], fl);
          memcpy(buf + n, p, l);
          n += l;
          for (i = 0; i < right; i++, n += fl)
            memcpy(buf + n, fill[f], fl);
          classify_text(db, s, 0, buf, n, keep, &w);
          classify_text_whole(db, s, 0, buf, n, keep, &whole);
          if (!same(&w, &whole) && differ++ < 5)
            fprintf(stderr, "piece %s at %zu, %zu after, differs%s: %.*s\n", p, left, right,
                    how, (int)n, buf);
        }
  return differ;
}

/* both kinds of random text, windowed against whole; how: which of
 * text.c's byte classes ran (the CPU's, or SSE2 alone) */
static void texts(struct ajar_db *db, struct ajar_scratch *s, const char *how) {
  char buf[700];
  uint32_t x = 2463534242u;
  int i, differ = 0, found = 0, none = 0;
  uint64_t seen = 0;
  for (i = 0; i < 20000; i++) {
    struct found w = {.n = 0}, whole = {.n = 0};
    size_t n, k;
    build(&x, buf, i % 4 ? 200 : sizeof buf, &n);
    classify_text(db, s, 0, buf, n, keep, &w);
    classify_text_whole(db, s, 0, buf, n, keep, &whole);
    if (!same(&w, &whole) && differ++ < 5)
      fprintf(stderr, "text %d differs%s (%d vs %d candidates): %.*s\n", i, how, w.n,
              whole.n, (int)n, buf);
    found += whole.n > 0;
    none += whole.n == 0;
    for (k = 0; k < (size_t)whole.n; k++)
      if (whole.c[k].det < 64)
        seen |= 1ull << whole.c[k].det;
  }
  CHECKF(differ == 0, "%d of 20000 texts differ%s", differ, how);
  /* texts of e-mails and IPv4s alone, and their near misses */
  differ = found = 0;
  for (i = 0; i < 20000; i++) {
    struct found w = {.n = 0}, whole = {.n = 0};
    size_t n;
    build_mail_ip(&x, buf, i % 4 ? 200 : sizeof buf, &n);
    classify_text(db, s, 0, buf, n, keep, &w);
    classify_text_whole(db, s, 0, buf, n, keep, &whole);
    if (!same(&w, &whole) && differ++ < 5)
      fprintf(stderr, "mail/ip text %d differs%s (%d vs %d candidates): %.*s\n", i, how,
              w.n, whole.n, (int)n, buf);
    found += whole.n > 1;
  }
  CHECKF(differ == 0, "%d of 20000 texts of e-mails and IPv4s differ%s", differ, how);
  CHECKF(found > 5000, "%d texts of e-mails and IPv4s with two candidates or more", found);
  /* the texts exercise both sides */
  CHECKF(found > 1000 && none > 1000, "%d texts with candidates, %d without", found, none);
  CHECKF(__builtin_popcountll(seen) >= 13, "%d detectors seen", __builtin_popcountll(seen));
  differ = edges(db, s, how);
  CHECKF(differ == 0, "%d pieces at blocks' edges differ%s", differ, how);
}

void test_text(void) {
  struct ajar_db *db = NULL;
  struct ajar_scratch *s = NULL;
  char err[256];
  CHECK(ajar_db_compile(&db, err, sizeof err) == 0);
  CHECK(ajar_scratch_alloc(db, &s) == 0);
  if (!db || !s)
    return;
  texts(db, s, "");
  if (ajar_have_avx2) { /* the SSE2 classes too, on a CPU with AVX2 */
    ajar_have_avx2 = 0;
    texts(db, s, " (SSE2)");
    ajar_have_avx2 = 1;
  }
  ajar_scratch_free(s);
  ajar_db_free(db);
}
