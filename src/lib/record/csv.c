/* CSV/TSV walker: a row is a record, its cells the values of the fields
 * the header row names (columns past the header: "columnN"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <emmintrin.h>
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
  size_t i = *pi + 1, k = 0;
  while (i < n) {
    /* the run up to the next quote, copied whole */
    size_t stop = find_byte(p, i, n, '"'), run = stop - i;
    if (k < cap) {
      size_t c = cap - k < run ? cap - k : run;
      memcpy(buf + k, p + i, c);
      k += c;
    }
    i = stop;
    if (i == n)
      break;
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
  w->cols = calloc(AJAR_MAX_CSV_COLUMNS, sizeof *w->cols);
  return w->cols ? 0 : AJAR_ENOMEM;
}

void csv_walker_fini(struct csv_walker *w) {
  free(w->cols);
  memset(w, 0, sizeof *w);
}

/* The delimiters among p[base, base + 64) (base < n), one bit each
 * (SSE2); the last block of a row is copied out first, so nothing past
 * the row is read. */
static uint64_t delim_bits(const char *p, size_t n, size_t base, __m128i d) {
  char tail[64];
  uint64_t m = 0;
  int k;
  p += base;
  if (n - base < 64) {
    memset(tail, 0, sizeof tail);
    memcpy(tail, p, n - base);
    p = tail;
  }
  for (k = 0; k < 4; k++) {
    __m128i v = _mm_loadu_si128((const __m128i *)(p + 16 * k));
    m |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, d)) << (16 * k);
  }
  return n - base < 64 ? m & ((1ull << (n - base)) - 1) : m;
}

/* the field of column col (past the header's: "columnN"), looked up
 * once per walker (column_field) */
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
  if (col < AJAR_MAX_CSV_COLUMNS)
    w->cols[col] = f;
  return f;
}

static inline uint32_t column_field(struct csv_walker *w,
                                   const struct rec_sink *k, size_t col) {
  if (col < AJAR_MAX_CSV_COLUMNS && w->cols[col])
    return w->cols[col];
  return column_lookup(w, k, col);
}

/* csv_row for a data row, its cells handed straight to their fields:
 * the delimiters come from bit masks of 64 bytes (m: those of the block
 * at base that are at or after i), a quoted cell is read as csv_row
 * reads it. The sink's value call, its context and the column table
 * are held in locals for the row (a cell costs the table load, the next
 * mask bit and the call). */
void csv_walk_record(struct csv_walker *w, const struct rec_sink *k,
                     const char *p, size_t n) {
  const char delim = w->hdr->delim;
  const __m128i d = _mm_set1_epi8(delim);
  void (*const value)(void *, uint32_t, enum value_kind, const char *, size_t) =
      k->value;
  void *const ctx = k->ctx;
  const uint32_t *const cols = w->cols;
  size_t i = 0, col = 0, base = 0;
  uint64_t m = delim_bits(p, n, 0, d);
  while (col < AJAR_MAX_CSV_COLUMNS) {
    uint32_t f = cols[col];
    size_t end;
    if (!f)
      f = column_lookup(w, k, col);
    col++;
    if (i < n && p[i] == '"') {
      size_t len = quoted_cell(p, n, &i, delim, k->buf, k->buf_len);
      value(ctx, f, VK_STRING, k->buf, len);
      end = i; /* the delimiter after the cell, or n */
      if (end >= n)
        break;
      if (end - base >= 64) {
        base = end & ~(size_t)63;
        m = delim_bits(p, n, base, d);
      }
      m &= (~0ull << (end - base)) << 1;
    } else {
      while (!m) {
        if (base + 64 >= n)
          goto last;
        m = delim_bits(p, n, base += 64, d);
      }
      end = base + (size_t)__builtin_ctzll(m);
      m &= m - 1;
      value(ctx, f, VK_STRING, p + i, end - i);
    }
    i = end + 1; /* past the delimiter */
    if (i == n) {
      value(ctx, column_field(w, k, col), VK_STRING, "", 0);
      break;
    }
    continue;
  last: /* the row's last cell */
    value(ctx, f, VK_STRING, p + i, n - i);
    break;
  }
  rec_end(k, 0);
}
