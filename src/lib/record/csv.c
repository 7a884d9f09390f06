/* CSV/TSV walker: a row is a record, its cells the values of the fields
 * the header row names (columns past the header: "columnN"). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <emmintrin.h>
#include <immintrin.h>
#include "classify/shape.h" /* ajar_have_avx2 */
#include "record/csv.h"

/* the first c in p[i, n), or n: 16 bytes a step, never past n (memchr,
 * without the call, for the short runs inside a cell) */
static inline size_t find_byte(const char *p, size_t i, size_t n, char c) {
  const __m128i v = _mm_set1_epi8(c);
  for (; i + 16 <= n; i += 16) {
    unsigned m = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + i)), v));
    if (m) return i + (size_t)__builtin_ctz(m);
  }
  while (i < n && p[i] != c) i++;
  return i;
}

/* A quoted cell from p[*pi] (its opening quote): its bytes unquoted into
 * buf (cap bytes kept), *pi past the junk after its closing quote, at
 * the delimiter or n. Returns the kept length. */
static size_t quoted_cell(const char *p, size_t n, size_t *pi, char delim,
                          char *buf, size_t cap) {
  const __m128i q = _mm_set1_epi8('"');
  size_t i = *pi + 1, k = 0;
  while (i < n) {
    size_t stop, run;
    if (i + 16 <= n && k + 16 <= cap) {
      /* 16 bytes stored whole, kept up to the first quote among them */
      __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
      unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, q));
      _mm_storeu_si128((__m128i *)(buf + k), v);
      run = m ? (size_t)__builtin_ctz(m) : 16;
      k += run;
      i += run;
      if (!m)
        continue;
    } else {
      /* the run up to the next quote, copied whole */
      stop = find_byte(p, i, n, '"');
      run = stop - i;
      if (k < cap) {
        size_t c = cap - k < run ? cap - k : run;
        memcpy(buf + k, p + i, c);
        k += c;
      }
      i = stop;
      if (i == n)
        break;
    }
    if (i + 1 < n && p[i + 1] == '"') { /* "" is one quote */
      if (k < cap) buf[k++] = '"';
      i += 2;
      continue;
    }
    i++;
    break;
  }
  /* junk after the closing quote, up to the delimiter */
  *pi = i < n && p[i] != delim ? find_byte(p, i, n, delim) : i;
  return k;
}

/* Split one row (RFC 4180) and call fn per field, unquoted into buf. */
typedef void (*cell_fn)(void *ctx, size_t col, const char *v, size_t n);

static void csv_row(const char *p, size_t n, char delim, char *buf, size_t cap,
                    cell_fn fn, void *ctx) {
  size_t i = 0, col = 0;
  while (i <= n && col < AJAR_MAX_CSV_COLUMNS) {
    if (i < n && p[i] == '"') {
      size_t k = quoted_cell(p, n, &i, delim, buf, cap);
      fn(ctx, col++, buf, k);
    } else {
      const char *e = memchr(p + i, delim, n - i);
      size_t end = e ? (size_t)(e - p) : n;
      fn(ctx, col++, p + i, end - i);
      i = end;
    }
    if (i >= n) break;
    i++; /* the delimiter */
    if (i == n) { fn(ctx, col++, "", 0); break; }
  }
}

static void header_cell(void *ctx, size_t col, const char *v, size_t n) {
  struct csv_header *h = ctx;
  char **names;
  size_t *lens;
  (void)col;
  names = realloc(h->names, (h->n + 1) * sizeof *names);
  if (!names) return;
  h->names = names;
  lens = realloc(h->lens, (h->n + 1) * sizeof *lens);
  if (!lens) return;
  h->lens = lens;
  if (n > AJAR_MAX_KEY) n = AJAR_MAX_KEY;
  /* a UTF-8 byte order mark on the first header */
  if (h->n == 0 && n >= 3 && !memcmp(v, "\xEF\xBB\xBF", 3)) { v += 3; n -= 3; }
  h->names[h->n] = malloc(n + 1);
  if (!h->names[h->n]) return;
  memcpy(h->names[h->n], v, n);
  h->names[h->n][n] = 0;
  h->lens[h->n++] = n;
}

void csv_header_read(struct csv_header *h, int tsv, const char *p, size_t n,
                     char *buf, size_t cap) {
  h->delim = tsv ? '\t' : ',';
  if (!tsv && !memchr(p, ',', n) && memchr(p, ';', n))
    h->delim = ';';
  csv_row(p, n, h->delim, buf, cap, header_cell, h);
}

void csv_header_free(struct csv_header *h) {
  size_t i;
  for (i = 0; i < h->n; i++) free(h->names[i]);
  free(h->names);
  free(h->lens);
  memset(h, 0, sizeof *h);
}

int csv_walker_init(struct csv_walker *w, const struct csv_header *hdr) {
  w->hdr = hdr;
  w->known = 0;
  w->cols = calloc(AJAR_MAX_CSV_COLUMNS, sizeof *w->cols);
  return w->cols ? 0 : AJAR_ENOMEM;
}

void csv_walker_fini(struct csv_walker *w) {
  free(w->cols);
  memset(w, 0, sizeof *w);
}

/* The delimiters (d) and quotes (q) of the row's block at b, one bit
 * each, none at or past e; the last block of a row is copied out first,
 * so nothing past the row is read. */
struct block_bits { uint64_t d, q; };

static inline __attribute__((always_inline)) const char *
block_tail(const char *b, size_t left, char *tail) {
  memset(tail, 0, 64);
  memcpy(tail, b, left);
  return tail;
}

/* SSE2: 16 bytes a compare */
static inline struct block_bits block_bits_sse2(const char *b, const char *e,
                                                char delim) {
  const __m128i vd = _mm_set1_epi8(delim), vq = _mm_set1_epi8('"');
  char tail[64];
  size_t left = (size_t)(e - b);
  struct block_bits r = {0, 0};
  int k;
  if (left < 64)
    b = block_tail(b, left, tail);
  for (k = 0; k < 4; k++) {
    __m128i v = _mm_loadu_si128((const __m128i *)(b + 16 * k));
    r.d |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vd)) << (16 * k);
    r.q |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vq)) << (16 * k);
  }
  if (left < 64) {
    r.d &= (1ull << left) - 1;
    r.q &= (1ull << left) - 1;
  }
  return r;
}

/* AVX2: 32 bytes a compare; out of line (the walker is built for SSE2),
 * its two masks come back in registers */
__attribute__((noinline, target("avx2"))) static struct block_bits
block_bits_avx2(const char *b, const char *e, char delim) {
  const __m256i vd = _mm256_set1_epi8(delim), vq = _mm256_set1_epi8('"');
  char tail[64];
  size_t left = (size_t)(e - b);
  struct block_bits r;
  __m256i lo, hi;
  if (left < 64)
    b = block_tail(b, left, tail);
  lo = _mm256_loadu_si256((const __m256i *)b);
  hi = _mm256_loadu_si256((const __m256i *)(b + 32));
  r.d = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, vd)) |
        (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, vd)) << 32;
  r.q = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, vq)) |
        (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, vq)) << 32;
  if (left < 64) {
    r.d &= (1ull << left) - 1;
    r.q &= (1ull << left) - 1;
  }
  return r;
}

static inline struct block_bits block_bits(const char *b, const char *e,
                                           char delim) {
  return ajar_have_avx2 ? block_bits_avx2(b, e, delim) : block_bits_sse2(b, e, delim);
}

/* the field of column col (past the header's: "columnN"), looked up
 * once per walker (column_field). Rows visit their columns in order, so
 * the columns looked up are always the first w->known. */
static uint32_t column_lookup(struct csv_walker *w, const struct rec_sink *k,
                             size_t col) {
  const struct csv_header *h = w->hdr;
  char name[32];
  uint32_t f;
  if (col < h->n) {
    f = rec_child(k, REC_ROOT, h->names[col], h->lens[col], 0);
  } else {
    int len = snprintf(name, sizeof name, "column%zu", col + 1);
    f = rec_child(k, REC_ROOT, name, (size_t)len, 0);
  }
  if (col < AJAR_MAX_CSV_COLUMNS) {
    w->cols[col] = f;
    if (f && col == w->known)
      w->known++;
  }
  return f;
}

static inline uint32_t column_field(struct csv_walker *w,
                                   const struct rec_sink *k, size_t col) {
  if (col < AJAR_MAX_CSV_COLUMNS && w->cols[col])
    return w->cols[col];
  return column_lookup(w, k, col);
}

/* The cell at *s (a quoted one, one whose column is not looked up yet,
 * one near the column cap) as csv_row reads it: *s past its delimiter,
 * *slot past its column. 0 when the row is read. */
static int one_cell(struct csv_walker *w, const struct rec_sink *k,
                    const char *p, size_t n, const char **s, uint32_t **slot) {
  const char delim = w->hdr->delim;
  size_t i = (size_t)(*s - p), col = (size_t)(*slot - w->cols);
  uint32_t f = column_field(w, k, col);
  if (i < n && p[i] == '"') {
    size_t len = quoted_cell(p, n, &i, delim, k->buf, k->buf_len);
    k->value(k->ctx, f, VK_STRING, k->buf, len);
  } else {
    size_t end = find_byte(p, i, n, delim);
    k->value(k->ctx, f, VK_STRING, p + i, end - i);
    i = end;
  }
  if (i >= n)
    return 0;
  col++;
  if (++i == n) { /* a delimiter at the end: one more, empty cell */
    k->value(k->ctx, column_field(w, k, col), VK_STRING, "", 0);
    return 0;
  }
  *s = p + i;
  *slot = w->cols + col;
  return col < AJAR_MAX_CSV_COLUMNS;
}

/* The cells of a data row handed straight to their fields, as csv_row
 * reads them, from 64-byte masks of the row's delimiters and quotes.
 * In a block, the cells that start with no quote and end there (before
 * the first cell that starts with one), their columns looked up already,
 * take the fast loop: a cell costs its mask bit, its column and the
 * sink's call, with nothing else live across the call. Any other cell
 * (quoted, a column not looked up yet, the column cap near) is read
 * alone (one_cell), and the block read again from past it. */
void csv_walk_record(struct csv_walker *w, const struct rec_sink *k,
                     const char *p, size_t n) {
  const char delim = w->hdr->delim;
  const char *const e = p + n;
  const char *s = p, *blk = p; /* the cell being read, its block */
  uint32_t *slot = w->cols;    /* its column */
  struct block_bits bb = block_bits(blk, e, delim); /* its masks */
  for (;;) {
    uint64_t m = bb.d, starts, bad;
    if (s > blk) /* the delimiters of cells read already */
      m &= ~0ull << (s - blk);
    /* the cells that start in the block: s, and past each delimiter */
    starts = m << 1 | (s >= blk ? 1ull << (s - blk) : 0);
    bad = starts & bb.q;
    if (bad) /* the delimiters before the first quoted cell */
      m &= (bad & -bad) - 1;
    if (m && (ptrdiff_t)__builtin_popcountll(m) <
                 (ptrdiff_t)w->known - (slot - w->cols)) {
      do {
        const char *end = blk + __builtin_ctzll(m);
        m &= m - 1;
        k->value(k->ctx, *slot++, VK_STRING, s, (size_t)(end - s));
        s = end + 1;
      } while (m);
      if (s == e) { /* a delimiter at the end: one more, empty cell */
        k->value(k->ctx, *slot, VK_STRING, "", 0);
        break;
      }
    }
    if (!m && !bad) { /* the cell at s goes on past the block */
      if (e - blk > 64) {
        blk += 64;
        bb = block_bits(blk, e, delim);
        continue;
      }
      k->value(k->ctx, column_field(w, k, (size_t)(slot - w->cols)), VK_STRING, s,
               (size_t)(e - s));
      break;
    }
    if (bad && s == blk + __builtin_ctzll(bad)) {
      /* a quoted cell with a delimiter (or the row's end) right after
       * its closing quote (the next quote: from the block's mask, or
       * 16 bytes a step past the block): no "" and no junk inside, so
       * it is read in place, as quoted_cell would copy it */
      uint64_t qs = bb.q >> (s - blk) >> 1;
      const char *close =
          qs ? s + 1 + __builtin_ctzll(qs)
             : e - blk <= 64 ? e /* none: the cell runs to the row's end */
                             : p + find_byte(p, (size_t)(blk + 64 - p), n, '"');
      if (close + 1 >= e || close[1] == delim) {
        size_t len = (size_t)(close - s - 1);
        k->value(k->ctx, column_field(w, k, (size_t)(slot - w->cols)), VK_STRING,
                 s + 1, len < k->buf_len ? len : k->buf_len);
        slot++;
        if (close + 1 >= e)
          break;
        s = close + 2;
        if (s == e) { /* a delimiter at the end: one more, empty cell */
          k->value(k->ctx, column_field(w, k, (size_t)(slot - w->cols)), VK_STRING,
                   "", 0);
          break;
        }
        if (slot == w->cols + AJAR_MAX_CSV_COLUMNS)
          break;
        if (s - blk >= 64) {
          blk = p + ((size_t)(s - p) & ~(size_t)63);
          bb = block_bits(blk, e, delim);
        }
        continue;
      }
    }
    if (!one_cell(w, k, p, n, &s, &slot))
      break;
    if (s - blk >= 64) { /* else the block's masks serve again */
      blk = p + ((size_t)(s - p) & ~(size_t)63);
      bb = block_bits(blk, e, delim);
    }
  }
  rec_end(k, 0);
}
