/* --format json: the JSON report of docs/report.md, with jansson. */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "ajar/ajar.h"
#include "report.h"

int report_json_write(json_t *o, FILE *f, size_t flags) {
  int rc = json_dumpf(o, f, flags);
  json_decref(o);
  if (rc)
    return AJAR_EIO;
  fputc('\n', f);
  return ferror(f) ? AJAR_EIO : 0;
}

/* Strings from outside (field names, examples, targets) may hold bytes
 * that are not UTF-8, which JSON cannot carry: each such byte becomes
 * U+FFFD instead of the string vanishing. */
json_t *report_json_text(const char *s) {
  json_t *j = json_string(s ? s : "");
  char *copy;
  if (j || !s || !(copy = strdup(s)))
    return j;
  if (!report_utf8_fix(&copy))
    j = json_string(copy);
  free(copy);
  return j;
}

static json_t *str_or_null(const char *s) {
  return s ? report_json_text(s) : json_null();
}

static json_t *int_or_null(int64_t v) {
  return v < 0 ? json_null() : json_integer((json_int_t)v);
}

static json_t *finding_json(const struct ajar_finding *f) {
  json_t *o = json_object(), *ex = json_array();
  size_t i;
  for (i = 0; i < f->n_examples; i++)
    json_array_append_new(ex, report_json_text(f->examples[i]));
  json_object_set_new(o, "field", report_json_text(f->field));
  json_object_set_new(o, "category", json_string(ajar_category_name(f->category)));
  json_object_set_new(o, "detector", json_string(f->detector));
  json_object_set_new(o, "matches", json_integer((json_int_t)f->matches));
  json_object_set_new(o, "records", json_integer((json_int_t)f->records));
  json_object_set_new(o, "confidence", json_string(ajar_confidence_name(f->confidence)));
  json_object_set_new(o, "examples", ex);
  return o;
}

static json_t *collection_json(const struct ajar_collection_result *c) {
  json_t *o = json_object(), *cats = json_array(), *profs = json_array(),
         *finds = json_array();
  int i;
  size_t j;
  for (i = 0; i < AJAR_CAT__COUNT; i++)
    if (c->categories & (1u << i))
      json_array_append_new(cats, json_string(ajar_category_name(i)));
  for (i = 0; i < AJAR_PROFILE__COUNT; i++)
    if (c->profiles & (1u << i))
      json_array_append_new(profs, json_string(ajar_profile_name(i)));
  for (j = 0; j < c->n_findings; j++)
    json_array_append_new(finds, finding_json(&c->findings[j]));
  json_object_set_new(o, "name", report_json_text(c->name));
  json_object_set_new(o, "records", int_or_null(c->records));
  json_object_set_new(o, "bytes", int_or_null(c->bytes));
  json_object_set_new(o, "sampled", json_integer((json_int_t)c->sampled));
  json_object_set_new(o, "severity", json_string(ajar_severity_name(c->severity)));
  json_object_set_new(o, "categories", cats);
  json_object_set_new(o, "profiles", profs);
  json_object_set_new(o, "findings", finds);
  if (c->malformed) {
    json_object_set_new(o, "malformed", json_integer((json_int_t)c->malformed));
    json_object_set_new(o, "first_malformed_line",
                        json_integer((json_int_t)c->first_malformed_line));
  }
  if (c->note)
    json_object_set_new(o, "note", report_json_text(c->note));
  return o;
}

json_t *report_target_json(const struct ajar_target_result *t) {
  json_t *o = json_object(), *cols = json_array();
  size_t i;
  for (i = 0; i < t->n_collections; i++)
    json_array_append_new(cols, collection_json(&t->collections[i]));
  json_object_set_new(o, "target", report_json_text(t->target));
  json_object_set_new(o, "store", str_or_null(t->store));
  json_object_set_new(o, "version", str_or_null(t->version));
  json_object_set_new(o, "reachable", json_boolean(t->reachable));
  json_object_set_new(o, "auth_required", json_boolean(t->auth_required));
  json_object_set_new(o, "tls", json_boolean(t->tls));
  json_object_set_new(o, "error", str_or_null(t->error));
  json_object_set_new(o, "severity", json_string(ajar_severity_name(t->severity)));
  json_object_set_new(o, "collections", cols);
  if (t->note)
    json_object_set_new(o, "note", report_json_text(t->note));
  return o;
}

int ajar_report_write_json(const struct ajar_report *r, FILE *f) {
  json_t *root, *tool, *targets, *sum;
  struct report_summary s;
  size_t i;
  if (!r || !f)
    return AJAR_EINVAL;
  report_summarize(r, &s);
  root = json_object();
  tool = json_object();
  targets = json_array();
  json_object_set_new(tool, "name", json_string("ajar"));
  json_object_set_new(tool, "version", json_string(AJAR_VERSION));
  for (i = 0; i < r->n_targets; i++)
    json_array_append_new(targets, report_target_json(&r->targets[i]));
  sum = json_object();
  json_object_set_new(sum, "targets", json_integer((json_int_t)s.targets));
  json_object_set_new(sum, "open", json_integer((json_int_t)s.open));
  json_object_set_new(sum, "collections", json_integer((json_int_t)s.collections));
  for (i = AJAR_SEV_CRITICAL + 1; i-- > 0;)
    json_object_set_new(sum, ajar_severity_name((int)i),
                        json_integer((json_int_t)s.severity[i]));
  json_object_set_new(root, "tool", tool);
  json_object_set_new(root, "started_at", str_or_null(r->started_at));
  json_object_set_new(root, "finished_at", str_or_null(r->finished_at));
  if (r->scope)
    json_object_set_new(root, "scope", report_json_text(r->scope));
  if (r->interrupted) /* docs/report.md: written only when true */
    json_object_set_new(root, "interrupted", json_true());
  json_object_set_new(root, "targets", targets);
  json_object_set_new(root, "summary", sum);
  return report_json_write(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
}
