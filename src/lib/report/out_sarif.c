/* --format sarif: SARIF 2.1.0 (OASIS, errata 01) for code-scanning
 * dashboards. One rule per detector, one result per (collection, field,
 * category) finding; a file is an artifact location, a store's field a
 * logical location named store://target/collection/field. */
#include <stdlib.h>
#include <string.h>
#include "report.h"

#define SARIF_SCHEMA \
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

static const char *level(int severity) {
  return severity >= AJAR_SEV_HIGH ? "error"
         : severity == AJAR_SEV_MEDIUM ? "warning" : "note";
}

static json_t *text(const char *s) {
  return json_pack("{s:s}", "text", s);
}

/* a file path as a URI reference: unreserved and path characters kept,
 * everything else (spaces, '#', '?', non-ASCII bytes) percent-encoded */
static char *path_uri(const char *p) {
  static const char keep[] = "-._~/!$&'()*+,;=:@";
  size_t n = strlen(p), i, k = 0;
  char *u = malloc(3 * n + 1);
  if (!u)
    return NULL;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9') || (c && strchr(keep, c))) {
      u[k++] = (char)c;
    } else {
      snprintf(u + k, 4, "%%%02X", c);
      k += 3;
    }
  }
  u[k] = 0;
  return u;
}

static json_t *rules(void) {
  json_t *a = json_array();
  size_t i;
  for (i = 0; i < ajar_detector_count(); i++) {
    const struct ajar_detector_info *d = ajar_detector_get(i);
    const char *cat = ajar_category_name(d->category);
    char full[512];
    snprintf(full, sizeof full, "%s, found by %s. Reported when: %s.", cat,
             d->validation, d->needs);
    json_array_append_new(a, json_pack(
        "{s:s, s:o, s:o, s:{s:s}, s:{s:s, s:[s,s]}}", "id", d->name,
        "shortDescription", text(cat), "fullDescription", text(full),
        "defaultConfiguration", "level", "warning", "properties", "category",
        cat, "tags", "privacy", cat));
  }
  return a;
}

static size_t rule_index(const char *detector) {
  size_t i;
  for (i = 0; i < ajar_detector_count(); i++)
    if (!strcmp(ajar_detector_get(i)->name, detector))
      return i;
  return 0;
}

static json_t *location(const struct ajar_target_result *t,
                        const struct ajar_collection_result *c,
                        const struct ajar_finding *f) {
  json_t *loc = json_object();
  const char *store = t->store ? t->store : "unknown";
  size_t n = strlen(store) + strlen(t->target) + strlen(c->name ? c->name : "") +
             strlen(f->field) + 8;
  char *fqn = malloc(n);
  if (fqn) {
    snprintf(fqn, n, "%s://%s/%s/%s", store, t->target, c->name ? c->name : "",
             f->field);
    json_object_set_new(loc, "logicalLocations",
                        json_pack("[{s:s, s:s, s:s}]", "name", f->field,
                                  "fullyQualifiedName", fqn, "kind", "member"));
    free(fqn);
  }
  if (!strcmp(store, "file")) {
    char *uri = path_uri(t->target);
    if (uri) {
      json_object_set_new(loc, "physicalLocation",
                          json_pack("{s:{s:s}}", "artifactLocation", "uri", uri));
      free(uri);
    }
  }
  return loc;
}

static json_t *result(const struct ajar_target_result *t,
                      const struct ajar_collection_result *c,
                      const struct ajar_finding *f) {
  const char *cat = ajar_category_name(f->category);
  char msg[1024], fp[1024];
  json_t *ex = json_array(), *o;
  size_t i;
  for (i = 0; i < f->n_examples; i++)
    json_array_append_new(ex, report_json_text(f->examples[i]));
  snprintf(msg, sizeof msg,
           "%s in field '%s' of %s (%s): %llu match(es) in %llu of %llu "
           "sampled record(s), confidence %s.",
           cat, f->field, c->name ? c->name : "", t->target,
           (unsigned long long)f->matches, (unsigned long long)f->records,
           (unsigned long long)c->sampled, ajar_confidence_name(f->confidence));
  snprintf(fp, sizeof fp, "%s|%s|%s|%s", t->target, c->name ? c->name : "",
           f->field, cat);
  o = json_pack("{s:s, s:I, s:s, s:o, s:[o], s:{s:s}}", "ruleId", f->detector,
                "ruleIndex", (json_int_t)rule_index(f->detector), "level",
                level(c->severity), "message", text(msg), "locations",
                location(t, c, f), "partialFingerprints", "ajarFinding/v1", fp);
  if (o)
    json_object_set_new(o, "properties", json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:I, s:o}", "store",
        t->store ? t->store : "unknown", "target", t->target, "collection",
        c->name ? c->name : "", "category", cat, "severity",
        ajar_severity_name(c->severity), "confidence",
        ajar_confidence_name(f->confidence), "matches", (json_int_t)f->matches,
        "records", (json_int_t)f->records, "examples", ex));
  else
    json_decref(ex);
  return o;
}

int ajar_report_write_sarif(const struct ajar_report *r, FILE *f) {
  json_t *root, *run, *results, *notes, *inv;
  size_t i, j, k;
  if (!r || !f)
    return AJAR_EINVAL;
  results = json_array();
  notes = json_array();
  for (i = 0; i < r->n_targets; i++) {
    const struct ajar_target_result *t = &r->targets[i];
    if (t->error) {
      char msg[1024];
      snprintf(msg, sizeof msg, "%s: %s", t->target, t->error);
      json_array_append_new(notes, json_pack("{s:o, s:s}", "message",
                                             text(msg), "level", "error"));
    }
    for (j = 0; j < t->n_collections; j++)
      for (k = 0; k < t->collections[j].n_findings; k++)
        json_array_append_new(results, result(t, &t->collections[j],
                                              &t->collections[j].findings[k]));
  }
  inv = json_pack("{s:b, s:o}", "executionSuccessful", 1,
                  "toolExecutionNotifications", notes);
  if (r->started_at)
    json_object_set_new(inv, "startTimeUtc", json_string(r->started_at));
  if (r->finished_at)
    json_object_set_new(inv, "endTimeUtc", json_string(r->finished_at));
  if (r->scope)
    json_object_set_new(inv, "properties", json_pack("{s:s}", "scope", r->scope));
  run = json_pack("{s:{s:{s:s, s:s, s:s, s:o}}, s:[o], s:o}", "tool", "driver",
                  "name", "ajar", "version", AJAR_VERSION, "semanticVersion",
                  AJAR_VERSION, "rules", rules(), "invocations", inv,
                  "results", results);
  root = json_pack("{s:s, s:s, s:[o]}", "$schema", SARIF_SCHEMA, "version",
                   "2.1.0", "runs", run);
  if (!root)
    return AJAR_ENOMEM;
  return report_json_write(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
}
