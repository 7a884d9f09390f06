/* Unit tests for src/lib/record/csv.c: a data row, split 64 bytes a step
 * with quoted cells read apart, must give the fields and values a
 * byte-by-byte RFC 4180 reference gives (rows wider and narrower than the
 * header, quotes, "" inside quotes, junk after a closing quote, quotes
 * inside an unquoted cell, a delimiter at the end, cells over the
 * scratch buffer; rows built cell by cell, quoted cells read in place
 * across 64-byte blocks, rows longer than the 16 blocks whose masks are
 * made at once), each row in a heap copy of its own size, with both
 * builds of the block masks (AVX2, SSE2). */
#include <stdlib.h>
#include <string.h>

#include "classify/shape.h" /* ajar_have_avx2 */
#include "record/csv.h"
#include "unit.h"

#define OUT_CAP 65536

struct rec {
  char names[80][16];
  unsigned n_names;
  char out[OUT_CAP];
  size_t n;
};

static void put(struct rec *r, const char *s, size_t n) {
  if (r->n + n + 1 < OUT_CAP) {
    memcpy(r->out + r->n, s, n);
    r->n += n;
    r->out[r->n] = 0;
  }
}

static uint32_t r_child(void *ctx, uint32_t parent, const char *key, size_t n,
                        int is_array) {
  struct rec *r = ctx;
  unsigned i;
  (void)parent;
  (void)is_array;
  for (i = 0; i < r->n_names; i++)
    if (strlen(r->names[i]) == n && !memcmp(r->names[i], key, n)) return i + 1;
  if (r->n_names == 80 || n >= sizeof r->names[0]) return 999;
  memcpy(r->names[r->n_names], key, n);
  r->names[r->n_names][n] = 0;
  return ++r->n_names;
}

static void r_value(void *ctx, uint32_t field, enum value_kind kind, const char *v,
                    size_t n) {
  struct rec *r = ctx;
  (void)kind;
  put(r, "|", 1);
  if (field >= 1 && field <= r->n_names) put(r, r->names[field - 1], strlen(r->names[field - 1]));
  put(r, "=", 1);
  put(r, v, n);
}

static void r_end(void *ctx, int malformed) {
  struct rec *r = ctx;
  put(r, malformed ? "!\n" : "\n", malformed ? 2 : 1);
}

/* The reference: csv.c's rules one byte at a time. */
static void ref_cell(struct rec *r, const struct csv_header *h, size_t col,
                     const char *v, size_t n) {
  char name[32];
  size_t len;
  if (col < h->n) {
    len = h->lens[col];
    memcpy(name, h->names[col], len);
  } else {
    len = (size_t)snprintf(name, sizeof name, "column%zu", col + 1);
  }
  r_value(r, r_child(r, 0, name, len, 0), VK_STRING, v, n);
}

static void ref_row(struct rec *r, const struct csv_header *h, const char *p,
                    size_t n, size_t cap) {
  char *buf = malloc(cap + 1);
  size_t i = 0, col = 0;
  while (i <= n && col < AJAR_MAX_CSV_COLUMNS) {
    if (i < n && p[i] == '"') {
      size_t k = 0;
      for (i++; i < n; i++) {
        if (p[i] == '"' && i + 1 < n && p[i + 1] == '"') {
          if (k < cap) buf[k++] = '"';
          i++;
        } else if (p[i] == '"') {
          i++;
          break;
        } else if (k < cap) {
          buf[k++] = p[i];
        }
      }
      while (i < n && p[i] != h->delim) i++;
      ref_cell(r, h, col++, buf, k);
    } else {
      size_t e = i;
      while (e < n && p[e] != h->delim) e++;
      ref_cell(r, h, col++, p + i, e - i);
      i = e;
    }
    if (i >= n) break;
    i++;
    if (i == n) {
      ref_cell(r, h, col++, "", 0);
      break;
    }
  }
  r_end(r, 0);
  free(buf);
}

/* the header h read from `header`, and a sink k of the recorder's calls */
static void setup(struct csv_header *h, const char *header, struct rec_sink *k,
                  char *buf, size_t cap) {
  memset(h, 0, sizeof *h);
  csv_header_read(h, 0, header, strlen(header), buf, cap);
  memset(k, 0, sizeof *k);
  k->child = r_child;
  k->value = r_value;
  k->end_record = r_end;
}

static void test_rows(struct csv_walker *pw) {
  static const char alpha[] = ",,,,\"\"ab c;\t\r";
  static struct rec want, got;
  char header[] = "a,b,\"c,d\",e";
  char *row = malloc(4000), buf[40];
  struct csv_header h;
  struct rec_sink k;
  unsigned seed = 31337;
  size_t t;
  setup(&h, header, &k, buf, sizeof buf);
  if (csv_walker_init(pw, &h))
    pw->cols = NULL;
  CHECK(h.n == 4 && h.delim == ',' && !strcmp(h.names[2], "c,d"));
  for (t = 0; t < 4000; t++) {
    struct csv_walker w;
    size_t n, i;
    char *copy;
    seed = seed * 1103515245u + 12345u;
    n = (seed >> 16) % (t % 4 == 0 ? 4000 : 300);
    for (i = 0; i < n; i++) {
      seed = seed * 1103515245u + 12345u;
      /* t % 2: long plain cells with quoted ones now and then */
      row[i] = t % 2 && (seed >> 16) % 8 ? "abcdefgh"[(seed >> 20) % 8]
                                          : alpha[(seed >> 16) % (sizeof alpha - 1)];
    }
    memset(&want, 0, sizeof want);
    memset(&got, 0, sizeof got);
    /* a scratch buffer smaller than some quoted cells */
    ref_row(&want, &h, row, n, 24);
    copy = malloc(n ? n : 1);
    memcpy(copy, row, n);
    k.ctx = &got;
    k.buf = buf;
    k.buf_len = 24;
    if (csv_walker_init(&w, &h) == 0) {
      csv_walk_record(&w, &k, copy, n);
      /* again: the columns' fields are now looked up already */
      csv_walk_record(&w, &k, copy, n);
      csv_walker_fini(&w);
    }
    ref_row(&want, &h, row, n, 24);
    /* and with a walker kept over all rows, its columns known from
     * rows before (wider or narrower) */
    if (pw->cols) {
      csv_walk_record(pw, &k, copy, n);
      ref_row(&want, &h, row, n, 24);
    }
    free(copy);
    CHECKF(!strcmp(want.out, got.out), "row %zu (%zu bytes): %.*s\n--- got\n%.300s\n--- want\n%.300s",
           t, n, (int)(n < 200 ? n : 200), row, got.out, want.out);
  }
  csv_walker_fini(pw);
  csv_header_free(&h);
  free(row);
}

/* Rows built cell by cell: plain cells, quoted ones of 0 to 150 bytes
 * (commas, newlines and semicolons inside) read in place, quoted ones
 * with "" or junk after the closing quote, one left open at the row's
 * end, empty ones: quoted cells that cross 64-byte blocks and close on
 * either side of a block's end. */
static void test_cells(void) {
  static struct rec want, got;
  char header[] = "a,b,c", buf[256], *row = malloc(20000);
  struct csv_header h;
  struct rec_sink k;
  unsigned seed = 4242;
  size_t t;
  setup(&h, header, &k, buf, sizeof buf);
  k.buf = buf;
  for (t = 0; t < 3000; t++) {
    struct csv_walker w;
    size_t n = 0, cells, c, j;
    char *copy;
    seed = seed * 1103515245u + 12345u;
    cells = 1 + (seed >> 16) % 40;
    for (c = 0; c < cells; c++) {
      unsigned kind, len;
      seed = seed * 1103515245u + 12345u;
      kind = (seed >> 16) % 10;
      len = (seed >> 20) % (kind < 5 ? 151 : 20);
      if (c)
        row[n++] = ',';
      if (kind >= 5) { /* plain (or empty) */
        for (j = 0; j < len; j++) row[n++] = "abc x"[j % 5];
        continue;
      }
      row[n++] = '"';
      for (j = 0; j < len; j++) {
        seed = seed * 1103515245u + 12345u;
        row[n++] = "ab,c\n;de"[(seed >> 16) % 8];
        if (kind == 1 && (seed >> 24) % 16 == 0) { /* "" */
          row[n++] = '"';
          row[n++] = '"';
        }
      }
      if (kind == 4 && c + 1 == cells)
        continue; /* left open */
      row[n++] = '"';
      if (kind == 2) /* junk after the closing quote */
        row[n++] = 'j';
    }
    if (t % 3 == 0)
      row[n++] = ','; /* a delimiter at the end */
    k.buf_len = t % 2 ? 24 : 200; /* cells over and under the cap */
    memset(&want, 0, sizeof want);
    memset(&got, 0, sizeof got);
    ref_row(&want, &h, row, n, k.buf_len);
    ref_row(&want, &h, row, n, k.buf_len);
    copy = malloc(n ? n : 1);
    memcpy(copy, row, n);
    k.ctx = &got;
    if (csv_walker_init(&w, &h) == 0) {
      csv_walk_record(&w, &k, copy, n);
      csv_walk_record(&w, &k, copy, n);
      csv_walker_fini(&w);
    }
    free(copy);
    CHECKF(!strcmp(want.out, got.out), "cells %zu (%zu bytes): %.*s\n--- got\n%.300s\n--- want\n%.300s",
           t, n, (int)(n < 300 ? n : 300), row, got.out, want.out);
  }
  csv_header_free(&h);
  free(row);
}

/* One walker over rows one cell wider each time, with and without a
 * delimiter at the end: the columns it knows end just before, at or
 * just past the row's last cell. */
static void test_widening(void) {
  static struct rec want, got;
  char header[] = "a,b", buf[40], row[1200];
  struct csv_header h;
  struct csv_walker w;
  struct rec_sink k;
  size_t cells, n = 0;
  setup(&h, header, &k, buf, sizeof buf);
  k.ctx = &got;
  k.buf = buf;
  k.buf_len = sizeof buf;
  CHECK(csv_walker_init(&w, &h) == 0);
  for (cells = 1; cells < 150 && w.cols; cells++) {
    int trail;
    for (trail = 0; trail < 2; trail++) {
      n = 0;
      memset(row, 0, sizeof row);
      while (n < 6 * cells) {
        memcpy(row + n, "x1234,", 6);
        n += 6;
      }
      n -= trail ? 0 : 1; /* the last delimiter, or not */
      want.n = got.n = 0; /* the output; the names stay known */
      want.out[0] = got.out[0] = 0;
      ref_row(&want, &h, row, n, sizeof buf);
      csv_walk_record(&w, &k, row, n);
      CHECKF(!strcmp(want.out, got.out), "%zu cells%s\n--- got\n%.300s\n--- want\n%.300s",
             cells, trail ? " and a delimiter" : "", got.out, want.out);
    }
  }
  csv_walker_fini(&w);
  csv_header_free(&h);
}

/* Both builds of the masks: AVX2 (where the CPU has it) and SSE2. */
void test_csv(void) {
  int have = ajar_have_avx2;
  struct csv_walker pw;
  test_rows(&pw);
  test_widening();
  test_cells();
  ajar_have_avx2 = !have;
  if (!have) /* AVX2 only where the CPU runs it */
    ajar_have_avx2 = __builtin_cpu_supports("avx2");
  if (ajar_have_avx2 != have) {
    test_rows(&pw);
    test_widening();
    test_cells();
  }
  ajar_have_avx2 = have;
}
