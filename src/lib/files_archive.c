/* `ajar files`, archives: libarchive's formats and filters (a member a
 * stream of its own, into a part "archive!member"), within the bomb caps
 * of ajar_limits.h; and XLSX/ODS workbooks (record/xlsx.c), a part per
 * sheet. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <archive.h>
#include <archive_entry.h>
#include "files_job.h"
#include "record/xlsx.h"

/* the archive's bytes: what the stream already read, then the rest */
struct arc_src {
  struct stream *st;
  const char *pre;
  size_t pre_len;
  int pre_done;
  int at_end;             /* the bytes ran out (or failed): a prefix's end */
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
  if (got <= 0)
    src->at_end = 1;
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
    /* a file that is only compressed (xz, bzip2, lz4) says by what */
    snprintf(err, errlen, "%s: over %u times its size once decompressed "
             "(a bomb?); the rest not read",
             archive_format(a) == ARCHIVE_FORMAT_RAW && archive_filter_name(a, 0)
                 ? archive_filter_name(a, 0) : "archive",
             AJAR_ARCHIVE_MAX_RATIO);
    j->bomb = 1;
    return AJAR_ETOOBIG;
  }
  return (ssize_t)got;
}

int book_name(const char *name) {
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

const char *arc_stream(struct stream *st, size_t have, char *err,
                              size_t errlen) {
  struct job *j = st->j;
  struct archive *a;
  struct archive_entry *e;
  struct arc_src *src;
  const char *result = NULL;
  size_t entries = 0, members = 0;
  char member[160] = "";
  int r, in_member = 0;
  if (st->map && !st->depth && sheet_is_workbook(st->map, st->map_len))
    return book_stream(st, st->map, st->map_len, err, errlen);
  if (!st->map && st->book_hint && zip_magic(st->win, have)) {
    char *held;
    size_t len;
    if (hold_member(st, have, &held, &len, err, errlen))
      return err;
    if (sheet_is_workbook(held, len))
      result = book_stream(st, held, len, err, errlen);
    else if (j->cut)
      result = "workbook: cut at the prefix cap (a workbook is read whole, its "
               "directory is at its end); not read";
    else
      result = "workbook: not an XLSX or ODS file";
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
    members++;
    snprintf(member, sizeof member, "%s", name);
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
    if (why && why != err)
      snprintf(err, errlen, "%s", why);
    if (why) {
      result = err;
      in_member = 1;
    }
  }
  if (!result && r != ARCHIVE_EOF && r != ARCHIVE_OK && r != ARCHIVE_WARN) {
    arc_error(a, err, errlen);
    result = err;
  }
  /* a prefix (an object's first bytes) ends inside the archive: say
   * where the read stopped, not the reader's complaint about it */
  if (result && j->cut && src->at_end && !j->bomb) {
    if (in_member && archive_format(a) != ARCHIVE_FORMAT_RAW)
      snprintf(err, errlen, "archive: cut at the prefix cap in member %zu (%s); "
               "it and the members after it not read", members, member);
    else if (archive_format(a) != ARCHIVE_FORMAT_RAW)
      snprintf(err, errlen, "archive: cut at the prefix cap after %zu members; "
               "the rest not read", members);
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
