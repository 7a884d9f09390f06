/* `ajar files`: one file (or stdin) -> one target with its collections:
 * the file's own, and one per table, sheet or member a walker opens in it
 * (named "file!name", docs/report.md).
 *
 * The main thread reads, sniffs (record/sniff.c) and frames records into
 * batches; with more than one thread, the pool's workers walk batches
 * (record/: JSON, CSV, text) into collections of their own, merged at
 * the end. Memory is bounded by the batch count and the record cap
 * (ajar_limits.h), whatever the file size.
 */
#include <pthread.h>
#include <stddef.h>
#include <sys/mman.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include "collection.h"
#include "files.h"
#include "pool.h"
#include "record/bson.h"
#include "record/csv.h"
#include "record/framer.h"
#include "record/reader.h"
#include "record/sniff.h"
#include "record/sqldump.h"
#include "record/sqlite.h"
#include "record/xlsx.h"

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

/* A part of the file with a collection of its own: 0 is the file itself;
 * others are opened by walkers. Read by workers, written before they
 * see it (the name) or by the main thread alone (the rest). */
struct part {
  char *name;             /* as reported */
  enum file_format fmt;
  struct csv_header hdr;
  int have_header;
  int container;          /* an archive: its members are parts of their own */
  int binary;             /* a member no walker reads */
  uint64_t too_large, first_too_large;
};

struct worker;

/* one worker's collection of one part, and the walkers' state for it */
struct file_sink {
  struct coll_sink k;     /* first: the sink's ctx is this struct */
  struct worker *w;
  uint32_t part;
  struct csv_walker csv;
  uint64_t malformed, first_bad;
};

struct job;

struct worker {
  struct job *j;
  struct ajar_scratch *s;
  int lent_scratch;         /* s is the caller's (files_classify_buffer) */
  struct file_sink **sinks; /* by part */
  uint32_t n_sinks;
};

struct job {
  const char *path;
  const struct ajar_db *db;
  const struct ajar_files_opts *opts;
  pthread_mutex_t parts_mu; /* n_parts and parts[] when threaded */
  struct part **parts;      /* AJAR_MAX_COLLECTIONS entries */
  uint32_t n_parts;
  struct reader *rd;
  uint32_t cur_part;        /* the part being framed */
  struct worker main_w;
  struct worker *workers;
  struct pool pool;
  struct queue work, idle;  /* full batches to the workers, empty ones back */
  struct ajar_collection *ext_col; /* part 0's collection, the caller's */
  struct batch *cur;
  int threaded, nthreads;
  int fmt_hint;
  int binary;             /* the data is binary: no walker reads it */
  /* archives: bytes in (the file) and out (members), for the bomb caps */
  uint64_t arc_in, arc_out;
  int bomb;               /* a cap was hit: nothing more is read */
  uint64_t binary_members;
  int cut;                /* the input is a prefix: its last, unfinished
                             record is not classified */
};

/* ---- parts and their sinks ------------------------------------------ */
static struct file_sink *sink_for(struct worker *w, uint32_t part);

static uint32_t part_open(struct job *j, uint32_t parent, const char *name,
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
  if (found == UINT32_MAX && j->n_parts < AJAR_MAX_COLLECTIONS) {
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

/* w's sink for part (created on first use), or NULL without memory */
static struct file_sink *sink_for(struct worker *w, uint32_t part) {
  struct job *j = w->j;
  struct ajar_collection_opts co = AJAR_COLLECTION_OPTS_INIT;
  struct ajar_collection *c;
  struct file_sink *fs;
  co.reveal = j->opts ? j->opts->reveal : 0;
  if (part < w->n_sinks && w->sinks[part])
    return w->sinks[part];
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

static int worker_init(struct worker *w, struct job *j) {
  memset(w, 0, sizeof *w);
  w->j = j;
  return ajar_scratch_alloc(j->db, &w->s);
}

static void worker_fini(struct worker *w) {
  uint32_t i;
  for (i = 0; i < w->n_sinks; i++)
    file_sink_free(w->sinks[i]);
  free(w->sinks);
  if (!w->lent_scratch)
    ajar_scratch_free(w->s);
  memset(w, 0, sizeof *w);
}

/* ---- walking one record ------------------------------------------------ */
static void walk_record(struct file_sink *fs, enum file_format fmt,
                        const char *p, size_t n, uint64_t line) {
  int rc = 0;
  switch (fmt) {
  case FMT_NDJSON:
  case FMT_JSON_ARRAY:
  case FMT_JSON_DOC: {
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r')) i++;
    if (i == n) return; /* blank line */
    rc = json_walk_record(&fs->k.sink, p, n);
    break;
  }
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

static int on_record(struct job *j, const char *p, size_t n, uint64_t line) {
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

static void batch_free(struct batch *b) {
  if (!b) return;
  free(b->buf);
  free(b->recs);
  free(b);
}

static int pool_begin(struct job *j, int n) {
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

/* join the workers and merge their collections into the main worker's */
static int pool_finish(struct job *j) {
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

/* ---- streams: a file, or a member of an archive ------------------------ */
/* Where a stream's bytes come from, as reader_read: 0 at the end,
 * negative on failure with the reason in err. */
typedef ssize_t (*src_fn)(void *ctx, char *buf, size_t cap, char *err,
                          size_t errlen);

struct stream {
  struct job *j;
  uint32_t part;          /* where its records go */
  int depth;              /* archives it is inside */
  int hint;               /* sniff_hint of its name */
  int book_hint;          /* its name says XLSX or ODS */
  const char *name;       /* the file's path, or the member's name */
  src_fn read;
  void *ctx;
  struct framer fr;
  char *win;
  size_t wlen, wcap;
  const void *map;        /* a plain file: the whole file, mapped */
  size_t map_len, base, released;
  int skipping;
};

static const char *stream_run(struct stream *st, char *err, size_t errlen);

static ssize_t read_reader(void *ctx, char *buf, size_t cap, char *err,
                           size_t errlen) {
  struct reader *rd = ctx;
  ssize_t got = reader_read(rd, buf, cap);
  if (got < 0)
    snprintf(err, errlen, "%s", reader_error(rd)[0] ? reader_error(rd)
                                                    : ajar_strerror((int)got));
  return got;
}

/* Move the mapped window forward by `by` bytes and give pages behind it
 * back, so the resident set stays small whatever the file size. */
static void map_advance(struct stream *st, size_t by) {
  size_t page = 4096, done;
  st->base += by;
  st->wlen -= by;
  st->win = (char *)st->map + st->base;
  done = st->base & ~(page - 1);
  if (done - st->released >= (8u << 20)) {
    madvise((char *)st->map + st->released, done - st->released, MADV_DONTNEED);
    st->released = done;
  }
}

/* The record being framed is over AJAR_MAX_RECORD: count it once and
 * drop what the window holds of it (the framer keeps its state and finds
 * the record's end; that record is then not classified). */
static void skip_record(struct stream *st) {
  struct part *pt = st->j->parts[st->part];
  if (!st->skipping) {
    pt->too_large++;
    if (!pt->first_too_large)
      pt->first_too_large = st->fr.line;
  }
  st->skipping = 1;
  framer_discard(&st->fr, 0);
}

/* ---- archives (libarchive) ------------------------------------------- */
/* the archive's bytes: what the stream already read, then the rest */
struct arc_src {
  struct stream *st;
  const char *pre;
  size_t pre_len;
  int pre_done;
  char *held;             /* a whole member, for formats read by seeking */
  size_t held_len;
  char err[160];
  char buf[64 << 10];
};

static la_ssize_t arc_read(struct archive *a, void *ctx, const void **out) {
  struct arc_src *src = ctx;
  ssize_t got;
  (void)a;
  if (!src->pre_done) {
    src->pre_done = 1;
    if (src->pre_len) {
      *out = src->pre;
      if (!src->st->depth)
        src->st->j->arc_in += src->pre_len;
      return (la_ssize_t)src->pre_len;
    }
  }
  got = src->st->read(src->st->ctx, src->buf, sizeof src->buf, src->err,
                      sizeof src->err);
  if (got < 0) {
    archive_set_error(a, EIO, "%s", src->err);
    return -1;
  }
  if (!src->st->depth)
    src->st->j->arc_in += (uint64_t)got;
  *out = src->buf;
  return got;
}

/* "archive: " and libarchive's reason, on one line */
static void arc_error(struct archive *a, char *err, size_t errlen) {
  const char *why = archive_error_string(a);
  size_t n;
  snprintf(err, errlen, "archive: %s", why ? why : "unreadable");
  n = strlen(err);
  while (n && (err[n - 1] == '\n' || err[n - 1] == '\r' || err[n - 1] == ' '))
    err[--n] = 0;
}

/* a member's bytes, within the bomb caps */
static ssize_t read_member(void *ctx, char *buf, size_t cap, char *err,
                           size_t errlen) {
  struct archive *a = ((void **)ctx)[0];
  struct job *j = ((void **)ctx)[1];
  la_ssize_t got;
  /* a bounded read: an error further on loses none of what came before */
  got = archive_read_data(a, buf, cap < (64u << 10) ? cap : (64u << 10));
  if (got < 0) {
    arc_error(a, err, errlen);
    return AJAR_EPARSE;
  }
  j->arc_out += (uint64_t)got;
  if (j->arc_out > AJAR_ARCHIVE_MAX_TOTAL ||
      (j->arc_out > AJAR_ARCHIVE_RATIO_FLOOR &&
       j->arc_out / AJAR_ARCHIVE_MAX_RATIO > j->arc_in)) {
    snprintf(err, errlen, "archive: over %u times its size once decompressed "
             "(a bomb?); the rest not read", AJAR_ARCHIVE_MAX_RATIO);
    j->bomb = 1;
    return AJAR_ETOOBIG;
  }
  return (ssize_t)got;
}

/* whether a file name says XLSX or ODS */
static int book_name(const char *name) {
  size_t n = strlen(name);
  return (n > 5 && (!strcasecmp(name + n - 5, ".xlsx") || !strcasecmp(name + n - 5, ".xlsm"))) ||
         (n > 4 && !strcasecmp(name + n - 4, ".ods"));
}

/* The rest of st after its first `have` bytes (in st->win), all in
 * *held; 0, or -1 with err set past AJAR_ARCHIVE_MAX_HELD */
static int hold_member(struct stream *st, size_t have, char **held,
                       size_t *len, char *err, size_t errlen) {
  size_t cap = have + AJAR_READ_CHUNK, n = have;
  char *b = malloc(cap);
  ssize_t got;
  if (!b) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  memcpy(b, st->win, have);
  for (;;) {
    if (n == cap) {
      char *nb;
      if (cap >= AJAR_ARCHIVE_MAX_HELD) {
        snprintf(err, errlen, "archive: a member over %u MiB to hold; not read",
                 (unsigned)(AJAR_ARCHIVE_MAX_HELD >> 20));
        free(b);
        return -1;
      }
      cap = cap * 2 > AJAR_ARCHIVE_MAX_HELD ? AJAR_ARCHIVE_MAX_HELD : cap * 2;
      if (!(nb = realloc(b, cap))) {
        snprintf(err, errlen, "out of memory");
        free(b);
        return -1;
      }
      b = nb;
    }
    got = st->read(st->ctx, b + n, cap - n, err, errlen);
    if (got < 0) {
      free(b);
      return -1;
    }
    if (!got)
      break;
    n += (size_t)got;
  }
  *held = b;
  *len = n;
  return 0;
}

/* the id of the part `name` inside part parent, made on first use;
 * UINT32_MAX past AJAR_MAX_COLLECTIONS or without memory */
static uint32_t part_open(struct job *j, uint32_t parent, const char *name,
                          size_t n);

/* The stream st, whose first `have` bytes are in st->win, is an archive
 * or a compressed stream: each member (regular file) a stream of its own
 * into part "parent!member", or into st's part when the stream is only
 * compressed. Returns the first error, or NULL. */
/* A workbook (held whole) into st's part: a part per sheet */
static const char *book_stream(struct stream *st, const void *zip, size_t len,
                               char *err, size_t errlen) {
  struct file_sink *fs = sink_for(&st->j->main_w, st->part);
  if (!fs)
    return "out of memory";
  st->j->parts[st->part]->container = 1;
  return sheet_walk(zip, len, &fs->k.sink, err, errlen) ? err : NULL;
}

static int zip_magic(const char *b, size_t n) {
  return n >= 4 && !memcmp(b, "PK\x03\x04", 4);
}

static const char *arc_stream(struct stream *st, size_t have, char *err,
                              size_t errlen) {
  struct job *j = st->j;
  struct archive *a;
  struct archive_entry *e;
  struct arc_src *src;
  const char *result = NULL;
  size_t entries = 0;
  int r;
  if (st->map && !st->depth && sheet_is_workbook(st->map, st->map_len))
    return book_stream(st, st->map, st->map_len, err, errlen);
  if (!st->map && st->book_hint && zip_magic(st->win, have)) {
    char *held;
    size_t len;
    if (hold_member(st, have, &held, &len, err, errlen))
      return err;
    result = sheet_is_workbook(held, len) ? book_stream(st, held, len, err, errlen)
                                          : "workbook: not an XLSX or ODS file";
    free(held);
    return result;
  }
  a = archive_read_new();
  src = calloc(1, sizeof *src);
  if (!a || !src) {
    archive_read_free(a);
    free(src);
    return "out of memory";
  }
  archive_read_support_filter_all(a);
  archive_read_support_format_all(a);
  archive_read_support_format_raw(a);
  src->st = st;
  if (st->map && !st->depth) {
    j->arc_in = st->map_len; /* seekable: zip's directory, 7z */
    r = archive_read_open_memory(a, st->map, st->map_len);
  } else if (have >= 6 && !memcmp(st->win, "7z\xBC\xAF\x27\x1C", 6)) {
    /* 7z is read by seeking: a member held in memory, within a cap */
    r = hold_member(st, have, &src->held, &src->held_len, err, errlen);
    if (r) {
      archive_read_free(a);
      free(src);
      return err;
    }
    r = archive_read_open_memory(a, src->held, src->held_len);
  } else {
    src->pre = st->win;
    src->pre_len = have;
    r = archive_read_open(a, src, NULL, arc_read, NULL);
  }
  if (r != ARCHIVE_OK) {
    arc_error(a, err, errlen);
    result = err;
  }
  while (!result && !j->bomb &&
         ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK || r == ARCHIVE_WARN)) {
    const char *name = archive_entry_pathname(e);
    void *mctx[2] = {a, j};
    struct stream ms;
    const char *why;
    uint32_t part;
    entries++;
    if (archive_entry_filetype(e) != AE_IFREG)
      continue;
    if (!name || !*name)
      name = "data";
    part = archive_format(a) == ARCHIVE_FORMAT_RAW
               ? st->part
               : part_open(j, st->part, name, strlen(name));
    if (part == UINT32_MAX)
      continue; /* past the collection cap */
    if (part != st->part)
      j->parts[st->part]->container = 1;
    memset(&ms, 0, sizeof ms);
    ms.j = j;
    ms.part = part;
    ms.depth = st->depth + 1;
    ms.hint = archive_format(a) == ARCHIVE_FORMAT_RAW ? st->hint
                                                      : sniff_hint(name, NULL);
    ms.book_hint = archive_format(a) == ARCHIVE_FORMAT_RAW ? st->book_hint
                                                           : book_name(name);
    ms.name = name;
    ms.read = read_member;
    ms.ctx = mctx;
    why = stream_run(&ms, err, errlen);
    if (why && why == err) {
      result = err;
    } else if (why) {
      snprintf(err, errlen, "%s", why);
      result = err;
    }
  }
  if (!result && r != ARCHIVE_EOF && r != ARCHIVE_OK && r != ARCHIVE_WARN) {
    arc_error(a, err, errlen);
    result = err;
  }
  /* a damaged zip can look empty (an empty one is 22 bytes) */
  if (!result && !entries && (!st->map || st->map_len > 22)) {
    snprintf(err, errlen, "archive: no member could be read (damaged?)");
    result = err;
  }
  archive_read_free(a);
  free(src->held);
  free(src);
  return result;
}

/* ---- streams read whole by one walker: SQL dumps, BSON, SQLite -------- */
/* The MongoDB collection a .bson file holds: DB.COLLECTION from
 * mongodump's DB/COLLECTION.bson (the name alone without a directory) */
static size_t bson_collection(const char *path, char *out, size_t cap) {
  const char *base, *dir = NULL;
  size_t bl, dl = 0, k = 0;
  if (!path)
    return 0;
  base = strrchr(path, '/');
  base = base ? base + 1 : path;
  bl = strlen(base);
  if (bl > 3 && !strcmp(base + bl - 3, ".gz")) bl -= 3;
  if (bl > 5 && !strncmp(base + bl - 5, ".bson", 5)) bl -= 5;
  if (base > path + 1) { /* the directory just above */
    const char *e = base - 1;
    dir = e;
    while (dir > path && dir[-1] != '/') dir--;
    dl = (size_t)(e - dir);
    if (dl == 1 && *dir == '.') dl = 0;
  }
  if (!bl || dl + bl + 2 > cap || !strcmp(path, "-")) return 0;
  if (dl) {
    memcpy(out, dir, dl);
    out[dl] = '.';
    k = dl + 1;
  }
  memcpy(out + k, base, bl);
  return k + bl;
}

/* The malformed rows a walker ended in each part's collection, counted
 * where finish_part looks; first: the line of the first (0: unknown) */
static void stream_malformed(struct job *j, uint64_t first) {
  uint32_t p;
  for (p = 0; p < j->n_parts; p++) {
    struct file_sink *fs = sink_for(&j->main_w, p);
    if (fs && fs->k.c->malformed && !fs->malformed) {
      fs->malformed = fs->k.c->malformed;
      fs->first_bad = first;
    }
  }
}

/* An SQL dump or a BSON stream: its first got bytes are in the window;
 * the walker takes the whole stream on this thread, chunk by chunk
 * (mapped pages given back behind it), and opens a collection per table
 * inside st's part. */
static const char *walker_stream(struct stream *st, size_t got, char *err,
                                 size_t errlen) {
  struct job *j = st->j;
  struct file_sink *top = sink_for(&j->main_w, st->part);
  const struct rec_sink *k;
  struct sqldump *sql = NULL;
  struct bsondump *bs = NULL;
  const char *result = NULL;
  ssize_t n = (ssize_t)got;
  int rc;
  if (!top)
    return "out of memory";
  k = &top->k.sink;
  if (j->parts[st->part]->fmt == FMT_SQL) {
    rc = sqldump_new(k, &sql);
  } else {
    char name[AJAR_SQL_MAX_NAME];
    size_t nl = st->name ? bson_collection(st->name, name, sizeof name) : 0;
    const struct rec_sink *sub = nl ? rec_open(k, name, nl) : NULL;
    rc = bsondump_new(sub ? sub : k, &bs);
  }
  if (rc)
    return "out of memory";
  j->parts[st->part]->container = 1;
  while (n > 0) {
    rc = sql ? sqldump_feed(sql, st->win, (size_t)n) : bsondump_feed(bs, st->win, (size_t)n);
    if (rc) {
      result = "out of memory";
      break;
    }
    if (st->map) {
      size_t left;
      st->wlen = (size_t)n;
      map_advance(st, (size_t)n);
      left = st->map_len - st->base;
      n = (ssize_t)(left < 4 * AJAR_READ_CHUNK ? left : 4 * AJAR_READ_CHUNK);
    } else {
      n = st->read(st->ctx, st->win, st->wcap, err, errlen);
      if (n < 0)
        result = err;
    }
  }
  if (sql) {
    if (!result && sqldump_finish(sql)) {
      snprintf(err, errlen, "%s", sqldump_error(sql));
      result = err;
    }
    stream_malformed(j, sqldump_stats(sql)->first_malformed_line);
  } else {
    if (!result && bsondump_finish(bs)) {
      snprintf(err, errlen, "%s", bsondump_error(bs));
      result = err;
    }
    stream_malformed(j, 0); /* documents have no lines */
  }
  sqldump_free(sql);
  bsondump_free(bs);
  return result;
}

/* An SQLite database: read by path, read-only and immutable */
static const char *run_sqlite(struct stream *st, char *err, size_t errlen) {
  struct file_sink *top = sink_for(&st->j->main_w, st->part);
  struct sqlite_stats stats;
  int rc;
  if (!top)
    return "out of memory";
  if (!st->map || st->depth || !st->j->path) {
    snprintf(err, errlen, "an SQLite database is read from a plain file, "
                          "not compressed, not from stdin or an archive");
    return err;
  }
  st->j->parts[st->part]->container = 1;
  rc = sqlite_walk_file(st->j->path, &top->k.sink, &stats, err, errlen);
  if (rc == AJAR_ENOMEM)
    return "out of memory";
  return rc ? err : NULL;
}

/* Read, frame and walk the stream; returns a one-line error or NULL */
static const char *stream_run(struct stream *st, char *err, size_t errlen) {
  struct job *j = st->j;
  struct part *pt = j->parts[st->part];
  int started = 0;
  ssize_t got;
  size_t s, e;
  const char *result = NULL;

  if (!st->map) {
    st->wcap = 2 * AJAR_READ_CHUNK;
    if (!(st->win = malloc(st->wcap)))
      return "out of memory";
  }
  for (;;) {
    if (st->map && st->wlen - st->fr.rec_start > AJAR_MAX_RECORD) {
      skip_record(st);
      map_advance(st, st->wlen);
    } else if (st->wlen == st->wcap) {
      /* the record in the window is unfinished: grow up to the cap,
       * past it skip the record (framer state survives) */
      if (st->wcap < AJAR_MAX_RECORD + AJAR_READ_CHUNK) {
        size_t nc = st->wcap * 2;
        char *nw;
        if (nc > AJAR_MAX_RECORD + AJAR_READ_CHUNK)
          nc = AJAR_MAX_RECORD + AJAR_READ_CHUNK;
        nw = realloc(st->win, nc);
        if (!nw) {
          result = "out of memory";
          break;
        }
        st->win = nw;
        st->wcap = nc;
      } else {
        skip_record(st);
        st->wlen = 0;
      }
    }
    if (st->map) {
      size_t left = st->map_len - (st->base + st->wlen);
      got = (ssize_t)(left < 4 * AJAR_READ_CHUNK ? left : 4 * AJAR_READ_CHUNK);
    } else {
      got = st->read(st->ctx, st->win + st->wlen, st->wcap - st->wlen, err, errlen);
    }
    if (got < 0) {
      result = err;
      break;
    }
    if (!started && got > 0) {
      started = 1;
      if (sniff_container(st->win, (size_t)got)) {
        if (st->depth < AJAR_ARCHIVE_MAX_DEPTH) {
          result = arc_stream(st, (size_t)got, err, errlen);
        } else {
          snprintf(err, errlen, "archive: nested deeper than %d archives; "
                   "not read", AJAR_ARCHIVE_MAX_DEPTH);
          result = err;
        }
        break;
      }
      pt->fmt = sniff_format(st->win, (size_t)got, st->hint);
      if (pt->fmt == FMT_SQLITE) {
        result = run_sqlite(st, err, errlen);
        break;
      }
      if (pt->fmt == FMT_BSON) {
        result = walker_stream(st, (size_t)got, err, errlen);
        break;
      }
      if (sniff_binary(st->win, (size_t)got)) {
        if (st->depth) { /* a member: counted, the archive goes on */
          j->binary_members++;
          pt->binary = 1;
          break;
        }
        j->binary = 1;
        snprintf(err, errlen, "binary data (not NDJSON, JSON, CSV/TSV, text, an "
                              "SQL dump, BSON or SQLite); not classified");
        result = err;
        break;
      }
      if (pt->fmt == FMT_SQL) {
        result = walker_stream(st, (size_t)got, err, errlen);
        break;
      }
      framer_init(&st->fr, pt->fmt);
      if (files_threads(j->opts) > 1 && !j->threaded) {
        j->threaded = 1;
        if (pool_begin(j, files_threads(j->opts))) {
          result = "out of memory";
          break;
        }
      }
    }
    if (got == 0)
      break;
    st->wlen += (size_t)got;
    j->cur_part = st->part;
    while (framer_next(&st->fr, st->win, st->wlen, &s, &e)) {
      if (st->skipping) { st->skipping = 0; continue; }
      if (on_record(j, st->win + s, e - s, st->fr.rec_line)) {
        result = "out of memory";
        goto out;
      }
    }
    /* keep the unfinished record at the front of the window */
    if (st->map) {
      size_t by = st->fr.rec_start;
      framer_shift(&st->fr, by);
      map_advance(st, by);
    } else if (st->fr.rec_start > 0) {
      size_t keep = st->wlen - st->fr.rec_start;
      memmove(st->win, st->win + st->fr.rec_start, keep);
      framer_shift(&st->fr, st->fr.rec_start);
      st->wlen = keep;
    }
  }
  if (!result && started && !j->cut &&
      framer_last(&st->fr, st->win, st->wlen, &s, &e) && !st->skipping) {
    /* a quote that never closed swallowed every row after it: say so */
    if ((pt->fmt == FMT_CSV || pt->fmt == FMT_TSV) && st->fr.in_str) {
      struct file_sink *fs = sink_for(&j->main_w, st->part);
      if (fs) {
        fs->malformed++;
        if (!fs->first_bad || st->fr.rec_line < fs->first_bad)
          fs->first_bad = st->fr.rec_line;
      }
    }
    j->cur_part = st->part;
    on_record(j, st->win + s, e - s, st->fr.rec_line);
  }
out:
  if (!st->map)
    free(st->win);
  st->win = NULL;
  return result;
}

/* The whole file: its stream, then the workers' collections merged */
static const char *run(struct job *j, char *err, size_t errlen) {
  struct stream st;
  const char *result;
  memset(&st, 0, sizeof st);
  st.j = j;
  st.hint = j->fmt_hint;
  st.book_hint = book_name(j->parts[0]->name);
  st.name = j->path ? j->path : j->parts[0]->name;
  st.read = read_reader;
  st.ctx = j->rd;
  framer_init(&st.fr, j->fmt_hint >= 0 ? (enum file_format)j->fmt_hint : FMT_TEXT);
  if (reader_map(j->rd, &st.map, &st.map_len) == 0) {
    st.win = (char *)st.map; /* a plain file: records are framed in the mapping */
    st.wcap = (size_t)-1;
  }
  result = stream_run(&st, err, errlen);
  if (pool_finish(j) && !result)
    result = "out of memory";
  return result;
}

static char *xstrdup(const char *s) { return s ? strdup(s) : NULL; }

/* The result of one part into out; 0 or AJAR_ENOMEM */
static int finish_part(struct job *j, uint32_t p,
                       struct ajar_collection_result *out) {
  const struct part *pt = j->parts[p];
  struct file_sink *fs = sink_for(&j->main_w, p);
  int rc;
  if (!fs)
    return AJAR_ENOMEM;
  rc = ajar_collection_finish(fs->k.c, 1, out);
  if (rc)
    return rc;
  out->records = (int64_t)out->sampled;
  out->malformed = fs->malformed + pt->too_large;
  out->first_malformed_line = fs->first_bad;
  if (pt->first_too_large &&
      (!out->first_malformed_line || pt->first_too_large < out->first_malformed_line))
    out->first_malformed_line = pt->first_too_large;
  if (pt->too_large) {
    char note[128];
    snprintf(note, sizeof note, "%llu record(s) over %u MiB skipped",
             (unsigned long long)pt->too_large, AJAR_MAX_RECORD >> 20);
    out->note = xstrdup(note);
  }
  return 0;
}

/* The target's collections: every part's, the file's own first unless it
 * is empty and others were opened */
/* whether part p is left out of the report: the file itself or an
 * archive, when its parts hold everything */
static int part_hidden(struct job *j, uint32_t p) {
  struct file_sink *fs;
  if (j->n_parts == 1 || (p && !j->parts[p]->container && !j->parts[p]->binary))
    return 0;
  fs = sink_for(&j->main_w, p);
  return fs && !fs->k.c->records && !fs->malformed && !j->parts[p]->too_large;
}

static int finish_target(struct job *j, struct ajar_target_result *out) {
  uint32_t p;
  int rc = 0;
  out->collections = calloc(j->n_parts, sizeof *out->collections);
  if (!out->collections)
    return AJAR_ENOMEM;
  if (j->binary_members) {
    char note[128];
    snprintf(note, sizeof note, "%llu archive member(s) of binary data skipped",
             (unsigned long long)j->binary_members);
    if (!(out->note = xstrdup(note)))
      return AJAR_ENOMEM;
  }
  for (p = 0; p < j->n_parts && !rc; p++) {
    struct ajar_collection_result *c = &out->collections[out->n_collections];
    if (part_hidden(j, p))
      continue;
    rc = finish_part(j, p, c);
    if (rc)
      break;
    out->n_collections++;
    if (c->severity > out->severity)
      out->severity = c->severity;
  }
  return rc;
}

/* the parts table, with part 0: the file itself, named name */
static int job_parts(struct job *j, const char *name) {
  j->parts = calloc(AJAR_MAX_COLLECTIONS, sizeof *j->parts);
  if (!j->parts || !(j->parts[0] = calloc(1, sizeof *j->parts[0])))
    return AJAR_ENOMEM;
  j->n_parts = 1;
  j->parts[0]->fmt = j->fmt_hint >= 0 ? (enum file_format)j->fmt_hint : FMT_TEXT;
  return (j->parts[0]->name = xstrdup(name)) ? 0 : AJAR_ENOMEM;
}

static void job_free(struct job *j) {
  uint32_t p;
  worker_fini(&j->main_w);
  for (p = 0; j->parts && p < j->n_parts; p++) {
    csv_header_free(&j->parts[p]->hdr);
    free(j->parts[p]->name);
    free(j->parts[p]);
  }
  free(j->parts);
  pthread_mutex_destroy(&j->parts_mu);
  reader_close(j->rd); /* unmaps */
}

int files_opts_read(const struct ajar_files_opts *in,
                    struct ajar_files_opts *out) {
  struct ajar_files_opts none = AJAR_FILES_OPTS_INIT;
  *out = none;
  if (!in)
    return 0;
  /* the layout before include/exclude (0.1) is read too */
  if (in->size != sizeof *in &&
      in->size != offsetof(struct ajar_files_opts, include))
    return AJAR_EINVAL;
  memcpy(out, in, in->size);
  out->size = sizeof *out;
  return 0;
}

int ajar_files_scan(const struct ajar_db *db, const char *path,
                    const struct ajar_files_opts *opts,
                    struct ajar_target_result *out) {
  return files_scan_path(db, path, opts, out, NULL);
}

int files_scan_path(const struct ajar_db *db, const char *path,
                    const struct ajar_files_opts *given,
                    struct ajar_target_result *out, int *binary) {
  struct ajar_files_opts o, *opts = &o;
  struct job j;
  char err[256] = "";
  const char *bad;
  const char *base;
  int rc, fmt;

  if (!db || !path || !out || files_opts_read(given, &o))
    return AJAR_EINVAL;
  if (binary)
    *binary = 0;
  memset(out, 0, sizeof *out);
  memset(&j, 0, sizeof j);
  out->target = xstrdup(path);
  out->store = xstrdup("file");
  out->reachable = 1;
  if (!out->target || !out->store)
    return AJAR_ENOMEM;
  j.path = path;
  j.db = db;
  j.opts = opts;
  fmt = sniff_hint(path, opts ? opts->format : NULL);
  if (fmt == FMT_UNKNOWN) {
    out->error = xstrdup("unknown --input-format");
    out->severity = AJAR_SEV_INFO;
    return 0;
  }
  j.fmt_hint = fmt; /* negative: sniff on the first read */
  pthread_mutex_init(&j.parts_mu, NULL);
  rc = reader_open(path, &j.rd, err, sizeof err);
  if (rc) {
    char line[320];
    snprintf(line, sizeof line, "cannot read: %s", err);
    out->reachable = 0;
    out->error = xstrdup(line);
    pthread_mutex_destroy(&j.parts_mu);
    return rc == AJAR_ENOMEM ? rc : 0;
  }
  base = strrchr(path, '/');
  base = base ? base + 1 : path;
  rc = job_parts(&j, strcmp(path, "-") ? base : "stdin");
  if (!rc)
    rc = worker_init(&j.main_w, &j);
  if (!rc && !sink_for(&j.main_w, 0))
    rc = AJAR_ENOMEM;
  if (rc) {
    job_free(&j);
    return rc;
  }
  bad = run(&j, err, sizeof err);
  if (binary)
    *binary = j.binary;
  rc = finish_target(&j, out);
  if (bad) {
    char line[320];
    snprintf(line, sizeof line, "%s", bad);
    out->error = xstrdup(line);
  }
  job_free(&j);
  return rc;
}

int files_classify_buffer(struct ajar_collection *col, struct ajar_scratch *s,
                          const char *name, const char *buf, size_t len, int cut,
                          uint64_t *malformed, char *err, size_t errlen) {
  struct ajar_files_opts opts = AJAR_FILES_OPTS_INIT;
  struct job j;
  struct file_sink *fs;
  const char *bad;
  uint32_t p;
  int rc, fmt;

  memset(&j, 0, sizeof j);
  opts.threads = 1;
  err[0] = 0;
  *malformed = 0;
  j.opts = &opts;
  j.db = col->db;
  j.cut = cut;
  fmt = sniff_hint(name, NULL);
  j.fmt_hint = fmt;
  pthread_mutex_init(&j.parts_mu, NULL);
  if ((rc = reader_open_mem(buf, len, &j.rd))) {
    pthread_mutex_destroy(&j.parts_mu);
    return rc;
  }
  reader_limit(j.rd, AJAR_OBJ_MAX_INFLATE);
  j.main_w.j = &j;
  j.main_w.s = s;
  j.main_w.lent_scratch = 1;
  j.ext_col = col;
  rc = job_parts(&j, name);
  if (!rc && !(fs = sink_for(&j.main_w, 0)))
    rc = AJAR_ENOMEM;
  if (!rc) {
    bad = run(&j, err, errlen);
    if (bad && bad != err)
      snprintf(err, errlen, "%s", bad);
    /* parts a walker opened have no collection of their own here */
    for (p = 1; p < j.main_w.n_sinks && !rc; p++)
      if (j.main_w.sinks[p]) {
        rc = ajar_collection_merge(col, j.main_w.sinks[p]->k.c);
        fs->malformed += j.main_w.sinks[p]->malformed + j.parts[p]->too_large;
      }
    *malformed = fs->malformed + j.parts[0]->too_large;
  }
  job_free(&j);
  return rc;
}
