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
  struct framer fr;
  uint32_t cur_part;        /* the part being framed */
  struct worker main_w;
  struct worker *workers;
  struct pool pool;
  struct queue work, idle;  /* full batches to the workers, empty ones back */
  struct ajar_collection *ext_col; /* part 0's collection, the caller's */
  struct batch *cur;
  int threaded, nthreads;
  int fmt_hint;
  char *win;
  size_t wlen, wcap;
  const void *map;        /* plain files: the whole file, mapped */
  size_t map_len, base, released;
  int binary;             /* the data is binary: no walker reads it */
  int cut;                /* the input is a prefix: its last, unfinished
                             record is not classified */
};

/* ---- parts and their sinks ------------------------------------------ */
static struct file_sink *sink_for(struct worker *w, uint32_t part);

/* rec_sink.open: the part named `name` inside the sink's part */
static const struct rec_sink *open_part(void *ctx, const char *name, size_t n) {
  struct file_sink *fs = ctx;
  struct job *j = fs->w->j;
  const char *outer = j->parts[fs->part]->name;
  size_t ol = strlen(outer);
  uint32_t i, found = UINT32_MAX;
  char *full = malloc(ol + 1 + n + 1);
  struct file_sink *sub;
  if (!full)
    return NULL;
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
      pt->fmt = j->parts[fs->part]->fmt;
      j->parts[j->n_parts] = pt;
      found = j->n_parts++;
    }
  }
  pthread_mutex_unlock(&j->parts_mu);
  free(full);
  if (found == UINT32_MAX)
    return NULL;
  sub = sink_for(fs->w, found);
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

/* Move the mapped window forward by `by` bytes and give pages behind it
 * back, so the resident set stays small whatever the file size. */
static void map_advance(struct job *j, size_t by) {
  size_t page = 4096, done;
  j->base += by;
  j->wlen -= by;
  j->win = (char *)j->map + j->base;
  done = j->base & ~(page - 1);
  if (done - j->released >= (8u << 20)) {
    madvise((char *)j->map + j->released, done - j->released, MADV_DONTNEED);
    j->released = done;
  }
}

/* The record being framed is over AJAR_MAX_RECORD: count it once and
 * drop what the window holds of it (the framer keeps its state and finds
 * the record's end; that record is then not classified). */
static void skip_record(struct job *j, int *skipping) {
  struct part *pt = j->parts[j->cur_part];
  if (!*skipping) {
    pt->too_large++;
    if (!pt->first_too_large)
      pt->first_too_large = j->fr.line;
  }
  *skipping = 1;
  framer_discard(&j->fr, 0);
}

/* ---- files read whole by one walker: SQL dumps, BSON, SQLite ---------- */
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

/* An SQL dump or a BSON file: its first got bytes are in the window; the
 * walker takes the whole stream on this thread, chunk by chunk (mapped
 * pages given back behind it), and opens a collection per table. */
static const char *run_stream(struct job *j, size_t got, char *err, size_t errlen) {
  struct file_sink *top = sink_for(&j->main_w, 0);
  const struct rec_sink *k;
  struct sqldump *sql = NULL;
  struct bsondump *bs = NULL;
  const char *result = NULL;
  ssize_t n = (ssize_t)got;
  int rc;
  if (!top)
    return "out of memory";
  k = &top->k.sink;
  if (j->parts[0]->fmt == FMT_SQL) {
    rc = sqldump_new(k, &sql);
  } else {
    char name[AJAR_SQL_MAX_NAME];
    /* a file by its path; a buffer (an object's prefix) by its name */
    size_t nl = bson_collection(j->path ? j->path : j->parts[0]->name, name,
                                sizeof name);
    const struct rec_sink *sub = nl ? rec_open(k, name, nl) : NULL;
    rc = bsondump_new(sub ? sub : k, &bs);
  }
  if (rc)
    return "out of memory";
  while (n > 0) {
    rc = sql ? sqldump_feed(sql, j->win, (size_t)n) : bsondump_feed(bs, j->win, (size_t)n);
    if (rc) {
      result = "out of memory";
      break;
    }
    if (j->map) {
      size_t left;
      j->wlen = (size_t)n;
      map_advance(j, (size_t)n);
      left = j->map_len - j->base;
      n = (ssize_t)(left < 4 * AJAR_READ_CHUNK ? left : 4 * AJAR_READ_CHUNK);
    } else {
      n = reader_read(j->rd, j->win, j->wcap);
      if (n < 0) {
        snprintf(err, errlen, "%s", reader_error(j->rd)[0] ? reader_error(j->rd)
                                                             : ajar_strerror((int)n));
        result = err;
      }
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
static const char *run_sqlite(struct job *j, char *err, size_t errlen) {
  struct file_sink *top = sink_for(&j->main_w, 0);
  struct sqlite_stats st;
  int rc;
  if (!top)
    return "out of memory";
  if (!j->map) {
    snprintf(err, errlen, "an SQLite database is read from a plain file, "
                          "not compressed and not from stdin");
    return err;
  }
  rc = sqlite_walk_file(j->path, &top->k.sink, &st, err, errlen);
  if (rc == AJAR_ENOMEM)
    return "out of memory";
  return rc ? err : NULL;
}

/* Read, frame and walk everything; returns a one-line error or NULL */
static const char *run(struct job *j, char *err, size_t errlen) {
  int started = 0, skipping = 0;
  ssize_t got;
  size_t s, e;
  int nthreads = files_threads(j->opts);
  const char *result = NULL;
  struct part *pt = j->parts[j->cur_part];

  if (reader_map(j->rd, &j->map, &j->map_len) == 0) {
    free(j->win); /* a plain file: records are framed in the mapping */
    j->win = (char *)j->map;
    j->wcap = (size_t)-1;
  }
  for (;;) {
    if (j->map && j->wlen - j->fr.rec_start > AJAR_MAX_RECORD) {
      skip_record(j, &skipping);
      map_advance(j, j->wlen);
    } else if (j->wlen == j->wcap) {
      /* the record in the window is unfinished: grow up to the cap,
       * past it skip the record (framer state survives) */
      if (j->wcap < AJAR_MAX_RECORD + AJAR_READ_CHUNK) {
        size_t nc = j->wcap * 2;
        char *nw;
        if (nc > AJAR_MAX_RECORD + AJAR_READ_CHUNK)
          nc = AJAR_MAX_RECORD + AJAR_READ_CHUNK;
        nw = realloc(j->win, nc);
        if (!nw)
          return "out of memory";
        j->win = nw;
        j->wcap = nc;
      } else {
        skip_record(j, &skipping);
        j->wlen = 0;
      }
    }
    if (j->map) {
      size_t left = j->map_len - (j->base + j->wlen);
      got = (ssize_t)(left < 4 * AJAR_READ_CHUNK ? left : 4 * AJAR_READ_CHUNK);
    } else {
      got = reader_read(j->rd, j->win + j->wlen, j->wcap - j->wlen);
    }
    if (got < 0) {
      snprintf(err, errlen, "%s", reader_error(j->rd)[0] ? reader_error(j->rd)
                                                           : ajar_strerror((int)got));
      result = err;
      break;
    }
    if (!started && got > 0) {
      started = 1;
      pt->fmt = sniff_format(j->win, (size_t)got, j->fmt_hint);
      if (pt->fmt == FMT_SQLITE)
        return run_sqlite(j, err, errlen);
      if (pt->fmt == FMT_BSON)
        return run_stream(j, (size_t)got, err, errlen);
      if (sniff_binary(j->win, (size_t)got)) {
        j->binary = 1;
        snprintf(err, errlen, "binary data (not NDJSON, JSON, CSV/TSV, text, an "
                              "SQL dump, BSON or SQLite); not classified");
        return err;
      }
      if (pt->fmt == FMT_SQL)
        return run_stream(j, (size_t)got, err, errlen);
      framer_init(&j->fr, pt->fmt);
      if (nthreads > 1) {
        j->threaded = 1;
        if (pool_begin(j, nthreads)) {
          snprintf(err, errlen, "out of memory");
          result = err;
          break;
        }
      }
    }
    if (got == 0)
      break;
    j->wlen += (size_t)got;
    while (framer_next(&j->fr, j->win, j->wlen, &s, &e)) {
      if (skipping) { skipping = 0; continue; }
      if (on_record(j, j->win + s, e - s, j->fr.rec_line)) {
        result = "out of memory";
        goto out;
      }
    }
    /* keep the unfinished record at the front of the window */
    if (j->map) {
      size_t by = j->fr.rec_start;
      framer_shift(&j->fr, by);
      map_advance(j, by);
    } else if (j->fr.rec_start > 0) {
      size_t keep = j->wlen - j->fr.rec_start;
      memmove(j->win, j->win + j->fr.rec_start, keep);
      framer_shift(&j->fr, j->fr.rec_start);
      j->wlen = keep;
    }
  }
  if (!result && !j->cut && framer_last(&j->fr, j->win, j->wlen, &s, &e) &&
      !skipping) {
    /* a quote that never closed swallowed every row after it: say so */
    if ((pt->fmt == FMT_CSV || pt->fmt == FMT_TSV) && j->fr.in_str) {
      struct file_sink *fs = sink_for(&j->main_w, j->cur_part);
      if (fs) {
        fs->malformed++;
        if (!fs->first_bad || j->fr.rec_line < fs->first_bad)
          fs->first_bad = j->fr.rec_line;
      }
    }
    on_record(j, j->win + s, e - s, j->fr.rec_line);
  }
out:
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
static int finish_target(struct job *j, struct ajar_target_result *out) {
  uint32_t p, first = 0;
  int rc = 0;
  if (j->n_parts > 1) {
    struct file_sink *fs = sink_for(&j->main_w, 0);
    if (fs && !fs->k.c->records && !fs->malformed && !j->parts[0]->too_large)
      first = 1;
  }
  out->collections = calloc(j->n_parts - first, sizeof *out->collections);
  if (!out->collections)
    return AJAR_ENOMEM;
  for (p = first; p < j->n_parts && !rc; p++) {
    struct ajar_collection_result *c = &out->collections[out->n_collections];
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
  if (!j->map)
    free(j->win);
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
  framer_init(&j.fr, fmt >= 0 ? (enum file_format)fmt : FMT_TEXT);
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
  j.wcap = 2 * AJAR_READ_CHUNK;
  j.win = malloc(j.wcap);
  rc = job_parts(&j, strcmp(path, "-") ? base : "stdin");
  if (!rc)
    rc = j.win ? worker_init(&j.main_w, &j) : AJAR_ENOMEM;
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
  framer_init(&j.fr, fmt >= 0 ? (enum file_format)fmt : FMT_TEXT);
  pthread_mutex_init(&j.parts_mu, NULL);
  if ((rc = reader_open_mem(buf, len, &j.rd))) {
    pthread_mutex_destroy(&j.parts_mu);
    return rc;
  }
  reader_limit(j.rd, AJAR_OBJ_MAX_INFLATE);
  j.wcap = 2 * AJAR_READ_CHUNK;
  j.win = malloc(j.wcap);
  j.main_w.j = &j;
  j.main_w.s = s;
  j.main_w.lent_scratch = 1;
  j.ext_col = col;
  rc = job_parts(&j, name);
  if (!rc && !j.win)
    rc = AJAR_ENOMEM;
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
