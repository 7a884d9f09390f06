/* Merging the reports of parts of one scan (ajar report --merge, the
 * shards of ajar scan --shard K/N, the Spark job's tasks). */
#include <stdlib.h>
#include <string.h>
#include "ajar/ajar.h"
#include "report.h"

static int by_name(const void *a, const void *b) {
  const struct ajar_target_result *x = a, *y = b;
  return strcmp(x->target ? x->target : "", y->target ? y->target : "");
}

/* the earlier (first = 1) or later of two ISO 8601 UTC stamps, moved */
static void keep_stamp(char **dst, char **src, int first) {
  if (!*src)
    return;
  if (!*dst || (first ? strcmp(*src, *dst) < 0 : strcmp(*src, *dst) > 0)) {
    free(*dst);
    *dst = *src;
    *src = NULL;
  }
}

int ajar_report_merge(struct ajar_report *dst, struct ajar_report *src) {
  size_t i, k;
  if (!dst || !src)
    return AJAR_EINVAL;
  for (i = 0; i < src->n_targets; i++) {
    int rc = ajar_report_add(dst, &src->targets[i]);
    if (rc)
      return rc; /* src keeps what was not moved; both stay valid */
  }
  src->n_targets = 0;
  keep_stamp(&dst->started_at, &src->started_at, 1);
  keep_stamp(&dst->finished_at, &src->finished_at, 0);
  if (!dst->scope) {
    dst->scope = src->scope;
    src->scope = NULL;
  }
  dst->interrupted |= src->interrupted; /* a part cut short: the whole is */
  ajar_report_clear(src);
  if (dst->n_targets > 1)
    qsort(dst->targets, dst->n_targets, sizeof *dst->targets, by_name);
  /* one result per target name: the one that answered wins */
  for (i = k = 0; i < dst->n_targets; i++) {
    struct ajar_target_result *t = &dst->targets[i];
    if (k && !by_name(&dst->targets[k - 1], t)) {
      struct ajar_target_result *kept = &dst->targets[k - 1];
      if (t->reachable > kept->reachable) {
        ajar_target_result_clear(kept);
        *kept = *t;
      } else {
        ajar_target_result_clear(t);
      }
      continue;
    }
    if (k != i)
      dst->targets[k] = *t;
    k++;
  }
  dst->n_targets = k;
  return 0;
}
