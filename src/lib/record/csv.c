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

/* The delimiters (d) and quotes (q) of a row's 64-byte blocks, one bit
 * each, none at or past the row's end; made AJAR_CSV_MASK_BLOCKS blocks
 * at a time by one loop with no call inside (its constants stay in
 * registers), so reading a row's next block is two loads, not a call. */
struct block_bits { uint64_t d, q; };

struct row_masks {
  const char *base; /* the first block held */
  size_t bytes;     /* 64 a block held */
  uint64_t d[AJAR_CSV_MASK_BLOCKS], q[AJAR_CSV_MASK_BLOCKS];
};

/* one block's masks, of the 64 bytes at x (16 or 32 bytes a compare) */
#define BLOCK_SSE2(x, d, q)                                                    \
  do {                                                                         \
    int k_;                                                                    \
    d = q = 0;                                                                 \
    for (k_ = 0; k_ < 4; k_++) {                                               \
      __m128i v_ = _mm_loadu_si128((const __m128i *)((x) + 16 * k_));          \
      d |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v_, vd)) << (16 * k_); \
      q |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v_, vq)) << (16 * k_); \
    }                                                                          \
  } while (0)

#define BLOCK_AVX2(x, d, q)                                                    \
  do {                                                                         \
    __m256i lo_ = _mm256_loadu_si256((const __m256i *)(x));                    \
    __m256i hi_ = _mm256_loadu_si256((const __m256i *)((x) + 32));             \
    d = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo_, vd)) | \
        (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi_, vd)) << 32; \
    q = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo_, vq)) | \
        (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi_, vq)) << 32; \
  } while (0)

/* the masks of nb blocks from b: the whole ones, then the row's last
 * (copied out first, so nothing past the row is read; its bits past the
 * row cleared) */
#define MASKS(BLOCK)                                                           \
  do {                                                                         \
    size_t j_, full_ = (size_t)(e - b) / 64 < nb ? (size_t)(e - b) / 64 : nb;  \
    uint64_t d_, q_;                                                           \
    for (j_ = 0; j_ < full_; j_++, b += 64) {                                  \
      BLOCK(b, d_, q_);                                                        \
      rm->d[j_] = d_;                                                          \
      rm->q[j_] = q_;                                                          \
    }                                                                          \
    if (j_ < nb) {                                                             \
      char tail_[64];                                                          \
      size_t left_ = (size_t)(e - b);                                          \
      memset(tail_, 0, 64);                                                    \
      memcpy(tail_, b, left_);                                                 \
      BLOCK(tail_, d_, q_);                                                    \
      rm->d[j_] = d_ & ((1ull << left_) - 1);                                  \
      rm->q[j_] = q_ & ((1ull << left_) - 1);                                  \
    }                                                                          \
  } while (0)

static void masks_sse2(struct row_masks *rm, const char *b, const char *e,
                       size_t nb, char delim) {
  const __m128i vd = _mm_set1_epi8(delim), vq = _mm_set1_epi8('"');
  MASKS(BLOCK_SSE2);
}

/* AVX2: 32 bytes a compare (the walker is built for SSE2) */
__attribute__((target("avx2"))) static void
masks_avx2(struct row_masks *rm, const char *b, const char *e, size_t nb,
           char delim) {
  const __m256i vd = _mm256_set1_epi8(delim), vq = _mm256_set1_epi8('"');
  MASKS(BLOCK_AVX2);
}

/* the masks of blocks from blk on, as many as are held and the row has
 * (one, of no bits, for an empty row) */
__attribute__((noinline)) static void masks_fill(struct row_masks *rm,
                                                 const char *blk, const char *e,
                                                 char delim) {
  size_t nb = ((size_t)(e - blk) + 63) / 64;
  if (nb == 0)
    nb = 1;
  else if (nb > AJAR_CSV_MASK_BLOCKS)
    nb = AJAR_CSV_MASK_BLOCKS;
  if (ajar_have_avx2)
    masks_avx2(rm, blk, e, nb, delim);
  else
    masks_sse2(rm, blk, e, nb, delim);
  rm->base = blk;
  rm->bytes = nb * 64;
}

/* the masks of the block at blk (64 bytes past the row's start a step,
 * before e), made first when they are not held */
static inline struct block_bits block_bits(struct row_masks *rm, const char *blk,
                                           const char *e, char delim) {
  size_t off = (size_t)(blk - rm->base);
  struct block_bits r;
  if (off >= rm->bytes) {
    masks_fill(rm, blk, e, delim);
    off = 0;
  }
  r.d = rm->d[off / 64];
  r.q = rm->q[off / 64];
  return r;
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

/* Where the walk of a row is: the cell being read (s), its block and
 * that block's masks, its column; m the delimiters of the block that end
 * plain cells from s on, bad the block's quoted cell starts. */
struct walk_at {
  struct row_masks rm;
  const char *e;
  char delim;
  const char *s, *blk;
  uint32_t *slot, *known; /* cols + w->known, for plain_cells */
  struct block_bits bb;
  uint64_t m, bad;
};

/* The cells that start with no quote, their columns looked up already
 * (at->m holds the first block's), block after block while the next
 * block's cells are as plain: a cell costs its mask bit, its column and
 * the sink's call, a block two loads of its masks. Out of line, with its
 * state in registers for the run (the row's loop keeps its own in
 * memory, for the cells this does not take). 0 when the row ended on a
 * delimiter, its last (empty) cell handed over too. */
__attribute__((noinline)) static int plain_cells(struct walk_at *at,
                                                 const struct rec_sink *k) {
  const char *s = at->s, *blk = at->blk;
  uint32_t *slot = at->slot;
  uint64_t m = at->m;
  /* live across the sink's calls: m, s, slot, blk, k and at alone (the
   * callee-saved registers); bad is kept in at */
  for (;;) {
    struct block_bits bb;
    uint64_t bad;
    do {
      const char *v = s;
      s = blk + __builtin_ctzll(m) + 1;
      m &= m - 1;
      k->value(k->ctx, *slot++, VK_STRING, v, (size_t)(s - 1 - v));
    } while (m);
    if (s == at->e) { /* a delimiter at the end: one more, empty cell */
      k->value(k->ctx, *slot, VK_STRING, "", 0);
      return 0;
    }
    if (at->bad || at->e - blk <= 64)
      break;
    /* the next block, its masks as the row's loop makes them (s is not
     * past blk) */
    blk += 64;
    bb = block_bits(&at->rm, blk, at->e, at->delim);
    m = bb.d;
    bad = (m << 1 | (s == blk)) & bb.q;
    at->bad = bad;
    if (bad)
      m &= (bad & -bad) - 1;
    if (!m || (unsigned)__builtin_popcountll(m) >= (unsigned)(at->known - slot))
      break;
  }
  if (blk != at->blk) /* held: two loads */
    at->bb = block_bits(&at->rm, blk, at->e, at->delim);
  at->s = s;
  at->blk = blk;
  at->slot = slot;
  at->m = m;
  return 1;
}

/* The cells of a data row handed straight to their fields, as csv_row
 * reads them, from 64-byte masks of the row's delimiters and quotes.
 * The cells that start with no quote, their columns looked up already,
 * are read by plain_cells, across blocks. Any other cell (quoted, a
 * column not looked up yet, the column cap near) is read alone
 * (one_cell, or in place for a quoted one with nothing to unquote), and
 * the block read again from past it. */
void csv_walk_record(struct csv_walker *w, const struct rec_sink *k,
                     const char *p, size_t n) {
  struct walk_at at;
  at.e = p + n;
  at.delim = w->hdr->delim;
  at.s = at.blk = p;
  at.slot = w->cols;
  at.rm.base = p;
  at.rm.bytes = 0;
  at.bb = block_bits(&at.rm, p, at.e, at.delim);
  for (;;) {
    const char *const s = at.s, *const blk = at.blk, *const e = at.e;
    uint64_t m = at.bb.d, starts, bad;
    if (s > blk) /* the delimiters of cells read already */
      m &= ~0ull << (s - blk);
    /* the cells that start in the block: s, and past each delimiter */
    starts = m << 1 | (s >= blk ? 1ull << (s - blk) : 0);
    bad = starts & at.bb.q;
    if (bad) /* the delimiters before the first quoted cell */
      m &= (bad & -bad) - 1;
    if (m && (ptrdiff_t)__builtin_popcountll(m) <
                 (ptrdiff_t)w->known - (at.slot - w->cols)) {
      at.m = m;
      at.bad = bad;
      at.known = w->cols + w->known;
      if (!plain_cells(&at, k))
        break;
      m = at.m;
      bad = at.bad;
    }
    if (!m && !bad) { /* the cell at s goes on past the block */
      if (e - at.blk > 64) {
        at.blk += 64;
        at.bb = block_bits(&at.rm, at.blk, e, at.delim);
        continue;
      }
      k->value(k->ctx, column_field(w, k, (size_t)(at.slot - w->cols)), VK_STRING,
               at.s, (size_t)(e - at.s));
      break;
    }
    if (bad && at.s == at.blk + __builtin_ctzll(bad)) {
      /* a quoted cell with a delimiter (or the row's end) right after
       * its closing quote (the next quote: from the block's mask, or
       * 16 bytes a step past the block): no "" and no junk inside, so
       * it is read in place, as quoted_cell would copy it */
      const char *c = at.s, *b = at.blk;
      uint64_t qs = at.bb.q >> (c - b) >> 1;
      const char *close =
          qs ? c + 1 + __builtin_ctzll(qs)
             : e - b <= 64 ? e /* none: the cell runs to the row's end */
                           : p + find_byte(p, (size_t)(b + 64 - p), n, '"');
      if (close + 1 >= e || close[1] == at.delim) {
        size_t len = (size_t)(close - c - 1);
        k->value(k->ctx, column_field(w, k, (size_t)(at.slot - w->cols)), VK_STRING,
                 c + 1, len < k->buf_len ? len : k->buf_len);
        at.slot++;
        if (close + 1 >= e)
          break;
        at.s = close + 2;
        if (at.s == e) { /* a delimiter at the end: one more, empty cell */
          k->value(k->ctx, column_field(w, k, (size_t)(at.slot - w->cols)), VK_STRING,
                   "", 0);
          break;
        }
        if (at.slot == w->cols + AJAR_MAX_CSV_COLUMNS)
          break;
        if (at.s - b >= 64) {
          at.blk = p + ((size_t)(at.s - p) & ~(size_t)63);
          at.bb = block_bits(&at.rm, at.blk, e, at.delim);
        }
        continue;
      }
    }
    if (!one_cell(w, k, p, n, &at.s, &at.slot))
      break;
    if (at.s - at.blk >= 64) { /* else the block's masks serve again */
      at.blk = p + ((size_t)(at.s - p) & ~(size_t)63);
      at.bb = block_bits(&at.rm, at.blk, e, at.delim);
    }
  }
  rec_end(k, 0);
}
