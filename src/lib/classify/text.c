#define _GNU_SOURCE /* memrchr */
/* Detectors embedded in free text, compiled into one Vectorscan database.
 *
 * Vectorscan finds the candidates in one pass over the text; validators
 * run in the match callback, so a bad candidate costs one function call.
 * Patterns keep a literal or a narrow class at their start so the engine
 * can skip through text with no candidate at memory speed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define TEXT_AVX2 1
#endif
#include "classify.h"
#include "shape.h"
#include "text_tel.h"
#include "textdb.h"
#include "validators.h"

int ajar_db_compile(struct ajar_db **out, char *err, size_t errlen) {
  struct ajar_db *db;

  if (!out)
    return AJAR_EINVAL;
  *out = NULL;
  db = calloc(1, sizeof *db);
  if (!db)
    return AJAR_ENOMEM;
  /* the build serialised the database for this machine; another CPU
   * (or a build without it) compiles it here */
  if (!ajar_textdb_blob_len ||
      hs_deserialize_database((const char *)ajar_textdb_blob,
                              ajar_textdb_blob_len, &db->text) != HS_SUCCESS) {
    db->text = NULL;
    if (textdb_compile(&db->text, err, errlen)) {
      free(db);
      return AJAR_ECOMPILE;
    }
  }
  *out = db;
  return 0;
}

void ajar_db_free(struct ajar_db *db) {
  if (!db)
    return;
  hs_free_database(db->text);
  free(db);
}

int ajar_scratch_alloc(const struct ajar_db *db, struct ajar_scratch **out) {
  struct ajar_scratch *s;
  if (!db || !out)
    return AJAR_EINVAL;
  s = calloc(1, sizeof *s);
  if (!s)
    return AJAR_ENOMEM;
  if (hs_alloc_scratch(db->text, &s->hs) != HS_SUCCESS) {
    free(s);
    return AJAR_ENOMEM;
  }
  *out = s;
  return 0;
}

void ajar_scratch_free(struct ajar_scratch *s) {
  if (!s)
    return;
  hs_free_scratch(s->hs);
  free(s);
}

struct text_ctx {
  const char *v;
  size_t n;
  size_t base; /* where the window being scanned starts in v */
  uint32_t hints;
  candidate_fn fn;
  void *ctx;
  size_t last_end[64];
  int stop;
  /* contacts found (e-mail, phone), the first 8: where text.c looks
   * for a phone announced in national print */
  size_t spot_from[8], spot_to[8];
  unsigned char spot_phone[8];
  int spots;
};

static int is_email_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '.' || c == '-';
}

static int digit_at(const char *v, size_t n, size_t i) {
  return i < n && v[i] >= '0' && v[i] <= '9';
}

/* validate v[from, to) for det; may widen `to` */
static int validate(struct text_ctx *t, unsigned det, size_t *from_io,
                    size_t *to) {
  size_t from = *from_io;
  const char *v = t->v + from;
  size_t n = *to - from, i, k = 0;
  char d[48];

  switch (det) {
  case DET_EMAIL: {
    const char *at = memrchr(t->v, '@', *to);
    size_t s0;
    if (!at)
      return 0;
    s0 = (size_t)(at - t->v);
    while (s0 > 0 && (is_email_char(t->v[s0 - 1]) || t->v[s0 - 1] == '_' ||
                      t->v[s0 - 1] == '+' || t->v[s0 - 1] == '%'))
      s0--;
    while (s0 < (size_t)(at - t->v) && t->v[s0] == '.')
      s0++;
    *from_io = s0;
    from = s0;
    v = t->v + from;
    while (*to < t->n && is_email_char(t->v[*to])) (*to)++;
    n = *to - from;
    while (n && t->v[from + n - 1] == '.') n--;
    *to = from + n;
    return ajar_valid_email(v, n);
  }
  case DET_PHONE_E164: {
    /* the engine reports the shortest match first: take the whole
     * number (up to 15 digits, single spaces or dashes between groups
     * while fewer than 11 digits are read)
     * when that is valid, so "+447946095812" is not cut at "+447946095" */
    size_t e = *to, end = *to;
    int nd = 0;
    for (i = 0; i < n; i++)
      nd += v[i] >= '0' && v[i] <= '9';
    while (e < t->n && nd < 15) {
      if (digit_at(t->v, t->n, e)) {
        nd++;
        end = ++e;
      } else if ((t->v[e] == ' ' || t->v[e] == '-') && digit_at(t->v, t->n, e + 1) &&
                 nd < 11) {
        /* a group after 11 digits is the next number or a count */
        e++;
      } else {
        break;
      }
    }
    if (end > *to && !digit_at(t->v, t->n, end)) {
      for (i = 0; i < end - from && k < sizeof d - 1; i++)
        if (v[i] != ' ' && v[i] != '-') d[k++] = v[i];
      if (ajar_valid_e164(d, k)) {
        *to = end;
        return 1;
      }
      k = 0;
    }
  }
    /* fall through */
  case DET_CARD:
  case DET_IBAN:
  case DET_UK_NINO:
    for (i = 0; i < n && k < sizeof d - 1; i++)
      if (v[i] != ' ' && v[i] != '-') d[k++] = v[i];
    if (det == DET_PHONE_E164) return ajar_valid_e164(d, k);
    if (det == DET_CARD) return ajar_valid_card(d, k);
    if (det == DET_IBAN) return ajar_valid_iban(d, k);
    return ajar_valid_uk_nino(d, k);
  case DET_PHONE_NATIONAL: {
    /* a word that announces a phone (textdb.c), starting a word, then
     * ".", ":", "-", spaces and "No." as people write them, then the
     * number: digits in groups split by one space, dash, dot or slash,
     * a group maybe in parentheses ("+49 (0)30 1234-5678"); 7 to 15
     * digits, and no digit right after */
    size_t e = *to, end, nd = 0, s0;
    while (e < t->n && (t->v[e] == '.' || t->v[e] == ':' || t->v[e] == ' ' ||
                        t->v[e] == '-' || t->v[e] == '#'))
      e++;
    if (e + 2 < t->n && (t->v[e] == 'N' || t->v[e] == 'n') &&
        (t->v[e + 1] == 'o' || t->v[e + 1] == 'r' || t->v[e + 1] == 'O')) {
      e += 2;
      while (e < t->n && (t->v[e] == '.' || t->v[e] == ':' || t->v[e] == ' '))
        e++;
    }
    if (e - *to > 4 || e >= t->n || !(t->v[e] == '+' || t->v[e] == '(' || digit_at(t->v, t->n, e)))
      return 0;
    s0 = e;
    end = e;
    for (; e < t->n && nd < 16; e++) {
      char c = t->v[e];
      int next_ok = digit_at(t->v, t->n, e + 1) || (e + 1 < t->n && t->v[e + 1] == '(');
      if (c >= '0' && c <= '9') {
        nd++;
        end = e + 1;
      } else if (c == '+' ? e != s0
                          : c == '(' ? !digit_at(t->v, t->n, e + 1)
                          : c == ')' ? !(e > 0 && digit_at(t->v, t->n, e - 1))
                          : !((c == ' ' || c == '-' || c == '.' || c == '/') && next_ok)) {
        break;
      }
    }
    if (nd < 7 || nd > 15 || digit_at(t->v, t->n, end))
      return 0;
    *from_io = s0;
    *to = end;
    return 1;
  }
  case DET_CN_MOBILE:
    if (digit_at(t->v, t->n, *to) || (from && digit_at(t->v, t->n, from - 1)))
      return 0;
    return ajar_valid_cn_mobile(v, n);
  case DET_CN_RESIDENT_ID:
    return ajar_valid_cn_resident_id(v, n);
  case DET_IPV4:
    return ajar_valid_ipv4(v, n);
  case DET_MAC:
    return ajar_valid_mac(v, n);
  case DET_US_SSN:
    for (i = 0; i < n; i++)
      if (v[i] != '-') d[k++] = v[i];
    return ajar_valid_us_ssn(d, k);
  case DET_CN_PLATE:
    return ajar_valid_cn_plate(v, n);
  default:
    return 1; /* the pattern is the format */
  }
}

/* a validated candidate at v[from, to) to the caller; 1 when it stops */
static int report(struct text_ctx *t, unsigned det, size_t from, size_t to) {
  struct candidate c = {0};
  c.det = det;
  c.validated = 1;
  c.embedded = 1;
  c.from = from;
  c.to = to;
  if (t->fn(t->ctx, &c))
    t->stop = 1;
  return t->stop;
}

static int on_match(unsigned id, unsigned long long from,
                    unsigned long long to, unsigned flags, void *p) {
  struct text_ctx *t = p;
  unsigned det = ajar_text_patterns[id].det;
  size_t end = t->base + (size_t)to, start = t->base + (size_t)from;
  (void)flags;
  if (start < t->last_end[id] && det != DET_EMAIL)
    return 0;
  if (!validate(t, det, &start, &end))
    return 0;
  if (start < t->last_end[id])
    return 0;
  t->last_end[id] = end;
  /* contact blocks: an e-mail or an international number; a CN mobile
   * in running Chinese text is a number of its own */
  if ((det == DET_EMAIL || det == DET_PHONE_E164) && t->spots < 8) {
    t->spot_from[t->spots] = start;
    t->spot_to[t->spots] = end;
    t->spot_phone[t->spots++] = det != DET_EMAIL;
  }
  return report(t, det, start, end);
}

/* A phone in national print ("Tel. 0909501870") names no country, so no
 * pattern tells it from any number: it is read after a word that
 * announces it, near an e-mail or a phone the scan found (a contact
 * block). Looking through every text would cost the scan more than it
 * finds. */
#define TEL_WINDOW 64 /* bytes around a contact where a phone is looked for */

static void announced_phones(struct text_ctx *t) {
  size_t hi = 0, i, k;
  int spot, nspots = t->spots, w;
  for (spot = 0; spot < nspots && !t->stop; spot++) {
    size_t a = t->spot_from[spot] > TEL_WINDOW ? t->spot_from[spot] - TEL_WINDOW : 0;
    size_t b = t->spot_to[spot] + TEL_WINDOW < t->n ? t->spot_to[spot] + TEL_WINDOW : t->n;
    if (a < hi)
      a = hi; /* windows overlap: read each byte once */
    hi = b;
    for (i = a; i < b && !t->stop; i++) {
      if ((i = tel_next(t->v, t->n, i, b, &w)) >= b)
        break;
      for (; w >= 0; w = tel_word_at(t->v, t->n, i, w)) {
        size_t from = i, to = i + tel_words[w].n;
        int dup = 0;
        if (!validate(t, DET_PHONE_NATIONAL, &from, &to))
          continue;
        for (k = 0; k < (size_t)t->spots; k++)
          dup |= t->spot_phone[k] && from < t->spot_to[k] && to > t->spot_from[k];
        i = to - 1;
        if (dup)
          break;
        if (t->spots < 8) {
          t->spot_from[t->spots] = from;
          t->spot_to[t->spots] = to;
          t->spot_phone[t->spots++] = 1;
        }
        report(t, DET_PHONE_NATIONAL, from, to);
        break;
      }
    }
  }
}

/* ---- where a detector can match: the windows Vectorscan reads ----------
 *
 * Vectorscan reading this database costs far more than a pass over the
 * bytes: ~8,000 instructions for a 115-byte user agent, ~5,500 for an
 * 11-digit phone alone, ~12,000 for a 1.4 KB CJK note (callgrind). Most
 * free text holds no candidate, or one in a short run of ASCII. So the
 * text is tokenised first, 64 bytes at a time, with SIMD compares into
 * one bit per byte and class; a trigger is what every match of a pattern
 * holds, from bit masks ("@" for an e-mail, 4 digits and 4 more for a
 * card or a CN mobile, three dots with 1-3 digits between them for an
 * IPv4 ...; a condition the pattern implies, not the pattern). Around
 * each trigger a window extends over the bytes a match can hold
 * (match_byte, "·" of a plate, and up to three non-ASCII bytes on the
 * left: a province before a plate's letter). Only the windows are
 * scanned, each match's offsets moved back into the text; a window of
 * digits alone is decided without a scan (digit_run).
 *
 * The same matches as one scan over the whole text: every match holds a
 * trigger and lies inside that trigger's window; overlapping windows are
 * merged (and near ones, to save a scan's start), so no match crosses an
 * edge; a window's edges are beside bytes no word character is, so \b
 * reads there as at the ends of the text. tests/unit/test_text.c holds
 * classify_text to classify_text_whole on random texts of these bytes. */

/* the bytes a match can hold, besides the plate's non-ASCII ones: ASCII
 * letters and digits and . _ % + - @ space : $ / , = (textdb.c); none
 * of the rest is a word character */
static const unsigned char match_byte[256] = {
    ['0' ... '9'] = 1, ['A' ... 'Z'] = 1, ['a' ... 'z'] = 1,
    ['.'] = 1, ['_'] = 1, ['%'] = 1, ['+'] = 1, ['-'] = 1, ['@'] = 1,
    [' '] = 1, [':'] = 1, ['$'] = 1, ['/'] = 1, [','] = 1, ['='] = 1,
};

#define TRIGGER_SPAN 44 /* start positions read per 64-byte block: a
                         * trigger reads up to 20 bytes ahead of its start */
#define MERGE_GAP 64    /* windows closer than this are scanned as one: a
                         * scan costs as much to start as 64 bytes of CJK */

/* The start positions a block at pos reads, left = n - pos bytes of text
 * from pos: TRIGGER_SPAN, or all 64 when the text ends within the block
 * (past its end the bytes read ahead are zeros, no class: as in the next
 * block's tail, so the last block's triggers are the next's) */
static inline size_t block_span(size_t left) { return left <= 64 ? 64 : TRIGGER_SPAN; }

static inline uint64_t span_mask(size_t span) {
  return span >= 64 ? ~0ull : (1ull << span) - 1;
}

/* one bit per byte of a 64-byte block, per class */
struct classes {
  uint64_t d, up, dot, dash, sp, colon, hi;
  uint64_t rare; /* @ $ + J: each checked on its own (trigger_confirmed) */
};

/* bit i: byte i of the 64 at p is not ASCII */
static uint64_t high_bytes(const char *p) {
#if defined(__SSE2__)
  uint64_t m = 0;
  int k;
  for (k = 0; k < 4; k++)
    m |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * k)))
         << 16 * k;
  return m;
#else
  uint64_t m = 0;
  int k;
  for (k = 0; k < 64; k++)
    m |= (uint64_t)((unsigned char)p[k] >> 7) << k;
  return m;
#endif
}

#if defined(__SSE2__)
static inline __attribute__((always_inline)) void classes_sse2(const char *p,
                                                            struct classes *c) {
  const __m128i d0 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1),
                a0 = _mm_set1_epi8('A' - 1), z9 = _mm_set1_epi8('Z' + 1),
                dot = _mm_set1_epi8('.'), dash = _mm_set1_epi8('-'),
                sp = _mm_set1_epi8(' '), colon = _mm_set1_epi8(':'),
                at = _mm_set1_epi8('@'), dollar = _mm_set1_epi8('$'),
                plus = _mm_set1_epi8('+'), j = _mm_set1_epi8('J');
  int k;
  c->d = c->up = c->dot = c->dash = c->sp = c->colon = c->rare = 0;
  for (k = 0; k < 4; k++) {
    __m128i x = _mm_loadu_si128((const __m128i *)(p + 16 * k));
    int sh = 16 * k;
#define M(e) ((uint64_t)(uint16_t)_mm_movemask_epi8(e) << sh)
    c->d |= M(_mm_and_si128(_mm_cmpgt_epi8(x, d0), _mm_cmplt_epi8(x, d9)));
    c->up |= M(_mm_and_si128(_mm_cmpgt_epi8(x, a0), _mm_cmplt_epi8(x, z9)));
    c->dot |= M(_mm_cmpeq_epi8(x, dot));
    c->dash |= M(_mm_cmpeq_epi8(x, dash));
    c->sp |= M(_mm_cmpeq_epi8(x, sp));
    c->colon |= M(_mm_cmpeq_epi8(x, colon));
    c->rare |= M(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, at), _mm_cmpeq_epi8(x, dollar)),
                              _mm_or_si128(_mm_cmpeq_epi8(x, plus), _mm_cmpeq_epi8(x, j))));
#undef M
  }
}
#endif

#if !defined(__SSE2__)
static void classes_scalar(const char *p, struct classes *c) {
  int k;
  c->d = c->up = c->dot = c->dash = c->sp = c->colon = c->rare = 0;
  for (k = 0; k < 64; k++) {
    unsigned char x = (unsigned char)p[k];
    uint64_t b = 1ull << k;
    c->d |= x >= '0' && x <= '9' ? b : 0;
    c->up |= x >= 'A' && x <= 'Z' ? b : 0;
    c->dot |= x == '.' ? b : 0;
    c->dash |= x == '-' ? b : 0;
    c->sp |= x == ' ' ? b : 0;
    c->colon |= x == ':' ? b : 0;
    c->rare |= x == '@' || x == '$' || x == '+' || x == 'J' ? b : 0;
  }
}
#endif

#ifdef TEXT_AVX2
/* classes_sse2 32 bytes a step: half the compares and masks, for the
 * cost of a call */
__attribute__((target("avx2"), noinline)) static void classes_avx2(const char *p,
                                                                  struct classes *c) {
  const __m256i x0 = _mm256_loadu_si256((const __m256i *)p),
                x1 = _mm256_loadu_si256((const __m256i *)(p + 32));
  /* bit i of the 64: byte i of x0, then of x1, is (in) [lo, hi] or is (eq) b */
#define BOTH(e) ((uint64_t)(uint32_t)_mm256_movemask_epi8(e(x0)) | \
                 (uint64_t)(uint32_t)_mm256_movemask_epi8(e(x1)) << 32)
#define IN(x, lo, hi) _mm256_and_si256(_mm256_cmpgt_epi8(x, _mm256_set1_epi8((lo) - 1)), \
                                       _mm256_cmpgt_epi8(_mm256_set1_epi8((hi) + 1), x))
#define EQ(x, b) _mm256_cmpeq_epi8(x, _mm256_set1_epi8(b))
#define DIGIT(x) IN(x, '0', '9')
#define UPPER(x) IN(x, 'A', 'Z')
#define DOT(x) EQ(x, '.')
#define DASH(x) EQ(x, '-')
#define SPACE(x) EQ(x, ' ')
#define COLON(x) EQ(x, ':')
#define RARE(x) _mm256_or_si256(_mm256_or_si256(EQ(x, '@'), EQ(x, '$')), \
                                _mm256_or_si256(EQ(x, '+'), EQ(x, 'J')))
  c->d = BOTH(DIGIT);
  c->up = BOTH(UPPER);
  c->dot = BOTH(DOT);
  c->dash = BOTH(DASH);
  c->sp = BOTH(SPACE);
  c->colon = BOTH(COLON);
  c->rare = BOTH(RARE);
#undef BOTH
#undef IN
#undef EQ
#undef DIGIT
#undef UPPER
#undef DOT
#undef DASH
#undef SPACE
#undef COLON
#undef RARE
}
#endif

/* the classes of the 64 bytes at p but hi (high_bytes) */
static inline __attribute__((always_inline)) void classes_of(const char *p,
                                                          struct classes *c) {
#ifdef TEXT_AVX2
  if (ajar_have_avx2) {
    classes_avx2(p, c);
    return;
  }
#endif
#if defined(__SSE2__)
  classes_sse2(p, c);
#else
  classes_scalar(p, c);
#endif
}

/* The triggers of the patterns of textdb.c in a block: bit i when
 * bytes i to i + 19 hold what a pattern's match holds from byte i on. Each is a condition the pattern implies; bits that
 * need a closer look (the rare bytes and the NINO's two capitals) go to
 * *check; the IPv4 pattern's are in *ipv4 too, and those of the patterns
 * of digits alone (card, Amex, CN mobile and resident id) in *num
 * (mail_ip_only). prev_hi: the byte before the block is not ASCII. */
static inline __attribute__((always_inline)) uint64_t
triggers(const struct classes *c, int prev_hi, uint64_t *check, uint64_t *ipv4,
         uint64_t *num) {
  uint64_t d = c->d, up = c->up, dash = c->dash;
  uint64_t d2 = d & d >> 1, d4 = d2 & d2 >> 2;
  uint64_t sd = c->sp | dash, sep = c->colon | dash;
  uint64_t q = d & c->dot >> 1 & d >> 2, x = q & (q >> 2 | q >> 3 | q >> 4);
  uint64_t u = up | d, u2 = u & u >> 1, u4 = u2 & u2 >> 2, u8 = u4 & u4 >> 4;
  uint64_t t = 0;
  /* card, Amex: 4 digits, [ -]?, 4 digits; and so 11 digits in a row
   * (CN mobile) or 17 (CN resident id) */
  *num = d4 & (d4 >> 4 | (sd >> 4 & d4 >> 5));
  t |= *num;
  t |= up & up >> 1 & d2 >> 2;                   /* IBAN: two capitals, two digits */
  *ipv4 = x & (x >> 2 | x >> 3 | x >> 4);        /* IPv4: d.d{1,3}.d{1,3}.d */
  t |= sep & sep >> 3 & sep >> 6 & sep >> 9 & sep >> 12; /* MAC: 5 separators */
  t |= up & u8 & u8 >> 8 & u4 >> 16;             /* AWS key: 20 of [A-Z0-9] */
  t |= dash & dash >> 1 & dash >> 2 & dash >> 3 & dash >> 4; /* -----BEGIN */
  t |= d & d2 >> 1 & dash >> 3 & d2 >> 4 & dash >> 6 & d2 >> 7; /* SSN ddd-dd-dd */
  t |= (c->hi << 1 | (uint64_t)prev_hi) & up;    /* CN plate: a letter after a province */
  *check = c->rare | (up & up >> 1 & (d2 >> 2 | (c->sp >> 2 & d2 >> 3))); /* NINO */
  return t | *ipv4;
}

static int digit(char c) { return c >= '0' && c <= '9'; }

/* whether the check bit at v[i] is a trigger: "@" (e-mail), "$"
 * (password hash), "+" and a digit 1-9 (E.164), "eyJ" (JWT), or two
 * capitals, three pairs of digits and A-D, a space allowed before each
 * pair and the letter (UK NINO) */
static int trigger_confirmed(const char *v, size_t n, size_t i) {
  size_t j;
  int g;
  switch (v[i]) {
  case '@': case '$': return 1;
  case '+': return i + 1 < n && v[i + 1] >= '1' && v[i + 1] <= '9';
  case 'J':
    if (i >= 2 && v[i - 2] == 'e' && v[i - 1] == 'y')
      return 1;
    break;
  default: break;
  }
  if (!(i + 1 < n && v[i] >= 'A' && v[i] <= 'Z' && v[i + 1] >= 'A' && v[i + 1] <= 'Z'))
    return 0;
  for (j = i + 2, g = 0; g < 3; g++, j += 2) {
    if (j < n && v[j] == ' ')
      j++;
    if (!(j + 1 < n && digit(v[j]) && digit(v[j + 1])))
      return 0;
  }
  if (j < n && v[j] == ' ')
    j++;
  return j < n && v[j] >= 'A' && v[j] <= 'D';
}

#if defined(__SSE2__)
/* bit i: byte i of the 16 at p is a match_byte: the ranges $-%, +-:
 * (+ , - . / digits :), @-Z and a-z, and space, = and _ */
static unsigned match_bytes16(const char *p) {
  const __m128i x = _mm_loadu_si128((const __m128i *)p);
#define IN(lo, hi) _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8((lo) - 1)), \
                                 _mm_cmplt_epi8(x, _mm_set1_epi8((hi) + 1)))
  __m128i m = _mm_or_si128(_mm_or_si128(IN('$', '%'), IN('+', ':')),
                           _mm_or_si128(IN('@', 'Z'), IN('a', 'z')));
#undef IN
  m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')),
                                   _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('=')),
                                                _mm_cmpeq_epi8(x, _mm_set1_epi8('_')))));
  return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* the window around the trigger at v[p] (a byte a match can hold): the
 * match bytes on both sides, "·" (C2 B7) on the right, and up to three
 * non-ASCII bytes on the left (a province before a plate's letter) */
static void window_at(const char *v, size_t n, size_t p, size_t *a_out, size_t *b_out) {
  const unsigned char *u = (const unsigned char *)v;
  size_t a = p, b = p + 1;
  int k;
  while (a > 0 && match_byte[u[a - 1]])
    a--;
  for (k = 0; k < 3 && a > 0 && u[a - 1] >= 0x80; k++)
    a--;
  for (;;) {
#if defined(__SSE2__)
    /* a long run (base64, a log line) 16 bytes a step */
    if (b + 16 <= n) {
      unsigned stop = ~match_bytes16(v + b) & 0xFFFF;
      if (!stop) {
        b += 16;
        continue;
      }
      b += (size_t)__builtin_ctz(stop);
    }
#endif
    if (b < n && match_byte[u[b]])
      b++;
    else if (b + 1 < n && u[b] == 0xC2 && u[b + 1] == 0xB7)
      b += 2;
    else
      break;
  }
  *a_out = a;
  *b_out = b;
}

/* A window of one run of digits (after the non-ASCII bytes window_at
 * took for a province), the commonest in CJK text ("电话13812345678"):
 * of the patterns of textdb.c only four match digits alone, each only
 * the whole run (\b both sides, and no word character beside it), so
 * the run's length and first digits decide them. They are reported as
 * Vectorscan reports matches that end together: by pattern id. Returns
 * 0 when the window is not such a run. */
static int digit_run(struct text_ctx *t, size_t a, size_t b) {
  const char *v = t->v;
  size_t i, len;
  while (a < b && (unsigned char)v[a] >= 0x80)
    a++;
  for (i = a; i < b; i++)
    if (!digit(v[i]))
      return 0;
  len = b - a;
  t->base = a;
  if (len == 11 && v[a] == '1' && v[a + 1] >= '3' && v[a + 1] <= '9')
    on_match(TP_CN_MOBILE, 0, len, 0, t);
  if (len == 18 && !t->stop)
    on_match(TP_CN_RESIDENT_ID, 0, len, 0, t);
  if (len >= 13 && len <= 19 && !t->stop)
    on_match(TP_CARD, 0, len, 0, t);
  if (len == 15 && v[a] == '3' && (v[a + 1] == '4' || v[a + 1] == '7') && !t->stop)
    on_match(TP_AMEX, 0, len, 0, t);
  return 1;
}

static int word_byte(char c) {
  return digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_';
}

/* Whether the run of digits, spaces and dashes from v[i] holds fewer
 * than 11 digits: too few for a match of the patterns of digits alone
 * (a card 13 or more, Amex 15, CN mobile 11, CN resident id 17 and a
 * check byte), which hold no other byte. */
static int few_digits(const char *v, size_t n, size_t i) {
  int d = 0;
  for (; i < n && d < 11 && (digit(v[i]) || v[i] == ' ' || v[i] == '-'); i++)
    d += digit(v[i]);
  return d < 11;
}

/* Whether the only triggers in v[a, b) are an e-mail's "@", an IPv4's
 * dotted digits, and 8 digits where no pattern of digits alone can start
 * (an e-mail's local part "3996634834@qq.com"): then only those two
 * patterns can match in the window. */
static int mail_ip_only(const char *v, size_t n, size_t a, size_t b) {
  size_t pos, span;
  char tail[64];
  for (pos = a; pos < b; pos += span) {
    struct classes c;
    const char *p = v + pos;
    uint64_t check, ipv4, num, rest, in;
    if (n - pos < 64) {
      memset(tail, 0, sizeof tail);
      memcpy(tail, p, n - pos);
      p = tail;
    }
    c.hi = high_bytes(p);
    classes_of(p, &c);
    span = block_span(n - pos);
    in = b - pos < span ? (1ull << (b - pos)) - 1 : span_mask(span);
    /* a bit of *num is no other pattern's trigger: each of those wants
     * a byte other than a digit in its first four */
    rest = triggers(&c, pos && (unsigned char)v[pos - 1] >= 0x80, &check, &ipv4, &num) &
           ~ipv4 & ~num;
    if (rest & in)
      return 0;
    for (num &= in; num; num &= num - 1)
      if (!few_digits(v, n, pos + (size_t)__builtin_ctzll(num)))
        return 0;
    for (check &= in; check; check &= check - 1) {
      size_t i = pos + (size_t)__builtin_ctzll(check);
      if (v[i] != '@' && trigger_confirmed(v, n, i))
        return 0;
    }
  }
  return 1;
}

static int letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* The ends of the e-mail pattern's matches in v[a, b), in order (textdb.c:
 * a local byte, "@", a label of 1-63 [A-Za-z0-9-], ".", 2-24 letters; no
 * start of match is asked of it). A label holds no dot, so an "@" has
 * one label and one dot, and its matches end 2 to 24 letters past it;
 * the ends of the next "@" lie past them. */
struct mail_ends {
  const char *v;
  size_t a, b, at; /* the window; where the next "@" is looked for */
  size_t end, last; /* the current end; the last of its "@" */
};

static int next_mail_end(struct mail_ends *m) {
  const char *v = m->v;
  if (m->end < m->last) {
    m->end++;
    return 1;
  }
  while (m->at < m->b) {
    const char *q = memchr(v + m->at, '@', m->b - m->at);
    size_t k, j, dot, tld;
    if (!q)
      break;
    k = (size_t)(q - v);
    m->at = k + 1;
    if (k == m->a || !(word_byte(v[k - 1]) || v[k - 1] == '.' || v[k - 1] == '%' ||
                       v[k - 1] == '+' || v[k - 1] == '-'))
      continue;
    for (j = k + 1; j < m->b && (letter(v[j]) || digit(v[j]) || v[j] == '-'); j++)
      ;
    if (j == k + 1 || j - k - 1 > 63 || j >= m->b || v[j] != '.')
      continue;
    dot = j;
    for (tld = 0; dot + 1 + tld < m->b && tld < 24 && letter(v[dot + 1 + tld]); tld++)
      ;
    if (tld < 2)
      continue;
    m->end = dot + 3;
    m->last = dot + 1 + tld;
    return 1;
  }
  return 0;
}

/* The ends of the IPv4 pattern's matches in v[a, b), in order (textdb.c:
 * 4 runs of 1-3 digits joined by single dots, no word byte before the
 * first or after the last), each with its leftmost start: the runs are
 * read one after another, those of a chain kept. */
struct ip_ends {
  const char *v;
  size_t a, b, i;  /* the window; the next byte to read */
  size_t run[4];   /* the starts of the chain's last 4 runs */
  size_t runs, prev_end; /* the chain's length; where its last run ends */
  size_t from, end;
};

/* the first digit of v[i, b), or b: 16 bytes a step (a log line's words
 * and an e-mail's letters before its IPv4) */
static size_t next_digit(const char *v, size_t i, size_t b) {
#if defined(__SSE2__)
  const __m128i lo = _mm_set1_epi8('0' - 1), hi = _mm_set1_epi8('9' + 1);
  for (; i + 16 <= b; i += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(v + i));
    unsigned m = (unsigned)_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpgt_epi8(x, lo), _mm_cmplt_epi8(x, hi)));
    if (m)
      return i + (size_t)__builtin_ctz(m);
  }
#endif
  while (i < b && !digit(v[i]))
    i++;
  return i;
}

static int next_ip_end(struct ip_ends *p) {
  const char *v = p->v;
  size_t i = p->i;
  while ((i = next_digit(v, i, p->b)) < p->b) {
    size_t r, e;
    for (r = i, e = i; e < p->b && digit(v[e]); e++)
      ;
    i = e;
    if (e - r > 3) {
      p->runs = 0;
      continue;
    }
    if (p->runs && p->prev_end + 1 == r && v[p->prev_end] == '.')
      p->runs++;
    else
      p->runs = r == p->a || !word_byte(v[r - 1]);
    if (!p->runs)
      continue;
    p->run[(p->runs - 1) & 3] = r;
    p->prev_end = e;
    if (p->runs >= 4 && (e == p->b || !word_byte(v[e]))) {
      p->from = p->run[(p->runs - 4) & 3];
      p->end = e;
      p->i = i;
      return 1;
    }
  }
  p->i = i;
  return 0;
}

/* A window whose only triggers are e-mails' and IPv4s' (a log line's "mail
 * sent to li@163.com from 10.0.0.7") is decided without a scan: the
 * matches of both patterns, found as above, go to on_match in the order
 * Vectorscan reports them, by end (an e-mail ends in a letter, an IPv4 in
 * a digit: never together). Returns 0 when the window holds other
 * triggers: only those from v[first] on are looked at, the first. */
static int mail_ip_run(struct text_ctx *t, size_t a, size_t b, size_t first) {
  struct mail_ends m = {t->v, a, b, a, 0, 0};
  struct ip_ends p = {t->v, a, b, a, {0}, 0, 0, 0, 0};
  int mail, ip;
  if (!mail_ip_only(t->v, t->n, first, b))
    return 0;
  t->base = a;
  mail = next_mail_end(&m);
  ip = next_ip_end(&p);
  while ((mail || ip) && !t->stop) {
    if (mail && (!ip || m.end < p.end)) {
      on_match(TP_EMAIL, 0, m.end - a, 0, t);
      mail = next_mail_end(&m);
    } else {
      on_match(TP_IPV4, p.from - a, p.end - a, 0, t);
      ip = next_ip_end(&p);
    }
  }
  return 1;
}

/* the window v[a, b), whose first trigger is at v[first]: no trigger
 * starts in v[a, first), scan_windows read those positions */
static void scan_window(const struct ajar_db *db, struct ajar_scratch *s,
                        struct text_ctx *t, size_t a, size_t b, size_t first) {
  if (digit_run(t, a, b) || mail_ip_run(t, a, b, first))
    return;
  t->base = a;
  hs_scan(db->text, t->v + a, (unsigned)(b - a), 0, s->hs, on_match, t);
}

/* Vectorscan over the windows of t's text, in order */
static void scan_windows(const struct ajar_db *db, struct ajar_scratch *s,
                         struct text_ctx *t) {
  const char *v = t->v;
  size_t n = t->n, pos = 0, wa = 0, wb = 0, wt = 0, span;
  int have = 0;
  char tail[64];
  while (pos < n && !t->stop) {
    struct classes c;
    const char *p = v + pos;
    uint64_t live, ascii, trig, check, cand, ipv4, num;
    size_t a, b;
    int j = 0;
    if (n - pos < 64) {
      memset(tail, 0, sizeof tail);
      memcpy(tail, p, n - pos);
      p = tail;
      live = (1ull << (n - pos)) - 1;
    } else {
      live = ~0ull;
    }
    /* CJK text: on to the next ASCII byte, where a trigger can be */
    c.hi = high_bytes(p);
    ascii = ~c.hi & live;
    if (!ascii || __builtin_ctzll(ascii) >= TRIGGER_SPAN) {
      pos += ascii ? (size_t)__builtin_ctzll(ascii) : 64;
      continue;
    }
    span = block_span(n - pos);
    classes_of(p, &c);
    trig = triggers(&c, pos && (unsigned char)v[pos - 1] >= 0x80, &check, &ipv4, &num);
    cand = (trig | check) & span_mask(span);
    for (; cand; cand &= cand - 1) {
      j = __builtin_ctzll(cand);
      if ((trig >> j & 1) || trigger_confirmed(v, n, pos + (size_t)j))
        break;
    }
    if (!cand) {
      pos += span;
      continue;
    }
    window_at(v, n, pos + (size_t)j, &a, &b);
    if (have && a <= wb + MERGE_GAP) {
      if (a < wa)
        wa = a;
      if (b > wb)
        wb = b;
    } else {
      if (have)
        scan_window(db, s, t, wa, wb, wt);
      wa = a, wb = b, wt = pos + (size_t)j, have = 1;
    }
    pos = b;
  }
  if (have && !t->stop)
    scan_window(db, s, t, wa, wb, wt);
}

static void text_run(const struct ajar_db *db, struct ajar_scratch *s, uint32_t hints,
                     const char *v, size_t n, candidate_fn fn, void *ctx, int whole) {
  struct text_ctx t;
  /* zeroed: the slots of the patterns there are, not the whole array */
  memset(t.last_end, 0, ajar_text_pattern_count * sizeof t.last_end[0]);
  t.stop = 0;
  t.spots = 0;
  t.v = v;
  t.n = n;
  t.base = 0;
  t.hints = hints;
  t.fn = fn;
  t.ctx = ctx;
  if (whole)
    hs_scan(db->text, v, (unsigned)n, 0, s->hs, on_match, &t);
  else
    scan_windows(db, s, &t);
  if (t.spots && !t.stop)
    announced_phones(&t);
}

void classify_text(const struct ajar_db *db, struct ajar_scratch *s,
                   uint32_t hints, const char *v, size_t n, candidate_fn fn,
                   void *ctx) {
  text_run(db, s, hints, v, n, fn, ctx, 0);
}

void classify_text_whole(const struct ajar_db *db, struct ajar_scratch *s,
                         uint32_t hints, const char *v, size_t n, candidate_fn fn,
                         void *ctx) {
  text_run(db, s, hints, v, n, fn, ctx, 1);
}
