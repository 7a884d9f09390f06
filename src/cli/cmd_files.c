/* ajar files PATH...|- */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

int cli_parse(int argc, char **argv, struct cli_opts *o) {
  int i;
  memset(o, 0, sizeof *o);
  o->format = "text";
  o->fail_on = -1;
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define NEEDS_VALUE                                                         \
  if (!v) {                                                                 \
    fprintf(stderr, "ajar: option %s needs a value\n", a);                 \
    return -1;                                                              \
  }                                                                         \
  i++
    if (!strcmp(a, "--")) return i + 1;
    if (a[0] != '-' || !strcmp(a, "-")) return i;
    if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
      NEEDS_VALUE;
      if (strcmp(v, "text") && strcmp(v, "json") && strcmp(v, "ndjson") &&
          strcmp(v, "html") && strcmp(v, "sarif")) {
        fprintf(stderr, "ajar: --format: unknown format '%s' "
                        "(text, json, ndjson, html, sarif)\n", v);
        return -1;
      }
      o->format = v;
    } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
      NEEDS_VALUE;
      o->output = v;
    } else if (!strcmp(a, "-j") || !strcmp(a, "--threads") ||
               !strncmp(a, "-j", 2)) {
      char *end;
      long n;
      if (a[2] && a[1] == 'j') {
        v = a + 2;
      } else {
        NEEDS_VALUE;
      }
      n = strtol(v, &end, 10);
      if (*end || n < 1 || n > 64) {
        fprintf(stderr, "ajar: -j: '%s' is not a thread count from 1 to 64\n", v);
        return -1;
      }
      o->threads = (int)n;
    } else if (!strcmp(a, "--input-format")) {
      NEEDS_VALUE;
      if (strcmp(v, "ndjson") && strcmp(v, "json") && strcmp(v, "csv") &&
          strcmp(v, "tsv") && strcmp(v, "text")) {
        fprintf(stderr, "ajar: --input-format: unknown format '%s'\n", v);
        return -1;
      }
      o->input_format = v;
    } else if (!strcmp(a, "--fail-on")) {
      NEEDS_VALUE;
      o->fail_on = ajar_severity_from_name(v);
      if (o->fail_on < 0) {
        fprintf(stderr, "ajar: --fail-on: unknown severity '%s' "
                        "(info, low, medium, high, critical)\n", v);
        return -1;
      }
    } else if (!strcmp(a, "--baseline")) {
      NEEDS_VALUE;
      o->baseline = v;
    } else if (!strcmp(a, "--reveal")) {
      o->reveal = 1;
    } else if (!strcmp(a, "--no-color")) {
      o->no_color = 1;
    } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      cli_usage(stdout);
      exit(0);
    } else {
      fprintf(stderr, "ajar: unknown option '%s' (try 'ajar --help')\n", a);
      return -1;
    }
#undef NEEDS_VALUE
  }
  return i;
}

int cli_option_takes_value(const char *a) {
  static const char *const valued[] = {
      "-f", "--format", "-o", "--output", "-j", "--threads",
      "--input-format", "--fail-on", "--baseline", NULL};
  size_t i;
  for (i = 0; valued[i]; i++)
    if (!strcmp(a, valued[i]))
      return 1;
  return 0;
}

/* Where finished files go: kept in the report, or (ndjson) written at
 * once and let go; a baseline drops what it already holds first. */
struct files_out {
  struct ajar_report *r;
  const struct ajar_report *base; /* NULL: no --baseline */
  FILE *stream;                   /* ndjson output, else NULL */
  int worst;
  int rc;                         /* first write error */
};

static int file_done(struct files_out *x, struct ajar_target_result *t) {
  if (x->base && ajar_target_subtract_baseline(t, x->base)) {
    ajar_target_result_clear(t);
    return 0;
  }
  if (t->severity > x->worst)
    x->worst = t->severity;
  if (x->stream) {
    if (!x->rc)
      x->rc = ajar_target_write_ndjson(t, x->stream);
    ajar_target_result_clear(t);
    return 0;
  }
  return ajar_report_add(x->r, t);
}

int cmd_files(int argc, char **argv) {
  struct cli_opts o;
  struct ajar_report r, base;
  struct files_out x;
  struct ajar_db *db = NULL;
  struct ajar_files_opts fo;
  char err[256];
  int first, i, rc, code;
  size_t failed = 0, damaged = 0, seen = 0;
  int stdin_used = 0;

  /* options may follow operands: collect operands separately */
  char **ops = calloc((size_t)argc + 1, sizeof *ops);
  char **opt_argv = calloc((size_t)argc + 1, sizeof *opt_argv);
  int n_ops = 0, n_opt = 1;
  if (!ops || !opt_argv) return 3;
  opt_argv[0] = argv[0];
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--")) {
      for (i++; i < argc; i++) ops[n_ops++] = argv[i];
      break;
    }
    if (a[0] == '-' && a[1]) {
      opt_argv[n_opt++] = argv[i];
      if (cli_option_takes_value(a) && i + 1 < argc)
        opt_argv[n_opt++] = argv[++i];
    } else {
      ops[n_ops++] = argv[i];
    }
  }
  first = cli_parse(n_opt, opt_argv, &o);
  if (first < 0) { free(ops); free(opt_argv); return 2; }
  if (!n_ops) {
    fprintf(stderr, "ajar files: no input (give PATH... or - for stdin)\n");
    free(ops); free(opt_argv);
    return 2;
  }
  memset(&r, 0, sizeof r);
  memset(&base, 0, sizeof base);
  memset(&x, 0, sizeof x);
  x.r = &r;
  if (o.baseline) {
    if (cli_read_report(o.baseline, &base)) {
      free(ops); free(opt_argv);
      return 2;
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
  cli_set_scope(&r, ops, (size_t)n_ops);
  cli_stamp(&r.started_at);
  for (i = 0; i < n_ops; i++) {
    struct ajar_target_result t;
    if (!strcmp(ops[i], "-")) {
      if (stdin_used++) continue;
    }
    rc = ajar_files_scan(db, ops[i], &fo, &t);
    if (rc) {
      fprintf(stderr, "ajar: %s: %s\n", cli_safe(ops[i]), ajar_strerror(rc));
      failed++;
      continue;
    }
    seen++;
    if (t.error) { /* partly read or not at all: an input error (exit 2) */
      fprintf(stderr, "ajar: %s: %s\n", cli_safe(ops[i]), cli_safe(t.error));
      if (!t.reachable || !t.n_collections || !t.collections[0].sampled)
        failed++;
      else
        damaged++;
    }
    if (t.n_collections && t.collections[0].malformed)
      fprintf(stderr, "ajar: %s: %llu malformed record(s), first at line %llu\n",
              cli_safe(ops[i]), (unsigned long long)t.collections[0].malformed,
              (unsigned long long)t.collections[0].first_malformed_line);
    if (file_done(&x, &t)) {
      ajar_target_result_clear(&t);
      failed++;
    }
  }
  cli_stamp(&r.finished_at);
  if (x.stream) {
    code = cli_output_close(x.stream, x.rc);
    x.stream = NULL;
  } else {
    code = cli_write_report(&r, &o);
  }
  if (!code)
    code = cli_exit_code_of(x.worst, seen, &o, failed + damaged);
  if (code == 3 && damaged) /* something was read after all */
    code = 2;
out:
  if (x.stream)
    cli_output_close(x.stream, 0);
  ajar_report_clear(&r);
  ajar_report_clear(&base);
  ajar_db_free(db);
  free(ops);
  free(opt_argv);
  return code;
}
