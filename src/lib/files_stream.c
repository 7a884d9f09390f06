/* `ajar files`, a stream: a file (mapped when it can be), stdin, or an
 * archive member. The first bytes decide (record/sniff.c): an archive
 * (files_archive.c), a format one walker reads whole (SQL dump, BSON,
 * SQLite), or records the framer cuts and the workers walk. A record
 * over AJAR_MAX_RECORD is counted and skipped.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>
#include "files_job.h"
#include "record/bson.h"
#include "record/sqldump.h"
#include "record/sqlite.h"

ssize_t read_reader(void *ctx, char *buf, size_t cap, char *err,
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
  if (j->parts[st->part]->fmt == FMT_SQL && files_threads(j->opts) > 1) {
    /* the rows to the workers: this thread only reads (files_relay.c) */
    if (!j->threaded) {
      j->threaded = 1;
      if (pool_begin(j, files_threads(j->opts)))
        return "out of memory";
    }
    if (!(k = relay_sink(j, st->part)))
      return "out of memory";
  }
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

/* write all n bytes of p to fd; 0 or -1 with errno */
static int write_all(int fd, const char *p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return -1;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

/* An SQLite database that is no plain file (a member, compressed, stdin):
 * its first `have` bytes are in st->win. SQLite reads a file by path, so
 * the stream is copied to a temporary file of AJAR_SQLITE_MAX_SPILL bytes
 * at most (the archive's bomb caps apply while it is read), walked, and
 * removed. 0, or -1 with err set. */
static int spill_sqlite(struct stream *st, size_t have, char *path, size_t cap,
                        char *err, size_t errlen) {
  const char *dir = getenv("TMPDIR");
  uint64_t total = have;
  ssize_t got;
  int fd;
  if (!dir || !*dir)
    dir = "/tmp";
  if ((size_t)snprintf(path, cap, "%s/ajar-sqlite-XXXXXX", dir) >= cap) {
    snprintf(err, errlen, "SQLite: TMPDIR too long for a temporary file");
    return -1;
  }
  fd = mkstemp(path); /* mode 0600 */
  if (fd >= 0)
    fcntl(fd, F_SETFD, FD_CLOEXEC);
  if (fd < 0) {
    snprintf(err, errlen, "SQLite: no temporary file in %s: %s", dir, strerror(errno));
    return -1;
  }
  if (write_all(fd, st->win, have))
    goto io;
  while ((got = st->read(st->ctx, st->win, st->wcap, err, errlen)) > 0) {
    total += (uint64_t)got;
    if (total > AJAR_SQLITE_MAX_SPILL) {
      snprintf(err, errlen, "SQLite: a database over %llu MiB inside an archive "
               "or compressed; not read",
               (unsigned long long)(AJAR_SQLITE_MAX_SPILL >> 20));
      goto fail;
    }
    if (write_all(fd, st->win, (size_t)got))
      goto io;
  }
  if (got < 0)
    goto fail;
  if (close(fd)) {
    fd = -1;
    goto io;
  }
  return 0;
io:
  snprintf(err, errlen, "SQLite: writing a temporary file in %s: %s", dir,
           strerror(errno));
fail:
  if (fd >= 0)
    close(fd);
  unlink(path);
  return -1;
}

/* An SQLite database: read by path, read-only and immutable; a stream
 * that is no plain file through a temporary copy (spill_sqlite) */
static const char *run_sqlite(struct stream *st, size_t have, char *err,
                              size_t errlen) {
  struct file_sink *top = sink_for(&st->j->main_w, st->part);
  struct sqlite_stats stats;
  char tmp[4096];
  const char *path = st->j->path;
  int rc;
  if (!top)
    return "out of memory";
  if (!st->map || st->depth || !path) {
    if (spill_sqlite(st, have, tmp, sizeof tmp, err, errlen))
      return err;
    path = tmp;
  }
  st->j->parts[st->part]->container = 1;
  rc = sqlite_walk_file(path, &top->k.sink, &stats, err, errlen);
  if (path == tmp)
    unlink(tmp);
  if (rc == AJAR_ENOMEM)
    return "out of memory";
  return rc ? err : NULL;
}

/* whether a file name says legacy Excel (.xls, .xlt, .xla) */
static int xls_name(const char *name) {
  size_t n = name ? strlen(name) : 0;
  return n > 4 && (!strcasecmp(name + n - 4, ".xls") || !strcasecmp(name + n - 4, ".xlt") ||
                   !strcasecmp(name + n - 4, ".xla"));
}

const char *stream_run(struct stream *st, char *err, size_t errlen) {
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
        result = run_sqlite(st, (size_t)got, err, errlen);
        break;
      }
      if (pt->fmt == FMT_BSON) {
        result = walker_stream(st, (size_t)got, err, errlen);
        break;
      }
      if (sniff_ole2(st->win, (size_t)got) && !st->depth) {
        /* legacy .xls: no reader with bounded memory (docs/formats.md) */
        j->binary = 2;
        snprintf(err, errlen, "%s: unsupported format (save it as XLSX or CSV)",
                 xls_name(st->name) ? "legacy Excel workbook (.xls, BIFF)"
                                    : "OLE2 compound file (legacy Office: .xls, "
                                      ".doc, .msg)");
        result = err;
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
    if (on_records(j, &st->fr, st->win, st->wlen, &st->skipping)) {
      result = "out of memory";
      goto out;
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
