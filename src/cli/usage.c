/* `ajar --help`: the commands, the stores scan reads (from the probes
 * compiled in), each command's options (from its table, options.h) and
 * the exit codes. tools/gen-man turns the same text into docs/ajar.1. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static const struct cli_option no_options[] = {CLI_OPTION_HELP, {0}};

static int cmd_version(int argc, char **argv) {
  (void)argc;
  (void)argv;
  printf("ajar %s\n", ajar_version());
  return 0;
}

static int cmd_completion(int argc, char **argv) {
  if (argc != 2 || cli_completion(argv[1], stdout)) {
    fprintf(stderr, "ajar completion: give bash or zsh\n");
    return 2;
  }
  return 0;
}

const struct cli_command cli_commands[] = {
  {"files", "PATH...|-",
   "classify personal data in dumps and exports (NDJSON,\n"
   "JSON, CSV/TSV, text; gzip or zstd by magic bytes);\n"
   "'-' reads standard input",
   "file", cli_files_options, cmd_files},
  {"scan", "[TARGET...]",
   "audit data stores on the network with read-only\n"
   "requests: which answer without authentication, what\n"
   "each index holds, which personal data a sample shows\n"
   "(every store below). TARGET: an address, CIDR, host\n"
   "name, host:port, [v6]:port, URL (https://host:9200)\n"
   "or DSN (opensearch://user:pass@host:9200). No TARGET:\n"
   "127.0.0.1 on every probe's default ports. Only scan\n"
   "networks you may test.",
   "host", cli_scan_options, cmd_scan},
  {"report", "IN.json...",
   "write a saved JSON report (-: stdin) in another\n"
   "format (-f), without scanning again; with --merge,\n"
   "join the reports of a scan's shards into one",
   "file", cli_report_options, cmd_report},
  {"diff", "OLD.json NEW.json",
   "what changed between two JSON reports: stores newly\n"
   "open or closed, collections added or removed,\n"
   "categories newly exposed, severity changes (-f text\n"
   "or json); exit 1 when something got worse",
   "file", cli_diff_options, cmd_diff},
  {"detectors", "",
   "list every detector, its category and validation",
   "", cli_detectors_options, cmd_detectors},
  {"completion", "bash|zsh",
   "print the shell completion script (generated from\n"
   "the option tables)",
   "", no_options, cmd_completion},
  {"version", "", "print the version", "", no_options, cmd_version},
  {NULL, NULL, NULL, NULL, NULL, NULL},
};

static const char intro[] =
"usage: ajar COMMAND [OPTIONS] OPERANDS...\n"
"\n"
"Find which personal data files and open data stores expose, without\n"
"copying it out. Examples are redacted unless --reveal is given.\n"
"Options take their value as --opt VALUE, --opt=VALUE or -oVALUE, may\n"
"follow operands, and '--' ends them; 'ajar COMMAND --help' lists one\n"
"command's.\n";

static const char exit_codes[] =
"\n"
"Exit codes:\n"
"  0  ran; nothing at or above --fail-on\n"
"  1  findings at or above --fail-on (diff: something got worse)\n"
"  2  usage or input error (a bad option, an unreadable file, a bad target)\n"
"  3  the run itself failed: nothing could be scanned (scan: every target\n"
"     reported failed, e.g. unreachable or outside the scope)\n"
"  130  interrupted (Ctrl-C): the report written holds the targets finished\n"
"     so far and \"interrupted\": true\n";

/* words of s from column `col`, wrapped before column 78 */
static void wrapped(FILE *f, const char *s, int col) {
  int at = col;
  while (*s) {
    size_t n = strcspn(s, " ");
    if (at > col && at + 1 + (int)n > 78) {
      fprintf(f, "\n%*s", col, "");
      at = col;
    } else if (at > col) {
      fputc(' ', f);
      at++;
    }
    fprintf(f, "%.*s", (int)n, s);
    at += (int)n;
    s += n;
    while (*s == ' ')
      s++;
  }
  fputc('\n', f);
}

void cli_stores_usage(FILE *f) {
  size_t i;
  fputs("\nStores scan reads:\n", f);
  for (i = 0; ajar_probe_name(i); i++) {
    int used = fprintf(f, "  %s", ajar_probe_name(i));
    fprintf(f, "%*s", used + 2 > 22 ? 2 : 22 - used, "");
    wrapped(f, ajar_probe_help(i), 22);
  }
}

void cli_usage(FILE *f) {
  const struct cli_command *c;
  size_t i;
  fputs(intro, f);
  fputs("\nCommands:\n", f);
  for (c = cli_commands; c->name; c++) {
    char lead[48];
    int used;
    snprintf(lead, sizeof lead, "  %s%s%s", c->name, c->operands[0] ? " " : "",
             c->operands);
    used = fprintf(f, "%s", lead);
    if (used + 2 > 22)
      fprintf(f, "\n%22s", "");
    else
      fprintf(f, "%*s", 22 - used, "");
    for (i = 0; c->summary[i]; i++) {
      fputc(c->summary[i], f);
      if (c->summary[i] == '\n')
        fprintf(f, "%22s", "");
    }
    fputc('\n', f);
  }
  cli_stores_usage(f);
  cli_options_usage(f);
  fputs(exit_codes, f);
}
