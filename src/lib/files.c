/* `ajar files`: one file (or stdin) -> one target with one collection.
 *
 * The main thread reads and frames records into batches; with more than
 * one thread, workers classify batches into collections of their own,
 * merged at the end. Memory is bounded by the batch count and the record
 * cap (ajar_limits.h), whatever the file size.
 */
#include <pthread.h>
#include <sys/mman.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "collection.h"
#include "files.h"
#include "opts.h"
#include "record/framer.h"
#include "record/reader.h"

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
};

struct csv_header {
  char **names;
  size_t *lens;
  size_t n;
  char delim;
};

struct worker {
  struct ajar_collection *c;
  struct ajar_scratch *s;
  const struct csv_header *hdr;
  uint32_t *cols;          /* field index per column, for c */
  uint64_t malformed, first_bad;
  enum file_format fmt;
};

/* ---- format detection ------------------------------------------------ */
static int ends_with(const char *s, size_t n, const char *suf) {
  size_t k = strlen(suf);
  return n >= k && !strncasecmp(s + n - k, suf, k);
}

static int format_by_name(const char *path, const char *forced) {
  size_t n = strlen(path);
  if (forced) {
    if (!strcmp(forced, "ndjson") || !strcmp(forced, "jsonl")) return FMT_NDJSON;
    if (!strcmp(forced, "json")) return -2; /* sniff array vs document */
    if (!strcmp(forced, "csv")) return FMT_CSV;
    if (!strcmp(forced, "tsv")) return FMT_TSV;
    if (!strcmp(forced, "text")) return FMT_TEXT;
    return -3;
  }
  if (ends_with(path, n, ".gz")) n -= 3;
  else if (ends_with(path, n, ".zst")) n -= 4;
  else if (ends_with(path, n, ".zstd")) n -= 5;
  if (ends_with(path, n, ".ndjson") || ends_with(path, n, ".jsonl")) return FMT_NDJSON;
  if (ends_with(path, n, ".json")) return -2;
  if (ends_with(path, n, ".csv")) return FMT_CSV;
  if (ends_with(path, n, ".tsv") || ends_with(path, n, ".tab")) return FMT_TSV;
  if (ends_with(path, n, ".txt") || ends_with(path, n, ".log")) return FMT_TEXT;
  return -1;
}

/* whether the first line of b is one complete JSON object */
static int first_line_is_object(const char *b, size_t n) {
  size_t i;
  int depth = 0, in_str = 0, esc = 0;
  for (i = 0; i < n; i++) {
    char c = b[i];
    if (in_str) {
      if (esc) esc = 0;
      else if (c == '\\') esc = 1;
      else if (c == '"') in_str = 0;
      continue;
    }
    if (c == '"') in_str = 1;
    else if (c == '{' || c == '[') depth++;
    else if (c == '}' || c == ']') {
      if (--depth == 0) return 1;
    } else if (c == '\n') return 0;
  }
  return 0;
}

static int sniff(const char *b, size_t n, int by_name) {
  size_t i = 0, tabs = 0, commas = 0;
  if (n >= 3 && !memcmp(b, "\xEF\xBB\xBF", 3)) /* byte order mark */
    i = 3;
  while (i < n && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t'))
    i++;
  if (by_name >= 0)
    return by_name;
  if (i < n && b[i] == '[')
    return FMT_JSON_ARRAY;
  if (i < n && b[i] == '{')
    return first_line_is_object(b + i, n - i) ? FMT_NDJSON : FMT_JSON_DOC;
  if (by_name == -2)
    return FMT_JSON_DOC;
  for (; i < n && b[i] != '\n'; i++) {
    tabs += b[i] == '\t';
    commas += b[i] == ',' || b[i] == ';';
  }
  if (tabs) return FMT_TSV;
  if (commas) return FMT_CSV;
  return FMT_TEXT;
}

static int looks_binary(const char *b, size_t n) {
  size_t i, ctl = 0;
  if (n > 4096) n = 4096;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)b[i];
    if (c == 0) return 1;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') ctl++;
  }
  return n && ctl * 10 > n;
}

/* ---- CSV ----------------------------------------------------------------- */
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

static void header_free(struct csv_header *h) {
  size_t i;
  for (i = 0; i < h->n; i++) free(h->names[i]);
  free(h->names);
  free(h->lens);
  memset(h, 0, sizeof *h);
}

static void data_cell(void *ctx, size_t col, const char *v, size_t n) {
  struct worker *w = ctx;
  uint32_t f;
  if (!w->hdr || col >= w->hdr->n) {
    char name[32];
    int k = snprintf(name, sizeof name, "column%zu", col + 1);
    f = field_child(w->c, ROOT_FIELD, name, (size_t)k, 0);
  } else {
    if (!w->cols[col])
      w->cols[col] = field_child(w->c, ROOT_FIELD, w->hdr->names[col],
                                 w->hdr->lens[col], 0);
    f = w->cols[col];
  }
  field_value(w->c, w->s, f, VK_STRING, v, n);
}

/* ---- classifying one record ------------------------------------------- */
static void classify_record(struct worker *w, const char *p, size_t n,
                            uint64_t line) {
  int rc = 0;
  switch (w->fmt) {
  case FMT_NDJSON:
  case FMT_JSON_ARRAY:
  case FMT_JSON_DOC: {
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r')) i++;
    if (i == n) return; /* blank line */
    rc = ajar_collection_add_json(w->c, w->s, p, n);
    break;
  }
  case FMT_CSV:
  case FMT_TSV: {
    char *buf = w->s->buf;
    if (n == 0) return;
    csv_row(p, n, w->fmt == FMT_TSV ? '\t' : (w->hdr ? w->hdr->delim : ','),
            buf, sizeof w->s->buf, data_cell, w);
    ajar_collection_end_record(w->c);
    break;
  }
  default:
    if (n == 0) return;
    field_value(w->c, w->s, ROOT_FIELD, VK_STRING, p, n);
    ajar_collection_end_record(w->c);
    break;
  }
  if (rc) {
    w->malformed++;
    if (!w->first_bad || line < w->first_bad) w->first_bad = line;
  }
}

static void classify_batch(struct worker *w, const struct batch *b) {
  size_t i;
  for (i = 0; i < b->n; i++)
    classify_record(w, b->buf + b->recs[i].off, b->recs[i].len, b->recs[i].line);
}

/* ---- workers ------------------------------------------------------------- */
struct pool {
  pthread_mutex_t mu;
  pthread_cond_t has_work, has_room;
  struct batch **queue;
  size_t qcap, qhead, qlen;
  struct batch **free_list;
  size_t n_free;
  int closing;
  struct worker *workers;
  pthread_t *threads;
  int n;
};

struct worker_arg {
  struct pool *pool;
  struct worker *w;
};

static void *worker_main(void *p) {
  struct worker_arg *a = p;
  struct pool *pl = a->pool;
  for (;;) {
    struct batch *b;
    pthread_mutex_lock(&pl->mu);
    while (!pl->qlen && !pl->closing)
      pthread_cond_wait(&pl->has_work, &pl->mu);
    if (!pl->qlen) {
      pthread_mutex_unlock(&pl->mu);
      return NULL;
    }
    b = pl->queue[pl->qhead];
    pl->qhead = (pl->qhead + 1) % pl->qcap;
    pl->qlen--;
    pthread_mutex_unlock(&pl->mu);
    classify_batch(a->w, b);
    pthread_mutex_lock(&pl->mu);
    b->len = b->n = 0;
    pl->free_list[pl->n_free++] = b;
    pthread_cond_signal(&pl->has_room);
    pthread_mutex_unlock(&pl->mu);
  }
}

/* ---- the pipeline ---------------------------------------------------------- */
struct job {
  const struct ajar_db *db;
  const struct ajar_files_opts *opts;
  struct reader *rd;
  struct framer fr;
  struct csv_header hdr;
  int have_header;
  struct worker main_w;
  struct pool pool;
  struct batch *cur;
  int threaded;
  int fmt_hint;
  uint64_t too_large;
  uint64_t first_too_large;
  char *win;
  size_t wlen, wcap;
  const void *map;        /* plain files: the whole file, mapped */
  size_t map_len, base, released;
  int cut;                /* the input is a prefix: its last, unfinished
                             record is not classified */
};

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

static void submit(struct job *j) {
  struct pool *pl = &j->pool;
  if (!j->cur || !j->cur->n)
    return;
  pthread_mutex_lock(&pl->mu);
  pl->queue[(pl->qhead + pl->qlen) % pl->qcap] = j->cur;
  pl->qlen++;
  pthread_cond_signal(&pl->has_work);
  while (!pl->n_free)
    pthread_cond_wait(&pl->has_room, &pl->mu);
  j->cur = pl->free_list[--pl->n_free];
  pthread_mutex_unlock(&pl->mu);
}

static int on_record(struct job *j, const char *p, size_t n, uint64_t line) {
  if ((j->fr.fmt == FMT_CSV || j->fr.fmt == FMT_TSV) && !j->have_header) {
    j->have_header = 1;
    j->hdr.delim = j->fr.fmt == FMT_TSV ? '\t' : ',';
    if (j->fr.fmt == FMT_CSV && !memchr(p, ',', n) && memchr(p, ';', n))
      j->hdr.delim = ';';
    csv_row(p, n, j->hdr.delim, j->main_w.s->buf, sizeof j->main_w.s->buf,
            header_cell, &j->hdr);
    return 0;
  }
  if (!j->threaded) {
    classify_record(&j->main_w, p, n, line);
    return 0;
  }
  if (batch_add(j->cur, p, n, line))
    return AJAR_ENOMEM;
  if (j->cur->len >= BATCH_BYTES)
    submit(j);
  return 0;
}

static int worker_init(struct worker *w, const struct job *j, const char *name) {
  struct ajar_collection_opts co = AJAR_COLLECTION_OPTS_INIT;
  int rc;
  co.reveal = j->opts ? j->opts->reveal : 0;
  rc = ajar_collection_new(j->db, name, &co, &w->c);
  if (!rc) rc = ajar_scratch_alloc(j->db, &w->s);
  if (!rc && !(w->cols = calloc(AJAR_MAX_CSV_COLUMNS, sizeof *w->cols)))
    rc = AJAR_ENOMEM;
  w->hdr = &j->hdr;
  w->fmt = j->fr.fmt;
  return rc;
}

static void worker_fini(struct worker *w) {
  ajar_collection_free(w->c);
  ajar_scratch_free(w->s);
  free(w->cols);
  memset(w, 0, sizeof *w);
}

static int pool_start(struct job *j, int n, struct worker_arg *args) {
  struct pool *pl = &j->pool;
  int i;
  pl->n = n;
  pl->qcap = (size_t)n * AJAR_QUEUE_DEPTH;
  pl->queue = calloc(pl->qcap, sizeof *pl->queue);
  pl->free_list = calloc(pl->qcap + 1, sizeof *pl->free_list);
  pl->workers = calloc((size_t)n, sizeof *pl->workers);
  pl->threads = calloc((size_t)n, sizeof *pl->threads);
  if (!pl->queue || !pl->free_list || !pl->workers || !pl->threads)
    return AJAR_ENOMEM;
  for (i = 0; i < (int)pl->qcap; i++) {
    struct batch *b = calloc(1, sizeof *b);
    if (!b) return AJAR_ENOMEM;
    pl->free_list[pl->n_free++] = b;
  }
  j->cur = pl->free_list[--pl->n_free];
  pthread_mutex_init(&pl->mu, NULL);
  pthread_cond_init(&pl->has_work, NULL);
  pthread_cond_init(&pl->has_room, NULL);
  for (i = 0; i < n; i++) {
    int rc = worker_init(&pl->workers[i], j, "");
    if (rc) return rc;
    args[i].pool = pl;
    args[i].w = &pl->workers[i];
    if (pthread_create(&pl->threads[i], NULL, worker_main, &args[i])) {
      pl->n = i;
      return AJAR_ENOMEM;
    }
  }
  return 0;
}

static void batch_free(struct batch *b) {
  if (!b) return;
  free(b->buf);
  free(b->recs);
  free(b);
}

/* join the workers and merge their collections into the main one */
static int pool_finish(struct job *j) {
  struct pool *pl = &j->pool;
  int i, rc = 0;
  size_t k;
  if (!pl->threads)
    return 0;
  submit(j);
  pthread_mutex_lock(&pl->mu);
  pl->closing = 1;
  pthread_cond_broadcast(&pl->has_work);
  pthread_mutex_unlock(&pl->mu);
  for (i = 0; i < pl->n; i++)
    pthread_join(pl->threads[i], NULL);
  for (i = 0; i < pl->n; i++) {
    struct worker *w = &pl->workers[i];
    if (w->c && !rc)
      rc = ajar_collection_merge(j->main_w.c, w->c);
    j->main_w.malformed += w->malformed;
    if (w->first_bad && (!j->main_w.first_bad || w->first_bad < j->main_w.first_bad))
      j->main_w.first_bad = w->first_bad;
    worker_fini(w);
  }
  for (k = 0; k < pl->n_free; k++) batch_free(pl->free_list[k]);
  batch_free(j->cur);
  j->cur = NULL;
  free(pl->queue);
  free(pl->free_list);
  free(pl->workers);
  free(pl->threads);
  pthread_mutex_destroy(&pl->mu);
  pthread_cond_destroy(&pl->has_work);
  pthread_cond_destroy(&pl->has_room);
  memset(pl, 0, sizeof *pl);
  return rc;
}

static int threads_wanted(const struct ajar_files_opts *o) {
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
  if (!*skipping) {
    j->too_large++;
    if (!j->first_too_large)
      j->first_too_large = j->fr.line;
  }
  *skipping = 1;
  framer_discard(&j->fr, 0);
}

/* Read, frame and classify everything; returns a one-line error or NULL */
static const char *run(struct job *j, char *err, size_t errlen) {
  int started = 0, skipping = 0;
  ssize_t got;
  size_t s, e;
  int nthreads = threads_wanted(j->opts);
  struct worker_arg *args = NULL;
  const char *result = NULL;

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
      if (looks_binary(j->win, (size_t)got)) {
        snprintf(err, errlen, "binary data (not NDJSON, JSON, CSV/TSV or text); not classified");
        return err;
      }
      framer_init(&j->fr, (enum file_format)sniff(j->win, (size_t)got, j->fmt_hint));
      j->main_w.fmt = j->fr.fmt;
      if (nthreads > 1) {
        args = calloc((size_t)nthreads, sizeof *args);
        if (!args || pool_start(j, nthreads, args)) {
          snprintf(err, errlen, "out of memory");
          result = err;
          break;
        }
        j->threaded = 1;
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
    if ((j->fr.fmt == FMT_CSV || j->fr.fmt == FMT_TSV) && j->fr.in_str) {
      j->main_w.malformed++;
      if (!j->main_w.first_bad || j->fr.rec_line < j->main_w.first_bad)
        j->main_w.first_bad = j->fr.rec_line;
    }
    on_record(j, j->win + s, e - s, j->fr.rec_line);
  }
out:
  if (pool_finish(j) && !result)
    result = "out of memory";
  free(args);
  return result;
}

static char *xstrdup(const char *s) { return s ? strdup(s) : NULL; }

int ajar_files_scan(const struct ajar_db *db, const char *path,
                    const struct ajar_files_opts *opts,
                    struct ajar_target_result *out) {
  struct job j;
  char err[256] = "";
  const char *bad;
  const char *base;
  int rc, fmt;

  if (!db || !path || !out ||
      (opts && !opts_size_known(opts->size, sizeof *opts)))
    return AJAR_EINVAL;
  memset(out, 0, sizeof *out);
  memset(&j, 0, sizeof j);
  out->target = xstrdup(path);
  out->store = xstrdup("file");
  out->reachable = 1;
  if (!out->target || !out->store)
    return AJAR_ENOMEM;
  j.db = db;
  j.opts = opts;
  fmt = format_by_name(path, opts ? opts->format : NULL);
  if (fmt == -3) {
    out->error = xstrdup("unknown --input-format");
    out->severity = AJAR_SEV_INFO;
    return 0;
  }
  j.fmt_hint = fmt; /* negative: sniff on the first read */
  framer_init(&j.fr, fmt >= 0 ? (enum file_format)fmt : FMT_TEXT);
  rc = reader_open(path, &j.rd, err, sizeof err);
  if (rc) {
    char line[320];
    snprintf(line, sizeof line, "cannot read: %s", err);
    out->reachable = 0;
    out->error = xstrdup(line);
    return rc == AJAR_ENOMEM ? rc : 0;
  }
  base = strrchr(path, '/');
  base = base ? base + 1 : path;
  j.wcap = 2 * AJAR_READ_CHUNK;
  j.win = malloc(j.wcap);
  rc = j.win ? worker_init(&j.main_w, &j, strcmp(path, "-") ? base : "stdin")
             : AJAR_ENOMEM;
  if (rc) {
    reader_close(j.rd);
    free(j.win);
    worker_fini(&j.main_w);
    return rc;
  }
  bad = run(&j, err, sizeof err);
  out->collections = calloc(1, sizeof *out->collections);
  if (!out->collections) {
    rc = AJAR_ENOMEM;
  } else {
    out->n_collections = 1;
    rc = ajar_collection_finish(j.main_w.c, 1, &out->collections[0]);
    if (!rc) {
      struct ajar_collection_result *c = &out->collections[0];
      c->records = (int64_t)c->sampled;
      c->malformed = j.main_w.malformed + j.too_large;
      c->first_malformed_line = j.main_w.first_bad;
      if (j.first_too_large &&
          (!c->first_malformed_line || j.first_too_large < c->first_malformed_line))
        c->first_malformed_line = j.first_too_large;
      if (j.too_large) {
        char note[128];
        snprintf(note, sizeof note, "%llu record(s) over %u MiB skipped",
                 (unsigned long long)j.too_large, AJAR_MAX_RECORD >> 20);
        c->note = xstrdup(note);
      }
      out->severity = c->severity;
    }
  }
  if (bad) {
    char line[320];
    snprintf(line, sizeof line, "%s", bad);
    out->error = xstrdup(line);
  }
  header_free(&j.hdr);
  worker_fini(&j.main_w);
  reader_close(j.rd); /* unmaps */
  if (!j.map)
    free(j.win);
  return rc;
}

int files_classify_buffer(struct ajar_collection *col, struct ajar_scratch *s,
                          const char *name, const char *buf, size_t len, int cut,
                          uint64_t *malformed, char *err, size_t errlen) {
  struct ajar_files_opts opts = AJAR_FILES_OPTS_INIT;
  struct job j;
  const char *bad;
  int rc, fmt;

  memset(&j, 0, sizeof j);
  opts.threads = 1;
  err[0] = 0;
  *malformed = 0;
  j.opts = &opts;
  j.db = col->db;
  j.cut = cut;
  fmt = format_by_name(name, NULL);
  j.fmt_hint = fmt;
  framer_init(&j.fr, fmt >= 0 ? (enum file_format)fmt : FMT_TEXT);
  if ((rc = reader_open_mem(buf, len, &j.rd)))
    return rc;
  reader_limit(j.rd, AJAR_OBJ_MAX_INFLATE);
  j.wcap = 2 * AJAR_READ_CHUNK;
  j.win = malloc(j.wcap);
  j.main_w.c = col;
  j.main_w.s = s;
  j.main_w.hdr = &j.hdr;
  j.main_w.cols = calloc(AJAR_MAX_CSV_COLUMNS, sizeof *j.main_w.cols);
  if (!j.win || !j.main_w.cols) {
    rc = AJAR_ENOMEM;
  } else {
    bad = run(&j, err, errlen);
    if (bad && bad != err)
      snprintf(err, errlen, "%s", bad);
    *malformed = j.main_w.malformed + j.too_large;
    rc = 0;
  }
  header_free(&j.hdr);
  free(j.main_w.cols);
  reader_close(j.rd);
  free(j.win);
  return rc;
}
