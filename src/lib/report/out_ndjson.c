/* --format ndjson: one target per line, written as soon as it is done, so
 * a long scan can be piped into jq or a SIEM while it runs. The line is
 * the target object of the JSON report (out_json.c builds it). */
#include "report.h"

int ajar_target_write_ndjson(const struct ajar_target_result *t, FILE *f) {
  json_t *o;
  int rc;
  if (!t || !f)
    return AJAR_EINVAL;
  o = report_target_json(t);
  if (!o)
    return AJAR_ENOMEM;
  rc = report_json_write(o, f, JSON_COMPACT | JSON_PRESERVE_ORDER);
  fflush(f);
  return rc ? rc : ferror(f) ? AJAR_EIO : 0;
}
