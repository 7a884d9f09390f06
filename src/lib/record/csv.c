/* CSV/TSV walker: a row is a record, its cells the values of the fields
 * the header row names (columns past the header: "columnN"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "record/csv.h"

/* Split one row (RFC 4180) and call fn per field, unquoted into buf. */
typedef void (*cell_fn)(void *ctx, size_t col, const char *v, size_t n);

static void csv_row(const char *p, size_t n, char delim, char *buf, size_t cap,
                    cell_fn fn, void *ctx) {
  size_t i = 0, col = 0;
  while (i <= n && col < AJAR_MAX_CSV_COLUMNS) {
    if (i < n && p[i] == '"') {
      size_t k = 0;
      i++;
      while (i < n) {
        if (p[i] == '"') {
          if (i + 1 < n && p[i + 1] == '"') {
            if (k < cap) buf[k++] = '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (k < cap) buf[k++] = p[i];
        i++;
      }
      while (i < n && p[i] != delim) i++; /* junk after the closing quote */
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

struct row_ctx {
  struct csv_walker *w;
  const struct rec_sink *k;
};

static void data_cell(void *ctx, size_t col, const char *v, size_t n) {
  struct row_ctx *r = ctx;
  const struct csv_header *h = r->w->hdr;
  const struct rec_sink *k = r->k;
  uint32_t f;
  if (col >= h->n) {
    char name[32];
    int len = snprintf(name, sizeof name, "column%zu", col + 1);
    f = rec_child(k, REC_ROOT, name, (size_t)len, 0);
  } else {
    if (!r->w->cols[col])
      r->w->cols[col] = rec_child(k, REC_ROOT, h->names[col], h->lens[col], 0);
    f = r->w->cols[col];
  }
  rec_value(k, f, VK_STRING, v, n);
}

void csv_walk_record(struct csv_walker *w, const struct rec_sink *k,
                     const char *p, size_t n) {
  struct row_ctx r = {w, k};
  csv_row(p, n, w->hdr->delim, k->buf, k->buf_len, data_cell, &r);
  rec_end(k, 0);
}
