/* Baselines, as gitleaks does them: a finding already in the baseline
 * report, keyed by (target, collection, field, category), is not new and
 * is dropped; what stays is re-rated, so --fail-on follows only what is
 * new. Usable by any command that builds a report (files, scan). */
#include <stdlib.h>
#include <string.h>
#include "report.h"

static void clear_finding(struct ajar_finding *f) {
  size_t i;
  free(f->field);
  for (i = 0; i < f->n_examples; i++)
    free(f->examples[i]);
}

static void clear_collection(struct ajar_collection_result *c) {
  size_t i;
  for (i = 0; i < c->n_findings; i++)
    clear_finding(&c->findings[i]);
  free(c->findings);
  free(c->name);
  free(c->note);
}

static int in_base(const struct ajar_collection_result *bc,
                   const struct ajar_finding *f) {
  size_t i;
  for (i = 0; i < bc->n_findings; i++)
    if (bc->findings[i].category == f->category &&
        !strcmp(bc->findings[i].field, f->field))
      return 1;
  return 0;
}

/* docs/report.md, Severity: what is left of an open collection; a closed
 * store's rating does not come from its findings and is kept */
static int rerate(const struct ajar_collection_result *c) {
  const uint32_t critical =
      1u << AJAR_CAT_NATIONAL_ID | 1u << AJAR_CAT_FACE |
      1u << AJAR_CAT_ETHNICITY | 1u << AJAR_CAT_RELIGION |
      1u << AJAR_CAT_POLITICAL | 1u << AJAR_CAT_HEALTH | 1u << AJAR_CAT_SECRET;
  if (c->severity < AJAR_SEV_MEDIUM)
    return c->severity;
  if ((c->categories & critical) || c->profiles)
    return AJAR_SEV_CRITICAL;
  return c->categories ? AJAR_SEV_HIGH : AJAR_SEV_MEDIUM;
}

/* 1 when nothing new is left of c */
static int subtract_collection(struct ajar_collection_result *c,
                               const struct ajar_collection_result *bc) {
  size_t i, k = 0;
  uint32_t found = 0;
  for (i = 0; i < c->n_findings; i++) {
    if (in_base(bc, &c->findings[i])) {
      clear_finding(&c->findings[i]);
      continue;
    }
    found |= 1u << c->findings[i].category;
    c->findings[k++] = c->findings[i];
  }
  c->n_findings = k;
  c->categories = (c->categories & ~bc->categories) | found;
  c->profiles &= ~bc->profiles;
  if (!k && !c->categories && !c->profiles)
    return 1;
  c->severity = rerate(c);
  return 0;
}

static int same(const char *a, const char *b) {
  return (!a && !b) || (a && b && !strcmp(a, b));
}

static int subtract(struct ajar_target_result *t,
                    const struct ajar_target_result *bt) {
  size_t i, k = 0;
  int sev = AJAR_SEV_INFO, newly_open;
  if (!bt)
    return 0; /* a new target: all of it is new */
  for (i = 0; i < t->n_collections; i++) {
    struct ajar_collection_result *c = &t->collections[i];
    const struct ajar_collection_result *bc = report_find_collection(bt, c->name);
    if (bc && subtract_collection(c, bc)) {
      clear_collection(c);
      continue;
    }
    if (c->severity > sev)
      sev = c->severity;
    t->collections[k++] = *c;
  }
  t->n_collections = k;
  newly_open = report_target_open(t) && !report_target_open(bt);
  if (!k && !newly_open && (!t->error || same(t->error, bt->error)))
    return 1;
  if (newly_open && sev < AJAR_SEV_MEDIUM)
    sev = AJAR_SEV_MEDIUM;
  t->severity = sev;
  return 0;
}

int ajar_target_subtract_baseline(struct ajar_target_result *t,
                                  const struct ajar_report *base) {
  size_t i;
  if (!t || !base)
    return 0;
  for (i = 0; i < base->n_targets; i++)
    if (same(base->targets[i].target, t->target))
      return subtract(t, &base->targets[i]);
  return 0;
}

int ajar_report_subtract_baseline(struct ajar_report *r,
                                  const struct ajar_report *base) {
  const struct ajar_target_result **ix;
  size_t i, k = 0;
  if (!r || !base)
    return AJAR_EINVAL;
  ix = report_index(base);
  if (!ix)
    return AJAR_ENOMEM;
  for (i = 0; i < r->n_targets; i++) {
    struct ajar_target_result *t = &r->targets[i];
    if (subtract(t, report_find_target(ix, base->n_targets, t->target))) {
      ajar_target_result_clear(t);
      continue;
    }
    r->targets[k++] = *t;
  }
  r->n_targets = k;
  free(ix);
  return 0;
}
