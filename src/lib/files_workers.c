/* `ajar files`, the parts of a file and the workers: each part (the
 * file, a table, a sheet, an archive member) has a collection per worker;
 * framed records are walked on the main thread, or copied into batches
 * the pool's workers walk (record/: JSON, CSV, text), their collections
 * merged into the main worker's at the end.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "files_job.h"

#define BATCH_BYTES (1u << 20)

struct rec {
  size_t off, len;
  uint64_t line;
};

struct batch {
  char *buf;
  size_t len, cap;
  struct rec *recs;
  size_t n, rcap;
  uint32_t part;
};

/* ---- parts and their sinks ------------------------------------------ */
uint32_t part_open(struct job *j, uint32_t parent, const char *name,
                   size_t n) {
  const char *outer = j->parts[parent]->name;
  size_t ol = strlen(outer);
  uint32_t i, found = UINT32_MAX;
  char *full = malloc(ol + 1 + n + 1);
  if (!full)
    return UINT32_MAX;
  memcpy(full, outer, ol);
  full[ol] = '!';
  memcpy(full + ol + 1, name, n);
  full[ol + 1 + n] = 0;
  pthread_mutex_lock(&j->parts_mu);
  for (i = 1; i < j->n_parts && found == UINT32_MAX; i++)
    if (!strcmp(j->parts[i]->name, full))
      found = i;
  if (found == UINT32_MAX &&
      j->n_parts >= (j->max_parts ? j->max_parts : AJAR_MAX_COLLECTIONS))
    j->parts_full = 1;
  else if (found == UINT32_MAX) {
    struct part *pt = calloc(1, sizeof *pt);
    if (pt) {
      pt->name = full;
      full = NULL;
      pt->fmt = j->parts[parent]->fmt;
      j->parts[j->n_parts] = pt;
      found = j->n_parts++;
    }
  }
  pthread_mutex_unlock(&j->parts_mu);
  free(full);
  return found;
}

/* rec_sink.open: the part named `name` inside the sink's part */
static const struct rec_sink *open_part(void *ctx, const char *name, size_t n) {
  struct file_sink *fs = ctx;
  uint32_t part = part_open(fs->w->j, fs->part, name, n);
  struct file_sink *sub = part == UINT32_MAX ? NULL : sink_for(fs->w, part);
  return sub ? &sub->k.sink : NULL;
}

static void file_sink_free(struct file_sink *fs) {
  if (!fs)
    return;
  if (fs->k.c != fs->w->j->ext_col)
    ajar_collection_free(fs->k.c);
  csv_walker_fini(&fs->csv);
  free(fs);
}

/* sink_for, the first record of a part in this worker */
__attribute__((noinline))
static struct file_sink *sink_new(struct worker *w, uint32_t part) {
  struct job *j = w->j;
  struct ajar_collection_opts co = AJAR_COLLECTION_OPTS_INIT;
  struct ajar_collection *c;
  struct file_sink *fs;
  co.reveal = j->opts ? j->opts->reveal : 0;
  if (part >= w->n_sinks) {
    uint32_t n = part + 8;
    struct file_sink **ns = realloc(w->sinks, n * sizeof *ns);
    if (!ns)
      return NULL;
    memset(ns + w->n_sinks, 0, (n - w->n_sinks) * sizeof *ns);
    w->sinks = ns;
    w->n_sinks = n;
  }
  fs = calloc(1, sizeof *fs);
  if (!fs)
    return NULL;
  /* workers' collections are merged into the main worker's, named */
  if (w == &j->main_w && part == 0 && j->ext_col) {
    c = j->ext_col;
  } else if (ajar_collection_new(j->db, w == &j->main_w ? j->parts[part]->name : "",
                                 &co, &c)) {
    free(fs);
    return NULL;
  }
  collection_sink(&fs->k, c, w->s);
  fs->k.sink.open = open_part;
  fs->w = w;
  fs->part = part;
  if (csv_walker_init(&fs->csv, &j->parts[part]->hdr)) {
    file_sink_free(fs);
    return NULL;
  }
  w->sinks[part] = fs;
  return fs;
}

struct file_sink *sink_for(struct worker *w, uint32_t part) {
  if (part < w->n_sinks && w->sinks[part])
    return w->sinks[part];
  return sink_new(w, part);
}

int worker_init(struct worker *w, struct job *j) {
  memset(w, 0, sizeof *w);
  w->j = j;
  return ajar_scratch_alloc(j->db, &w->s);
}

void worker_fini(struct worker *w) {
  uint32_t i;
  for (i = 0; i < w->n_sinks; i++)
    file_sink_free(w->sinks[i]);
  free(w->sinks);
  if (!w->lent_scratch)
    ajar_scratch_free(w->s);
  memset(w, 0, sizeof *w);
}

/* ---- walking one record ------------------------------------------------ */
static inline __attribute__((always_inline)) void
walk_record(struct file_sink *fs, enum file_format fmt, const char *p, size_t n,
            uint64_t line) {
  int rc = 0;
  switch (fmt) {
  case FMT_NDJSON:
  case FMT_JSON_ARRAY:
  case FMT_JSON_DOC: {
    size_t i = 0;
    if (n == 0 || (unsigned char)p[0] <= ' ') { /* most start with '{' */
      while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r')) i++;
      if (i == n) return; /* blank line */
    }
    rc = json_walk_record(&fs->k.sink, p, n);
    break;
  }
  case FMT_SQL: /* a row of a dump, encoded by files_relay.c */
    sqlrow_walk(&fs->k.sink, p, n);
    break;
  case FMT_CSV:
  case FMT_TSV:
    if (n == 0) return;
    csv_walk_record(&fs->csv, &fs->k.sink, p, n);
    break;
  default:
    if (n == 0) return;
    text_walk_record(&fs->k.sink, p, n);
    break;
  }
  if (rc) {
    fs->malformed++;
    if (!fs->first_bad || line < fs->first_bad) fs->first_bad = line;
  }
}

static void walk_batch(struct worker *w, const struct batch *b) {
  struct file_sink *fs = sink_for(w, b->part);
  enum file_format fmt = w->j->parts[b->part]->fmt;
  size_t i;
  if (!fs)
    return;
  for (i = 0; i < b->n; i++)
    walk_record(fs, fmt, b->buf + b->recs[i].off, b->recs[i].len, b->recs[i].line);
}

static void worker_main(void *ctx, int i) {
  struct job *j = ctx;
  struct batch *b;
  while ((b = queue_pop(&j->work))) {
    walk_batch(&j->workers[i], b);
    b->len = b->n = 0;
    queue_push(&j->idle, b);
  }
}

/* ---- the pipeline ---------------------------------------------------------- */
static int batch_add(struct batch *b, const char *p, size_t n, uint64_t line) {
  if (b->len + n > b->cap || !b->buf) { /* no memcpy to NULL, even of 0 */
    size_t nc = b->cap ? b->cap : BATCH_BYTES;
    char *nb;
    while (nc < b->len + n) nc *= 2;
    nb = realloc(b->buf, nc);
    if (!nb) return AJAR_ENOMEM;
    b->buf = nb;
    b->cap = nc;
  }
  if (b->n == b->rcap) {
    size_t nc = b->rcap ? b->rcap * 2 : 1024;
    struct rec *nr = realloc(b->recs, nc * sizeof *nr);
    if (!nr) return AJAR_ENOMEM;
    b->recs = nr;
    b->rcap = nc;
  }
  memcpy(b->buf + b->len, p, n);
  b->recs[b->n].off = b->len;
  b->recs[b->n].len = n;
  b->recs[b->n].line = line;
  b->n++;
  b->len += n;
  return 0;
}

/* hand the current batch to the workers and take an empty one */
static void submit(struct job *j) {
  if (!j->cur || !j->cur->n)
    return;
  queue_push(&j->work, j->cur);
  j->cur = queue_pop(&j->idle);
}

int on_record(struct job *j, const char *p, size_t n, uint64_t line) {
  struct part *pt = j->parts[j->cur_part];
  if ((pt->fmt == FMT_CSV || pt->fmt == FMT_TSV) && !pt->have_header) {
    pt->have_header = 1;
    csv_header_read(&pt->hdr, pt->fmt == FMT_TSV, p, n, j->main_w.s->buf,
                    sizeof j->main_w.s->buf);
    return 0;
  }
  if (!j->threaded) {
    struct file_sink *fs = sink_for(&j->main_w, j->cur_part);
    if (!fs)
      return AJAR_ENOMEM;
    walk_record(fs, pt->fmt, p, n, line);
    return 0;
  }
  if (j->cur->n && j->cur->part != j->cur_part)
    submit(j);
  j->cur->part = j->cur_part;
  if (batch_add(j->cur, p, n, line))
    return AJAR_ENOMEM;
  if (j->cur->len >= BATCH_BYTES)
    submit(j);
  return 0;
}

/* on_records' loop over the lines of a window, made inline for each
 * line format (fmt a constant: walk_record's switch goes) */
static inline __attribute__((always_inline)) void
walk_lines(struct file_sink *fs, enum file_format fmt, struct framer *fr,
           const char *b, size_t len, int *skipping) {
  size_t s, e;
  while (fr->bom_checked ? framer_next_line(fr, b, len, &s, &e)
                         : framer_next(fr, b, len, &s, &e)) {
    if (*skipping)
      *skipping = 0;
    else
      walk_record(fs, fmt, b + s, e - s, fr->rec_line);
  }
}

/* Every complete record the framer finds in b[0, len), as on_record
 * takes each. On the main thread the lines of NDJSON and text are
 * framed inline (framer_next_line) and walked here with the part's
 * sink looked up once: a record of 76 bytes paid about 120 instructions
 * to be handed over (framer_next's call and format switch, on_record's
 * part, header and thread tests and sink lookup), a third of what its
 * walk costs. */
int on_records(struct job *j, struct framer *fr, const char *b, size_t len,
               int *skipping) {
  struct part *pt = j->parts[j->cur_part];
  size_t s, e;
  if (!j->threaded && (pt->fmt == FMT_NDJSON || pt->fmt == FMT_TEXT)) {
    struct file_sink *fs = sink_for(&j->main_w, j->cur_part);
    if (!fs)
      return AJAR_ENOMEM;
    if (pt->fmt == FMT_NDJSON)
      walk_lines(fs, FMT_NDJSON, fr, b, len, skipping);
    else
      walk_lines(fs, FMT_TEXT, fr, b, len, skipping);
    return 0;
  }
  while (framer_next(fr, b, len, &s, &e)) {
    if (*skipping)
      *skipping = 0;
    else if (on_record(j, b + s, e - s, fr->rec_line))
      return AJAR_ENOMEM;
  }
  return 0;
}

static void batch_free(struct batch *b) {
  if (!b) return;
  free(b->buf);
  free(b->recs);
  free(b);
}

int pool_begin(struct job *j, int n) {
  size_t cap = (size_t)n * AJAR_QUEUE_DEPTH, k;
  int i;
  j->workers = calloc((size_t)n, sizeof *j->workers);
  if (!j->workers || queue_init(&j->work, cap) || queue_init(&j->idle, cap + 1))
    return AJAR_ENOMEM;
  for (k = 0; k < cap; k++) {
    struct batch *b = calloc(1, sizeof *b);
    if (!b) return AJAR_ENOMEM;
    queue_push(&j->idle, b);
  }
  j->cur = queue_pop(&j->idle);
  for (i = 0; i < n; i++)
    if (worker_init(&j->workers[i], j))
      return AJAR_ENOMEM;
  j->nthreads = n;
  if (pool_start(&j->pool, n, worker_main, j) != n)
    return AJAR_ENOMEM;
  return 0;
}

/* Merge src into dst (the main worker's sink of the same part) */
static int merge_sink(struct job *j, struct file_sink *src) {
  struct file_sink *dst = sink_for(&j->main_w, src->part);
  if (!dst)
    return AJAR_ENOMEM;
  dst->malformed += src->malformed;
  if (src->first_bad && (!dst->first_bad || src->first_bad < dst->first_bad))
    dst->first_bad = src->first_bad;
  return ajar_collection_merge(dst->k.c, src->k.c);
}

int pool_finish(struct job *j) {
  int i, rc = 0;
  struct batch *b;
  if (!j->workers)
    return 0;
  if (j->work.items) {
    submit(j);
    queue_close(&j->work);
  }
  pool_join(&j->pool);
  for (i = 0; i < j->nthreads; i++) {
    struct worker *w = &j->workers[i];
    uint32_t p;
    for (p = 0; p < w->n_sinks; p++)
      if (w->sinks[p] && !rc)
        rc = merge_sink(j, w->sinks[p]);
    worker_fini(w);
  }
  if (j->idle.items) {
    queue_close(&j->idle);
    while ((b = queue_pop(&j->idle)))
      batch_free(b);
  }
  batch_free(j->cur);
  j->cur = NULL;
  queue_fini(&j->work);
  queue_fini(&j->idle);
  free(j->workers);
  j->workers = NULL;
  return rc;
}

int files_threads(const struct ajar_files_opts *o) {
  long n = o && o->threads > 0 ? o->threads : sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) n = 1;
  if (n > AJAR_MAX_THREADS) n = AJAR_MAX_THREADS;
  return (int)n;
}
