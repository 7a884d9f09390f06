/* Comparing two reports: what a nightly job wants to know. Targets are
 * matched by their `target` string, collections by name within a
 * target. Worse: a store newly open, a new collection with findings, a
 * category newly exposed, a severity that went up. */
#include <stdlib.h>
#include <string.h>
#include "report.h"

static const char *const kind_names[] = {
  "store_opened", "store_closed", "target_added", "target_removed",
  "collection_added", "collection_removed", "category_added",
  "category_removed", "severity",
};

const char *ajar_change_kind_name(int kind) {
  return kind >= 0 && kind <= AJAR_CHANGE_SEVERITY ? kind_names[kind] : NULL;
}

static int add(struct ajar_diff *d, int kind, const char *target,
               const char *coll, int cat, int os, int ns, int worse) {
  struct ajar_change *c;
  if (report_grow((void **)&d->changes, d->n_changes, sizeof *d->changes))
    return AJAR_ENOMEM;
  c = &d->changes[d->n_changes++];
  c->kind = kind;
  c->target = target;
  c->collection = coll;
  c->category = cat;
  c->old_severity = os;
  c->new_severity = ns;
  c->worse = worse;
  d->n_worse += worse != 0;
  return 0;
}

/* a store (not a file) readable without authentication */
static int is_open(const struct ajar_target_result *t) {
  return t && report_target_open(t) && !(t->store && !strcmp(t->store, "file"));
}

static int by_name(const void *a, const void *b) {
  const struct ajar_target_result *x = *(const struct ajar_target_result *const *)a;
  const struct ajar_target_result *y = *(const struct ajar_target_result *const *)b;
  return strcmp(x->target ? x->target : "", y->target ? y->target : "");
}

/* pointers to r's targets sorted by name, for report_find_target */
const struct ajar_target_result **report_index(const struct ajar_report *r) {
  const struct ajar_target_result **ix;
  size_t i;
  ix = malloc((r->n_targets ? r->n_targets : 1) * sizeof *ix);
  if (!ix)
    return NULL;
  for (i = 0; i < r->n_targets; i++)
    ix[i] = &r->targets[i];
  qsort(ix, r->n_targets, sizeof *ix, by_name);
  return ix;
}

const struct ajar_target_result *
report_find_target(const struct ajar_target_result **ix, size_t n,
                   const char *name) {
  struct ajar_target_result key;
  const struct ajar_target_result *kp = &key, **hit;
  memset(&key, 0, sizeof key);
  key.target = (char *)name;
  hit = bsearch(&kp, ix, n, sizeof *ix, by_name);
  return hit ? *hit : NULL;
}

const struct ajar_collection_result *
report_find_collection(const struct ajar_target_result *t, const char *name) {
  size_t i;
  for (i = 0; t && i < t->n_collections; i++)
    if (!strcmp(t->collections[i].name ? t->collections[i].name : "",
                name ? name : ""))
      return &t->collections[i];
  return NULL;
}

static int collections(struct ajar_diff *d, const struct ajar_target_result *o,
                       const struct ajar_target_result *n) {
  size_t i;
  int c, rc = 0;
  for (i = 0; n && i < n->n_collections && !rc; i++) {
    const struct ajar_collection_result *nc = &n->collections[i];
    const struct ajar_collection_result *oc = report_find_collection(o, nc->name);
    uint32_t added, removed;
    if (!oc) {
      rc = add(d, AJAR_CHANGE_COLLECTION_ADDED, n->target, nc->name, -1, -1,
               nc->severity, nc->n_findings > 0 || nc->categories != 0);
      continue;
    }
    added = nc->categories & ~oc->categories;
    removed = oc->categories & ~nc->categories;
    for (c = 0; c < AJAR_CAT__COUNT && !rc; c++) {
      if (added & (1u << c))
        rc = add(d, AJAR_CHANGE_CATEGORY_ADDED, n->target, nc->name, c,
                 oc->severity, nc->severity, 1);
      else if (removed & (1u << c))
        rc = add(d, AJAR_CHANGE_CATEGORY_REMOVED, n->target, nc->name, c,
                 oc->severity, nc->severity, 0);
    }
    if (!rc && oc->severity != nc->severity)
      rc = add(d, AJAR_CHANGE_SEVERITY, n->target, nc->name, -1, oc->severity,
               nc->severity, nc->severity > oc->severity);
  }
  for (i = 0; o && i < o->n_collections && !rc; i++)
    if (!report_find_collection(n, o->collections[i].name))
      rc = add(d, AJAR_CHANGE_COLLECTION_REMOVED, o->target,
               o->collections[i].name, -1, o->collections[i].severity, -1, 0);
  return rc;
}

int ajar_report_diff(const struct ajar_report *old,
                     const struct ajar_report *new_, struct ajar_diff *d) {
  const struct ajar_target_result **oix = NULL, **nix = NULL;
  size_t i;
  int rc = 0;
  if (!old || !new_ || !d)
    return AJAR_EINVAL;
  memset(d, 0, sizeof *d);
  oix = report_index(old);
  nix = report_index(new_);
  if (!oix || !nix) {
    rc = AJAR_ENOMEM;
    goto out;
  }
  for (i = 0; i < new_->n_targets && !rc; i++) {
    const struct ajar_target_result *n = nix[i];
    const struct ajar_target_result *o =
        report_find_target(oix, old->n_targets, n->target);
    if (!o)
      rc = add(d, is_open(n) ? AJAR_CHANGE_STORE_OPENED : AJAR_CHANGE_TARGET_ADDED,
               n->target, NULL, -1, -1, n->severity, is_open(n));
    else if (is_open(n) && !is_open(o))
      rc = add(d, AJAR_CHANGE_STORE_OPENED, n->target, NULL, -1, o->severity,
               n->severity, 1);
    else if (is_open(o) && !is_open(n))
      rc = add(d, AJAR_CHANGE_STORE_CLOSED, n->target, NULL, -1, o->severity,
               n->severity, 0);
    if (!rc && o && o->severity != n->severity)
      rc = add(d, AJAR_CHANGE_SEVERITY, n->target, NULL, -1, o->severity,
               n->severity, n->severity > o->severity);
    if (!rc)
      rc = collections(d, o, n);
  }
  for (i = 0; i < old->n_targets && !rc; i++)
    if (!report_find_target(nix, new_->n_targets, oix[i]->target))
      rc = add(d, AJAR_CHANGE_TARGET_REMOVED, oix[i]->target, NULL, -1,
               oix[i]->severity, -1, 0);
out:
  free(oix);
  free(nix);
  if (rc)
    ajar_diff_clear(d);
  return rc;
}

void ajar_diff_clear(struct ajar_diff *d) {
  if (!d)
    return;
  free(d->changes);
  memset(d, 0, sizeof *d);
}
