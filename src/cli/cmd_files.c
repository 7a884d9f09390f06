/* ajar files PATH...|- (files, directories walked) */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

const struct cli_option cli_files_options[] = {
  {OPT_THREADS, 'j', "threads", "N", NULL,
   "classification threads (default: all cores)", NULL},
  {OPT_INPUT_FORMAT, 0, "input-format", "F",
   "ndjson json csv tsv text sql bson sqlite",
   "ndjson, json, csv, tsv, text, sql, bson or\n"
   "sqlite (default: by name, then by content)", NULL},
  {OPT_INCLUDE, 0, "include", "GLOB", NULL,
   "in directories, read only files whose path below\n"
   "the directory or name matches GLOB (repeatable)", NULL},
  {OPT_EXCLUDE, 0, "exclude", "GLOB", NULL,
   "in directories, leave out files and directories\n"
   "whose path or name matches GLOB (repeatable)", NULL},
  CLI_OPTIONS_REPORT,
  {0},
};

/* Where finished files go: kept in the report, or (ndjson) written at
 * once and let go; a baseline drops what it already holds first. */
struct files_out {
  struct ajar_report *r;
  const struct ajar_report *base; /* NULL: no --baseline */
  FILE *stream;                   /* ndjson output, else NULL */
  pthread_mutex_t mu;             /* r and stream, against Ctrl-C */
  int worst;
  int rc;                         /* first write error */
};

static int file_done(struct files_out *x, struct ajar_target_result *t) {
  int rc = 0;
  if (x->base && ajar_target_subtract_baseline(t, x->base)) {
    ajar_target_result_clear(t);
    return 0;
  }
  pthread_mutex_lock(&x->mu);
  if (t->severity > x->worst)
    x->worst = t->severity;
  if (x->stream) {
    if (!x->rc)
      x->rc = ajar_target_write_ndjson(t, x->stream);
    ajar_target_result_clear(t);
  } else {
    rc = ajar_report_add(x->r, t);
  }
  pthread_mutex_unlock(&x->mu);
  return rc;
}

struct files_args {
  struct cli_opts o;
  struct strv include, exclude;
};

static int files_option(int id, const char *arg, void *ctx) {
  struct files_args *a = ctx;
  if (id == OPT_INCLUDE || id == OPT_EXCLUDE) {
    struct strv *v = id == OPT_INCLUDE ? &a->include : &a->exclude;
    return strv_add(v, arg, strlen(arg)) ? -1 : 0;
  }
  return cli_common_only(id, arg, &a->o);
}

/* what the run says of each file, then where it goes */
struct files_state {
  struct files_out *x;
  size_t failed, damaged, seen;
};

static int on_file(struct ajar_target_result *t, void *ctx) {
  struct files_state *st = ctx;
  const char *path = t->target ? t->target : "";
  unsigned long long bad = 0, first = 0;
  char note[96] = "";
  size_t c;
  st->seen++;
  /* one line per file: the input error, the malformed records of all its
   * collections (tables of a dump), or both */
  for (c = 0; c < t->n_collections; c++) {
    unsigned long long l = t->collections[c].first_malformed_line;
    bad += t->collections[c].malformed;
    if (l && (!first || l < first)) first = l;
  }
  if (bad && first)
    snprintf(note, sizeof note, "%llu malformed record(s), first at line %llu", bad,
             first);
  else if (bad)
    snprintf(note, sizeof note, "%llu malformed record(s)", bad);
  if (t->error) { /* partly read or not at all: an input error (exit 2) */
    fprintf(stderr, "ajar: %s: %s%s%s\n", cli_safe(path), cli_safe(t->error),
            note[0] ? "; " : "", note);
    if (!t->reachable || !t->n_collections || !t->collections[0].sampled)
      st->failed++;
    else
      st->damaged++;
  } else if (note[0]) {
    fprintf(stderr, "ajar: %s: %s\n", cli_safe(path), note);
  }
  if (file_done(st->x, t)) {
    ajar_target_result_clear(t);
    st->failed++;
  }
  return 0;
}

static void on_skipped(const char *path, const char *why, void *ctx) {
  (void)ctx;
  fprintf(stderr, "ajar: %s: %s\n", cli_safe(path), cli_safe(why));
}

int cmd_files(int argc, char **argv) {
  struct files_args a;
  struct files_state st;
  struct cli_opts o;
  struct ajar_report r, base;
  struct files_out x;
  struct ajar_db *db = NULL;
  struct ajar_files_opts fo;
  char err[256];
  char **ops;
  int first, rc, code, n_ops;

  memset(&a, 0, sizeof a);
  cli_opts_init(&a.o);
  first = cli_getopt(cli_command("files"), argc, argv, files_option, &a);
  o = a.o;
  if (first < 0) {
    strv_free(&a.include);
    strv_free(&a.exclude);
    return first == CLI_EXIT_HELP ? 0 : 2;
  }
  ops = argv + first;
  n_ops = argc - first;
  if (!n_ops) {
    fprintf(stderr, "ajar files: no input (give PATH... or - for stdin)\n");
    strv_free(&a.include);
    strv_free(&a.exclude);
    return 2;
  }
  memset(&r, 0, sizeof r);
  memset(&base, 0, sizeof base);
  memset(&x, 0, sizeof x);
  pthread_mutex_init(&x.mu, NULL);
  x.r = &r;
  memset(&st, 0, sizeof st);
  st.x = &x;
  if (o.baseline) {
    if (cli_read_report(o.baseline, &base)) {
      code = 2;
      goto out;
    }
    x.base = &base;
  }
  rc = ajar_db_compile(&db, err, sizeof err);
  if (rc) {
    fprintf(stderr, "ajar: %s: %s\n", ajar_strerror(rc), cli_safe(err));
    code = 3;
    goto out;
  }
  if (!strcmp(o.format, "ndjson") && !(x.stream = cli_output_open(&o))) {
    code = 2;
    goto out;
  }
  memset(&fo, 0, sizeof fo);
  fo.size = sizeof fo;
  fo.threads = o.threads;
  fo.reveal = o.reveal;
  fo.format = o.input_format;
  fo.include = (const char *const *)a.include.v;
  fo.n_include = a.include.n;
  fo.exclude = (const char *const *)a.exclude.v;
  fo.n_exclude = a.exclude.n;
  fo.skipped = on_skipped;
  cli_set_scope(&r, ops, (size_t)n_ops);
  cli_stamp(&r.started_at);
  cli_interrupt_arm(&r, &x.mu, &o, &x.stream);
  rc = ajar_files_run(db, (const char *const *)ops, (size_t)n_ops, &fo,
                      on_file, &st);
  if (rc) {
    fprintf(stderr, "ajar files: %s\n", ajar_strerror(rc));
    st.failed++;
  }
  /* every file is done: a Ctrl-C from here on waits, the report is
   * written whole below */
  pthread_mutex_lock(&x.mu);
  cli_stamp(&r.finished_at);
  if (x.stream) {
    code = cli_output_close(x.stream, x.rc);
    x.stream = NULL;
  } else {
    code = cli_write_report(&r, &o);
  }
  if (!code)
    code = cli_exit_code_of(x.worst, st.seen, &o, st.failed + st.damaged);
  if (code == 3 && st.damaged) /* something was read after all */
    code = 2;
out:
  if (x.stream)
    cli_output_close(x.stream, 0);
  ajar_report_clear(&r);
  ajar_report_clear(&base);
  ajar_db_free(db);
  strv_free(&a.include);
  strv_free(&a.exclude);
  return code;
}
