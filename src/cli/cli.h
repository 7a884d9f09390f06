/* Internal to the ajar tool. */
#ifndef AJAR_CLI_H
#define AJAR_CLI_H
#include <errno.h>
#include <stdio.h>
#include "ajar/ajar.h"

struct cli_opts {
  const char *format;       /* text | json */
  const char *output;       /* -o FILE */
  const char *input_format; /* files: ndjson|json|csv|tsv|text */
  int fail_on;              /* severity, -1 never */
  int reveal;
  int threads;
  int no_color;
};

void cli_usage(FILE *f);
void cli_stamp(char **field);
int cli_write_report(const struct ajar_report *r, const struct cli_opts *o);
int cli_exit_code(const struct ajar_report *r, const struct cli_opts *o,
                  size_t failed);
/* parse the options common to every command; returns the index of the
 * first operand, or -1 after printing a usage error */
int cli_parse(int argc, char **argv, struct cli_opts *o);
int cmd_files(int argc, char **argv);
#endif
