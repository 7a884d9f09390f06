/* The report model: ownership and redaction. */
#include <stdlib.h>
#include <string.h>
#include "ajar/ajar.h"
#include "report.h"

static void collection_clear(struct ajar_collection_result *c) {
  size_t i, j;
  for (i = 0; i < c->n_findings; i++) {
    free(c->findings[i].field);
    for (j = 0; j < c->findings[i].n_examples; j++)
      free(c->findings[i].examples[j]);
  }
  free(c->findings);
  free(c->name);
  free(c->note);
  memset(c, 0, sizeof *c);
}

void ajar_target_result_clear(struct ajar_target_result *t) {
  size_t i;
  if (!t)
    return;
  for (i = 0; i < t->n_collections; i++)
    collection_clear(&t->collections[i]);
  free(t->collections);
  free(t->target);
  free(t->store);
  free(t->version);
  free(t->error);
  free(t->note);
  memset(t, 0, sizeof *t);
}

int report_grow(void **arr, size_t n, size_t elem) {
  size_t cap;
  void *p;
  if (n && (n < REPORT_GROW_MIN || (n & (n - 1))))
    return 0; /* room left: the array holds the next power of two */
  cap = n < REPORT_GROW_MIN ? REPORT_GROW_MIN : n * 2;
  if (cap > SIZE_MAX / elem || !(p = realloc(*arr, cap * elem)))
    return AJAR_ENOMEM;
  *arr = p;
  return 0;
}

void ajar_report_clear(struct ajar_report *r) {
  size_t i;
  if (!r)
    return;
  for (i = 0; i < r->n_targets; i++)
    ajar_target_result_clear(&r->targets[i]);
  free(r->targets);
  free(r->started_at);
  free(r->finished_at);
  free(r->scope);
  memset(r, 0, sizeof *r);
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0 */
static size_t utf8_len(const unsigned char *s) {
  unsigned c = s[0];
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return (s[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0; /* overlong */
    if (c == 0xED && s[1] > 0x9F) return 0; /* surrogate */
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
      return 0;
    if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F)) return 0;
    return 4;
  }
  return 0;
}

/* Text from outside may hold bytes that are no UTF-8: each becomes U+FFFD,
 * so every output format can carry the report. */
int report_utf8_fix(char **sp) {
  const unsigned char *s = (const unsigned char *)*sp;
  size_t i, bad = 0, n, k = 0;
  char *d;
  if (!s)
    return 0;
  for (i = 0; s[i];) {
    size_t l = utf8_len(s + i);
    if (!l) { bad++; i++; } else i += l;
  }
  if (!bad)
    return 0;
  n = i;
  d = malloc(n + bad * 2 + 1);
  if (!d)
    return AJAR_ENOMEM;
  for (i = 0; i < n;) {
    size_t l = utf8_len(s + i);
    if (!l) {
      memcpy(d + k, "\xEF\xBF\xBD", 3);
      k += 3;
      i++;
    } else {
      memcpy(d + k, s + i, l);
      k += l;
      i += l;
    }
  }
  d[k] = 0;
  free(*sp);
  *sp = d;
  return 0;
}

static int target_fix_text(struct ajar_target_result *t) {
  size_t i, j, e;
  int rc = report_utf8_fix(&t->target) | report_utf8_fix(&t->store) | report_utf8_fix(&t->version) |
           report_utf8_fix(&t->error) | report_utf8_fix(&t->note);
  for (i = 0; i < t->n_collections; i++) {
    struct ajar_collection_result *c = &t->collections[i];
    rc |= report_utf8_fix(&c->name) | report_utf8_fix(&c->note);
    for (j = 0; j < c->n_findings; j++) {
      rc |= report_utf8_fix(&c->findings[j].field);
      for (e = 0; e < c->findings[j].n_examples; e++)
        rc |= report_utf8_fix(&c->findings[j].examples[e]);
    }
  }
  return rc ? AJAR_ENOMEM : 0;
}

int ajar_report_add(struct ajar_report *r, struct ajar_target_result *t) {
  if (!r || !t)
    return AJAR_EINVAL;
  if (target_fix_text(t))
    return AJAR_ENOMEM;
  if (report_grow((void **)&r->targets, r->n_targets, sizeof *r->targets))
    return AJAR_ENOMEM;
  r->targets[r->n_targets++] = *t;
  memset(t, 0, sizeof *t);
  return 0;
}

int ajar_report_worst(const struct ajar_report *r) {
  size_t i;
  int w = AJAR_SEV_INFO;
  for (i = 0; r && i < r->n_targets; i++)
    if (r->targets[i].severity > w)
      w = r->targets[i].severity;
  return w;
}

/* Keep a few characters at each end so an owner can recognise the value,
 * mask the rest. Counts UTF-8 characters, never splits one. */
size_t ajar_redact(const char *v, size_t n, char *out, size_t outlen) {
  size_t chars = 0, i, keep, k = 0, c = 0;
  const char *at;
  if (!out || !outlen)
    return 0;
  for (i = 0; i < n; i++)
    if (((unsigned char)v[i] & 0xC0) != 0x80)
      chars++;
  at = memchr(v, '@', n);
  if (at) { /* e-mail: the domain stays, the local part is masked but for
               a few leading characters (never all of it) */
    size_t local = (size_t)(at - v);
    keep = local >= 8 ? 4 : local >= 4 ? 2 : local >= 2 ? 1 : 0;
  } else {
    keep = chars >= 16 ? 4 : chars >= 8 ? 2 : chars >= 4 ? 1 : 0;
  }
  for (i = 0; i < n && k + 5 < outlen; i++) {
    int lead = ((unsigned char)v[i] & 0xC0) != 0x80;
    size_t idx;
    if (lead)
      c++;
    idx = c; /* 1-based index of the character v[i] belongs to */
    if (at && v + i >= at) { /* e-mail: keep the domain */
      out[k++] = v[i];
      continue;
    }
    if (idx <= keep || (!at && idx > chars - keep)) {
      out[k++] = v[i];
    } else if (lead) {
      out[k++] = '*';
    }
  }
  out[k] = 0;
  return k;
}
