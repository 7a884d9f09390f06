/* `ajar files`: one file (or stdin) -> one target with its collections:
 * the file's own, and one per table, sheet or member a walker opens in it
 * (named "file!name", docs/report.md).
 *
 * The main thread reads, sniffs (record/sniff.c) and frames records into
 * batches; with more than one thread, the pool's workers walk batches
 * (record/: JSON, CSV, text) into collections of their own, merged at
 * the end. Memory is bounded by the batch count and the record cap
 * (ajar_limits.h), whatever the file size.
 *
 * Here: the entry points, and the parts' collections into the report.
 * The stream and its format dispatch are in files_stream.c, archives and
 * workbooks in files_archive.c, parts, sinks and workers in
 * files_workers.c (files_job.h: what they share).
 */
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "files_job.h"
#include "report/report.h"

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
static int finish_part(struct job *j, uint32_t p, int open,
                       struct ajar_collection_result *out) {
  const struct part *pt = j->parts[p];
  struct file_sink *fs = sink_for(&j->main_w, p);
  int rc;
  if (!fs)
    return AJAR_ENOMEM;
  rc = ajar_collection_finish(fs->k.c, open, out);
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

/* whether part p is left out of the report: the file itself or an
 * archive, when its parts hold everything */
static int part_hidden(struct job *j, uint32_t p) {
  struct file_sink *fs;
  if (j->n_parts == 1 || (p && !j->parts[p]->container && !j->parts[p]->binary))
    return 0;
  fs = sink_for(&j->main_w, p);
  return fs && !fs->k.c->records && !fs->malformed && !j->parts[p]->too_large;
}

/* The target's collections: every part's, the file's own first unless it
 * is empty and others were opened */
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
    rc = finish_part(j, p, 1, c);
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
  relays_free(j);
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

/* The prefix buf into col; parts (NULL: merged into col) gets one
 * collection per part a walker opened, rated with open */
static int classify_mem(struct ajar_collection *col, struct ajar_scratch *s,
                        const char *name, const char *buf, size_t len, int cut,
                        int open, struct ajar_target_result *parts,
                        uint64_t *malformed, char *err, size_t errlen) {
  struct ajar_files_opts opts = AJAR_FILES_OPTS_INIT;
  struct job j;
  struct file_sink *fs;
  const char *bad;
  uint32_t p;
  int rc, fmt;

  memset(&j, 0, sizeof j);
  opts.threads = 1;
  opts.reveal = col->reveal;
  err[0] = 0;
  *malformed = 0;
  j.opts = &opts;
  j.db = col->db;
  j.cut = cut;
  if (parts)
    j.max_parts = AJAR_OBJ_MAX_PARTS + 1; /* part 0: the object itself */
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
    if (!bad && j.parts_full)
      snprintf(err, errlen, "more than %u members, tables or sheets: those past "
               "the cap were not read", (unsigned)AJAR_OBJ_MAX_PARTS);
    for (p = 1; p < j.main_w.n_sinks && !rc; p++) {
      if (!j.main_w.sinks[p])
        continue;
      if (!parts) { /* one collection for all */
        rc = ajar_collection_merge(col, j.main_w.sinks[p]->k.c);
        fs->malformed += j.main_w.sinks[p]->malformed + j.parts[p]->too_large;
      } else if (!part_hidden(&j, p)) {
        struct ajar_collection_result *c;
        if ((rc = report_grow((void **)&parts->collections, parts->n_collections,
                              sizeof *parts->collections)))
          break;
        c = &parts->collections[parts->n_collections];
        memset(c, 0, sizeof *c);
        if (!(rc = finish_part(&j, p, open, c))) {
          parts->n_collections++;
          c->records = -1; /* a prefix: what the store holds is unknown */
        }
      }
    }
    *malformed = fs->malformed + j.parts[0]->too_large;
  }
  job_free(&j);
  return rc;
}

int files_classify_buffer(struct ajar_collection *col, struct ajar_scratch *s,
                          const char *name, const char *buf, size_t len, int cut,
                          uint64_t *malformed, char *err, size_t errlen) {
  return classify_mem(col, s, name, buf, len, cut, 1, NULL, malformed, err, errlen);
}

int files_classify_object(struct ajar_collection *col, struct ajar_scratch *s,
                          const char *name, const char *buf, size_t len, int cut,
                          int open, struct ajar_target_result *parts,
                          uint64_t *malformed, char *err, size_t errlen) {
  return classify_mem(col, s, name, buf, len, cut, open, parts, malformed, err, errlen);
}
