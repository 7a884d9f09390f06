/* The report model: ownership and redaction. */
#include <stdlib.h>
#include <string.h>
#include "ajar/ajar.h"

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

int ajar_report_add(struct ajar_report *r, struct ajar_target_result *t) {
  if (!r || !t)
    return AJAR_EINVAL;
  if (r->n_targets == r->cap_targets) {
    size_t nc = r->cap_targets ? r->cap_targets * 2 : 8;
    struct ajar_target_result *nt = realloc(r->targets, nc * sizeof *nt);
    if (!nt)
      return AJAR_ENOMEM;
    r->targets = nt;
    r->cap_targets = nc;
  }
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
  keep = chars >= 16 ? 4 : chars >= 8 ? 2 : chars >= 4 ? 1 : 0;
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
