/* Read a JSON report (the JSON report of docs/report.md) back into the report model, for
 * `ajar report`, `ajar diff` and baselines. Strict about the shape (a
 * wrong type is an error naming where), lenient about fields it does not
 * know (the contract lets fields be added). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "ajar_limits.h"
#include "report.h"

struct rd {
  char *err;
  size_t errlen;
  char where[160];
};

static int fail(struct rd *d, const char *fmt, ...) {
  va_list ap;
  size_t n;
  if (!d->err || !d->errlen)
    return AJAR_EPARSE;
  n = (size_t)snprintf(d->err, d->errlen, "%s%s", d->where, d->where[0] ? ": " : "");
  if (n < d->errlen) {
    va_start(ap, fmt);
    vsnprintf(d->err + n, d->errlen - n, fmt, ap);
    va_end(ap);
  }
  /* one line: the text may quote the file (jansson's "near '...'"), whose
   * control bytes (a newline, an escape sequence) never reach the terminal */
  for (n = 0; d->err[n]; n++)
    if ((unsigned char)d->err[n] < 0x20 || d->err[n] == 0x7f)
      d->err[n] = '?';
  return AJAR_EPARSE;
}

/* optional string: absent or null leaves *out NULL */
static int get_str(struct rd *d, json_t *o, const char *k, char **out) {
  json_t *v = json_object_get(o, k);
  *out = NULL;
  if (!v || json_is_null(v))
    return 0;
  if (!json_is_string(v))
    return fail(d, "\"%s\" is not a string", k);
  *out = strdup(json_string_value(v));
  return *out ? 0 : AJAR_ENOMEM;
}

static int get_bool(struct rd *d, json_t *o, const char *k, int *out) {
  json_t *v = json_object_get(o, k);
  *out = 0;
  if (!v || json_is_null(v))
    return 0;
  if (!json_is_boolean(v))
    return fail(d, "\"%s\" is not true or false", k);
  *out = json_is_true(v);
  return 0;
}

/* optional count: absent or null gives -1 */
static int get_count(struct rd *d, json_t *o, const char *k, int64_t *out) {
  json_t *v = json_object_get(o, k);
  *out = -1;
  if (!v || json_is_null(v))
    return 0;
  if (!json_is_integer(v) || json_integer_value(v) < 0)
    return fail(d, "\"%s\" is not a count", k);
  *out = (int64_t)json_integer_value(v);
  return 0;
}

static int get_severity(struct rd *d, json_t *o, int *out) {
  json_t *v = json_object_get(o, "severity");
  const char *s = json_string_value(v);
  *out = s ? ajar_severity_from_name(s) : -1;
  if (*out < 0)
    return fail(d, "\"severity\" is %s", s ? "not info..critical" : "missing");
  return 0;
}

static json_t *get_array(struct rd *d, json_t *o, const char *k, int *rc) {
  json_t *v = json_object_get(o, k);
  *rc = 0;
  if (!v || json_is_null(v))
    return NULL;
  if (!json_is_array(v))
    *rc = fail(d, "\"%s\" is not an array", k);
  return v;
}

static const char *detector_name(const char *name) {
  size_t i;
  for (i = 0; i < ajar_detector_count(); i++)
    if (!strcmp(ajar_detector_get(i)->name, name))
      return ajar_detector_get(i)->name;
  return NULL;
}

static int read_finding(struct rd *d, json_t *o, struct ajar_finding *f) {
  const char *s;
  json_t *ex, *v;
  int64_t n;
  size_t i;
  int rc;
  if (!json_is_object(o))
    return fail(d, "not an object");
  if ((rc = get_str(d, o, "field", &f->field)))
    return rc;
  if (!f->field)
    return fail(d, "\"field\" is missing");
  s = json_string_value(json_object_get(o, "category"));
  f->category = ajar_category_from_name(s);
  if (f->category < 0)
    return fail(d, "unknown category '%s'", s ? s : "(none)");
  s = json_string_value(json_object_get(o, "detector"));
  f->detector = s ? detector_name(s) : NULL;
  if (!f->detector)
    return fail(d, "unknown detector '%s'", s ? s : "(none)");
  if ((rc = get_count(d, o, "matches", &n)))
    return rc;
  f->matches = n < 0 ? 0 : (uint64_t)n;
  if ((rc = get_count(d, o, "records", &n)))
    return rc;
  f->records = n < 0 ? 0 : (uint64_t)n;
  s = json_string_value(json_object_get(o, "confidence"));
  for (f->confidence = AJAR_CONF_HIGH; f->confidence > AJAR_CONF_NONE; f->confidence--)
    if (s && !strcmp(s, ajar_confidence_name(f->confidence)))
      break;
  ex = get_array(d, o, "examples", &rc);
  if (rc)
    return rc;
  json_array_foreach(ex, i, v) {
    if (f->n_examples == AJAR_EXAMPLES_MAX)
      break;
    if (!json_is_string(v))
      return fail(d, "an example is not a string");
    if (!(f->examples[f->n_examples] = strdup(json_string_value(v))))
      return AJAR_ENOMEM;
    f->n_examples++;
  }
  return 0;
}

static int read_names(struct rd *d, json_t *o, const char *k, int profiles,
                      uint32_t *bits) {
  json_t *a, *v;
  size_t i;
  int rc, b;
  a = get_array(d, o, k, &rc);
  json_array_foreach(a, i, v) {
    const char *s = json_string_value(v);
    if (profiles) {
      for (b = 0; b < AJAR_PROFILE__COUNT; b++)
        if (s && !strcmp(s, ajar_profile_name(b)))
          break;
      if (b == AJAR_PROFILE__COUNT)
        return fail(d, "unknown profile '%s'", s ? s : "(not a string)");
    } else if ((b = ajar_category_from_name(s)) < 0) {
      return fail(d, "unknown category '%s'", s ? s : "(not a string)");
    }
    *bits |= 1u << b;
  }
  return rc;
}

static int read_collection(struct rd *d, json_t *o,
                           struct ajar_collection_result *c) {
  json_t *a, *v;
  int64_t n;
  size_t i, at = strlen(d->where);
  int rc;
  if (!json_is_object(o))
    return fail(d, "not an object");
  if ((rc = get_str(d, o, "name", &c->name)) ||
      (rc = get_count(d, o, "records", &c->records)) ||
      (rc = get_count(d, o, "bytes", &c->bytes)) ||
      (rc = get_count(d, o, "sampled", &n)))
    return rc;
  c->sampled = n < 0 ? 0 : (uint64_t)n;
  if ((rc = get_severity(d, o, &c->severity)) ||
      (rc = read_names(d, o, "categories", 0, &c->categories)) ||
      (rc = read_names(d, o, "profiles", 1, &c->profiles)) ||
      (rc = get_count(d, o, "malformed", &n)))
    return rc;
  c->malformed = n < 0 ? 0 : (uint64_t)n;
  if ((rc = get_count(d, o, "first_malformed_line", &n)) ||
      (rc = get_str(d, o, "note", &c->note)))
    return rc;
  c->first_malformed_line = n < 0 ? 0 : (uint64_t)n;
  a = get_array(d, o, "findings", &rc);
  if (rc)
    return rc;
  if (json_array_size(a)) {
    c->findings = calloc(json_array_size(a), sizeof *c->findings);
    if (!c->findings)
      return AJAR_ENOMEM;
  }
  json_array_foreach(a, i, v) {
    snprintf(d->where + at, sizeof d->where - at, ".findings[%zu]", i);
    c->n_findings++;
    if ((rc = read_finding(d, v, &c->findings[i])))
      return rc;
  }
  d->where[at] = 0;
  return 0;
}

static int read_target(struct rd *d, json_t *o, struct ajar_target_result *t) {
  json_t *a, *v;
  size_t i, at = strlen(d->where);
  int rc;
  if (!json_is_object(o))
    return fail(d, "not an object");
  if ((rc = get_str(d, o, "target", &t->target)))
    return rc;
  if (!t->target)
    return fail(d, "\"target\" is missing");
  if ((rc = get_str(d, o, "store", &t->store)) ||
      (rc = get_str(d, o, "version", &t->version)) ||
      (rc = get_bool(d, o, "reachable", &t->reachable)) ||
      (rc = get_bool(d, o, "auth_required", &t->auth_required)) ||
      (rc = get_bool(d, o, "tls", &t->tls)) ||
      (rc = get_str(d, o, "error", &t->error)) ||
      (rc = get_str(d, o, "note", &t->note)) ||
      (rc = get_severity(d, o, &t->severity)))
    return rc;
  a = get_array(d, o, "collections", &rc);
  if (rc)
    return rc;
  if (json_array_size(a)) {
    t->collections = calloc(json_array_size(a), sizeof *t->collections);
    if (!t->collections)
      return AJAR_ENOMEM;
  }
  json_array_foreach(a, i, v) {
    snprintf(d->where + at, sizeof d->where - at, ".collections[%zu]", i);
    t->n_collections++;
    if ((rc = read_collection(d, v, &t->collections[i])))
      return rc;
  }
  d->where[at] = 0;
  return 0;
}

/* the whole input, at most AJAR_MAX_REPORT bytes */
static int slurp(FILE *f, char **out, size_t *len) {
  size_t cap = 1 << 16, n = 0;
  char *b = malloc(cap), *nb;
  if (!b)
    return AJAR_ENOMEM;
  for (;;) {
    size_t got;
    if (n == cap) {
      if (cap >= AJAR_MAX_REPORT) {
        free(b);
        return AJAR_ETOOBIG;
      }
      cap *= 2;
      if (!(nb = realloc(b, cap))) {
        free(b);
        return AJAR_ENOMEM;
      }
      b = nb;
    }
    got = fread(b + n, 1, cap - n, f);
    n += got;
    if (!got)
      break;
  }
  if (ferror(f)) {
    free(b);
    return AJAR_EIO;
  }
  *out = b;
  *len = n;
  return 0;
}

int ajar_report_read_json(FILE *f, struct ajar_report *r, char *err,
                          size_t errlen) {
  struct rd d = {err, errlen, ""};
  json_error_t je;
  json_t *root = NULL, *a, *v;
  char *buf = NULL;
  size_t len, i;
  int rc;
  if (err && errlen)
    err[0] = 0;
  if (!f || !r)
    return AJAR_EINVAL;
  memset(r, 0, sizeof *r);
  if ((rc = slurp(f, &buf, &len))) {
    if (rc == AJAR_ETOOBIG)
      fail(&d, "larger than %u MiB", AJAR_MAX_REPORT >> 20);
    return rc;
  }
  root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
  free(buf);
  if (!root)
    return fail(&d, "not JSON: line %d, column %d: %s", je.line, je.column,
                je.text);
  if (!json_is_object(root) || !json_is_array(json_object_get(root, "targets"))) {
    rc = fail(&d, "not an ajar report (no \"targets\" array)");
    goto out;
  }
  if ((rc = get_str(&d, root, "started_at", &r->started_at)) ||
      (rc = get_str(&d, root, "finished_at", &r->finished_at)) ||
      (rc = get_str(&d, root, "scope", &r->scope)))
    goto out;
  if (json_object_get(root, "interrupted") &&
      !json_is_boolean(json_object_get(root, "interrupted"))) {
    rc = fail(&d, "\"interrupted\" is not true or false");
    goto out;
  }
  r->interrupted = json_is_true(json_object_get(root, "interrupted"));
  a = json_object_get(root, "targets");
  json_array_foreach(a, i, v) {
    struct ajar_target_result t;
    memset(&t, 0, sizeof t);
    snprintf(d.where, sizeof d.where, "targets[%zu]", i);
    rc = read_target(&d, v, &t);
    if (!rc)
      rc = ajar_report_add(r, &t);
    if (rc) {
      ajar_target_result_clear(&t);
      goto out;
    }
  }
out:
  json_decref(root);
  return rc;
}
