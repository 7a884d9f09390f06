/* Whole-value classification: one pass over the bytes computes the
 * value's shape, then only the detectors that fit that shape run.
 *
 * Hand-written on purpose: a value is a few bytes to a few hundred, and
 * a dispatch on its shape costs less than one call into a regex engine.
 * Free text (values with spaces) goes to the Vectorscan database in
 * text.c instead. The pieces, one file per kind of value (value.h):
 * value_date.c, value_number.c, value_token.c, value_person.c.
 */
#include <emmintrin.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "classify.h"
#include "shape.h"
#include "validators.h"
#include "value.h"

/* whether the n bytes of v are those of lower (lowercase ASCII) but for
 * the case of v's letters */
static int ascii_caseeq(const char *v, const char *lower, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)v[i];
    if ((unsigned)(c - 'A') < 26u)
      c |= 0x20;
    if (c != (unsigned char)lower[i])
      return 0;
  }
  return 1;
}

/* The placeholders, decided by their first byte and their length before
 * any byte compare: "n/a", "na", "null", "none", "nil", "-", "--",
 * "unknown", "undefined", "0", "***", "******", "redacted",
 * "[redacted]", "xxx", "?", 无, 未知, in any case. A value that starts
 * as one and is longer ("0.3637", "-12.5", "null_ok") is decided by
 * two compares; a list walk cost every float and negative number some
 * fifty instructions. tests/unit/test_shape.c holds it to the list. */
int value_is_empty(const char *v, size_t n) {
  /* most values are long or start with a byte no placeholder has */
  if (!value_may_be_empty(v, n))
    return 0;
  if (n > 16 && v[0] != ' ' && v[0] != '\t')
    return 0;
  if (n && ((unsigned char)v[0] <= ' ' || (unsigned char)v[n - 1] <= ' ')) {
    while (n && (v[0] == ' ' || v[0] == '\t')) v++, n--;
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
  }
  if (n == 0)
    return 1;
  switch (v[0]) {
  case '0':
  case '?':
    return n == 1;
  case '-':
    return n == 1 || (n == 2 && v[1] == '-');
  case '*':
    return (n == 3 && !memcmp(v, "***", 3)) || (n == 6 && !memcmp(v, "******", 6));
  case 'x':
  case 'X':
    return n == 3 && ascii_caseeq(v, "xxx", 3);
  case 'r':
  case 'R':
    return n == 8 && ascii_caseeq(v, "redacted", 8);
  case '[':
    return n == 10 && ascii_caseeq(v, "[redacted]", 10);
  case 'u':
  case 'U':
    return (n == 7 && ascii_caseeq(v, "unknown", 7)) ||
           (n == 9 && ascii_caseeq(v, "undefined", 9));
  case 'n':
  case 'N':
    return (n == 2 && ascii_caseeq(v, "na", 2)) ||
           (n == 3 && (ascii_caseeq(v, "n/a", 3) || ascii_caseeq(v, "nil", 3))) ||
           (n == 4 && (ascii_caseeq(v, "null", 4) || ascii_caseeq(v, "none", 4)));
  case '\xe6': /* 无, 未知: CJK names often begin with this byte too */
    return (n == 3 && !memcmp(v, "无", 3)) || (n == 6 && !memcmp(v, "未知", 6));
  default:
    return 0;
  }
}

/* whether v holds a digit or '@', 16 bytes at a time */
static int has_digit_or_at(const char *v, size_t n) {
  const __m128i lo = _mm_set1_epi8('0' - 1), hi = _mm_set1_epi8('9' + 1),
                at = _mm_set1_epi8('@');
  size_t i = 0;
  if (ajar_have_avx2 && n >= 64) {
    if (digit_or_at_avx2(v, n))
      return 1;
    i = n - n % 32;
  }
  for (; i + 16 <= n; i += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(v + i));
    __m128i d = _mm_and_si128(_mm_cmpgt_epi8(x, lo), _mm_cmplt_epi8(x, hi));
    if (_mm_movemask_epi8(_mm_or_si128(d, _mm_cmpeq_epi8(x, at))))
      return 1;
  }
  for (; i < n; i++)
    if ((v[i] >= '0' && v[i] <= '9') || v[i] == '@')
      return 1;
  return 0;
}

/* free text: handed to Vectorscan only when it holds a digit or an '@' */
static unsigned scalar_text(const struct ajar_db *db, struct ajar_scratch *s,
                            struct emit_ctx *e, const char *v, size_t n) {
  unsigned sig = 0;
  int digit_or_at = has_digit_or_at(v, n);
  /* a blob in base64 holds nothing the patterns find, mostly */
  if (digit_or_at && b64_text_may_match(v, n))
    classify_text(db, s, e->hints, v, n, e->fn, e->ctx);
  if (e->hints & AJAR_H_HEALTH)
    EMITE(DET_HEALTH, 0);
  if ((e->hints & AJAR_H_ADDRESS) && n < 300)
    EMITE(DET_ADDRESS, 0);
  /* a long address on one line: "Via Desio, 8 Appartamento 7, 42030,
   * Viano (RE)", "東京都清瀬市外国府間19丁目8番7号" */
  if (digit_or_at && n < 200 && !memchr(v, '\n', n)) {
    size_t digits, seps;
    unsigned mask = value_shape(v, n, &digits, &seps);
    if (digits && looks_address(v, n, mask))
      EMITE(DET_ADDRESS, 1);
  }
  if ((e->hints & (AJAR_H_PHOTO | AJAR_H_FACE)) && is_base64_image(v, n))
    EMITE(DET_FACE_IMAGE, 1);
  return sig;
}

/* Whether a value of a camera, checkpoint or site field can name a site or
 * a device: six bytes or more, or three letters in a row (CAM01, Gate 3,
 * 东门卡口, 192.168.1.7). A room, ward or bed number (437, C-7, B-27)
 * places a person inside a building, not on a route; such a field makes a
 * place only beside what a sensor captures (collection_finish.c). */
static int names_site(const char *v, size_t n) {
  size_t i, run = 0;
  if (n >= 6)
    return 1;
  for (i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)v[i];
    run = (ch >= 0x80 || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z')) ? run + 1 : 0;
    if (run >= 3)
      return 1;
  }
  return 0;
}

/* A value without the blanks around it: spaces and tabs before, and
 * spaces, tabs and line ends after. Returns the new length. */
static inline size_t trim_blanks(const char **v, size_t n) {
  const char *p = *v;
  /* most values: a first and a last byte above ' ', nothing to trim;
   * decided by two compares, not by the loops' four or six */
  if (n && (unsigned char)p[0] > ' ' && (unsigned char)p[n - 1] > ' ')
    return n;
  while (n && (p[0] == ' ' || p[0] == '\t')) p++, n--;
  while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\n' ||
               p[n - 1] == '\r'))
    n--;
  *v = p;
  return n;
}

unsigned classify_time_place(uint32_t hints, enum value_kind kind, const char *v,
                             size_t n) {
  if (kind == VK_NULL)
    return 0;
  if (kind == VK_BOOL)
    return SIG_BOOL;
  n = trim_blanks(&v, n);
  if (n == 0)
    return 0;
  return (hints & AJAR_H_TIME ? SIG_TIME : 0) |
         (hints & AJAR_H_PLACE && names_site(v, n) ? SIG_PLACE : 0);
}

/* The hints under which a check after the e-mail's can still find
 * something in a valid e-mail: a name of words (scalar_words reads the
 * value then), a secret or a person's name (the checks below), a
 * passport or a plate (scalar_token strips the '@' among the separators
 * of an id), a photo (an image's base64 prefix is an e-mail's local
 * part). tests/unit/test_email.c holds the early exit to every check in
 * turn, under each hint. */
#define EMAIL_LATER_HINTS                                                      \
  (AJAR_H_NAME | AJAR_H_PERSON | AJAR_H_ADDRESS | AJAR_H_PLATE | AJAR_H_ETHNICITY | \
   AJAR_H_RELIGION | AJAR_H_POLITICAL | AJAR_H_HEALTH | AJAR_H_GENDER |         \
   AJAR_H_DEMOGRAPHIC | AJAR_H_FACE_ATTR | AJAR_H_SECRET | AJAR_H_PASSPORT |    \
   AJAR_H_PHOTO | AJAR_H_FACE)

/* the bytes of printed phones, ids and dates */
#define PUNCT_DIGITS (C_DIGIT | C_SPACE | C_DASH | C_DOT | C_PAREN | C_PLUS)

/* The ways of classify_scalar, by the value's kind and its field: each a
 * function of its own, so that a number or a boolean does not pay for
 * the frame a string's checks need. */

/* a boolean: a face attribute ("glasses": true), else its signal only */
__attribute__((noinline))
static unsigned scalar_bool(uint32_t hints, size_t n, candidate_fn fn, void *ctx) {
  struct emit_ctx ec = {hints, fn, ctx, 0, 0}, *e = &ec;
  unsigned sig = 0;
  if (hints & AJAR_H_FACE_ATTR)
    EMITE(DET_FACE_ATTRIBUTES, 1);
  return SIG_BOOL;
}

/* a field named for what is never personal data (a content hash, a
 * request id): only a secret that announces itself, whatever its field
 * ("pass_hash") */
__attribute__((noinline))
static unsigned scalar_negative(uint32_t hints, enum value_kind kind, const char *v,
                                size_t n, candidate_fn fn, void *ctx) {
  struct emit_ctx ec = {hints, fn, ctx, 0, 0}, *e = &ec;
  unsigned sig = 0;
  if (n >= 20 && kind == VK_STRING) {
    if (is_password_hash(v, n)) EMITE(DET_PASSWORD_HASH, 1);
    if (is_aws_key(v, n)) EMITE(DET_AWS_KEY, 1);
    if (is_jwt(v, n)) EMITE(DET_JWT, 1);
  }
  return sig;
}

/* the blanks around a value trimmed, its field's name and its length
 * looked at: 0 when that decides it, its signals in *sig; 1 when its
 * bytes are to be looked at (the first *n of them, from *v) */
static inline int scalar_first_look(uint32_t hints, enum value_kind kind,
                                    const char **v, size_t *n, candidate_fn fn,
                                    void *ctx, unsigned *sig) {
  *sig = 0;
  *n = trim_blanks(v, *n);
  if (*n == 0)
    return 0;
  if (hints & AJAR_H_NEGATIVE) {
    *sig = scalar_negative(hints, kind, *v, *n, fn, ctx);
    return 0;
  }
  /* a time or a camera/checkpoint field holds no personal data itself */
  if (hints_time_place_only(hints)) {
    *sig = classify_time_place(hints, kind, *v, *n);
    return 0;
  }
  if (*n > AJAR_MAX_VALUE_SCAN)
    *n = AJAR_MAX_VALUE_SCAN;
  return 1;
}

/* a number (value_number.c) */
static inline __attribute__((always_inline)) unsigned
number_as(uint32_t hints, const char *v, size_t n, candidate_fn fn, void *ctx) {
  struct emit_ctx ec = {hints, fn, ctx, 0, 0};
  unsigned sig;
  if (!scalar_first_look(hints, VK_NUMBER, &v, &n, fn, ctx, &sig))
    return sig;
  return scalar_number(&ec, v, n);
}
unsigned classify_number(uint32_t hints, const char *v, size_t n, candidate_fn fn,
                         void *ctx) {
  return number_as(hints, v, n, fn, ctx);
}
void classify_number_to(struct value_sink *k, uint32_t hints, const char *v, size_t n) {
  unsigned sig = number_as(hints, v, n, k->e.fn, k->e.ctx);
  if (sig)
    k->signals(k->e.ctx, sig);
}

/* A string. With `route`, a value made of digits and
 * PUNCT_DIGITS alone (most values of numeric columns) skips the checks
 * that need a byte it has none of ('$', '@', a letter), and the
 * password-hash check needs a '$': classify_scalar_general takes every
 * check in turn, and tests/unit/test_scalar.c holds the two to the same
 * candidates and signals. */
static inline __attribute__((always_inline)) unsigned
scalar_string_as(struct value_sink *k, const char *v, size_t n, int route) {
  struct emit_ctx *e = &k->e;
  const uint32_t hints = e->hints;
  unsigned sig = 0, mask;
  size_t digits, seps; /* value_shape sets both */
  int has_time, year, punct;

  if (!scalar_first_look(hints, VK_STRING, &v, &n, e->fn, e->ctx, &sig))
    return sig;
  /* free text: long, with spaces; decided without a byte loop */
  if (n > 48 && (n > 512 || memchr(v, ' ', n) || memchr(v, '\n', n)))
    return sig | scalar_text(k->db, k->s, e, v, n);
  mask = value_shape(v, n, &digits, &seps);
  if (mask & C_NL) {
    if (mask & (C_DIGIT | C_AT))
      classify_text(k->db, k->s, hints, v, n, e->fn, e->ctx);
    return sig;
  }
  punct = digits && !(mask & ~PUNCT_DIGITS);

  /* time-ish values: profiles, and birth dates */
  if (digits >= 6 && (mask & (C_DASH | C_SLASH | C_DOT)) && n >= 8 && n <= 35 &&
      date_shape_may(mask, n) && looks_date_y(v, n, &has_time, &year)) {
    if (has_time || (hints & AJAR_H_TIME))
      sig |= SIG_TIME;
    return has_time ? sig : sig | birth_date(e, n, year);
  }
  if ((mask & C_HIGH) && digits >= 5 && n <= 24 && looks_date_cjk(v, n, &year))
    return sig | (hints & AJAR_H_TIME ? SIG_TIME : 0) | birth_date(e, n, year);
  if ((mask & C_HIGH) && (mask & C_SPACE) && digits >= 7 && n <= 48 &&
      looks_datetime_cjk(v, n, &year))
    return sig | SIG_TIME;
  if (hints & AJAR_H_TIME) {
    sig |= SIG_TIME;
    if (!(hints & ~(AJAR_H_TIME | AJAR_H_PLACE)))
      return sig;
  }

  /* an ABO group with its Rh sign, or 型/형 (validated: O or AB); a
   * group holds one digit at most (the 0 for O), so a number starting
   * with 0 ("0.3637", "0711 ...") is none without a look at its bytes
   * (tests/unit/test_scalar.c holds blood_group to that) */
  if (!hints && n <= 16 && digits <= 1 && (v[0] == 'A' || v[0] == 'B' || v[0] == 'O' || v[0] == '0' ||
                            v[0] == 'a' || v[0] == 'b' || v[0] == 'o')) {
    int g = blood_group(v, n);
    if (g)
      EMITE(DET_BLOOD_GROUP, g == 2);
  }
  if (route && punct)
    return punct_digits_quiet(hints, mask, digits, seps)
               ? sig
               : sig | scalar_punct_digits(e, v, n, mask, seps);
  if ((!route || (mask & C_DOLLAR)) && is_password_hash(v, n))
    EMITE(DET_PASSWORD_HASH, 1);
  if ((mask & C_AT) && !(mask & C_SPACE) && ajar_valid_email_shaped(v, n, mask)) {
    EMITE(DET_EMAIL, 1);
    /* an e-mail (one '@', ASCII letters, digits and . - _ % + alone, a
     * last label of letters) is nothing else under no name of
     * EMAIL_LATER_HINTS: no phone extension (it ends with a letter),
     * no token of scalar_token, no word of scalar_words */
    if (route && !(hints & EMAIL_LATER_HINTS))
      return sig;
  }

  /* a phone with an extension: "001-415-555-2671x123" */
  if (digits >= 7 && (mask & (C_LOWER | C_UPPER | C_OTHER)) && !(mask & C_HIGH)) {
    size_t cut = phone_ext_cut(v, n), d2, s2;
    if (cut < n) {
      unsigned m2 = value_shape(v, cut, &d2, &s2);
      if (!(m2 & ~PUNCT_DIGITS))
        return sig | scalar_punct_digits(e, v, cut, m2, s2);
    }
  }
  if (punct)
    return sig | scalar_punct_digits(e, v, n, mask, seps);

  /* a short note with a contact inside ("mail to li@163.com now", "call
   * 13812345678 today"): words beside an '@' or seven digits go to the
   * free-text patterns as a long text's do (docs/performance.md) */
  if ((mask & C_SPACE) && (mask & (C_UPPER | C_LOWER | C_HIGH)) &&
      ((mask & C_AT) || digits >= 7))
    classify_text(k->db, k->s, hints, v, n, e->fn, e->ctx);

  if (!(mask & C_HIGH)) {
    sig |= scalar_token(e, v, n, mask, digits, seps);
    if (e->stop)
      return sig;
  }
  if (mask & (C_HIGH | C_UPPER | C_LOWER)) {
    sig |= scalar_words(e, v, n, mask, digits);
    if (e->stop)
      return sig;
  }
  if ((hints & AJAR_H_SECRET) && !is_placeholder_secret(v, n) &&
      !value_is_empty(v, n))
    EMITE(DET_PASSWORD, 0);
  if ((hints & AJAR_H_NAME) && !(mask & C_HIGH) && name_shaped(v, n, mask) &&
      (mask & (C_UPPER | C_LOWER)))
    EMITE(DET_PERSON_NAME, 0);
  return sig;
}

unsigned classify_string(const struct ajar_db *db, struct ajar_scratch *s,
                         uint32_t hints, const char *v, size_t n, candidate_fn fn,
                         void *ctx) {
  struct value_sink k = {{hints, fn, ctx, 0, 0}, db, s, NULL};
  return scalar_string_as(&k, v, n, 1);
}
/* the emit context is the sink's own: its callback and context set once,
 * the value's hints and a clear `seen` and `stop` stored, not a context
 * built on the stack from the sink's fields for every value */
void classify_string_to(struct value_sink *k, uint32_t hints, const char *v, size_t n) {
  unsigned sig;
  k->e.hints = hints;
  k->e.seen = 0;
  k->e.stop = 0;
  sig = scalar_string_as(k, v, n, 1);
  if (sig)
    k->signals(k->e.ctx, sig);
}
__attribute__((noinline))
static unsigned scalar_string_general(const struct ajar_db *db, struct ajar_scratch *s,
                                      uint32_t hints, const char *v, size_t n,
                                      candidate_fn fn, void *ctx) {
  struct value_sink k = {{hints, fn, ctx, 0, 0}, db, s, NULL};
  return scalar_string_as(&k, v, n, 0);
}

/* classify_scalar: the value's way chosen by its kind with no frame,
 * every call a jump (what most values get decided on comes first) */
static inline __attribute__((always_inline)) unsigned
classify_scalar_as(const struct ajar_db *db, struct ajar_scratch *s, uint32_t hints,
                   enum value_kind kind, const char *v, size_t n, candidate_fn fn,
                   void *ctx, int route) {
  if (classify_scalar_nothing(hints, kind, n))
    return 0;
  if (kind == VK_NUMBER)
    return classify_number(hints, v, n, fn, ctx);
  if (kind == VK_BOOL)
    return scalar_bool(hints, n, fn, ctx);
  return route ? classify_string(db, s, hints, v, n, fn, ctx)
               : scalar_string_general(db, s, hints, v, n, fn, ctx);
}

unsigned classify_scalar_general(const struct ajar_db *db, struct ajar_scratch *s,
                                 uint32_t hints, enum value_kind kind,
                                 const char *v, size_t n, candidate_fn fn,
                                 void *ctx) {
  return classify_scalar_as(db, s, hints, kind, v, n, fn, ctx, 0);
}

unsigned classify_scalar(const struct ajar_db *db, struct ajar_scratch *s,
                         uint32_t hints, enum value_kind kind,
                         const char *v, size_t n, candidate_fn fn, void *ctx) {
  return classify_scalar_as(db, s, hints, kind, v, n, fn, ctx, 1);
}

/* first, second and absmax are read only at the counts of
 * numarray_wants_values (classify.h): a walker parses them only then */
void classify_numarray(uint32_t hints, size_t count, double first,
                       double second, double absmax, candidate_fn fn,
                       void *ctx) {
  struct candidate c = {0, 1, 0, 0, 0};
  if (hints & AJAR_H_NEGATIVE)
    return;
  if (count == 2 && fabs(first) <= 180 && fabs(second) <= 90 &&
      (hints & AJAR_H_LOCATION)) {
    c.det = DET_GEO_POINT;
    fn(ctx, &c);
    return;
  }
  if ((count == 128 || count == 256 || count == 512 || count == 1024) &&
      absmax <= 1e4 && (hints & (AJAR_H_EMBEDDING | AJAR_H_FACE))) {
    c.det = DET_FACE_EMBEDDING;
    fn(ctx, &c);
  } else if (!hints && (count == 128 || count == 256 || count == 512) &&
             absmax <= 1e4 && fabs(first) < 1 && fabs(second) < 1 && first != second) {
    /* under a name that says nothing: a vector as wide as a face model's
     * (FaceNet 128, ArcFace 512) that starts unit-scale (the walker
     * parses the first two elements); collection_finish.c wants it in
     * every record */
    c.det = DET_FACE_EMBEDDING;
    fn(ctx, &c);
  }
}
