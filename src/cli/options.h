/* Internal to the ajar tool: one option table per command. The table is
 * the only source of the command's option parsing (getopt_long: --opt
 * VALUE, --opt=VALUE, -oVALUE, bundled flags, options after operands, --
 * ends the options), of `ajar --help` and `ajar COMMAND --help`, of the
 * man page (tools/gen-man renders --help) and of the bash and zsh
 * completions (`ajar completion bash|zsh`). */
#ifndef AJAR_CLI_OPTIONS_H
#define AJAR_CLI_OPTIONS_H
#include <stdio.h>

struct cli_opts;

/* Option ids: what a command's handler is called with */
enum cli_opt_id {
  OPT_NONE = 0,
  OPT_HELP,
  /* every command that writes a report */
  OPT_FORMAT, OPT_OUTPUT, OPT_FAIL_ON, OPT_BASELINE, OPT_REVEAL, OPT_NO_COLOR,
  /* files */
  OPT_THREADS, OPT_INPUT_FORMAT, OPT_INCLUDE,
  /* scan */
  OPT_PORTS, OPT_INPUT_LIST, OPT_EXCLUDE, OPT_EXCLUDE_FILE, OPT_SCOPE,
  OPT_CONCURRENCY, OPT_RATE, OPT_CONNECT_TIMEOUT, OPT_READ_TIMEOUT,
  OPT_DEADLINE, OPT_MAX_RUNTIME, OPT_SAMPLE, OPT_INCLUDE_SYSTEM,
  OPT_PROBE_ALL, OPT_AUTHORIZED, OPT_USER, OPT_PASSWORD, OPT_ALL, OPT_NO_PROGRESS, OPT_LIST_TARGETS,
  OPT_MAX_PER_HOST, OPT_SHARD, OPT_CREDENTIALS, OPT_PASSWORD_FILE,
  OPT_ALLOW_CLEARTEXT, OPT_CACERT, OPT_INSECURE,
  /* report */
  OPT_MERGE,
  /* detectors */
  OPT_MARKDOWN,
};

struct cli_option {
  int id;               /* enum cli_opt_id */
  int short_name;       /* 'f', or 0 */
  const char *name;     /* long name without "--" */
  const char *arg;      /* the value's name in --help ("FMT"); NULL: a flag */
  const char *values;   /* completion: the words a value may be, "@file"
                           for a file name, or NULL */
  const char *help;     /* lines separated by '\n' */
  const char *alias;    /* another spelling taken as it is ("-iL", nmap's) */
};

struct cli_command {
  const char *name;
  const char *operands; /* "PATH...|-" */
  const char *summary;  /* lines separated by '\n' */
  const char *operand_kind; /* completion of operands: "file", "host", "" */
  const struct cli_option *options; /* ends with an entry of id 0 */
  int (*run)(int argc, char **argv);
};

/* each command's table (in its cmd_*.c) */
extern const struct cli_option cli_files_options[], cli_scan_options[],
    cli_report_options[], cli_diff_options[], cli_detectors_options[];

/* Every command, in --help order; ends with an entry of name NULL */
extern const struct cli_command cli_commands[];
const struct cli_command *cli_command(const char *name);

/* The shared entries of the tables */
#define CLI_OPTION_HELP {OPT_HELP, 'h', "help", NULL, NULL, "this text", NULL}
#define CLI_OPTION_FORMAT                                                   \
  {OPT_FORMAT, 'f', "format", "FMT", "text json ndjson html sarif",         \
   "report format: text (default); json (docs/report.md);\n"                \
   "ndjson: one target a line, each written as soon as\n"                   \
   "it is done; html: one self-contained page (no\n"                        \
   "network requests), sortable and filterable; sarif:\n"                   \
   "SARIF 2.1.0 for code-scanning dashboards", NULL}
#define CLI_OPTION_OUTPUT                                                   \
  {OPT_OUTPUT, 'o', "output", "FILE", "@file",                              \
   "write the report to FILE instead of standard output", NULL}
#define CLI_OPTION_FAIL_ON                                                  \
  {OPT_FAIL_ON, 0, "fail-on", "SEV", "info low medium high critical",       \
   "exit 1 when a target is at or above SEV: info, low,\n"                  \
   "medium, high or critical (default: never)", NULL}
#define CLI_OPTION_BASELINE                                                 \
  {OPT_BASELINE, 0, "baseline", "OLD.json", "@file",                        \
   "report only what is not in OLD.json, a saved\n"                         \
   "JSON report: a finding is known when its target,\n"                     \
   "collection, field and category are; --fail-on then\n"                   \
   "follows only what is new", NULL}
#define CLI_OPTION_REVEAL                                                   \
  {OPT_REVEAL, 0, "reveal", NULL, NULL,                                     \
   "print whole values as examples (default: redacted);\n"                  \
   "a report file (-o) is then created mode 0600", NULL}
#define CLI_OPTION_NO_COLOR                                                 \
  {OPT_NO_COLOR, 0, "no-color", NULL, NULL,                                 \
   "no colour in text output (also: NO_COLOR set)", NULL}

/* The options of a command that writes a report */
#define CLI_OPTIONS_REPORT                                                  \
  CLI_OPTION_FORMAT, CLI_OPTION_OUTPUT, CLI_OPTION_FAIL_ON,                 \
  CLI_OPTION_BASELINE, CLI_OPTION_REVEAL, CLI_OPTION_NO_COLOR, CLI_OPTION_HELP

/* Called for each option in the order given; arg is NULL for a flag.
 * Returns 0, or -1 after printing why. */
typedef int (*cli_option_fn)(int id, const char *arg, void *ctx);

#define CLI_EXIT_HELP (-2) /* --help was printed: exit 0 */

/* Parse argv (argv[0] is the command's name) with cmd's table. Operands
 * are moved after the options: returns the index of the first one, or
 * -1 after printing a usage error, or CLI_EXIT_HELP. */
int cli_getopt(const struct cli_command *cmd, int argc, char **argv,
               cli_option_fn fn, void *ctx);

/* The options every report-writing command shares, into o. Returns 0
 * when handled, 1 when id is not one of them, -1 after printing why. */
int cli_common_option(struct cli_opts *o, int id, const char *arg);
void cli_opts_init(struct cli_opts *o);
/* a cli_option_fn for commands with only common options (ctx: cli_opts) */
int cli_common_only(int id, const char *arg, void *ctx);

/* --help of one command; the "Options of COMMAND:" sections of
 * `ajar --help` */
void cli_command_help(const struct cli_command *cmd, FILE *f);
void cli_options_usage(FILE *f);
/* the "Stores scan reads:" section (the probes compiled in) */
void cli_stores_usage(FILE *f);
/* bash or zsh completion script; 0, or -1 for another shell */
int cli_completion(const char *shell, FILE *f);

#endif
