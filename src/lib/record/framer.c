/* Framers: cut a byte stream into records without parsing them.
 * NDJSON and text: lines. CSV/TSV: rows, newlines inside quotes kept.
 * JSON: the elements of a top-level array, or one whole document.
 * State survives between calls, so a record may span reads. */
#include <string.h>
#include <emmintrin.h>
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif
#include "framer.h"
#include "classify/shape.h" /* ajar_have_avx2 */

/* The stops of the framers' byte loops, 16 bytes a step (SSE2): the
 * bytes between them change no state, so the loops jump from stop to
 * stop. Each returns the index of the first stop in b[i, len), or len. */

/* CSV: a quote or a newline */
static size_t csv_stop(const char *b, size_t i, size_t len) {
  const __m128i q = _mm_set1_epi8('"'), nl = _mm_set1_epi8('\n');
  for (; i + 16 <= len; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(b + i));
    unsigned m = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, nl)));
    if (m)
      return i + (size_t)__builtin_ctz(m);
  }
  while (i < len && b[i] != '"' && b[i] != '\n')
    i++;
  return i;
}

/* inside a JSON string: a quote, a backslash or a newline */
static size_t json_str_stop(const char *b, size_t i, size_t len) {
  const __m128i q = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\'),
                nl = _mm_set1_epi8('\n');
  for (; i + 16 <= len; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(b + i));
    unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, bs)),
        _mm_cmpeq_epi8(v, nl)));
    if (m)
      return i + (size_t)__builtin_ctz(m);
  }
  while (i < len && b[i] != '"' && b[i] != '\\' && b[i] != '\n')
    i++;
  return i;
}

/* outside strings: a quote, a bracket or brace, a comma or a newline
 * (x | 0x20 is '{' for '[' and '{' alone, '}' for ']' and '}' alone) */
static size_t json_stop(const char *b, size_t i, size_t len) {
  const __m128i q = _mm_set1_epi8('"'), comma = _mm_set1_epi8(','),
                nl = _mm_set1_epi8('\n'), low = _mm_set1_epi8(0x20),
                open = _mm_set1_epi8('{'), close = _mm_set1_epi8('}');
  for (; i + 16 <= len; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(b + i));
    __m128i l = _mm_or_si128(v, low);
    __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, comma)),
        _mm_or_si128(_mm_cmpeq_epi8(v, nl),
                     _mm_or_si128(_mm_cmpeq_epi8(l, open), _mm_cmpeq_epi8(l, close))));
    unsigned m = (unsigned)_mm_movemask_epi8(hit);
    if (m)
      return i + (size_t)__builtin_ctz(m);
  }
  while (i < len && !memchr("\"{}[],\n", b[i], 7))
    i++;
  return i;
}

void framer_init(struct framer *f, enum file_format fmt) {
  memset(f, 0, sizeof *f);
  f->fmt = fmt;
  f->line = 1;
  f->rec_line = 1;
}

static size_t count_nl(const char *p, size_t n) {
  size_t k = 0;
  const char *e = p + n;
  while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
    k++;
    p++;
  }
  return k;
}

/* bit k: the XOR of bits 0..k. Of the quotes' bits: set from a string's
 * opening quote up to, not including, its closing quote. */
static uint64_t prefix_xor(uint64_t x) {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

#if defined(__x86_64__) && defined(__GNUC__)
/* prefix_xor in one carry-less multiply by all ones (PCLMULQDQ, which
 * every CPU with AVX2 has; the CSV and JSON framers ask for both) */
static inline __attribute__((always_inline, target("avx2,pclmul"))) uint64_t
prefix_xor_clmul(uint64_t x) {
  return (uint64_t)_mm_cvtsi128_si64(
      _mm_clmulepi64_si128(_mm_set_epi64x(0, (long long)x), _mm_set1_epi8(-1), 0));
}

/* AVX2 and PCLMULQDQ (a load and a bit test of libgcc's CPU model) */
#define have_avx2_clmul() (ajar_have_avx2 && __builtin_cpu_supports("pclmul"))
#else
#define have_avx2_clmul() 0
#endif

/* next_csv's loop of 64-byte blocks from b[*pi]: a newline ends the row
 * unless an odd number of quotes (each one toggles, "" twice) is open
 * before it. 1 with *pi at the newline that ends the row; 0 with *pi
 * where fewer than 64 bytes are left. The state (in_str, nl_inside)
 * stays in locals for the loop. Built for SSE2 (four 16-byte loads, the
 * shift ladder of prefix_xor) and for AVX2 with PCLMUL (two 32-byte
 * loads, the prefix XOR one carry-less multiply by all ones). */
#define CSV_BLOCKS(W, V, LOAD, SET1, EQ, MASK, PREFIX_XOR)                      \
  do {                                                                        \
    const V q_ = SET1('"'), nl_ = SET1('\n');                                 \
    size_t i_ = *pi;                                                          \
    uint64_t in_ = f->in_str ? ~0ull : 0, inside_ = f->nl_inside;             \
    int found_ = 0;                                                           \
    for (; len - i_ >= 64; i_ += 64) {                                        \
      uint64_t q = 0, nl = 0, ins, ends;                                      \
      unsigned k_;                                                            \
      for (k_ = 0; k_ < 64 / (W); k_++) {                                     \
        V v_ = LOAD((const V *)(b + i_ + (W) * k_));                          \
        q |= (uint64_t)(uint32_t)MASK(EQ(v_, q_)) << ((W) * k_);              \
        nl |= (uint64_t)(uint32_t)MASK(EQ(v_, nl_)) << ((W) * k_);            \
      }                                                                       \
      ins = PREFIX_XOR(q) ^ in_;                                              \
      ends = nl & ~ins;                                                       \
      if (ends) {                                                             \
        inside_ += (uint64_t)__builtin_popcountll(nl & ((ends & -ends) - 1)); \
        in_ = 0;                                                              \
        i_ += (size_t)__builtin_ctzll(ends);                                  \
        found_ = 1;                                                           \
        break;                                                                \
      }                                                                       \
      inside_ += (uint64_t)__builtin_popcountll(nl);                          \
      in_ = (uint64_t)((int64_t)ins >> 63); /* all ones inside a string */    \
    }                                                                         \
    f->in_str = in_ != 0;                                                     \
    f->nl_inside = inside_;                                                   \
    *pi = i_;                                                                 \
    return found_;                                                            \
  } while (0)

static int csv_blocks(struct framer *f, const char *b, size_t *pi, size_t len) {
  CSV_BLOCKS(16, __m128i, _mm_loadu_si128, _mm_set1_epi8, _mm_cmpeq_epi8,
             _mm_movemask_epi8, prefix_xor);
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2,pclmul"))) static int
csv_blocks_avx2(struct framer *f, const char *b, size_t *pi, size_t len) {
  CSV_BLOCKS(32, __m256i, _mm256_loadu_si256, _mm256_set1_epi8, _mm256_cmpeq_epi8,
             _mm256_movemask_epi8, prefix_xor_clmul);
}
#else
#define csv_blocks_avx2 csv_blocks
#endif

/* the row ends at the newline b[i] */
static int csv_row_end(struct framer *f, const char *b, size_t i, size_t *start,
                       size_t *end) {
  *start = f->rec_start;
  *end = i;
  if (*end > *start && b[*end - 1] == '\r')
    (*end)--;
  f->rec_line = f->line;
  f->line += 1 + f->nl_inside;
  f->nl_inside = 0;
  f->pos = f->rec_start = i + 1;
  return 1;
}

/* out of line, as next_json_elem: framer_next stays small for lines */
__attribute__((noinline)) static int next_csv(struct framer *f, const char *b,
                                              size_t len, size_t *start, size_t *end) {
  size_t i = f->pos;
  if (len - i >= 64 && (have_avx2_clmul() ? csv_blocks_avx2(f, b, &i, len)
                                          : csv_blocks(f, b, &i, len)))
    return csv_row_end(f, b, i, start, end);
  for (; (i = csv_stop(b, i, len)) < len; i++) {
    char c = b[i];
    if (c == '"') {
      f->in_str = !f->in_str;
    } else if (c == '\n') {
      if (f->in_str) {
        f->nl_inside++;
        continue;
      }
      return csv_row_end(f, b, i, start, end);
    }
  }
  f->pos = len;
  return 0;
}

static int is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

/* The bytes of b[i, i + 64) that are quotes, backslashes, opening and
 * closing brackets or braces, commas (only when asked: they end an
 * element at depth 0 alone) and newlines, one bit each (SSE2, or AVX2). */
struct json_block { uint64_t q, bs, op, cl, cm, nl; };

/* the body of json_block for vectors of W bytes: V their type; LOAD,
 * SET1, EQ, OR and MASK their intrinsics */
#define JSON_BLOCK(W, V, LOAD, SET1, EQ, OR, MASK)                                  \
  do {                                                                              \
    const V q_ = SET1('"'), bs_ = SET1('\\'), cm_ = SET1(','), nl_ = SET1('\n'),     \
            low_ = SET1(0x20), open_ = SET1('{'), close_ = SET1('}');               \
    /* the masks in locals, the struct written once: built in place,         \
     * it stayed on the stack */                                                  \
    uint64_t mq_ = 0, mbs_ = 0, mop_ = 0, mcl_ = 0, mcm_ = 0, mnl_ = 0;              \
    unsigned k_;                                                                    \
    for (k_ = 0; k_ < 64 / (W); k_++) {                                             \
      V v_ = LOAD((const V *)(b + (W) * k_));                                       \
      /* x | 0x20 is '{' for '[' and '{' alone, '}' for ']' and '}' alone */        \
      V l_ = OR(v_, low_);                                                          \
      unsigned s_ = (W) * k_;                                                       \
      mq_ |= (uint64_t)(uint32_t)MASK(EQ(v_, q_)) << s_;                            \
      mbs_ |= (uint64_t)(uint32_t)MASK(EQ(v_, bs_)) << s_;                          \
      mop_ |= (uint64_t)(uint32_t)MASK(EQ(l_, open_)) << s_;                        \
      mcl_ |= (uint64_t)(uint32_t)MASK(EQ(l_, close_)) << s_;                       \
      mnl_ |= (uint64_t)(uint32_t)MASK(EQ(v_, nl_)) << s_;                          \
      if (commas)                                                                   \
        mcm_ |= (uint64_t)(uint32_t)MASK(EQ(v_, cm_)) << s_;                        \
    }                                                                               \
    m->q = mq_;                                                                     \
    m->bs = mbs_;                                                                   \
    m->op = mop_;                                                                   \
    m->cl = mcl_;                                                                   \
    m->cm = mcm_;                                                                   \
    m->nl = mnl_;                                                                   \
  } while (0)

static inline __attribute__((always_inline)) void
json_block(const char *b, struct json_block *m, int commas) {
  JSON_BLOCK(16, __m128i, _mm_loadu_si128, _mm_set1_epi8, _mm_cmpeq_epi8, _mm_or_si128,
             _mm_movemask_epi8);
}

#if defined(__x86_64__) && defined(__GNUC__)
/* the same, 32 bytes a step (AVX2) */
static inline __attribute__((always_inline, target("avx2"))) void
json_block_avx2(const char *b, struct json_block *m, int commas) {
  JSON_BLOCK(32, __m256i, _mm256_loadu_si256, _mm256_set1_epi8, _mm256_cmpeq_epi8,
             _mm256_or_si256, _mm256_movemask_epi8);
}
#endif

/* The 64 bytes of an element at b[i], with no backslash among them and
 * no escape pending: the strings are the prefix XOR of the quotes
 * (`strings`, as if no string were open before the block), so
 * only the brackets and braces outside strings (and the commas, at depth
 * 0) are visited, and the newlines are counted by the block. Ends an
 * element where the byte loop of next_json_elem would: 1 with
 * [start, end); 0 when the block is consumed. */
static inline __attribute__((always_inline)) int
json_elem_block(struct framer *f, const char *b, size_t i, const struct json_block *m,
                uint64_t strings, size_t *start, size_t *end) {
  uint64_t ins = strings ^ (f->in_str ? ~0ull : 0);
  uint64_t op = m->op & ~ins, cl = m->cl & ~ins, st;
  int closes = __builtin_popcountll(cl);
  /* Deeper than the block has closers (the middle of a nested element,
   * most blocks of pretty-printed JSON): the element cannot end here,
   * so the depth moves by the counts and no bracket is visited. (Depth
   * 0 never takes this: a comma or a stray '}' must be looked at.) */
  if (f->depth > closes) {
    f->depth += __builtin_popcountll(op) - closes;
    f->line += (uint64_t)__builtin_popcountll(m->nl);
    f->in_str = (int)(ins >> 63);
    return 0;
  }
  st = op | cl | (m->cm & ~ins);
  while (st) {
    unsigned k = (unsigned)__builtin_ctzll(st);
    size_t at = i + k, e, next;
    char c = b[at];
    st &= st - 1;
    if (c == '{' || c == '[') {
      f->depth++;
      continue;
    }
    if (c == ',') {
      if (f->depth)
        continue;
      e = at;
      next = at + 1;
    } else if (f->depth == 0) {
      if (c == '}')
        continue; /* stray: part of a malformed element */
      e = next = at; /* the end of the array after a scalar: not consumed */
    } else if (--f->depth) {
      continue;
    } else {
      e = next = at + 1;
    }
    f->line += (uint64_t)__builtin_popcountll(m->nl & ((1ull << k) - 1));
    f->in_str = 0;
    f->in_elem = 0;
    *start = f->rec_start;
    *end = e;
    f->pos = next;
    if (next != at) /* a ']' not consumed leaves rec_start for framer_shift */
      f->rec_start = next;
    return 1;
  }
  f->line += (uint64_t)__builtin_popcountll(m->nl);
  f->in_str = (int)(ins >> 63);
  return 0;
}

/* next_json_elem's loop of 64-byte blocks from b[*pi], with `block`
 * (json_block or json_block_avx2) and `pxor` (prefix_xor or
 * prefix_xor_clmul) made inline: 1 when the element ended; 0 at an
 * escape pending, a block with a backslash or the last 63 bytes, *pi
 * where the byte loop goes on */
#define JSON_BLOCKS(block, pxor)                                       \
  do {                                                                 \
    /* the state in a local copy, so the compiler keeps it in          \
     * registers: stores through f could alias b */                    \
    struct framer l_ = *f;                                             \
    size_t i_ = *pi;                                                   \
    int ended_ = 0;                                                    \
    while (!l_.esc && len - i_ >= 64) {                                \
      struct json_block m_;                                            \
      block(b + i_, &m_, l_.depth == 0);                               \
      if (m_.bs)                                                       \
        break;                                                         \
      if ((ended_ = json_elem_block(&l_, b, i_, &m_, pxor(m_.q), start, end))) \
        break;                                                         \
      i_ += 64;                                                        \
    }                                                                  \
    *f = l_;                                                           \
    *pi = i_;                                                          \
    return ended_;                                                     \
  } while (0)

static int json_blocks(struct framer *f, const char *b, size_t *pi, size_t len,
                       size_t *start, size_t *end) {
  JSON_BLOCKS(json_block, prefix_xor);
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2,pclmul"))) static int
json_blocks_avx2(struct framer *f, const char *b, size_t *pi, size_t len, size_t *start,
                 size_t *end) {
  JSON_BLOCKS(json_block_avx2, prefix_xor_clmul);
}
#else
#define json_blocks_avx2 json_blocks
#endif

/* next_json_elem's byte loop inside an element, from b[*pi] up to lim:
 * 1 when the element ended, 0 at lim (*pi = lim) */
static int json_elem_bytes(struct framer *f, const char *b, size_t *pi,
                           size_t lim, size_t *start, size_t *end) {
  size_t i = *pi;
  for (; i < lim; i++) {
    char c;
    if (f->in_str) {
      if (f->esc) { /* the escaped byte, whatever it is */
        f->esc = 0;
        continue;
      }
      if ((i = json_str_stop(b, i, lim)) == lim)
        break;
      c = b[i];
      if (c == '\\') f->esc = 1;
      else if (c == '"') f->in_str = 0;
      else f->line++;
      continue;
    }
    if ((i = json_stop(b, i, lim)) == lim)
      break;
    c = b[i];
    switch (c) {
    case '"': f->in_str = 1; break;
    case '{': case '[': f->depth++; break;
    case '}': case ']':
      if (f->depth == 0 && c == '}')
        break; /* stray: part of a malformed element, which must not be
                  empty or framing would stop advancing */
      if (f->depth == 0) { /* end of the array after a scalar */
        *start = f->rec_start;
        *end = i;
        f->in_elem = 0;
        f->pos = i;
        return 1;
      }
      if (--f->depth == 0) {
        *start = f->rec_start;
        *end = i + 1;
        f->in_elem = 0;
        f->pos = f->rec_start = i + 1;
        return 1;
      }
      break;
    case ',':
      if (f->depth == 0) {
        *start = f->rec_start;
        *end = i;
        f->in_elem = 0;
        f->pos = f->rec_start = i + 1;
        return 1;
      }
      break;
    case '\n': f->line++; break;
    default: break;
    }
  }
  *pi = lim;
  return 0;
}

__attribute__((noinline)) static int next_json_elem(struct framer *f, const char *b,
                                                    size_t len, size_t *start,
                                                    size_t *end) {
  size_t i = f->pos;
  if (f->array_done)
    return 0;
  if (!f->in_elem) {
    /* between elements: whitespace, the opening '[', commas */
    for (; i < len; i++) {
      char c = b[i];
      if (c == '\n') f->line++;
      if (is_ws(c) || c == ',') continue;
      if (c == '[' && !f->opened) { f->opened = 1; continue; }
      if (c == ']' && f->depth == 0) {
        f->array_done = 1;
        f->pos = f->rec_start = i + 1;
        return 0;
      }
      break;
    }
    if (i == len) {
      f->pos = f->rec_start = len;
      return 0;
    }
    f->in_elem = 1;
    f->rec_start = i;
    f->rec_line = f->line;
    f->depth = 0;
  }
  while (i < len) {
    if (have_avx2_clmul() ? json_blocks_avx2(f, b, &i, len, start, end)
                       : json_blocks(f, b, &i, len, start, end))
      return 1;
    if (i >= len)
      break;
    if (json_elem_bytes(f, b, &i, len - i >= 64 ? i + 64 : len, start, end))
      return 1;
  }
  f->pos = len;
  return 0;
}

/* A UTF-8 byte order mark (Windows exports) is no part of the first
 * record; looked for once, at the very start of the stream. */
static void skip_bom(struct framer *f, const char *b, size_t len) {
  if (f->bom_checked || len - f->rec_start < 3)
    return;
  f->bom_checked = 1;
  if (f->line == 1 && f->pos == f->rec_start &&
      !memcmp(b + f->rec_start, "\xEF\xBB\xBF", 3))
    f->pos = f->rec_start += 3;
}

int framer_next(struct framer *f, const char *b, size_t len, size_t *start,
                size_t *end) {
  if (!f->bom_checked)
    skip_bom(f, b, len);
  switch (f->fmt) {
  case FMT_CSV:
  case FMT_TSV:
    return next_csv(f, b, len, start, end);
  case FMT_JSON_ARRAY:
    return next_json_elem(f, b, len, start, end);
  case FMT_JSON_DOC:
    return 0; /* the whole input, at its end */
  default: /* lines */
    return framer_next_line(f, b, len, start, end);
  }
}

int framer_last(struct framer *f, const char *b, size_t len, size_t *start,
                size_t *end) {
  size_t s;
  skip_bom(f, b, len);
  s = f->rec_start;
  if (f->fmt == FMT_JSON_ARRAY) {
    if (!f->in_elem)
      return 0;
    f->in_elem = 0;
  }
  while (s < len && is_ws(b[s]) && f->fmt != FMT_TEXT) {
    if (b[s] == '\n') f->line++;
    s++;
  }
  if (s >= len)
    return 0;
  *start = s;
  *end = len;
  f->rec_line = f->line;
  f->line += count_nl(b + s, len - s);
  f->pos = f->rec_start = len;
  return 1;
}

void framer_shift(struct framer *f, size_t by) {
  f->pos -= by;
  f->rec_start -= by;
}

void framer_discard(struct framer *f, size_t len) {
  /* count the newlines of what is dropped, keep scanning state */
  f->pos = f->rec_start = len;
}
