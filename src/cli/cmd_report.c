/* ajar report IN.json: a saved JSON report in another format, without
 * scanning again. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

int cmd_report(int argc, char **argv) {
  struct cli_opts o;
  struct ajar_report r, base;
  const char *in = NULL;
  char **opt_argv = calloc((size_t)argc + 1, sizeof *opt_argv);
  int i, n_opt = 1, code;
  if (!opt_argv)
    return 3;
  opt_argv[0] = argv[0];
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] == '-' && a[1]) {
      opt_argv[n_opt++] = argv[i];
      if (cli_option_takes_value(a) && i + 1 < argc)
        opt_argv[n_opt++] = argv[++i];
    } else if (in) {
      fprintf(stderr, "ajar report: one input report only ('%s')\n", a);
      free(opt_argv);
      return 2;
    } else {
      in = a;
    }
  }
  code = cli_parse(n_opt, opt_argv, &o) < 0 ? 2 : 0;
  free(opt_argv);
  if (code)
    return code;
  if (!in) {
    fprintf(stderr, "ajar report: no input (give a JSON report, or - for stdin)\n");
    return 2;
  }
  if (cli_read_report(in, &r))
    return 2;
  if (o.baseline) {
    if (cli_read_report(o.baseline, &base)) {
      ajar_report_clear(&r);
      return 2;
    }
    code = ajar_report_subtract_baseline(&r, &base) ? 3 : 0;
    ajar_report_clear(&base);
  }
  if (!code)
    code = cli_write_report(&r, &o);
  if (!code)
    code = cli_exit_code_of(ajar_report_worst(&r), r.n_targets, &o, 0);
  ajar_report_clear(&r);
  return code;
}
