/* ajar report IN.json: a saved JSON report in another format, without
 * scanning again; ajar report --merge A.json B.json...: the reports of a
 * scan's parts (--shard K/N, the Spark job) joined into one. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

const struct cli_option cli_report_options[] = {
  {OPT_MERGE, 0, "merge", NULL, NULL,
   "join every IN.json (the shards of one scan) into one\n"
   "report: targets of all, the earliest start, the\n"
   "latest end", NULL},
  CLI_OPTION_FORMAT,
  CLI_OPTION_OUTPUT,
  CLI_OPTION_FAIL_ON,
  CLI_OPTION_BASELINE,
  CLI_OPTION_NO_COLOR,
  CLI_OPTION_HELP,
  {0},
};

struct report_args {
  struct cli_opts o;
  int merge;
};

static int report_option(int id, const char *arg, void *ctx) {
  struct report_args *a = ctx;
  int rc = cli_common_option(&a->o, id, arg);
  if (rc <= 0)
    return rc;
  a->merge = id == OPT_MERGE;
  return a->merge ? 0 : -1;
}

/* every report of ins merged into r; 0, or 2 after printing why */
static int read_merged(char **ins, int n, struct ajar_report *r) {
  int i, rc;
  memset(r, 0, sizeof *r);
  for (i = 0; i < n; i++) {
    struct ajar_report part;
    if (cli_read_report(ins[i], &part))
      return 2;
    rc = ajar_report_merge(r, &part);
    ajar_report_clear(&part);
    if (rc) {
      fprintf(stderr, "ajar report: %s\n", ajar_strerror(rc));
      return 2;
    }
  }
  return 0;
}

int cmd_report(int argc, char **argv) {
  struct report_args a;
  struct ajar_report r, base;
  int first, code;
  memset(&a, 0, sizeof a);
  cli_opts_init(&a.o);
  first = cli_getopt(cli_command("report"), argc, argv, report_option, &a);
  if (first < 0)
    return first == CLI_EXIT_HELP ? 0 : 2;
  if (first == argc) {
    fprintf(stderr, "ajar report: no input (give a JSON report, or - for stdin)\n");
    return 2;
  }
  if (!a.merge && argc - first > 1) {
    fprintf(stderr, "ajar report: one input report only ('%s'), or --merge\n",
            cli_safe(argv[first + 1]));
    return 2;
  }
  if (argc - first == 1 ? cli_read_report(argv[first], &r)
                        : read_merged(argv + first, argc - first, &r)) {
    ajar_report_clear(&r);
    return 2;
  }
  code = 0;
  if (a.o.baseline) {
    if (cli_read_report(a.o.baseline, &base)) {
      ajar_report_clear(&r);
      return 2;
    }
    code = ajar_report_subtract_baseline(&r, &base) ? 3 : 0;
    ajar_report_clear(&base);
  }
  if (!code)
    code = cli_write_report(&r, &a.o);
  if (!code)
    code = cli_exit_code_of(ajar_report_worst(&r), r.n_targets, &a.o, 0);
  ajar_report_clear(&r);
  return code;
}
