/* `ajar files -j N` on an SQL dump. The dump walker (record/sqldump.c)
 * keeps state across the whole stream (tables, column lists, the COPY
 * block it is in), so it reads on the main thread; classifying the rows
 * it finds, most of the CPU, is done by the workers. A relay sink stands
 * in for each table's collection: a row the walker emits is encoded
 * (per value: its column's name, kind and bytes) into one record of the
 * batches the workers walk (walk_record, FMT_SQL: sqlrow_walk), so the
 * rows of one table land in each worker's collection of that table and
 * are merged at the end as for NDJSON. A malformed row is counted here.
 *
 * An encoded row is at most AJAR_MAX_RECORD bytes, as a framed record
 * is: the values that would not fit are left out (a row of 1,024 columns
 * of 64 KiB each could be 64 MiB).
 *
 * One encoded value: kind (1 byte), name length (2), value length (4,
 * little-endian host order: the record never leaves the process), the
 * name, the value.
 */
#include <stdlib.h>
#include <string.h>
#include "files_job.h"

struct relay {
  struct rec_sink sink;   /* the walker's view */
  struct job *j;
  uint32_t part;
  char *row;              /* the row being encoded */
  size_t len, cap;
  int failed;             /* no memory for the row: it is dropped */
  struct { char *name; uint16_t n; } *cols; /* field handles: column names */
  uint32_t n_cols, cap_cols;
};

#define VALUE_HEAD 7

static uint32_t relay_child(void *ctx, uint32_t parent, const char *key, size_t n,
                            int is_array) {
  struct relay *r = ctx;
  char *name;
  (void)parent;
  (void)is_array; /* SQL rows are flat: every field is a column */
  if (n > AJAR_MAX_KEY)
    n = AJAR_MAX_KEY;
  if (r->n_cols >= AJAR_MAX_FIELDS)
    return REC_NONE;
  if (r->n_cols == r->cap_cols) {
    uint32_t nc = r->cap_cols ? r->cap_cols * 2 : 16;
    void *nv = realloc(r->cols, nc * sizeof *r->cols);
    if (!nv)
      return REC_NONE;
    r->cols = nv;
    r->cap_cols = nc;
  }
  if (!(name = malloc(n ? n : 1)))
    return REC_NONE;
  memcpy(name, key, n);
  r->cols[r->n_cols].name = name;
  r->cols[r->n_cols].n = (uint16_t)n;
  return r->n_cols++;
}

static uint32_t relay_next(void *ctx, uint32_t parent, uint32_t prev,
                           const char *key, size_t n) {
  (void)prev;
  return relay_child(ctx, parent, key, n, 0);
}

static uint32_t relay_next_quoted(void *ctx, uint32_t parent, uint32_t prev,
                                  const char *k, const char *end, size_t *n) {
  (void)ctx; (void)parent; (void)prev; (void)k; (void)end; (void)n;
  return REC_NONE; /* no prediction: the walker calls next */
}

static void relay_value(void *ctx, uint32_t field, enum value_kind kind,
                        const char *v, size_t n) {
  struct relay *r = ctx;
  uint16_t nl;
  uint32_t vl = (uint32_t)n;
  size_t need;
  if (field >= r->n_cols || r->failed || n > UINT32_MAX)
    return;
  nl = r->cols[field].n;
  need = r->len + VALUE_HEAD + nl + n;
  if (need > AJAR_MAX_RECORD)
    return; /* a row is a record: its values past the cap are not classified */
  if (need > r->cap) {
    size_t nc = r->cap ? r->cap : 4096;
    char *nr;
    while (nc < need) nc *= 2;
    if (!(nr = realloc(r->row, nc))) {
      r->failed = 1;
      return;
    }
    r->row = nr;
    r->cap = nc;
  }
  r->row[r->len] = (char)kind;
  memcpy(r->row + r->len + 1, &nl, 2);
  memcpy(r->row + r->len + 3, &vl, 4);
  memcpy(r->row + r->len + VALUE_HEAD, r->cols[field].name, nl);
  if (n)
    memcpy(r->row + r->len + VALUE_HEAD + nl, v, n);
  r->len = need;
}

static void relay_numarray(void *ctx, uint32_t field, size_t count, double first,
                           double second, double absmax) {
  (void)ctx; (void)field; (void)count; (void)first; (void)second; (void)absmax;
}

static void relay_geo(void *ctx, uint32_t field, double lat, double lon) {
  (void)ctx; (void)field; (void)lat; (void)lon;
}

static void relay_end(void *ctx, int malformed) {
  struct relay *r = ctx;
  struct job *j = r->j;
  if (malformed) { /* counted where stream_malformed looks */
    struct file_sink *fs = sink_for(&j->main_w, r->part);
    if (fs)
      fs->k.c->malformed++;
  }
  if (!r->failed) {
    j->cur_part = r->part;
    if (on_record(j, r->row ? r->row : "", r->len, 0))
      r->failed = 1;
  }
  r->len = 0;
  r->failed = 0;
}

static const struct rec_sink *relay_open(void *ctx, const char *name, size_t n) {
  struct relay *r = ctx;
  uint32_t part = part_open(r->j, r->part, name, n);
  return part == UINT32_MAX ? NULL : relay_sink(r->j, part);
}

const struct rec_sink *relay_sink(struct job *j, uint32_t part) {
  struct relay *r = j->parts[part]->relay;
  if (r)
    return &r->sink;
  if (!(r = calloc(1, sizeof *r)))
    return NULL;
  r->j = j;
  r->part = part;
  r->sink.ctx = r;
  r->sink.buf = j->main_w.s->buf; /* the main thread classifies nothing */
  r->sink.buf_len = sizeof j->main_w.s->buf;
  r->sink.child = relay_child;
  r->sink.next = relay_next;
  r->sink.next_quoted = relay_next_quoted;
  r->sink.value = relay_value;
  r->sink.numarray = relay_numarray;
  r->sink.geo = relay_geo;
  r->sink.end_record = relay_end;
  r->sink.open = relay_open;
  j->parts[part]->relay = r;
  return &r->sink;
}

void relays_free(struct job *j) {
  uint32_t p, c;
  for (p = 0; j->parts && p < j->n_parts; p++) {
    struct relay *r = j->parts[p]->relay;
    if (!r)
      continue;
    for (c = 0; c < r->n_cols; c++)
      free(r->cols[c].name);
    free(r->cols);
    free(r->row);
    free(r);
    j->parts[p]->relay = NULL;
  }
}

void sqlrow_walk(const struct rec_sink *k, const char *p, size_t n) {
  size_t i = 0;
  uint32_t prev = REC_NONE;
  while (i + VALUE_HEAD <= n) {
    uint16_t nl;
    uint32_t vl, f;
    enum value_kind kind = (enum value_kind)(unsigned char)p[i];
    memcpy(&nl, p + i + 1, 2);
    memcpy(&vl, p + i + 3, 4);
    if (VALUE_HEAD + (size_t)nl + vl > n - i)
      break; /* written by relay_value: never */
    f = rec_next(k, REC_ROOT, prev, p + i + VALUE_HEAD, nl);
    rec_value(k, f, kind, p + i + VALUE_HEAD + nl, vl);
    prev = f;
    i += VALUE_HEAD + (size_t)nl + vl;
  }
  rec_end(k, 0);
}
