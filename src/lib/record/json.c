/* JSON record walker: one pass over a record that hands every scalar to
 * its field, with no DOM.
 *
 * Hand-written because no Debian JSON library walks a record with field
 * paths at memory speed: jansson and cJSON build a tree first (42 and
 * 165 MB/s here). Strings are skipped 16 bytes at a time with SSE2;
 * arrays of numbers (embeddings, [lon, lat]) are one value.
 */
#include <stdlib.h>
#include <string.h>
#include <tmmintrin.h>
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif
#include "record/walker.h"
#include "classify/classify.h" /* parse_double, plain_decimal */
#include "classify/shape.h"

/* JSON_WALK_REFERENCE (test_json.c builds this file again with it) turns
 * every vector path off: the byte loops they must agree with remain. */
#ifdef JSON_WALK_REFERENCE
#define FAST_PATHS 0
#else
#define FAST_PATHS 1
#endif

/* the sink is copied in: its calls read the walker, not one more pointer */
struct walker {
  struct rec_sink k;
  const char *end;
  int depth;
};

static int is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

/* White space, 16 or 32 bytes a step: each byte looks up the white
 * space byte of its low nibble (pshufb; ' ' '\t' '\n' '\r' have low
 * nibbles 0, 9, A, D, the other entries 0x80, which no ASCII byte is; a
 * byte with its high bit set looks up 0) and is white space when it
 * finds itself: one lookup and one compare, not four compares. */
#define WS_LUT ' ', -128, -128, -128, -128, -128, -128, -128, -128, '\t', '\n', \
               -128, -128, '\r', -128, -128

/* a run of white space (pretty-printed JSON: a newline and the indent) */
__attribute__((noinline)) static const char *skip_ws_run(const char *p,
                                                         const char *end) {
  const __m128i lut = _mm_setr_epi8(WS_LUT);
  while (end - p >= 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_shuffle_epi8(lut, v), v));
    if (m != 0xFFFF)
      return p + __builtin_ctz(~m);
    p += 16;
  }
  while (p < end && is_ws(*p))
    p++;
  return p;
}

#if defined(__x86_64__) && defined(__GNUC__)
/* the same, 32 bytes a step */
__attribute__((noinline, target("avx2"))) static const char *
skip_ws_run_avx2(const char *p, const char *end) {
  const __m256i lut = _mm256_setr_epi8(WS_LUT, WS_LUT);
  while (end - p >= 32) {
    __m256i v = _mm256_loadu_si256((const __m256i *)p);
    unsigned m = (unsigned)_mm256_movemask_epi8(
        _mm256_cmpeq_epi8(_mm256_shuffle_epi8(lut, v), v));
    if (m != 0xFFFFFFFFu)
      return p + __builtin_ctz(~m);
    p += 32;
  }
  while (p < end && is_ws(*p))
    p++;
  return p;
}
#else
#define skip_ws_run_avx2 skip_ws_run
#endif

static inline __attribute__((always_inline)) const char *skip_ws(const char *p,
                                                                 const char *end) {
  if (p >= end) /* a record's end: no run to skip (and no call) */
    return p;
  if ((unsigned char)*p > ' ') /* compact JSON: no white space */
    return p;
  if (!FAST_PATHS) {
    while (p < end && is_ws(*p))
      p++;
    return p;
  }
  if (*p == ' ' && end - p >= 2 && (unsigned char)p[1] > ' ') /* "key": value */
    return p + 1;
  /* Pretty-printed: a newline and an indent (spaces or tabs, after a
   * '\r' or not), up to 32 bytes in two loads, each byte tested as
   * skip_ws_run tests it, with no call */
  if (end - p >= 32) {
    const __m128i lut = _mm_setr_epi8(WS_LUT);
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_shuffle_epi8(lut, v), v));
    if (m != 0xFFFF)
      return p + __builtin_ctz(~m);
    v = _mm_loadu_si128((const __m128i *)(p + 16));
    m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_shuffle_epi8(lut, v), v));
    if (m != 0xFFFF)
      return p + 16 + __builtin_ctz(~m);
    p += 32;
  }
  return ajar_have_avx2 ? skip_ws_run_avx2(p, end) : skip_ws_run(p, end);
}

/* p is just past the opening quote; returns the closing quote or NULL */
static const char *string_end(const char *p, const char *end, int *esc) {
  const __m128i q = _mm_set1_epi8('"'), b = _mm_set1_epi8('\\');
  for (;;) {
    if (!FAST_PATHS)
      goto bytes;
    /* past 16 bytes a string is long (free text): 32 bytes a step */
    if (p + 16 <= end) {
      __m128i v = _mm_loadu_si128((const __m128i *)p);
      unsigned m = (unsigned)_mm_movemask_epi8(
          _mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, b)));
      if (m) {
        p += __builtin_ctz(m);
        goto found;
      }
      p += 16;
      if (ajar_have_avx2) {
        p = quote_or_escape_avx2(p, end);
        /* its stop, read once (when it found none, the byte it stops at
         * is the first not looked at, and the one to look at) */
        if (p < end && (*p == '"' || *p == '\\'))
          goto found;
      }
    }
    while (p + 16 <= end) {
      __m128i v = _mm_loadu_si128((const __m128i *)p);
      unsigned m = (unsigned)_mm_movemask_epi8(
          _mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, b)));
      if (m) {
        p += __builtin_ctz(m);
        break;
      }
      p += 16;
    }
  bytes:
    while (p < end && *p != '"' && *p != '\\')
      p++;
  found:
    if (p >= end)
      return NULL;
    if (*p == '"')
      return p;
    *esc = 1;
    p += 2; /* skip the escaped character */
    if (p > end)
      return NULL;
  }
}

/* The closing quote of a string at p (just past its opening quote) when
 * it is among the next 16 bytes with no backslash before it (most keys and
 * values): one load, near end a page-safe one with the lanes past end
 * cleared (shape_load_part), so no byte loop runs at a record's end; among
 * the next 32, a second load; else string_end. Results are string_end's
 * (test_json.c). */
static inline __attribute__((always_inline)) const char *
string_end_short(const char *p, const char *end, int *esc) {
  const __m128i q = _mm_set1_epi8('"'), b = _mm_set1_epi8('\\');
  __m128i v;
  unsigned m;
  if (!FAST_PATHS)
    return string_end(p, end, esc);
  if (end - p >= 16)
    v = _mm_loadu_si128((const __m128i *)p);
  else if (p < end)
    v = shape_load_part(p, (size_t)(end - p));
  else
    return NULL;
  m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, b)));
  if (m) {
    const char *c = p + __builtin_ctz(m);
    return *c == '"' ? c : string_end(c, end, esc);
  }
  if (end - p <= 16)
    return NULL;
  /* 16 to 31 bytes (a date, an e-mail address): a second load, no call */
  if (end - p >= 32) {
    v = _mm_loadu_si128((const __m128i *)(p + 16));
    m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, b)));
    if (m) {
      const char *c = p + 16 + __builtin_ctz(m);
      return *c == '"' ? c : string_end(c, end, esc);
    }
    return string_end(p + 32, end, esc);
  }
  return string_end(p + 16, end, esc);
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static size_t put_utf8(char *o, unsigned cp) {
  if (cp < 0x80) { o[0] = (char)cp; return 1; }
  if (cp < 0x800) {
    o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

static unsigned hex4(const char *p) {
  int a = hexval(p[0]), b = hexval(p[1]), c = hexval(p[2]), d = hexval(p[3]);
  if ((a | b | c | d) < 0) return 0xFFFD;
  return (unsigned)(a << 12 | b << 8 | c << 4 | d);
}

/* Decode escapes of [p, q) into out (cap bytes, truncating). */
static size_t unescape(const char *p, const char *q, char *out, size_t cap) {
  size_t k = 0;
  while (p < q && k + 4 < cap) {
    if (*p != '\\') { out[k++] = *p++; continue; }
    if (p + 1 >= q) break;
    switch (p[1]) {
    case 'n': out[k++] = '\n'; p += 2; break;
    case 't': out[k++] = '\t'; p += 2; break;
    case 'r': out[k++] = '\r'; p += 2; break;
    case 'b': case 'f': out[k++] = ' '; p += 2; break;
    case 'u': {
      unsigned cp;
      if (p + 6 > q) { p = q; break; }
      cp = hex4(p + 2);
      p += 6;
      if (cp >= 0xD800 && cp <= 0xDBFF && p + 6 <= q && p[0] == '\\' &&
          p[1] == 'u') {
        unsigned lo = hex4(p + 2);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          p += 6;
        }
      }
      k += put_utf8(out + k, cp);
      break;
    }
    default: out[k++] = p[1]; p += 2; break;
    }
  }
  return k;
}

static int is_num_start(char c) { return (c >= '0' && c <= '9') || c == '-'; }

/* 1 for the bytes of a JSON number: 0-9 . - + e E */
static const unsigned char num_byte[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
    ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['.'] = 1, ['-'] = 1,
    ['+'] = 1, ['e'] = 1, ['E'] = 1,
};

/* The end of the number at p: 16 bytes are classified at once (a
 * number is seldom longer), near end with a page-safe load whose lanes
 * past end are cleared (shape_load_part; a zero is no number byte), so a
 * record's last number needs no byte loop. A byte is a number byte when
 * the class of its low nibble and that of its high nibble share a bit:
 * bit 0 "+-." (high 2, low B D E), bit 1 digits (high 3, low 0-9), bit 2
 * "eE" (high 4 or 6, low 5); bytes from 0x80 have high nibbles of class 0. */
static inline __m128i num_class(__m128i v) {
  const __m128i lo_class = _mm_setr_epi8(2, 2, 2, 2, 2, 6, 2, 2, 2, 2, 0, 1, 0, 1, 1, 0);
  const __m128i hi_class = _mm_setr_epi8(0, 0, 1, 2, 4, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  const __m128i low4 = _mm_set1_epi8(0x0F);
  return _mm_and_si128(_mm_shuffle_epi8(lo_class, _mm_and_si128(v, low4)),
                       _mm_shuffle_epi8(hi_class, _mm_and_si128(_mm_srli_epi16(v, 4), low4)));
}

/* number_end past its first 16 bytes (a long number): 16 bytes a step */
__attribute__((noinline)) static const char *number_end_long(const char *p,
                                                             const char *end) {
  for (;;) {
    __m128i v;
    unsigned m;
    if (p == end)
      return p;
    v = end - p >= 16 ? _mm_loadu_si128((const __m128i *)p)
                      : shape_load_part(p, (size_t)(end - p));
    m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(num_class(v), _mm_setzero_si128()));
    if (m)
      return p + __builtin_ctz(m);
    p += 16; /* 16 number bytes, all before end */
  }
}

static inline const char *number_end(const char *p, const char *end) {
  if (FAST_PATHS && p < end) {
    /* one load, most numbers: no loop to enter */
    __m128i v = end - p >= 16 ? _mm_loadu_si128((const __m128i *)p)
                              : shape_load_part(p, (size_t)(end - p));
    unsigned m =
        (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(num_class(v), _mm_setzero_si128()));
    if (m)
      return p + __builtin_ctz(m);
    return number_end_long(p + 16, end);
  }
  while (p < end && num_byte[(unsigned char)*p])
    p++;
  return p;
}

/* numeric_array's test of its first two elements, plain_decimal(p, q - p)
 * || parse_double(p, q - p): the number at p (a digit or '-') and its end
 * q. A number that ends within its first 32 bytes is read from the class
 * vectors number_end builds (digits are class 2 alone), one or two: plain
 * (an optional '-', digits, at most one '.' with a digit on each side), it
 * needs no call (a call of each was about 75 instructions an element); the
 * others ask plain_decimal and parse_double, as the reference build asks
 * every number (test_json.c). */
static inline const char *array_number(const char *p, const char *end, int *ok) {
  double x;
  const char *q;
  if (FAST_PATHS) {
    const __m128i two = _mm_set1_epi8(2);
    __m128i v = end - p >= 16 ? _mm_loadu_si128((const __m128i *)p)
                              : shape_load_part(p, (size_t)(end - p));
    __m128i c = num_class(v);
    uint32_t m = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(c, _mm_setzero_si128()));
    uint32_t digits = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(c, two));
    if (!m) { /* 16 number bytes, all before end: 16 more */
      v = end - p >= 32   ? _mm_loadu_si128((const __m128i *)(p + 16))
          : end - p == 16 ? _mm_setzero_si128()
                          : shape_load_part(p + 16, (size_t)(end - p - 16));
      c = num_class(v);
      m = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(c, _mm_setzero_si128())) << 16;
      digits |= (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(c, two)) << 16;
    }
    if (m) {
      unsigned n = (unsigned)__builtin_ctz(m), minus = *p == '-', i;
      /* the bytes before the end that are no digit, but a leading '-' */
      uint32_t other = ~digits & ((1u << n) - 1) & ~minus;
      q = p + n;
      if (!other && n > minus) {
        *ok = 1;
        return q;
      }
      i = other ? (unsigned)__builtin_ctz(other) : 0;
      if (other && !(other & (other - 1)) && p[i] == '.' && i > minus && i + 1 < n) {
        *ok = 1;
        return q;
      }
      *ok = plain_decimal(p, n) || parse_double(p, n, &x);
      return q;
    }
  }
  q = number_end(p, end);
  *ok = plain_decimal(p, (size_t)(q - p)) || parse_double(p, (size_t)(q - p), &x);
  return q;
}

/* skip any value without classifying it; bracket counting, bounded */
static const char *skip_value(const char *p, const char *end) {
  long depth = 0;
  int esc;
  do {
    p = skip_ws(p, end);
    if (p >= end) return NULL;
    switch (*p) {
    case '"':
      p = string_end(p + 1, end, &esc);
      if (!p) return NULL;
      p++;
      break;
    case '{': case '[':
      if (++depth > AJAR_MAX_SKIP_DEPTH) return NULL;
      p++;
      break;
    case '}': case ']':
      depth--;
      p++;
      break;
    default:
      p++;
    }
  } while (depth > 0);
  return p;
}

static const char *walk_value(struct walker *w, const char *p, uint32_t field);
static const char *walk_object(struct walker *w, const char *p, uint32_t field);
static const char *walk_array(struct walker *w, const char *p, uint32_t field);

/* After a member of an object or array: ',' (*more = 1, returns the next
 * member's start) or the closer (*more = 0, returns just past it). */
static inline __attribute__((always_inline)) const char *
next_member(const char *p, const char *end, char closer,
                               int *more) {
  p = skip_ws(p, end);
  if (p >= end)
    return NULL;
  if (*p == ',') {
    *more = 1;
    return skip_ws(p + 1, end);
  }
  *more = 0;
  return *p == closer ? p + 1 : NULL;
}

/* a string value at p (its opening quote): emitted; returns just past
 * its closing quote, or NULL */
static inline __attribute__((always_inline)) const char *
walk_string(struct walker *w, const char *p, const char *end, uint32_t field) {
  int esc = 0;
  const char *q = string_end_short(p + 1, end, &esc);
  if (!q)
    return NULL;
  if (esc) {
    size_t n = unescape(p + 1, q, w->k.buf, w->k.buf_len);
    rec_value(&w->k, field, VK_STRING, w->k.buf, n);
  } else {
    rec_value(&w->k, field, VK_STRING, p + 1, (size_t)(q - p - 1));
  }
  return q + 1;
}

/* a number at p (a digit or '-'): emitted; returns its end. (Both take
 * the record's end from their caller's register: w->end is read again
 * after every call into the sink, which could write *w.) */
static inline __attribute__((always_inline)) const char *
walk_number(struct walker *w, const char *p, const char *end, uint32_t field) {
  const char *q = number_end(p, end);
  rec_value(&w->k, field, VK_NUMBER, p, (size_t)(q - p));
  return q;
}

/* Extended JSON (mongoexport; a server's relaxed JSON, probe_mongodb.c):
 * an object whose only member is one of these keys stands for that
 * member's value, so a field is the document's own (captured_at, not
 * captured_at.$date); docs/formats.md */
static int ext_json_key(const char *k, size_t n) {
  static const char *const keys[] = {
      "$oid", "$date", "$numberLong", "$numberInt", "$numberDouble",
      "$numberDecimal", "$symbol", "$uuid", NULL};
  size_t i;
  for (i = 0; keys[i]; i++)
    if (strlen(keys[i]) == n && !memcmp(keys[i], k, n))
      return 1;
  return 0;
}

/* p is at '{': the wrapped value when the object is such a wrapper, else
 * NULL. Reads only: nothing is emitted. Out of line: only an object whose
 * first key starts with '$' asks. */
__attribute__((noinline)) static const char *ext_json_value(const char *p,
                                                            const char *end) {
  const char *k = skip_ws(p + 1, end), *kq, *v, *q;
  int esc = 0;
  if (end - k < 3 || k[0] != '"' || k[1] != '$')
    return NULL;
  kq = string_end(k + 1, end, &esc);
  if (!kq || esc || !ext_json_key(k + 1, (size_t)(kq - k - 1)))
    return NULL;
  v = skip_ws(kq + 1, end);
  if (v >= end || *v != ':')
    return NULL;
  v = skip_ws(v + 1, end);
  if (v >= end)
    return NULL;
  if (*v == '"' || *v == '{' || *v == '[') {
    q = skip_value(v, end);
  } else { /* a number, true, false, null */
    for (q = v; q < end && *q != ',' && *q != '}' && *q != ']' && *q != ' ' &&
                *q != '\n' && *q != '\r' && *q != '\t';
         q++)
      ;
  }
  if (!q || (q = skip_ws(q, end)) >= end || *q != '}')
    return NULL;
  return v;
}

/* v is the value an Extended JSON wrapper stands for (ext_json_value):
 * walked, then the wrapper's closing brace; returns past it */
static const char *walk_ext(struct walker *w, const char *v, uint32_t field) {
  const char *end = w->end, *q = walk_value(w, v, field);
  q = q ? skip_ws(q, end) : NULL;
  return q && q < end && *q == '}' ? q + 1 : NULL;
}

/* k[0, n) is the lowercase word w of n bytes written in any case: b | 0x20
 * is a letter for that letter's two cases alone, so no strncasecmp call
 * (a member of a number below the root asks, in every nested object) */
static inline int key_is(const char *k, size_t n, const char *w) {
  size_t i;
  for (i = 0; i < n; i++)
    if ((k[i] | 0x20) != w[i])
      return 0;
  return 1;
}
/* 1 for a latitude key, 2 for a longitude key, else 0; a key of a length
 * no such key has (most: "level", "v") is told by one bit test (the
 * reference build compares every key, test_json.c) */
static inline int geo_key(const char *k, size_t n) {
  if (FAST_PATHS && (n > 9 || !((1u << n) & (1u << 3 | 1u << 8 | 1u << 9))))
    return 0;
  if ((n == 3 && key_is(k, 3, "lat")) || (n == 8 && key_is(k, 8, "latitude")))
    return 1;
  if ((n == 3 && (key_is(k, 3, "lon") || key_is(k, 3, "lng"))) ||
      (n == 9 && key_is(k, 9, "longitude")))
    return 2;
  return 0;
}

/* An object's members; root: it is the record (field REC_ROOT), known
 * where this is made inline, so the record's object has no geo pair to
 * look for and is walked in json_walk_record's frame (walk_object is
 * the nested one's). */
static inline __attribute__((always_inline)) const char *
walk_members(struct walker *w, const char *p, uint32_t field, int root) {
  const char *end = w->end;
  /* a {lat, lon} pair below the record root is one geo point */
  const char *lat_v = NULL, *lon_v = NULL;
  size_t lat_n = 0, lon_n = 0;
  uint32_t lat_f = 0, lon_f = 0, prev = REC_NONE;
  int more;
  double la, lo;
  const char *obj = p;
  p = skip_ws(p + 1, end);
  /* the first member's quote tested here, once, with the empty object
   * (the loop tests each next member's after its comma) */
  if (p >= end)
    return NULL;
  if (*p != '"')
    return *p == '}' ? p + 1 : NULL;
  /* An Extended JSON wrapper is looked for here, where the first key is
   * reached anyway, and only when that key starts with '$': looking
   * before the walk skipped the white space after '{' twice, a fifth of
   * what a nested object cost in pretty-printed JSON. */
  if (FAST_PATHS && end - p >= 3 && p[1] == '$') {
    const char *v = ext_json_value(obj, end);
    if (v)
      return walk_ext(w, v, field);
  }
  for (;;) {
    const char *k, *kq;
    size_t kn;
    uint32_t child;
    if (!FAST_PATHS && (p >= end || *p != '"')) /* the reference tests each */
      return NULL;
    k = p + 1;
    child = rec_next_quoted(&w->k, field, prev, k, end, &kn);
    if (child != REC_NONE) {
      kq = k + kn;
    } else {
      /* (the flag here, where a key the table did not hold is read: its
       * 0 is stored by this path alone, not by every member) */
      int esc = 0;
      kq = string_end_short(k, end, &esc);
      if (!kq)
        return NULL;
      kn = (size_t)(kq - k);
      if (esc) {
        char key[AJAR_MAX_KEY + 8];
        kn = unescape(k, kq, key, sizeof key);
        child = rec_next(&w->k, field, prev, key, kn);
      } else {
        child = rec_next(&w->k, field, prev, k, kn);
      }
    }
    prev = child;
    if (end - kq > 3 && kq[1] == ':') {
      p = kq + 2; /* "key":value, or "key": value (pretty-printed) */
      if ((unsigned char)*p <= ' ') {
        /* the one space, tested here with no bound to test (skip_ws
         * would test p < end and *p > ' ' again); compact JSON does not
         * come here */
        if (FAST_PATHS && *p == ' ' && (unsigned char)p[1] > ' ')
          p++;
        else
          p = skip_ws(p, end);
      }
    } else if (end - kq > 2 && kq[1] == ':') { /* a record's last value */
      p = kq + 2;
      if ((unsigned char)*p <= ' ')
        p = skip_ws(p, end);
    } else {
      p = skip_ws(kq + 1, end);
      if (p >= end || *p != ':')
        return NULL;
      p = skip_ws(p + 1, end);
    }
    /* a string first: most members, and no number (the lat/lon test
     * below is for numbers alone) */
    if (FAST_PATHS && p < end && *p == '"') {
      p = walk_string(w, p, end, child);
      if (!p)
        return NULL;
    } else if (p < end && is_num_start(*p)) {
      /* a number: held when it is a geo pair's half below the root, else
       * emitted here (the reference build: through walk_value) */
      int geo = root || field == REC_ROOT ? 0 : geo_key(k, kn);
      if (geo) {
        const char *q = number_end(p, end);
        if (geo == 1) { lat_v = p; lat_n = (size_t)(q - p); lat_f = child; }
        else { lon_v = p; lon_n = (size_t)(q - p); lon_f = child; }
        p = q;
      } else if (FAST_PATHS) {
        p = walk_number(w, p, end, child);
      } else {
        p = walk_value(w, p, child);
      }
    } else {
      /* a nested object or array straight to walk_object or walk_array
       * (as walk_value would call them, with no frame of walk_value's
       * around them: pretty JSON's "items": [] and lists of records) */
      if (FAST_PATHS && p < end && *p == '{' && w->depth < AJAR_MAX_DEPTH) {
        w->depth++;
        p = walk_object(w, p, child);
        w->depth--;
      } else if (FAST_PATHS && p < end && *p == '[' && w->depth < AJAR_MAX_DEPTH) {
        w->depth++;
        p = walk_array(w, p, child);
        w->depth--;
      } else {
        p = walk_value(w, p, child);
      }
      if (!p)
        return NULL;
    }
    p = next_member(p, end, '}', &more);
    if (!p)
      return NULL;
    if (!more)
      break;
    if (p >= end || *p != '"')
      return NULL;
  }
  if (root)
    return p;
  if (lat_v && lon_v && parse_double(lat_v, lat_n, &la) &&
      parse_double(lon_v, lon_n, &lo) && la >= -90 && la <= 90 && lo >= -180 &&
      lo <= 180) {
    rec_geo(&w->k, field, la, lo);
  } else {
    if (lat_v) rec_value(&w->k, lat_f, VK_NUMBER, lat_v, lat_n);
    if (lon_v) rec_value(&w->k, lon_f, VK_NUMBER, lon_v, lon_n);
  }
  return p;
}

/* an object below the record: a {lat, lon} pair in it is one geo point */
__attribute__((noinline)) static const char *walk_object(struct walker *w, const char *p,
                                                         uint32_t field) {
  return walk_members(w, p, field, 0);
}

/* [n, n, ...]: returns the end, or NULL when an element is no number.
 * Vectors are long: after the first two elements (checked, and parsed
 * only at the counts whose values classify_numarray reads) one tight
 * loop only counts elements and the widest integer part. */
static const char *numeric_array(struct walker *w, const char *p,
                                 uint32_t field) {
  const char *end = w->end, *el[2] = {NULL, NULL};
  size_t count = 0, intdigits = 0, maxint = 0, eln[2] = {0, 0};
  double first = 0, second = 0;
  int frac = 0, in_num = 0;
  while (count < 2) {
    const char *q;
    int ok;
    p = skip_ws(p, end);
    if (p >= end || !is_num_start(*p))
      return NULL;
    q = array_number(p, end, &ok);
    if (!ok)
      return NULL;
    el[count] = p;
    eln[count++] = (size_t)(q - p);
    p = skip_ws(q, end);
    if (p < end && *p == ',') { p++; continue; }
    if (p < end && *p == ']') goto done;
    return NULL;
  }
  /* 16 bytes at a time while they are number characters and commas */
  {
    const __m128i d0 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1);
    const __m128i dot = _mm_set1_epi8('.'), comma = _mm_set1_epi8(','),
                  minus = _mm_set1_epi8('-'), sp = _mm_set1_epi8(' ');
    if (ajar_have_avx2)
      p = number_run_avx2(p, end, &count);
    while (p + 16 <= end) {
      __m128i x = _mm_loadu_si128((const __m128i *)p);
      __m128i dg = _mm_and_si128(_mm_cmpgt_epi8(x, d0), _mm_cmplt_epi8(x, d9));
      __m128i cm = _mm_cmpeq_epi8(x, comma);
      __m128i ok = _mm_or_si128(_mm_or_si128(dg, cm),
                                _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, dot),
                                                          _mm_cmpeq_epi8(x, minus)),
                                             _mm_cmpeq_epi8(x, sp)));
      if (_mm_movemask_epi8(ok) != 0xFFFF)
        break; /* ']' or anything unusual: the byte loop decides */
      /* 16 digits in a row: an integer part too wide; the byte loop */
      if (_mm_movemask_epi8(dg) == 0xFFFF)
        break;
      count += (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(cm));
      p += 16;
    }
    /* the byte loop resumes mid-element: whether it has begun is known,
     * whether it is past its '.' is not (so its digits are not counted) */
    if (p[-1] != ',' && p[-1] != ' ') {
      frac = 1;
      in_num = 1;
    }
  }
  for (; p < end; p++) {
    unsigned char c = (unsigned char)*p;
    if (c >= '0' && c <= '9') {
      if (!frac && ++intdigits > maxint) maxint = intdigits;
      in_num = 1;
    } else if (c == ',') {
      if (!in_num) return NULL;
      count++;
      intdigits = 0;
      frac = in_num = 0;
    } else if (c == '.' || c == 'e' || c == 'E') {
      frac = 1;
    } else if (c == ']') {
      if (!in_num) return NULL;
      count++;
      goto done;
    } else if (c != '-' && c != '+' && c != ' ' && c != '\n' && c != '\r' &&
               c != '\t') {
      return NULL;
    }
  }
  return NULL;
done:
  if (numarray_wants_values(count)) {
    parse_double(el[0], eln[0], &first);
    if (el[1])
      parse_double(el[1], eln[1], &second);
    if (count > 2 && (first > 99999 || first < -99999 || second > 99999 || second < -99999) &&
        maxint < 6)
      maxint = 6;
  }
  rec_numarray(&w->k, field, count, first, second, maxint > 5 ? 1e6 : 1e4);
  return p + 1;
}

/* (out of line: walk_members and walk_value both call it) */
__attribute__((noinline)) static const char *walk_array(struct walker *w, const char *p,
                                                        uint32_t field) {
  const char *end = w->end, *q;
  uint32_t elem;
  p = skip_ws(p + 1, end);
  if (p < end && *p == ']')
    return p + 1;
  if (p < end && is_num_start(*p)) {
    q = numeric_array(w, p, field);
    if (q)
      return q;
  }
  elem = rec_child(&w->k, field, NULL, 0, 1);
  for (;;) {
    int more;
    /* an object (records in a list): straight to walk_object, as
     * walk_value would call it, with no frame of walk_value's */
    if (FAST_PATHS && p < end && *p == '{' && w->depth < AJAR_MAX_DEPTH) {
      w->depth++;
      p = walk_object(w, p, elem);
      w->depth--;
    } else {
      p = walk_value(w, p, elem);
    }
    if (!p)
      return NULL;
    p = next_member(p, end, ']', &more);
    if (!p || !more)
      return p;
  }
}

/* p is at the value: its callers skipped the white space before it */
static const char *walk_value(struct walker *w, const char *p, uint32_t field) {
  const char *end = w->end, *q;
  if (p >= end)
    return NULL;
  switch (*p) {
  case '{':
  case '[':
    if (w->depth >= AJAR_MAX_DEPTH)
      return skip_value(p, end);
    w->depth++;
    /* (with the vector paths, walk_members looks for a wrapper) */
    if (!FAST_PATHS && *p == '{' && (q = ext_json_value(p, end)) != NULL) {
      q = walk_ext(w, q, field);
    } else {
      q = *p == '{' ? walk_object(w, p, field) : walk_array(w, p, field);
    }
    w->depth--;
    return q;
  case '"':
    return walk_string(w, p, end, field);
  case 't':
    if (end - p >= 4 && !memcmp(p, "true", 4)) {
      rec_value(&w->k, field, VK_BOOL, p, 4);
      return p + 4;
    }
    return NULL;
  case 'f':
    if (end - p >= 5 && !memcmp(p, "false", 5)) {
      rec_value(&w->k, field, VK_BOOL, p, 5);
      return p + 5;
    }
    return NULL;
  case 'n':
    if (end - p >= 4 && !memcmp(p, "null", 4))
      return p + 4;
    return NULL;
  default:
    if (!is_num_start(*p))
      return NULL;
    return walk_number(w, p, end, field);
  }
}

/* a sink's key table before it has one (its first key makes it): all
 * zeros, no slot equals a key (a key's vector holds its quote), so the
 * probe of every key (rec_next_quoted) tests no NULL */
static const struct key_cache no_keys;

int json_walk_record(const struct rec_sink *k, const char *p, size_t n) {
  struct walker w = {*k, p + n, 0};
  const char *q = skip_ws(p, p + n);
  int rc;
  if (!w.k.keys)
    w.k.keys = &no_keys;
  /* most records are an object: walked as walk_value walks one (one
   * level deep), with no call of walk_value and its frame around it */
  if (FAST_PATHS && q < p + n && *q == '{') {
    w.depth = 1;
    q = walk_members(&w, q, REC_ROOT, 1);
  } else {
    q = walk_value(&w, q, REC_ROOT);
  }
  rc = q && skip_ws(q, p + n) == p + n ? 0 : AJAR_EPARSE;
  rec_end(k, rc != 0);
  return rc;
}
