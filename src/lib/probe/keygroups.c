/* Keys grouped by prefix (keygroups.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "array.h"
#include "ajar/ajar.h"
#include "ajar_limits.h"
#include "probe/keygroups.h"

static size_t prefix_len(const char *key, size_t len) {
  size_t i, max = len < AJAR_MAX_KEY ? len : AJAR_MAX_KEY;
  for (i = 0; i + 1 < max; i++) /* a key that ends in ':' is its own name */
    if (key[i] == ':' || key[i] == '_' || key[i] == '/')
      return i + 1;
  return 0;
}

static uint64_t hash(int db, const char *p, size_t n) {
  uint64_t h = 1469598103934665603ull ^ (uint64_t)(unsigned)db;
  size_t i;
  for (i = 0; i < n; i++)
    h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
  return h;
}

static char *dupn(const char *s, size_t n) {
  char *d = malloc(n + 1);
  size_t i, k = 0;
  if (!d)
    return NULL;
  for (i = 0; i < n; i++) /* a NUL inside a key would cut it short */
    d[k++] = s[i] ? s[i] : '?';
  d[k] = 0;
  return d;
}

static int grow_slots(struct kg_set *s) {
  size_t n = s->n_slots ? s->n_slots * 2 : 64, i;
  size_t *ns = calloc(n, sizeof *ns);
  if (!ns)
    return AJAR_ENOMEM;
  for (i = 0; i < s->n; i++) {
    const struct kg_group *g = &s->g[i];
    size_t j = (size_t)(hash(g->db, g->prefix, strlen(g->prefix)) & (n - 1));
    while (ns[j])
      j = (j + 1) & (n - 1);
    ns[j] = i + 1;
  }
  free(s->slots);
  s->slots = ns;
  s->n_slots = n;
  return 0;
}

int kg_add(struct kg_set *s, int db, const char *key, size_t len, int64_t bytes,
           unsigned keep) {
  size_t pn = prefix_len(key, len), j;
  struct kg_group *g = NULL;
  if (!s->n_slots || (s->n + 1) * 2 > s->n_slots)
    if (grow_slots(s))
      return AJAR_ENOMEM;
  s->keys++;
  j = (size_t)(hash(db, key, pn) & (s->n_slots - 1));
  while (s->slots[j]) {
    struct kg_group *x = &s->g[s->slots[j] - 1];
    if (x->db == db && strlen(x->prefix) == pn && !memcmp(x->prefix, key, pn)) {
      g = x;
      break;
    }
    j = (j + 1) & (s->n_slots - 1);
  }
  if (!g) {
    if (s->n >= AJAR_MAX_COLLECTIONS) {
      s->overflow++;
      return 0;
    }
    if (ARRAY_RESERVE(s->g, s->n, s->cap, 16))
      return AJAR_ENOMEM;
    g = &s->g[s->n];
    memset(g, 0, sizeof *g);
    g->db = db;
    g->bytes = -1;
    if (!(g->prefix = dupn(key, pn)) || !(g->first_key = dupn(key, len))) {
      free(g->prefix);
      return AJAR_ENOMEM;
    }
    s->slots[j] = ++s->n;
  }
  g->keys++;
  if (bytes >= 0) { /* sizes a peer sent: saturate, never overflow */
    int64_t have = g->bytes < 0 ? 0 : g->bytes;
    g->bytes = bytes > INT64_MAX - have ? INT64_MAX : have + bytes;
  }
  if (g->n_sample < keep) {
    char **ns = realloc(g->sample, (g->n_sample + 1) * sizeof *ns);
    if (!ns)
      return AJAR_ENOMEM;
    g->sample = ns;
    if (!(ns[g->n_sample] = dupn(key, len)))
      return AJAR_ENOMEM;
    g->n_sample++;
  }
  return 0;
}

/* Keys are often made of personal values ("user:13812345678",
 * "alice@example.com:cart"): a name with an '@' or six digits in a row is
 * redacted like an example, since collection names are always printed. */
static const char *safe_part(const char *part, char *red, size_t n) {
  size_t i, run = 0;
  int personal = strchr(part, '@') != NULL;
  for (i = 0; part[i] && !personal; i++) {
    run = part[i] >= '0' && part[i] <= '9' ? run + 1 : 0;
    personal = run >= 6;
  }
  if (!personal)
    return part;
  ajar_redact(part, strlen(part), red, n);
  return red;
}

void kg_name(const struct kg_group *g, char *buf, size_t n) {
  char db[16] = "", red[AJAR_MAX_EXAMPLE * 4];
  if (g->db)
    snprintf(db, sizeof db, "db%d/", g->db);
  if (g->keys == 1)
    snprintf(buf, n, "%s%s", db, safe_part(g->first_key, red, sizeof red));
  else if (!*g->prefix)
    snprintf(buf, n, "%s%s", db, KG_NO_PREFIX);
  else
    snprintf(buf, n, "%s%s*", db, safe_part(g->prefix, red, sizeof red));
}

const struct kg_group *kg_find(const struct kg_set *s, const char *name) {
  size_t i;
  for (i = 0; i < s->n; i++) {
    char n[AJAR_MAX_KEY + 32];
    kg_name(&s->g[i], n, sizeof n);
    if (!strcmp(n, name))
      return &s->g[i];
  }
  return NULL;
}

int kg_collections(const struct kg_set *s, struct ajar_target_result *t) {
  size_t i;
  t->collections = calloc(s->n ? s->n : 1, sizeof *t->collections);
  if (!t->collections)
    return AJAR_ENOMEM;
  for (i = 0; i < s->n; i++) {
    struct ajar_collection_result *cr = &t->collections[i];
    char name[AJAR_MAX_KEY + 32];
    kg_name(&s->g[i], name, sizeof name);
    if (!(cr->name = strdup(name)))
      return AJAR_ENOMEM;
    t->n_collections++;
    cr->records = s->g[i].keys;
    cr->bytes = s->g[i].bytes;
  }
  return 0;
}

void kg_clear(struct kg_set *s) {
  size_t i, k;
  if (!s)
    return;
  for (i = 0; i < s->n; i++) {
    free(s->g[i].prefix);
    free(s->g[i].first_key);
    for (k = 0; k < s->g[i].n_sample; k++)
      free(s->g[i].sample[k]);
    free(s->g[i].sample);
  }
  free(s->g);
  free(s->slots);
  memset(s, 0, sizeof *s);
}
