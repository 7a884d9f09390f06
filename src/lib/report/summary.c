/* Counts every output format shows: targets, open stores, severities and
 * categories by severity. */
#include <string.h>
#include "report.h"

int report_target_open(const struct ajar_target_result *t) {
  return t->reachable && !t->auth_required;
}

void report_summarize(const struct ajar_report *r, struct report_summary *s) {
  size_t i, j;
  int c;
  memset(s, 0, sizeof *s);
  for (i = 0; r && i < r->n_targets; i++) {
    const struct ajar_target_result *t = &r->targets[i];
    int sev = t->severity;
    if (sev < AJAR_SEV_INFO || sev > AJAR_SEV_CRITICAL)
      sev = AJAR_SEV_INFO;
    s->targets++;
    s->open += report_target_open(t);
    s->collections += t->n_collections;
    s->severity[sev]++;
    if (sev > s->worst)
      s->worst = sev;
    for (j = 0; j < t->n_collections; j++) {
      const struct ajar_collection_result *col = &t->collections[j];
      int cs = col->severity;
      if (cs < AJAR_SEV_INFO || cs > AJAR_SEV_CRITICAL)
        cs = AJAR_SEV_INFO;
      s->findings += col->n_findings;
      s->categories |= col->categories;
      for (c = 0; c < AJAR_CAT__COUNT; c++)
        if (col->categories & (1u << c))
          s->by_category[c][cs]++;
    }
  }
}
