/* The shape of a value: which classes of bytes (C_*) it holds and how
 * many digits, 16 bytes at a time.
 *
 * Hand-written: Vectorscan finds patterns, not byte classes. Each byte's
 * classes come from two 16-entry lookups (its low and its high nibble,
 * SSSE3 pshufb) whose AND is the class bits, as simdjson classifies
 * JSON characters. A class must be a product of a set of high and a set
 * of low nibbles, so upper and lower case letters and white space take
 * two bits each; C_OTHER is a byte in no class. The tables were derived
 * from cls_table below, and the unit tests compare both on every byte.
 */
#include <stdint.h>
#include <string.h>
#include "shape.h"
#if defined(__SSSE3__)
#include <tmmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define AJAR_AVX2 1
#endif

/* ---- long runs of bytes, 32 at a time where the CPU can ---------------- */

int ajar_have_avx2;

#ifdef AJAR_AVX2
__attribute__((constructor)) static void detect_cpu(void) {
  __builtin_cpu_init();
  ajar_have_avx2 = __builtin_cpu_supports("avx2");
}

__attribute__((target("avx2")))
const char *quote_or_escape_avx2(const char *p, const char *end) {
  const __m256i q = _mm256_set1_epi8('"'), b = _mm256_set1_epi8('\\');
  while (end - p >= 32) {
    __m256i v = _mm256_loadu_si256((const __m256i *)p);
    unsigned m = (unsigned)_mm256_movemask_epi8(
        _mm256_or_si256(_mm256_cmpeq_epi8(v, q), _mm256_cmpeq_epi8(v, b)));
    if (m)
      return p + __builtin_ctz(m);
    p += 32;
  }
  return p;
}

__attribute__((target("avx2")))
int digit_or_at_avx2(const char *v, size_t n) {
  const __m256i lo = _mm256_set1_epi8('0' - 1), hi = _mm256_set1_epi8('9' + 1),
                at = _mm256_set1_epi8('@');
  size_t i;
  for (i = 0; i + 32 <= n; i += 32) {
    __m256i x = _mm256_loadu_si256((const __m256i *)(v + i));
    __m256i d = _mm256_and_si256(_mm256_cmpgt_epi8(x, lo), _mm256_cmpgt_epi8(hi, x));
    if (_mm256_movemask_epi8(_mm256_or_si256(d, _mm256_cmpeq_epi8(x, at))))
      return 1;
  }
  return 0;
}

__attribute__((target("avx2")))
const char *number_run_avx2(const char *p, const char *end, size_t *commas) {
  const __m256i d0 = _mm256_set1_epi8('0' - 1), d9 = _mm256_set1_epi8('9' + 1),
                dot = _mm256_set1_epi8('.'), comma = _mm256_set1_epi8(','),
                minus = _mm256_set1_epi8('-'), sp = _mm256_set1_epi8(' ');
  size_t n = 0;
  while (end - p >= 32) {
    __m256i x = _mm256_loadu_si256((const __m256i *)p);
    __m256i dg = _mm256_and_si256(_mm256_cmpgt_epi8(x, d0), _mm256_cmpgt_epi8(d9, x));
    __m256i cm = _mm256_cmpeq_epi8(x, comma);
    __m256i ok = _mm256_or_si256(
        _mm256_or_si256(dg, cm),
        _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(x, dot),
                                        _mm256_cmpeq_epi8(x, minus)),
                        _mm256_cmpeq_epi8(x, sp)));
    unsigned dm = (unsigned)_mm256_movemask_epi8(dg);
    if (_mm256_movemask_epi8(ok) != -1 || (dm & 0xFFFF) == 0xFFFF ||
        (dm >> 16) == 0xFFFF)
      break;
    n += (size_t)__builtin_popcount((unsigned)_mm256_movemask_epi8(cm));
    p += 32;
  }
  *commas += n;
  return p;
}
#else
const char *number_run_avx2(const char *p, const char *end, size_t *commas) {
  (void)end;
  (void)commas;
  return p;
}
const char *quote_or_escape_avx2(const char *p, const char *end) {
  (void)end;
  return p;
}
int digit_or_at_avx2(const char *v, size_t n) {
  (void)v;
  (void)n;
  return 0;
}
#endif

/* ---- base64 blobs: whether a text pattern can match in one --------------
 *
 * A photo or a key in base64 is long and has digits, so scalar_text
 * (value.c) would hand it to Vectorscan, which reads it at a tenth of
 * memory speed and finds nothing. In bytes of base64 (A-Z a-z 0-9 + / =,
 * CR, LF) only these of textdb.c's patterns can match, all others want
 * a byte base64 has not (@ . : - $ space, a CJK province):
 *   - E.164: '+' and nine digits or more;
 *   - the rest (CN mobile and id, cards, IBAN, AWS key, NINO) are
 *     \b...\b around 9 to 34 bytes of [A-Z0-9], an id's last byte maybe
 *     'x': with no separator between, a whole word (a run between + / =
 *     CR LF and the ends) of 9 bytes or more without a lowercase letter,
 *     but for a last 'x'.
 * So a blob whose words of 9 bytes or more all hold a lowercase letter
 * and with no '+' before nine digits needs no scan; random base64 has
 * lowercase in every long word (tests/unit/test_shape.c checks this
 * against the patterns). 64 bytes a step: bit masks of separators and
 * lowercase letters, the words walked by their separator bits. */

/* where b64_text_may_match is in its walk over the words */
struct b64_walk {
  size_t wstart; /* where the current word starts */
  int wlow;      /* its bytes before the current step hold a lowercase */
};

/* whether the word v[from, end) of 9 bytes or more has no lowercase
 * letter but for a last 'x' (the walk's rare case, byte by byte) */
static int b64_word_bare(const char *v, size_t from, size_t end) {
  for (; from < end; from++)
    if (v[from] >= 'a' && v[from] <= 'z' && !(v[from] == 'x' && from + 1 == end))
      return 0;
  return 1;
}

/* one 64-byte step from base: S its separators, L its lowercase letters,
 * P its '+' (bits past n set in S only); 1 when a pattern may match */
static inline int b64_step(const char *v, size_t n, size_t base, uint64_t S,
                           uint64_t L, uint64_t P, struct b64_walk *w) {
  for (; P; P &= P - 1) { /* '+' and nine digits: maybe an E.164 */
    size_t q = base + (size_t)__builtin_ctzll(P), i;
    for (i = q + 1; i < n && i <= q + 9 && v[i] >= '0' && v[i] <= '9'; i++)
      ;
    if (i == q + 10)
      return 1;
  }
  for (; S; S &= S - 1) {
    unsigned j = (unsigned)__builtin_ctzll(S);
    size_t end = base + j;
    if (end - w->wstart >= 9) {
      if (j == 0) { /* the word ended with the last step */
        if (b64_word_bare(v, w->wstart, end))
          return 1;
      } else {
        unsigned from = w->wstart > base ? (unsigned)(w->wstart - base) : 0;
        uint64_t here = L & ((1ull << j) - 1) & (~0ull << from);
        /* no lowercase, or only a last 'x' (a CN id's check) */
        if (!(w->wstart < base && w->wlow) &&
            (!here || (here == 1ull << (j - 1) && v[end - 1] == 'x')))
          return 1;
      }
    }
    w->wstart = end + 1;
  }
  if (w->wstart >= base + 64)
    w->wlow = 0;
  else
    w->wlow = (w->wstart < base && w->wlow) ||
              (L >> (w->wstart > base ? w->wstart - base : 0)) != 0;
  return 0;
}

/* the 64 bytes of a step: p itself, or the tail padded with '/' */
static const char *b64_block(const char *v, size_t n, size_t base, char pad[64]) {
  if (n - base >= 64)
    return v + base;
  memset(pad, '/', 64);
  memcpy(pad, v + base, n - base);
  return pad;
}

/* the last word when no padding ended it (n a multiple of 64) */
static int b64_last(const char *v, size_t n, const struct b64_walk *w) {
  return n % 64 == 0 && n - w->wstart >= 9 &&
         (!w->wlow || (v[n - 1] == 'x' && b64_word_bare(v, w->wstart, n)));
}

/* the masks of a 64-byte step: its base64 bytes, separators (b64_sep),
 * lowercase letters and '+' */
struct b64_masks {
  uint64_t ok, sep, low, plus;
};

/* base64's + / = and \n \v \f \r: no word bytes, so \b holds beside them */
static int b64_sep(char c) {
  return c == '+' || c == '/' || c == '=' || (c >= '\n' && c <= '\r');
}

/* the masks of bytes p[0..63] a byte at a time, where the CPU has no AVX2 */
static void b64_masks_bytes(const char *p, struct b64_masks *m) {
  size_t k;
  memset(m, 0, sizeof *m);
  for (k = 0; k < 64; k++) {
    char c = p[k];
    uint64_t bit = 1ull << k;
    int low = c >= 'a' && c <= 'z', sep = b64_sep(c);
    if (low || sep || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
      m->ok |= bit;
    if (sep)
      m->sep |= bit;
    if (low)
      m->low |= bit;
    if (c == '+')
      m->plus |= bit;
  }
}

#ifdef AJAR_AVX2
/* the same, 32 bytes at a time: each byte's class bits are the AND of
 * two 16-entry lookups, by its low and its high nibble (as value_shape
 * does); a class must be a product of a set of low and of high nibbles:
 *   0x01 A-O (4, 1-F)  0x02 P-Z (5, 0-A)  0x04 0-9 (3, 0-9)
 *   0x08 + / (2, B F)  0x10 = (3, D)      0x20 \n-\r (0, A-D)
 *   0x40 a-o (6, 1-F)  0x80 p-z (7, 0-A)
 * A byte over 0x7F has a high nibble of 8-F: no class. */
__attribute__((target("avx2"))) static inline void b64_masks_avx2(const char *p,
                                                                  struct b64_masks *m) {
  const __m256i lo_tbl = _mm256_setr_epi8(
      (char)0x86, (char)0xC7, (char)0xC7, (char)0xC7, (char)0xC7, (char)0xC7, (char)0xC7,
      (char)0xC7, (char)0xC7, (char)0xC7, (char)0xE3, 0x69, 0x61, 0x71, 0x41, 0x49,
      (char)0x86, (char)0xC7, (char)0xC7, (char)0xC7, (char)0xC7, (char)0xC7, (char)0xC7,
      (char)0xC7, (char)0xC7, (char)0xC7, (char)0xE3, 0x69, 0x61, 0x71, 0x41, 0x49);
  const __m256i hi_tbl = _mm256_setr_epi8(
      0x20, 0, 0x08, 0x14, 0x01, 0x02, 0x40, (char)0x80, 0, 0, 0, 0, 0, 0, 0, 0,
      0x20, 0, 0x08, 0x14, 0x01, 0x02, 0x40, (char)0x80, 0, 0, 0, 0, 0, 0, 0, 0);
  const __m256i nib = _mm256_set1_epi8(0x0F), zero = _mm256_setzero_si256();
  uint64_t bad = 0, nsep = 0, low = 0, pl = 0;
  size_t k;
  for (k = 0; k < 2; k++) {
    __m256i x = _mm256_loadu_si256((const __m256i *)(p + 32 * k));
    __m256i c = _mm256_and_si256(
        _mm256_shuffle_epi8(lo_tbl, _mm256_and_si256(x, nib)),
        _mm256_shuffle_epi8(hi_tbl, _mm256_and_si256(_mm256_srli_epi16(x, 4), nib)));
    bad |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(c, zero)) << (32 * k);
    nsep |= (uint64_t)(uint32_t)_mm256_movemask_epi8(
                _mm256_cmpeq_epi8(_mm256_and_si256(c, _mm256_set1_epi8(0x38)), zero))
            << (32 * k);
    /* a-o (0x40) doubled lands on p-z's sign bit */
    low |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_or_si256(c, _mm256_add_epi8(c, c)))
           << (32 * k);
    pl |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, _mm256_set1_epi8('+')))
          << (32 * k);
  }
  m->ok = ~bad, m->sep = ~nsep, m->low = low, m->plus = pl;
}
#endif

/* The walk over the 64-byte steps. A step goes through b64_step only
 * where a match can end in it: a bare word holds 8 capitals or digits in
 * a row (9 bytes or more, but for a last 'x'), and ends at most 2 bytes
 * past them; an E.164 is a '+' and 9 digits. So a step runs b64_step
 * when it holds 8 such bytes in a row (with the ones the last step ended
 * with), or a '+' that only such bytes follow up to its end, and so does
 * the step after it; random base64 does in about a quarter of its steps.
 * Any other step only moves the walk past its words. avx2 is a constant
 * where this is inlined. */
static inline __attribute__((always_inline)) int b64_walk_steps(const char *v, size_t n,
                                                                int avx2) {
  struct b64_walk w = {0, 0};
  struct b64_masks m;
  size_t base;
  unsigned run = 0; /* capitals and digits that ended the last step, up to 8 */
  int hot = 0;      /* the last step went through b64_step */
  for (base = 0; base < n; base += 64) {
    char pad[64];
    const char *p = b64_block(v, n, base, pad);
    uint64_t X, r;
    unsigned lead, tail;
    int trig;
#ifdef AJAR_AVX2
    if (avx2)
      b64_masks_avx2(p, &m);
    else
#endif
      b64_masks_bytes(p, &m);
    if (~m.ok)
      return 1;
    X = ~(m.sep | m.low); /* capitals and digits */
    r = X & (X >> 1);
    r &= r >> 2;
    r &= r >> 4; /* bit i: bytes i to i + 7 all in X */
    lead = ~X ? (unsigned)__builtin_ctzll(~X) : 64;
    tail = ~X ? (unsigned)__builtin_clzll(~X) : 64;
    trig = r || run + lead >= 8 || (tail < 64 && (m.plus >> (63 - tail) & 1));
    if (trig || hot) {
      if (b64_step(v, n, base, m.sep, m.low, m.plus, &w))
        return 1;
    } else if (m.sep) { /* the words that begin here */
      unsigned last = 63 - (unsigned)__builtin_clzll(m.sep);
      w.wstart = base + last + 1;
      w.wlow = last < 63 && (m.low >> (last + 1)) != 0;
    } else {
      w.wlow = w.wlow || m.low != 0;
    }
    hot = trig;
    run = tail == 64 ? (run + 64 > 8 ? 8 : run + 64) : (tail > 8 ? 8 : tail);
  }
  return b64_last(v, n, &w);
}

#ifdef AJAR_AVX2
__attribute__((target("avx2"))) static int b64_walk_avx2(const char *v, size_t n) {
  return b64_walk_steps(v, n, 1);
}
#endif

int b64_text_may_match(const char *v, size_t n) {
#ifdef AJAR_AVX2
  if (ajar_have_avx2)
    return b64_walk_avx2(v, n);
#endif
  return b64_walk_steps(v, n, 0);
}

/* byte -> C_* bits; generated from char_class() rules: digits, letters
 * (hex letters marked), space/newline, and the punctuation ids use */
static const unsigned cls_table[256] = {
  0x10000, 0x10000, 0x10000, 0x10000, 0x10000, 0x10000, 0x10000, 0x10000,
  0x10000, 0x00008, 0x40008, 0x10000, 0x10000, 0x40008, 0x10000, 0x10000,
  0x10000, 0x10000, 0x10000, 0x10000, 0x10000, 0x10000, 0x10000, 0x10000,
  0x10000, 0x10000, 0x10000, 0x10000, 0x10000, 0x10000, 0x10000, 0x10000,
  0x00008, 0x10000, 0x10000, 0x10000, 0x04000, 0x10000, 0x10000, 0x10000,
  0x02000, 0x02000, 0x10000, 0x00100, 0x08000, 0x00020, 0x00080, 0x00200,
  0x00001, 0x00001, 0x00001, 0x00001, 0x00001, 0x00001, 0x00001, 0x00001,
  0x00001, 0x00001, 0x00040, 0x10000, 0x10000, 0x00400, 0x10000, 0x10000,
  0x00010, 0x20002, 0x20002, 0x20002, 0x20002, 0x20002, 0x20002, 0x00002,
  0x00002, 0x00002, 0x00002, 0x00002, 0x00002, 0x00002, 0x00002, 0x00002,
  0x00002, 0x00002, 0x00002, 0x00002, 0x00002, 0x00002, 0x00002, 0x00002,
  0x00002, 0x00002, 0x00002, 0x10000, 0x10000, 0x10000, 0x10000, 0x00800,
  0x10000, 0x20004, 0x20004, 0x20004, 0x20004, 0x20004, 0x20004, 0x00004,
  0x00004, 0x00004, 0x00004, 0x00004, 0x00004, 0x00004, 0x00004, 0x00004,
  0x00004, 0x00004, 0x00004, 0x00004, 0x00004, 0x00004, 0x00004, 0x00004,
  0x00004, 0x00004, 0x00004, 0x10000, 0x10000, 0x10000, 0x10000, 0x10000,
  0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000,
  0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000,
  0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000,
  0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000,
  0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000,
  0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000,
  0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000,
  0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000,
  0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000,
  0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000,
  0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000,
  0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000,
  0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000,
  0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000,
  0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000,
  0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000, 0x01000,
};

unsigned value_shape_bytes(const char *v, size_t n, size_t *digits,
                           size_t *seps) {
  unsigned mask = 0;
  size_t i, d = 0, sp = 0;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)v[i];
    mask |= cls_table[c];
    d += (c >= '0' && c <= '9');
    sp += (c == ' ' || c == '-' || c == '.');
  }
  *digits = d;
  *seps = sp;
  return mask;
}

#if defined(__SSSE3__)
/* class bits, three bytes a lane:
 *   0: digit, A-O, P-Z, a-o, p-z, ' ', tab/CR/LF, CR/LF
 *   1: @ - : . + / = _  (C_AT..C_UNDER in order)
 *   2: high, ( ), $, ',', hex letter */
static const int8_t lo0[16] = {0x35, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f,
                               0x1f, 0x5f, (int8_t)0xde, 0x0a, 0x0a, (int8_t)0xca, 0x0a, 0x0a};
static const int8_t hi0[16] = {(int8_t)0xc0, 0x00, 0x20, 0x01, 0x02, 0x04, 0x08, 0x10,
                               0, 0, 0, 0, 0, 0, 0, 0};
static const int8_t lo1[16] = {0x01, 0, 0, 0, 0, 0, 0, 0,
                               0, 0, 0x04, 0x10, 0x00, 0x42, 0x08, (int8_t)0xa0};
static const int8_t hi1[16] = {0x00, 0x00, 0x3a, 0x44, 0x01, (int8_t)0x80, 0, 0,
                               0, 0, 0, 0, 0, 0, 0, 0};
static const int8_t lo2[16] = {0x01, 0x11, 0x11, 0x11, 0x15, 0x11, 0x11, 0x01,
                               0x03, 0x03, 0x01, 0x01, 0x09, 0x01, 0x01, 0x01};
static const int8_t hi2[16] = {0x00, 0x00, 0x0e, 0x00, 0x10, 0x00, 0x10, 0x00,
                               0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01};
/* 16 x 0xFF then 16 x 0: the first k lanes of a part-vector */
const int8_t ajar_keep_lanes[32] = {-1, -1, -1, -1, -1, -1, -1, -1,
                                    -1, -1, -1, -1, -1, -1, -1, -1};

/* shape_load_part near a page's end: the k bytes copied, the rest 0 */
__m128i shape_load_copy(const char *p, size_t k) {
  char b[16] = {0};
  memcpy(b, p, k);
  return _mm_loadu_si128((const __m128i *)b);
}


uint64_t hash_prefix16(const char *a, size_t k) {
  __m128i x;
  uint64_t lo, hi;
  if (k == 0)
    return 0;
  x = shape_load_part(a, k);
  lo = (uint64_t)_mm_cvtsi128_si64(x);
  hi = (uint64_t)_mm_cvtsi128_si64(_mm_srli_si128(x, 8));
  return (lo * 0x9E3779B97F4A7C15ull) ^ (hi * 0xC2B2AE3D27D4EB4Full) ^ k;
}

#ifdef AJAR_AVX2
/* value_shape's loop 32 bytes a step over v[0, n), n a multiple of 32:
 * the same lookups in both 16-byte halves, the class bits OR-ed into
 * a[0..2] and the bytes of no class into a[3], the digits and the
 * separators counted into *d and *sp */
__attribute__((target("avx2"))) static void value_shape_avx2(const char *v, size_t n,
                                                             __m128i a[4], size_t *d,
                                                             size_t *sp) {
#define B(t) _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(t)))
  const __m256i l0 = B(lo0), h0 = B(hi0), l1 = B(lo1), h1 = B(hi1), l2 = B(lo2),
                h2 = B(hi2), nib = _mm256_set1_epi8(0x0F), zero = _mm256_setzero_si256(),
                sp0 = _mm256_set1_epi8(0x20), sp1 = _mm256_set1_epi8(0x0A);
#undef B
  __m256i a0 = zero, a1 = zero, a2 = zero, none = zero;
  size_t i, dd = 0, ss = 0;
  for (i = 0; i < n; i += 32) {
    __m256i x = _mm256_loadu_si256((const __m256i *)(v + i));
    __m256i lo = _mm256_and_si256(x, nib),
            hi = _mm256_and_si256(_mm256_srli_epi16(x, 4), nib);
    __m256i b0 = _mm256_and_si256(_mm256_shuffle_epi8(l0, lo), _mm256_shuffle_epi8(h0, hi));
    __m256i b1 = _mm256_and_si256(_mm256_shuffle_epi8(l1, lo), _mm256_shuffle_epi8(h1, hi));
    __m256i b2 = _mm256_and_si256(_mm256_shuffle_epi8(l2, lo), _mm256_shuffle_epi8(h2, hi));
    a0 = _mm256_or_si256(a0, b0);
    a1 = _mm256_or_si256(a1, b1);
    a2 = _mm256_or_si256(a2, b2);
    none = _mm256_or_si256(
        none, _mm256_cmpeq_epi8(_mm256_or_si256(_mm256_or_si256(b0, b1), b2), zero));
    dd += (size_t)__builtin_popcount((unsigned)_mm256_movemask_epi8(_mm256_slli_epi16(b0, 7)));
    ss += (size_t)__builtin_popcount(~(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
        _mm256_or_si256(_mm256_and_si256(b0, sp0), _mm256_and_si256(b1, sp1)), zero)));
  }
#define FOLD(y) _mm_or_si128(_mm256_castsi256_si128(y), _mm256_extracti128_si256(y, 1))
  a[0] = FOLD(a0), a[1] = FOLD(a1), a[2] = FOLD(a2), a[3] = FOLD(none);
#undef FOLD
  *d += dd;
  *sp += ss;
}
#endif

/* the three class bytes of each of the 16 bytes of x */
static inline void classes16(__m128i x, __m128i *b0, __m128i *b1, __m128i *b2) {
  const __m128i nib = _mm_set1_epi8(0x0F);
  __m128i lo = _mm_and_si128(x, nib), hi = _mm_and_si128(_mm_srli_epi16(x, 4), nib);
#define LOOK(t, i) _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(t)), i)
  *b0 = _mm_and_si128(LOOK(lo0, lo), LOOK(hi0, hi));
  *b1 = _mm_and_si128(LOOK(lo1, lo), LOOK(hi1, hi));
  *b2 = _mm_and_si128(LOOK(lo2, lo), LOOK(hi2, hi));
#undef LOOK
}

/* lanes in no class (a part-vector's lanes past the value are such) */
static inline __m128i classless(__m128i b0, __m128i b1, __m128i b2) {
  return _mm_cmpeq_epi8(_mm_or_si128(_mm_or_si128(b0, b1), b2), _mm_setzero_si128());
}

/* bit i: byte i is a digit (bit 0 of class byte 0, moved to its sign) */
static inline unsigned digit_lanes(__m128i b0) {
  return (unsigned)_mm_movemask_epi8(_mm_slli_epi16(b0, 7));
}

/* bit i: byte i is ' ' (bit 5 of byte 0), '-' or '.' (bits 1 and 3 of
 * byte 1) */
static inline unsigned sep_lanes(__m128i b0, __m128i b1) {
  return 0xFFFFu & ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
                       _mm_or_si128(_mm_and_si128(b0, _mm_set1_epi8(0x20)),
                                    _mm_and_si128(b1, _mm_set1_epi8(0x0A))),
                       _mm_setzero_si128()));
}

/* class byte 0 as C_* bits, all 256 of its values: its low nibble has
 * the digit, A-O and P-Z, a-o; its high one p-z, ' ', tab/CR/LF, CR/LF */
#define R16(h) B0(h * 16 + 0), B0(h * 16 + 1), B0(h * 16 + 2), B0(h * 16 + 3),    \
               B0(h * 16 + 4), B0(h * 16 + 5), B0(h * 16 + 6), B0(h * 16 + 7),    \
               B0(h * 16 + 8), B0(h * 16 + 9), B0(h * 16 + 10), B0(h * 16 + 11),  \
               B0(h * 16 + 12), B0(h * 16 + 13), B0(h * 16 + 14), B0(h * 16 + 15)
#define LO0(i) (((i) & 1 ? C_DIGIT : 0) | ((i) & 6 ? C_UPPER : 0) | ((i) & 8 ? C_LOWER : 0))
#define HI0(i) (((i) & 1 ? C_LOWER : 0) | ((i) & 6 ? C_SPACE : 0) | ((i) & 8 ? C_NL : 0))
#define B0(i) (LO0((i) & 15) | HI0((i) >> 4))
static const uint32_t byte0_bits[256] = {R16(0),  R16(1),  R16(2),  R16(3), R16(4),  R16(5),
                                         R16(6),  R16(7),  R16(8),  R16(9), R16(10), R16(11),
                                         R16(12), R16(13), R16(14), R16(15)};
#undef B0
#undef LO0
#undef HI0
#undef R16

/* the C_* bits of the class bytes OR-ed over the value, and C_OTHER
 * when a lane of none is set */
static inline unsigned shape_bits(__m128i a0, __m128i a1, __m128i a2, __m128i none) {
  /* a0, a1 and a2 side by side in 32-bit lanes, OR-ed down to one */
  const __m128i zero = _mm_setzero_si128();
  __m128i t01 = _mm_or_si128(_mm_unpacklo_epi8(a0, a1), _mm_unpackhi_epi8(a0, a1));
  __m128i t2 = _mm_or_si128(_mm_unpacklo_epi8(a2, zero), _mm_unpackhi_epi8(a2, zero));
  __m128i t = _mm_or_si128(_mm_unpacklo_epi16(t01, t2), _mm_unpackhi_epi16(t01, t2));
  unsigned s;
  t = _mm_or_si128(t, _mm_srli_si128(t, 8));
  t = _mm_or_si128(t, _mm_srli_si128(t, 4));
  s = (unsigned)_mm_cvtsi128_si32(t);
  return byte0_bits[s & 0xFF] | (s & 0xFF00) >> 4 | (s >> 4 & 0xF000) |
         (s >> 3 & 0x20000) | (_mm_movemask_epi8(none) ? C_OTHER : 0);
}

/* value_shape past 32 bytes: 16 (with AVX2 32) bytes a step */
__attribute__((noinline)) static unsigned value_shape_long(const char *v, size_t n,
                                                           size_t *digits, size_t *seps) {
  const __m128i zero = _mm_setzero_si128();
  __m128i a0 = zero, a1 = zero, a2 = zero, none = zero;
  size_t i = 0, d = 0, sp = 0;
#ifdef AJAR_AVX2
  if (ajar_have_avx2 && n >= 64) { /* a long token: a hash, hex, a key */
    __m128i a[4];
    i = n & ~(size_t)31;
    value_shape_avx2(v, i, a, &d, &sp);
    a0 = a[0], a1 = a[1], a2 = a[2], none = a[3];
  }
#endif
  while (i < n) {
    size_t k = n - i < 16 ? n - i : 16;
    __m128i x = k == 16 ? _mm_loadu_si128((const __m128i *)(v + i))
                        : shape_load_part(v + i, k);
    __m128i b0, b1, b2, z;
    classes16(x, &b0, &b1, &b2);
    z = classless(b0, b1, b2);
    /* a part-vector's lanes past the value are 0, a byte of no class:
     * only the test for such bytes must leave them out */
    if (k < 16)
      z = _mm_and_si128(z, _mm_loadu_si128((const __m128i *)(ajar_keep_lanes + 16 - k)));
    a0 = _mm_or_si128(a0, b0);
    a1 = _mm_or_si128(a1, b1);
    a2 = _mm_or_si128(a2, b2);
    none = _mm_or_si128(none, z);
    d += (size_t)__builtin_popcount(digit_lanes(b0));
    sp += (size_t)__builtin_popcount(sep_lanes(b0, b1));
    i += k;
  }
  *digits = d;
  *seps = sp;
  return shape_bits(a0, a1, a2, none);
}

/* value_shape of up to 16 bytes that end less than 16 bytes before a
 * page's end: on a copy */
__attribute__((noinline)) static unsigned value_shape_copy(const char *v, size_t n,
                                                           size_t *digits, size_t *seps) {
  char b[32] = {0}; /* 32: the compiler sees value_shape's two loads */
  memcpy(b, v, n);
  return value_shape(b, n, digits, seps);
}

/* The lanes of x that hold a digit, a '.' or a '-', the bytes of most
 * values of numeric columns (integers, codes, floats, IPv4, dates as
 * 2024-03-19): '-' to '9' but '/', one range and one compare. A value of
 * such bytes alone has its shape from the lanes of its dots and dashes,
 * without the three nibble lookups and their fold (shape_bits). */
static inline unsigned numeric_lanes(__m128i x) {
  __m128i t = _mm_sub_epi8(x, _mm_set1_epi8('-'));
  return (unsigned)_mm_movemask_epi8(_mm_andnot_si128(
      _mm_cmpeq_epi8(x, _mm_set1_epi8('/')),
      _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8('9' - '-')), t)));
}
static inline unsigned byte_lanes(__m128i x, char c) {
  return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(c)));
}
/* whether the n (>= 1) bytes of v may be digits, dots and dashes alone,
 * by the first and the last: the test of the lanes is left to those (a
 * word, an e-mail, a name, a timestamp ending in 'Z' pays two compares) */
static inline int may_be_numeric(const char *v, size_t n) {
  return (unsigned char)(v[0] - '-') <= '9' - '-' &&
         (unsigned char)(v[n - 1] - '-') <= '9' - '-';
}
/* the shape of the n bytes of a value of digits, dots and dashes alone,
 * with pm and mm the lanes of its dots and of its dashes, as
 * value_shape_bytes gives it */
static inline unsigned numeric_shape(size_t n, unsigned pm, unsigned mm, size_t *digits,
                                     size_t *seps) {
  size_t sp = (size_t)__builtin_popcount(pm | mm);
  *digits = n - sp;
  *seps = sp;
  return (sp < n ? C_DIGIT : 0) | (pm ? C_DOT : 0) | (mm ? C_DASH : 0);
}

/* Most values are 32 bytes or fewer: one part-vector, or two 16-byte
 * loads where the second ends at the value's end (the bytes both hold
 * are counted once: the second's lane bits are shifted onto the first's;
 * a value of digits, dots and dashes alone is decided on their lanes),
 * no loop, and no call but a tail call (the long loop, and the copy near
 * a page's end), so no register to save and no stack frame. Hence
 * no_sanitize: the part-vector's load may read past the value, never
 * past its page (as shape_load_part). */
__attribute__((no_sanitize("address")))
unsigned value_shape(const char *v, size_t n, size_t *digits, size_t *seps) {
  __m128i b0, b1, b2, none;
  unsigned dm, sm;
  if (n > 32)
    return value_shape_long(v, n, digits, seps);
  if (n <= 16) {
    __m128i keep, x;
    if (((uintptr_t)v & 4095) > 4096 - 16)
      return value_shape_copy(v, n, digits, seps);
    keep = _mm_loadu_si128((const __m128i *)(ajar_keep_lanes + 16 - n));
    x = _mm_and_si128(_mm_loadu_si128((const __m128i *)v), keep);
    /* the cleared lanes past n are none of '-' to '9' */
    if (n && may_be_numeric(v, n) && numeric_lanes(x) == (1u << n) - 1)
      return numeric_shape(n, byte_lanes(x, '.'), byte_lanes(x, '-'), digits, seps);
    classes16(x, &b0, &b1, &b2);
    none = _mm_and_si128(classless(b0, b1, b2), keep);
    dm = digit_lanes(b0);
    sm = sep_lanes(b0, b1);
  } else {
    __m128i c0, c1, c2;
    unsigned sh = (unsigned)(n - 16);
    __m128i x0 = _mm_loadu_si128((const __m128i *)v),
            x1 = _mm_loadu_si128((const __m128i *)(v + n - 16));
    if (may_be_numeric(v, n) && (numeric_lanes(x0) & numeric_lanes(x1)) == 0xFFFF)
      return numeric_shape(n, byte_lanes(x0, '.') | byte_lanes(x1, '.') << sh,
                           byte_lanes(x0, '-') | byte_lanes(x1, '-') << sh, digits, seps);
    classes16(x0, &b0, &b1, &b2);
    classes16(x1, &c0, &c1, &c2);
    none = _mm_or_si128(classless(b0, b1, b2), classless(c0, c1, c2));
    dm = digit_lanes(b0) | digit_lanes(c0) << sh;
    sm = sep_lanes(b0, b1) | sep_lanes(c0, c1) << sh;
    b0 = _mm_or_si128(b0, c0);
    b1 = _mm_or_si128(b1, c1);
    b2 = _mm_or_si128(b2, c2);
  }
  *digits = (size_t)__builtin_popcount(dm);
  *seps = (size_t)__builtin_popcount(sm);
  return shape_bits(b0, b1, b2, none);
}
#else
uint64_t hash_prefix16(const char *a, size_t k) {
  uint64_t h = 1469598103934665603ull ^ k;
  size_t i;
  for (i = 0; i < k; i++)
    h = (h ^ (unsigned char)a[i]) * 1099511628211ull;
  return h;
}

unsigned value_shape(const char *v, size_t n, size_t *digits, size_t *seps) {
  return value_shape_bytes(v, n, digits, seps);
}
#endif
