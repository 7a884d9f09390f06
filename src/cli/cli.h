/* Internal to the ajar tool. */
#ifndef AJAR_CLI_H
#define AJAR_CLI_H
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include "ajar/ajar.h"
#include "options.h"

struct cli_opts {
  const char *format;       /* text | json | ndjson | html | sarif */
  const char *output;       /* -o FILE */
  const char *input_format; /* files: ndjson|json|csv|tsv|text */
  int fail_on;              /* severity, -1 never */
  int reveal;
  int threads;
  int no_color;
  const char *baseline;     /* --baseline OLD.json: report only what is new */
};

void cli_usage(FILE *f);
/* s terminal-safe (ajar_text_escape) for a message: every string from a
 * peer, a file or the command line goes through it before stderr. The
 * result lives until the fourth next call in the same thread; a very long
 * text is cut at a whole character. */
const char *cli_safe(const char *s);
void cli_stamp(char **field);
/* Ctrl-C writes what was finished: call before any thread starts. On
 * SIGINT, under mu: with *stream NULL, r is marked interrupted and
 * written as o says; else *stream is flushed; then exit 130. */
void cli_interrupt_arm(struct ajar_report *r, pthread_mutex_t *mu,
                       const struct cli_opts *o, FILE *const *stream);
int cli_write_report(const struct ajar_report *r, const struct cli_opts *o);
int cli_exit_code(const struct ajar_report *r, const struct cli_opts *o,
                  size_t failed);
/* lists of strings: targets, --exclude, --scope */
struct strv {
  char **v;
  size_t n, cap;
};
int strv_add(struct strv *s, const char *x, size_t n);
void strv_free(struct strv *s);
/* comma- or whitespace-separated items; 0 or -1 (no memory) */
int strv_split(struct strv *s, const char *list);
/* items of a file, '#' comments skipped; -1 after saying why */
int strv_file(struct strv *s, const char *opt, const char *path);
/* -iL: targets from a file, by content (targets.c: nmap XML, masscan,
 * naabu, httpx, Shodan, zmap, or a plain list); -1 after saying why */
int target_file_read(struct strv *s, const char *opt, const char *path);
/* the format target_file_read recognises in x ("nmap-xml", "json", ...) */
const char *target_file_format(const char *x);

/* --credentials FILE (credentials.c; docs/scan.md, "Credentials") */
struct cred_strings;
struct cli_creds {
  struct ajar_credential *v;       /* what the library takes */
  struct cred_strings *strings;    /* owns them (secrets wiped on free) */
  size_t n;
};
/* 0, or -1 after saying why */
int cli_creds_read(struct cli_creds *c, const char *path);
void cli_creds_free(struct cli_creds *c);
/* the first line of path (--password-file), or NULL after saying why */
char *cli_password_file(const char *path);

/* the commands, each with its option table (options.h) */
int cmd_files(int argc, char **argv);
int cmd_scan(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_detectors(int argc, char **argv);
/* the exit code from counts, for commands that stream (no whole report) */
int cli_exit_code_of(int worst, size_t targets, const struct cli_opts *o,
                     size_t failed);
/* r->scope from operands, with any user:pass@ of a URL or DSN cut out */
void cli_set_scope(struct ajar_report *r, char *const *ops, size_t n);
/* read a saved JSON report; prints the reason and returns 2 on failure */
int cli_read_report(const char *path, struct ajar_report *r);
/* -o FILE or stdout; NULL after printing why */
FILE *cli_output_open(const struct cli_opts *o);
/* 0, or 2 after printing why */
int cli_output_close(FILE *f, int rc);
#endif
