/* The ajar tool: argument parsing, output and exit codes.
 * Exit codes (docs/report.md, Exit codes): 0 ran, nothing at or above --fail-on;
 * 1 findings at or above --fail-on; 2 usage or input error; 3 nothing
 * could be scanned. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "ajar/ajar.h"
#include "cli.h"

static void iso_now(char *buf, size_t n) {
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

const char *cli_safe(const char *s) {
  static _Thread_local char buf[4][2048];
  static _Thread_local unsigned next;
  char *b = buf[next++ % 4];
  ajar_text_escape(s, b, sizeof buf[0]);
  return b;
}

/* Ctrl-C: one thread waits for SIGINT (blocked in every other thread,
 * which inherit the mask), then, holding the command's lock so no target
 * is half added, writes what was finished and exits 130 (128 + SIGINT).
 * Targets in flight are dropped; NDJSON lines already written stay. */
static struct ajar_report *int_report;
static pthread_mutex_t *int_mu;
static const struct cli_opts *int_opts;
static FILE *const *int_stream;

static void *interrupt_wait(void *arg) {
  sigset_t set;
  int sig = 0;
  (void)arg;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  if (sigwait(&set, &sig))
    return NULL;
  pthread_mutex_lock(int_mu);
  if (*int_stream) {
    fflush(*int_stream);
  } else {
    int_report->interrupted = 1;
    cli_stamp(&int_report->finished_at);
    cli_write_report(int_report, int_opts);
  }
  fputs("\najar: interrupted: the report holds the targets finished so far\n",
        stderr);
  _exit(130);
}

void cli_interrupt_arm(struct ajar_report *r, pthread_mutex_t *mu,
                       const struct cli_opts *o, FILE *const *stream) {
  sigset_t set;
  pthread_t th;
  pthread_attr_t at;
  int_report = r;
  int_mu = mu;
  int_opts = o;
  int_stream = stream;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  pthread_attr_init(&at);
  pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
  if (pthread_create(&th, &at, interrupt_wait, NULL)) /* Ctrl-C kills, as before */
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
  pthread_attr_destroy(&at);
}

void cli_stamp(char **field) {
  char buf[32];
  iso_now(buf, sizeof buf);
  free(*field);
  *field = strdup(buf);
}

/* -o FILE: with --reveal the report holds whole values, so the file is
 * created 0600 (and an existing one made 0600 before anything is
 * written), whatever the umask */
FILE *cli_output_open(const struct cli_opts *o) {
  FILE *f = stdout;
  if (o->output && strcmp(o->output, "-")) {
    f = NULL;
    if (o->reveal) {
      int fd = open(o->output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
      struct stat st;
      if (fd >= 0 && (fstat(fd, &st) || (S_ISREG(st.st_mode) && fchmod(fd, 0600)) ||
                      !(f = fdopen(fd, "w"))))
        close(fd);
    } else {
      f = fopen(o->output, "w");
    }
    if (!f)
      fprintf(stderr, "ajar: %s: cannot write: %s\n", cli_safe(o->output),
              strerror(errno));
  }
  return f;
}

int cli_output_close(FILE *f, int rc) {
  int is_stdout = f == stdout;
  if (f && !is_stdout && fclose(f) && !rc)
    rc = AJAR_EIO;
  if (is_stdout && fflush(f) && !rc)
    rc = AJAR_EIO;
  if (rc) {
    fprintf(stderr, "ajar: writing the report: %s\n", ajar_strerror(rc));
    return 2;
  }
  return 0;
}

int cli_write_report(const struct ajar_report *r, const struct cli_opts *o) {
  FILE *f = cli_output_open(o);
  int rc = 0;
  size_t i;
  unsigned flags = 0;
  if (!f)
    return 2;
  if (!strcmp(o->format, "json")) {
    rc = ajar_report_write_json(r, f);
  } else if (!strcmp(o->format, "html")) {
    rc = ajar_report_write_html(r, f);
  } else if (!strcmp(o->format, "sarif")) {
    rc = ajar_report_write_sarif(r, f);
  } else if (!strcmp(o->format, "ndjson")) {
    for (i = 0; i < r->n_targets && !rc; i++)
      rc = ajar_target_write_ndjson(&r->targets[i], f);
  } else {
    if (f == stdout && isatty(1) && !getenv("NO_COLOR") && !o->no_color)
      flags |= AJAR_OUT_COLOR;
    rc = ajar_report_write_text(r, f, flags);
  }
  return cli_output_close(f, rc);
}

int cli_exit_code_of(int worst, size_t targets, const struct cli_opts *o,
                     size_t failed) {
  if (targets && failed == targets)
    return 3;
  if (failed)
    return 2;
  if (o->fail_on >= 0 && worst >= o->fail_on && worst > AJAR_SEV_INFO)
    return 1;
  return 0;
}

int cli_exit_code(const struct ajar_report *r, const struct cli_opts *o,
                  size_t failed) {
  return cli_exit_code_of(ajar_report_worst(r), r->n_targets, o, failed);
}

void cli_set_scope(struct ajar_report *r, char *const *ops, size_t n) {
  size_t i, len = 1;
  char *s, *p;
  for (i = 0; i < n; i++)
    len += strlen(ops[i]) + 1;
  free(r->scope);
  r->scope = s = malloc(len);
  if (!s)
    return;
  *s = 0;
  for (i = 0; i < n; i++) {
    const char *a = ops[i], *sep = strstr(a, "://"), *at, *end;
    p = s + strlen(s);
    if (i)
      *p++ = ' ';
    if (sep) { /* scheme://user:pass@host... -> scheme://host... */
      sep += 3;
      end = sep + strcspn(sep, "/?#");
      at = memchr(sep, '@', (size_t)(end - sep));
      while (at && memchr(at + 1, '@', (size_t)(end - at - 1)))
        at = memchr(at + 1, '@', (size_t)(end - at - 1));
      if (at) {
        memcpy(p, a, (size_t)(sep - a));
        strcpy(p + (sep - a), at + 1);
        continue;
      }
    }
    strcpy(p, a);
  }
}

int cli_read_report(const char *path, struct ajar_report *r) {
  char err[256];
  FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  int rc;
  memset(r, 0, sizeof *r);
  if (!f) {
    fprintf(stderr, "ajar: %s: cannot read: %s\n", cli_safe(path),
            strerror(errno));
    return 2;
  }
  rc = ajar_report_read_json(f, r, err, sizeof err);
  if (f != stdin)
    fclose(f);
  if (rc) {
    fprintf(stderr, "ajar: %s: %s%s%s\n", cli_safe(path), ajar_strerror(rc),
            err[0] ? ": " : "", cli_safe(err));
    ajar_report_clear(r);
    return 2;
  }
  return 0;
}

const struct cli_option cli_detectors_options[] = {
  {OPT_MARKDOWN, 0, "markdown", NULL, NULL,
   "a Markdown table (docs/detectors.md)", NULL},
  CLI_OPTION_HELP,
  {0},
};

static int detectors_option(int id, const char *arg, void *ctx) {
  (void)arg;
  *(int *)ctx = id == OPT_MARKDOWN;
  return 0;
}

int cmd_detectors(int argc, char **argv) {
  size_t i;
  int md = 0, first;
  first = cli_getopt(cli_command("detectors"), argc, argv, detectors_option, &md);
  if (first < 0)
    return first == CLI_EXIT_HELP ? 0 : 2;
  if (first < argc) {
    fprintf(stderr, "ajar detectors: no operands\n");
    return 2;
  }
  if (md) {
    printf("# Detectors\n\nGenerated by `ajar detectors --markdown` from the "
           "detector table (src/lib/classify/detectors.h); do not edit.\n\n"
           "| detector | category | validation | reported when |\n"
           "|---|---|---|---|\n");
  }
  for (i = 0; i < ajar_detector_count(); i++) {
    const struct ajar_detector_info *d = ajar_detector_get(i);
    if (md)
      printf("| `%s` | %s | %s | %s |\n", d->name,
             ajar_category_name(d->category), d->validation, d->needs);
    else
      printf("%-18s %-24s %s\n", d->name, ajar_category_name(d->category),
             d->validation);
  }
  return 0;
}

int main(int argc, char **argv) {
  const struct cli_command *c;
  /* libmongoc (opened only when a scan needs MongoDB, probe/mongo_lib.c)
   * would keep counters in /dev/shm/mongoc-PID; a segment a killed run
   * left behind for our pid makes it warn on stderr. No use to an audit:
   * off, unless the environment says otherwise. One thread yet. */
  setenv("MONGOC_DISABLE_SHM", "1", 0);
  if (argc < 2) {
    cli_usage(stderr);
    return 2;
  }
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
      !strcmp(argv[1], "help")) {
    cli_usage(stdout);
    return 0;
  }
  if (!strcmp(argv[1], "--version"))
    return cli_command("version")->run(argc - 1, argv + 1);
  if ((c = cli_command(argv[1])))
    return c->run(argc - 1, argv + 1);
  fprintf(stderr, "ajar: unknown command '%s' (try 'ajar --help')\n",
          cli_safe(argv[1]));
  return 2;
}
