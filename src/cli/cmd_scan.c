#define _GNU_SOURCE /* asprintf */
/* ajar scan [TARGET...] : audit data stores on the network */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

struct strv {
  char **v;
  size_t n, cap;
};

static int strv_add(struct strv *s, const char *x, size_t n) {
  char *d;
  if (s->n == s->cap) {
    size_t nc = s->cap ? s->cap * 2 : 16;
    char **nv = realloc(s->v, nc * sizeof *nv);
    if (!nv)
      return -1;
    s->v = nv;
    s->cap = nc;
  }
  if (!(d = malloc(n + 1)))
    return -1;
  memcpy(d, x, n);
  d[n] = 0;
  s->v[s->n++] = d;
  return 0;
}

static void strv_free(struct strv *s) {
  size_t i;
  for (i = 0; i < s->n; i++)
    free(s->v[i]);
  free(s->v);
}

/* comma- or whitespace-separated items */
static int strv_split(struct strv *s, const char *list) {
  while (*list) {
    size_t n;
    while (*list == ',' || isspace((unsigned char)*list))
      list++;
    n = strcspn(list, ", \t\r\n");
    if (n && strv_add(s, list, n))
      return -1;
    list += n;
  }
  return 0;
}

/* one entry per line; blank lines and '#' comments skipped */
static int strv_file(struct strv *s, const char *opt, const char *path) {
  FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
  char line[4096];
  if (!f) {
    fprintf(stderr, "ajar: %s %s: %s\n", opt, cli_safe(path), strerror(errno));
    return -1;
  }
  while (fgets(line, sizeof line, f)) {
    char *h = strchr(line, '#');
    if (h)
      *h = 0;
    if (strv_split(s, line)) {
      if (f != stdin) fclose(f);
      return -1;
    }
  }
  if (f != stdin)
    fclose(f);
  return 0;
}

/* "500ms", "3s", "2m", "1h"; a bare number is seconds */
static int parse_ms(const char *opt, const char *v, int *out) {
  char *end;
  double x = strtod(v, &end), mult = 1000;
  if (end == v || x < 0)
    goto bad;
  if (!strcmp(end, "ms")) mult = 1;
  else if (!strcmp(end, "s") || !*end) mult = 1000;
  else if (!strcmp(end, "m")) mult = 60000;
  else if (!strcmp(end, "h")) mult = 3600000;
  else goto bad;
  if (x * mult > 2e9)
    goto bad;
  *out = (int)(x * mult);
  return 0;
bad:
  fprintf(stderr, "ajar: %s: '%s' is not a duration (e.g. 500ms, 3s, 2m)\n", opt, v);
  return -1;
}

static int parse_long(const char *opt, const char *v, long lo, long hi, long *out) {
  char *end;
  long n = strtol(v, &end, 10);
  if (end == v || *end || n < lo || n > hi) {
    fprintf(stderr, "ajar: %s: '%s' is not a number from %ld to %ld\n", opt, v, lo, hi);
    return -1;
  }
  *out = n;
  return 0;
}

struct scan_cli {
  struct ajar_report report;
  pthread_mutex_t mu;       /* stderr, and the report or stream */
  int progress_shown;
  const struct ajar_report *base; /* --baseline, or NULL */
  FILE *stream;             /* --format ndjson: a line per finished target */
  int stream_rc;
  size_t streamed, streamed_failed;
  int worst;
};

static void clear_progress(struct scan_cli *s) {
  if (s->progress_shown) {
    fputs("\r\033[K", stderr);
    s->progress_shown = 0;
  }
}

static int on_target(struct ajar_target_result *t, void *ctx) {
  struct scan_cli *s = ctx;
  pthread_mutex_lock(&s->mu);
  if (t->error) {
    clear_progress(s);
    fprintf(stderr, "ajar: %s: %s\n", cli_safe(t->target), cli_safe(t->error));
  }
  if (s->base && ajar_target_subtract_baseline(t, s->base)) {
    ajar_target_result_clear(t); /* nothing new */
  } else if (s->stream) {
    clear_progress(s);
    if (!s->stream_rc)
      s->stream_rc = ajar_target_write_ndjson(t, s->stream);
    fflush(s->stream);
    if (t->severity > s->worst)
      s->worst = t->severity;
    s->streamed++;
    s->streamed_failed += t->error && !t->reachable;
    ajar_target_result_clear(t);
  } else if (ajar_report_add(&s->report, t)) {
    ajar_target_result_clear(t);
  }
  pthread_mutex_unlock(&s->mu);
  return 0;
}

static void on_progress(const struct ajar_scan_progress *p, void *ctx) {
  struct scan_cli *s = ctx;
  pthread_mutex_lock(&s->mu);
  clear_progress(s);
  if (!p->final) {
    char eta[32] = "?";
    if (p->eta_s >= 0)
      snprintf(eta, sizeof eta, "%ld:%02ld", (long)p->eta_s / 60, (long)p->eta_s % 60);
    fprintf(stderr, "  %llu/%llu (%.0f%%)  answered %llu  open %llu  %.0f/s  ETA %s",
            (unsigned long long)p->done, (unsigned long long)p->total,
            p->total ? 100.0 * (double)p->done / (double)p->total : 100.0,
            (unsigned long long)p->answered, (unsigned long long)p->open,
            p->rate, eta);
    s->progress_shown = 1;
  }
  fflush(stderr);
  pthread_mutex_unlock(&s->mu);
}

static int by_target(const void *a, const void *b) {
  const struct ajar_target_result *x = a, *y = b;
  return strcmp(x->target ? x->target : "", y->target ? y->target : "");
}

/* options of `scan` that take a value */
static const char *const valued[] = {
    "-p", "--ports", "-iL", "--exclude", "--exclude-file", "--scope", "-c",
    "--concurrency", "--rate", "--connect-timeout", "--read-timeout",
    "--deadline", "--max-runtime", "--sample", "--user", "--password", NULL};

static int is_valued(const char *a) {
  size_t i;
  for (i = 0; valued[i]; i++)
    if (!strcmp(a, valued[i]))
      return 1;
  return 0;
}

int cmd_scan(int argc, char **argv) {
  struct cli_opts o;
  struct ajar_scan_opts so;
  struct strv targets = {0}, exclude = {0}, scope = {0};
  struct scan_cli s;
  struct ajar_report base;
  struct ajar_db *db = NULL;
  char **common = calloc((size_t)argc + 1, sizeof *common);
  char err[256];
  int n_common = 1, first, i, rc, code = 2, no_progress = 0, have_scope = 0;
  size_t k, failed = 0, reachable = 0;
  long num;

  ajar_scan_opts_init(&so);
  memset(&s, 0, sizeof s);
  memset(&base, 0, sizeof base);
  pthread_mutex_init(&s.mu, NULL);
  if (!common)
    return 3;
  common[0] = argv[0];
  for (i = 1; i < argc; i++) {
    const char *a = argv[i], *v;
    if (!strcmp(a, "--")) {
      for (i++; i < argc; i++)
        if (strv_add(&targets, argv[i], strlen(argv[i]))) goto oom;
      break;
    }
    if (a[0] != '-' || !a[1]) {
      if (strv_add(&targets, a, strlen(a))) goto oom;
      continue;
    }
    if (!is_valued(a)) {
      if (!strcmp(a, "--include-system")) so.include_system = 1;
      else if (!strcmp(a, "--probe-all")) so.probe_all = 1;
      else if (!strcmp(a, "--all")) so.report_all = 1;
      else if (!strcmp(a, "--authorized")) so.authorized = 1;
      else if (!strcmp(a, "--no-progress")) no_progress = 1;
      else {
        common[n_common++] = argv[i];
        if (cli_option_takes_value(a) && i + 1 < argc)
          common[n_common++] = argv[++i];
      }
      continue;
    }
    if (i + 1 >= argc) {
      fprintf(stderr, "ajar: option %s needs a value\n", a);
      goto done;
    }
    v = argv[++i];
    if (!strcmp(a, "-p") || !strcmp(a, "--ports")) so.ports = v;
    else if (!strcmp(a, "-iL")) { if (strv_file(&targets, a, v)) goto done; }
    else if (!strcmp(a, "--exclude")) { if (strv_split(&exclude, v)) goto oom; }
    else if (!strcmp(a, "--exclude-file")) { if (strv_file(&exclude, a, v)) goto done; }
    else if (!strcmp(a, "--scope")) {
      if (strv_file(&scope, a, v)) goto done;
      have_scope = 1;
    }
    else if (!strcmp(a, "-c") || !strcmp(a, "--concurrency")) {
      if (parse_long(a, v, 1, 256, &num)) goto done;
      so.concurrency = (int)num;
    } else if (!strcmp(a, "--rate")) {
      if (parse_long(a, v, 1, 1000000, &num)) goto done;
      so.rate = (double)num;
    } else if (!strcmp(a, "--sample")) {
      if (parse_long(a, v, 1, 10000, &num)) goto done;
      so.sample = (unsigned)num;
    } else if (!strcmp(a, "--connect-timeout")) { if (parse_ms(a, v, &so.connect_timeout_ms)) goto done; }
    else if (!strcmp(a, "--read-timeout")) { if (parse_ms(a, v, &so.read_timeout_ms)) goto done; }
    else if (!strcmp(a, "--deadline")) { if (parse_ms(a, v, &so.target_deadline_ms)) goto done; }
    else if (!strcmp(a, "--max-runtime")) { if (parse_ms(a, v, &so.max_runtime_ms)) goto done; }
    else if (!strcmp(a, "--user")) so.user = v;
    else if (!strcmp(a, "--password")) so.password = v;
  }
  first = cli_parse(n_common, common, &o);
  if (first < 0)
    goto done;
  if (first < n_common) {
    fprintf(stderr, "ajar: scan: unexpected '%s'\n", common[first]);
    goto done;
  }
  if (have_scope && !scope.n) {
    fprintf(stderr, "ajar: --scope: the file lists nothing, so nothing is in scope\n");
    goto done;
  }
  if (so.user && !so.password)
    so.password = getenv("AJAR_PASSWORD");
  if (so.password && !so.user) {
    fprintf(stderr, "ajar: --password needs --user\n");
    goto done;
  }
  so.exclude = (const char *const *)exclude.v;
  so.n_exclude = exclude.n;
  so.scope = (const char *const *)scope.v;
  so.n_scope = scope.n;
  so.reveal = o.reveal;
  if (!no_progress && isatty(2)) {
    so.progress = on_progress;
    so.progress_ctx = &s;
  }
  if ((rc = ajar_scan_validate((const char *const *)targets.v, targets.n, &so,
                               err, sizeof err))) {
    fprintf(stderr, "ajar: scan: %s\n", cli_safe(err));
    goto done;
  }
  if (o.baseline) {
    if (cli_read_report(o.baseline, &base))
      goto done;
    s.base = &base;
  }
  if (!strcmp(o.format, "ndjson") && !(s.stream = cli_output_open(&o)))
    goto done;
  code = 3;
  rc = ajar_db_compile(&db, err, sizeof err);
  if (rc) {
    fprintf(stderr, "ajar: %s: %s\n", ajar_strerror(rc), cli_safe(err));
    goto done;
  }
  if (targets.n)
    cli_set_scope(&s.report, targets.v, targets.n);
  else
    s.report.scope = strdup("127.0.0.1 (this machine)");
  if (s.report.scope) { /* the ports belong to the scope too */
    char *with = NULL;
    if (asprintf(&with, "%s, ports %s", s.report.scope,
                 so.ports ? so.ports : "each probe's defaults") >= 0) {
      free(s.report.scope);
      s.report.scope = with;
    }
  }
  cli_stamp(&s.report.started_at);
  rc = ajar_scan_run(db, (const char *const *)targets.v, targets.n, &so,
                     on_target, &s);
  cli_stamp(&s.report.finished_at);
  clear_progress(&s);
  if (rc == AJAR_ETIMEDOUT)
    fprintf(stderr, "ajar: scan: --max-runtime reached; targets not yet "
                    "started were not scanned\n");
  else if (rc) {
    fprintf(stderr, "ajar: scan: %s\n", ajar_strerror(rc));
    goto done;
  }
  if (s.report.n_targets > 1)
    qsort(s.report.targets, s.report.n_targets, sizeof *s.report.targets, by_target);
  for (k = 0; k < s.report.n_targets; k++) {
    failed += s.report.targets[k].error && !s.report.targets[k].reachable;
    reachable += s.report.targets[k].reachable != 0;
  }
  if (!s.report.n_targets && !s.streamed)
    fprintf(stderr, "ajar: scan: no data store answered\n");
  if (s.stream) {
    code = cli_output_close(s.stream, s.stream_rc);
    s.stream = NULL;
    if (!code)
      code = s.streamed && s.streamed_failed == s.streamed
                 ? 3 : cli_exit_code_of(s.worst, s.streamed, &o, 0);
    goto done;
  }
  code = cli_write_report(&s.report, &o);
  if (!code) {
    if (s.report.n_targets && failed == s.report.n_targets)
      code = 3;
    else
      code = cli_exit_code(&s.report, &o, 0);
  }
  goto done;
oom:
  fprintf(stderr, "ajar: out of memory\n");
  code = 3;
done:
  if (s.stream)
    cli_output_close(s.stream, 0);
  ajar_report_clear(&s.report);
  ajar_report_clear(&base);
  ajar_db_free(db);
  strv_free(&targets);
  strv_free(&exclude);
  strv_free(&scope);
  free(common);
  (void)reachable;
  return code;
}
