#define _GNU_SOURCE /* asprintf */
/* ajar scan [TARGET...] : audit data stores on the network */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

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

const struct cli_option cli_scan_options[] = {
  {OPT_PORTS, 'p', "ports", "LIST", NULL,
   "ports and ranges: 9200,9000-9010 (default: each\n"
   "probe's ports; a target's own :port wins)", NULL},
  {OPT_INPUT_LIST, 0, "input-list", "FILE", "@file",
   "read targets from FILE ('-': stdin; gzip too): one a\n"
   "line, or by content the output of nmap -oX, masscan\n"
   "(-oJ, -oD, -oL), naabu -json, httpx -json, zmap CSV\n"
   "or a Shodan export; every open TCP port found\n"
   "becomes ADDR:PORT", "-iL"},
  {OPT_LIST_TARGETS, 0, "list-targets", NULL, NULL,
   "print the targets (operands and -iL), one a line,\n"
   "and stop: nothing is sent", NULL},
  {OPT_EXCLUDE, 0, "exclude", "LIST", NULL,
   "addresses, CIDRs or host names never to touch (a\n"
   "name's addresses too; checked on every connection)", NULL},
  {OPT_EXCLUDE_FILE, 0, "exclude-file", "FILE", "@file",
   "the same, one a line", NULL},
  {OPT_SCOPE, 0, "scope", "FILE", "@file",
   "every address a target resolves to must fall inside\n"
   "the CIDRs/hosts in FILE, or it is refused (checked\n"
   "again on the address each connection uses)", NULL},
  {OPT_AUTHORIZED, 0, "authorized", NULL, NULL,
   "without --scope, public addresses (outside loopback,\n"
   "private, shared and link-local networks) are refused;\n"
   "this states you are authorised to scan them", NULL},
  {OPT_CONCURRENCY, 'c', "concurrency", "N", NULL,
   "endpoints audited at once (default 32, at most 256)", NULL},
  {OPT_MAX_PER_HOST, 0, "max-per-host", "N", NULL,
   "endpoints of one host audited at once (default 4);\n"
   "endpoints go in a pseudo-random order over all hosts", NULL},
  {OPT_SHARD, 0, "shard", "K/N", NULL,
   "scan only part K of N disjoint parts of the targets\n"
   "(their union is the whole scan: run N machines, then\n"
   "ajar report --merge their JSON reports)", NULL},
  {OPT_RATE, 0, "rate", "N", NULL,
   "endpoints started per second (default: no limit)", NULL},
  {OPT_CONNECT_TIMEOUT, 0, "connect-timeout", "T", NULL,
   "(default 3s); T: 500ms, 3s, 2m", NULL},
  {OPT_READ_TIMEOUT, 0, "read-timeout", "T", NULL,
   "a response idle this long fails (default 5s)", NULL},
  {OPT_DEADLINE, 0, "deadline", "T", NULL,
   "everything for one endpoint (default 60s)", NULL},
  {OPT_MAX_RUNTIME, 0, "max-runtime", "T", NULL,
   "the whole scan (default: no limit)", NULL},
  {OPT_SAMPLE, 0, "sample", "N", NULL,
   "records read per index, spread over it (default 50)", NULL},
  {OPT_INCLUDE_SYSTEM, 0, "include-system", NULL, NULL,
   "also system and hidden indices ('.' names)", NULL},
  {OPT_PROBE_ALL, 0, "probe-all", NULL, NULL,
   "on a port that is no store's default, also try the\n"
   "native-protocol probes (PostgreSQL, MySQL, ...) by\n"
   "fingerprint; HTTP stores are recognised on any port", NULL},
  {OPT_USER, 0, "user", "U", NULL,
   "credentials for the targets named singly (a URL, a\n"
   "DSN, host:port; never a range's endpoints), sent only\n"
   "after a 401/403 from a store a probe recognised; what\n"
   "they read is rated as a closed store; never printed", NULL},
  {OPT_PASSWORD, 0, "password", "P", NULL,
   "the password for --user (AJAR_PASSWORD is read when\n"
   "--user is given without --password)", NULL},
  {OPT_PASSWORD_FILE, 0, "password-file", "FILE", "@file",
   "the password for --user: the first line of FILE", NULL},
  {OPT_CREDENTIALS, 0, "credentials", "FILE", "@file",
   "credentials bound to targets and stores: [name]\n"
   "entries of targets, store, user, password or\n"
   "password_env (docs/scan.md)", NULL},
  {OPT_ALLOW_CLEARTEXT, 0, "allow-cleartext-password", NULL, NULL,
   "send a password even where it crosses the network\n"
   "in clear (HTTP Basic over http, Redis AUTH, etcd\n"
   "over http, PostgreSQL cleartext/MD5 without TLS,\n"
   "MySQL cleartext plugins); refused by default", NULL},
  {OPT_CACERT, 0, "cacert", "FILE", "@file",
   "CA certificates to verify a store's TLS certificate\n"
   "with before credentials are sent (default: the\n"
   "system's)", NULL},
  {OPT_INSECURE, 0, "insecure", NULL, NULL,
   "send credentials over TLS without verifying the\n"
   "certificate", NULL},
  {OPT_ALL, 0, "all", NULL, NULL,
   "also report endpoints of ranges and port lists that\n"
   "did not answer", NULL},
  {OPT_NO_PROGRESS, 0, "no-progress", NULL, NULL,
   "no progress line (shown only when stderr is a tty)", NULL},
  CLI_OPTIONS_REPORT,
  {0},
};

/* what the options of `scan` set */
struct scan_args {
  struct cli_opts o;
  struct ajar_scan_opts so;
  struct strv targets, exclude, scope;
  int no_progress, have_scope, list_targets;
  char *password;             /* --password, copied out of argv */
  const char *password_file, *credentials_file;
  struct cli_creds creds;     /* --credentials */
};

/* A secret on the command line is copied, then wiped from argv, so the
 * process list (/proc/PID/cmdline, ps) no longer shows it (as curl does).
 * A URL's or DSN's user:pass@ has its password wiped in place. */
static char *take_secret(const char *arg) {
  char *copy = strdup(arg);
  if (copy)
    memset((char *)arg, 0, strlen(arg)); /* arg points into argv */
  return copy;
}

static void hide_url_password(char *arg) {
  char *host = strstr(arg, "://"), *end, *at = NULL, *p, *colon;
  if (!host)
    return;
  host += 3;
  end = host + strcspn(host, "/?#");
  for (p = host; p < end; p++)
    if (*p == '@')
      at = p; /* the last '@' before the path ends the userinfo */
  if (at && (colon = memchr(host, ':', (size_t)(at - host))))
    memset(colon + 1, '*', (size_t)(at - colon - 1));
}

static int scan_option(int id, const char *v, void *ctx) {
  struct scan_args *a = ctx;
  struct ajar_scan_opts *so = &a->so;
  long num;
  int rc = cli_common_option(&a->o, id, v);
  if (rc <= 0)
    return rc;
  switch (id) {
  case OPT_PORTS: so->ports = v; return 0;
  case OPT_INPUT_LIST: return target_file_read(&a->targets, "-iL", v);
  case OPT_EXCLUDE:
    if (!strv_split(&a->exclude, v))
      return 0;
    fprintf(stderr, "ajar: out of memory\n");
    return -1;
  case OPT_EXCLUDE_FILE: return strv_file(&a->exclude, "--exclude-file", v);
  case OPT_SCOPE:
    a->have_scope = 1;
    return strv_file(&a->scope, "--scope", v);
  case OPT_CONCURRENCY:
    if (parse_long("--concurrency", v, 1, 256, &num)) return -1;
    so->concurrency = (int)num;
    return 0;
  case OPT_MAX_PER_HOST:
    if (parse_long("--max-per-host", v, 1, 256, &num)) return -1;
    so->max_per_host = (int)num;
    return 0;
  case OPT_SHARD: {
    unsigned k, n;
    char end;
    if (sscanf(v, "%u/%u%c", &k, &n, &end) != 2 || n < 1 || k < 1 || k > n ||
        n > 1000000) {
      fprintf(stderr, "ajar: --shard: '%s' is not K/N with 1 <= K <= N\n",
              cli_safe(v));
      return -1;
    }
    so->shard_index = k;
    so->shard_count = n;
    return 0;
  }
  case OPT_RATE:
    if (parse_long("--rate", v, 1, 1000000, &num)) return -1;
    so->rate = (double)num;
    return 0;
  case OPT_SAMPLE:
    if (parse_long("--sample", v, 1, 10000, &num)) return -1;
    so->sample = (unsigned)num;
    return 0;
  case OPT_CONNECT_TIMEOUT: return parse_ms("--connect-timeout", v, &so->connect_timeout_ms);
  case OPT_READ_TIMEOUT: return parse_ms("--read-timeout", v, &so->read_timeout_ms);
  case OPT_DEADLINE: return parse_ms("--deadline", v, &so->target_deadline_ms);
  case OPT_MAX_RUNTIME: return parse_ms("--max-runtime", v, &so->max_runtime_ms);
  case OPT_INCLUDE_SYSTEM: so->include_system = 1; return 0;
  case OPT_PROBE_ALL: so->probe_all = 1; return 0;
  case OPT_ALL: so->report_all = 1; return 0;
  case OPT_AUTHORIZED: so->authorized = 1; return 0;
  case OPT_NO_PROGRESS: a->no_progress = 1; return 0;
  case OPT_LIST_TARGETS: a->list_targets = 1; return 0;
  case OPT_USER: so->user = v; return 0;
  case OPT_PASSWORD_FILE: a->password_file = v; return 0;
  case OPT_CREDENTIALS: a->credentials_file = v; return 0;
  case OPT_ALLOW_CLEARTEXT: so->allow_cleartext_password = 1; return 0;
  case OPT_CACERT: so->cacert = v; return 0;
  case OPT_INSECURE: so->insecure = 1; return 0;
  case OPT_PASSWORD:
    free(a->password);
    if (!(so->password = a->password = take_secret(v))) return -1;
    return 0;
  default: return -1;
  }
}

/* What the options left to check together; 0, or -1 with the reason
 * on stderr. */
static int scan_args_check(struct scan_args *a) {
  if (a->have_scope && !a->scope.n) {
    fprintf(stderr, "ajar: --scope: the file lists nothing, so nothing is in scope\n");
    return -1;
  }
  if (a->password_file) {
    if (a->so.password) {
      fprintf(stderr, "ajar: --password and --password-file: give one\n");
      return -1;
    }
    if (!(a->password = cli_password_file(a->password_file)))
      return -1;
    a->so.password = a->password;
  }
  if (a->so.user && !a->so.password)
    a->so.password = getenv("AJAR_PASSWORD");
  if (a->credentials_file) {
    if (cli_creds_read(&a->creds, a->credentials_file))
      return -1;
    a->so.credentials = a->creds.v;
    a->so.n_credentials = a->creds.n;
  }
  if (a->so.password && !a->so.user) {
    fprintf(stderr, "ajar: --password needs --user\n");
    return -1;
  }
  a->so.exclude = (const char *const *)a->exclude.v;
  a->so.n_exclude = a->exclude.n;
  a->so.scope = (const char *const *)a->scope.v;
  a->so.n_scope = a->scope.n;
  a->so.reveal = a->o.reveal;
  return 0;
}

static void scan_args_free(struct scan_args *a) {
  strv_free(&a->targets);
  strv_free(&a->exclude);
  strv_free(&a->scope);
  if (a->password) {
    memset(a->password, 0, strlen(a->password));
    free(a->password);
  }
  cli_creds_free(&a->creds);
}

/* The report's scope line: the targets (or this machine) and the ports. */
static void report_scope(struct scan_cli *s, const struct scan_args *a) {
  char *with = NULL;
  if (a->targets.n)
    cli_set_scope(&s->report, a->targets.v, a->targets.n);
  else
    s->report.scope = strdup("127.0.0.1 (this machine)");
  if (s->report.scope && /* the ports belong to the scope too */
      asprintf(&with, "%s, ports %s", s->report.scope,
               a->so.ports ? a->so.ports : "each probe's defaults") >= 0) {
    free(s->report.scope);
    s->report.scope = with;
  }
}

/* The scan is over: write the report (unless it was streamed) and give
 * the exit code. */
static int finish_report(struct scan_cli *s, const struct cli_opts *o) {
  size_t k, failed = 0;
  int code;
  if (s->report.n_targets > 1)
    qsort(s->report.targets, s->report.n_targets, sizeof *s->report.targets, by_target);
  for (k = 0; k < s->report.n_targets; k++)
    failed += s->report.targets[k].error && !s->report.targets[k].reachable;
  if (!s->report.n_targets && !s->streamed)
    fprintf(stderr, "ajar: scan: no data store answered\n");
  if (s->stream) {
    code = cli_output_close(s->stream, s->stream_rc);
    s->stream = NULL;
    if (!code)
      code = s->streamed && s->streamed_failed == s->streamed
                 ? 3 : cli_exit_code_of(s->worst, s->streamed, o, 0);
    return code;
  }
  code = cli_write_report(&s->report, o);
  if (!code)
    code = s->report.n_targets && failed == s->report.n_targets
               ? 3 : cli_exit_code(&s->report, o, 0);
  return code;
}

int cmd_scan(int argc, char **argv) {
  struct scan_args a;
  struct scan_cli s;
  struct ajar_report base;
  struct ajar_db *db = NULL;
  char err[256];
  int first, i, rc, code = 2;
  size_t k;

  memset(&a, 0, sizeof a);
  cli_opts_init(&a.o);
  ajar_scan_opts_init(&a.so);
  memset(&s, 0, sizeof s);
  memset(&base, 0, sizeof base);
  pthread_mutex_init(&s.mu, NULL);
  first = cli_getopt(cli_command("scan"), argc, argv, scan_option, &a);
  if (first < 0) {
    code = first == CLI_EXIT_HELP ? 0 : 2;
    goto done;
  }
  for (i = first; i < argc; i++) {
    if (strv_add(&a.targets, argv[i], strlen(argv[i]))) {
      fprintf(stderr, "ajar: out of memory\n");
      code = 3;
      goto done;
    }
    hide_url_password(argv[i]);
  }
  if (a.list_targets) { /* as the report's scope: no user:pass@ */
    for (k = 0; k < a.targets.n; k++) {
      struct ajar_report one = {0};
      cli_set_scope(&one, &a.targets.v[k], 1);
      printf("%s\n", one.scope ? cli_safe(one.scope) : "");
      free(one.scope);
    }
    code = 0;
    goto done;
  }
  if (scan_args_check(&a))
    goto done;
  if (!a.no_progress && isatty(2)) {
    a.so.progress = on_progress;
    a.so.progress_ctx = &s;
  }
  if ((rc = ajar_scan_validate((const char *const *)a.targets.v, a.targets.n, &a.so,
                               err, sizeof err))) {
    fprintf(stderr, "ajar: scan: %s\n", cli_safe(err));
    goto done;
  }
  if (a.o.baseline) {
    if (cli_read_report(a.o.baseline, &base))
      goto done;
    s.base = &base;
  }
  if (!strcmp(a.o.format, "ndjson") && !(s.stream = cli_output_open(&a.o)))
    goto done;
  code = 3;
  rc = ajar_db_compile(&db, err, sizeof err);
  if (rc) {
    fprintf(stderr, "ajar: %s: %s\n", ajar_strerror(rc), cli_safe(err));
    goto done;
  }
  report_scope(&s, &a);
  cli_stamp(&s.report.started_at);
  cli_interrupt_arm(&s.report, &s.mu, &a.o, &s.stream);
  rc = ajar_scan_run(db, (const char *const *)a.targets.v, a.targets.n, &a.so,
                     on_target, &s);
  /* the run is over: a Ctrl-C from here on waits for the lock, and the
   * report below is written whole */
  pthread_mutex_lock(&s.mu);
  cli_stamp(&s.report.finished_at);
  clear_progress(&s);
  if (rc == AJAR_ETIMEDOUT)
    fprintf(stderr, "ajar: scan: --max-runtime reached; targets not yet "
                    "started were not scanned\n");
  else if (rc) {
    fprintf(stderr, "ajar: scan: %s\n", ajar_strerror(rc));
    goto done;
  }
  code = finish_report(&s, &a.o);
done:
  if (s.stream)
    cli_output_close(s.stream, 0);
  ajar_report_clear(&s.report);
  ajar_report_clear(&base);
  ajar_db_free(db);
  scan_args_free(&a);
  return code;
}
