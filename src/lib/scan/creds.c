/* Credentials bound to targets (creds.h). A credentials entry's target
 * names an endpoint when:
 * - a host name: the endpoint's target is that name (any case);
 * - an address or CIDR: the endpoint's target was written as addresses
 *   and its address falls inside;
 * - with a port (host:port, a URL's or DSN's): the endpoint's port is it.
 * A DSN's scheme (postgresql://, opensearch://, ...) binds the entry to
 * that store unless the entry names one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "scan/creds.h"

void creds_clear(struct cred_set *set) {
  size_t i, j;
  for (i = 0; i < set->n; i++) {
    for (j = 0; j < set->v[i].n_targets; j++)
      tgt_spec_clear(&set->v[i].targets[j]);
    free(set->v[i].targets);
  }
  free(set->v);
  set->v = NULL;
  set->n = 0;
}

int creds_init(struct cred_set *set, const struct ajar_credential *c, size_t n,
               char *err, size_t errlen) {
  size_t i, j;
  memset(set, 0, sizeof *set);
  if (!n)
    return 0;
  if (!(set->v = calloc(n, sizeof *set->v)))
    return AJAR_ENOMEM;
  for (i = 0; i < n; i++) {
    struct cred_entry *ce = &set->v[set->n++];
    if (!c[i].user || !c[i].n_targets) {
      snprintf(err, errlen, "credentials entry %zu: %s", i + 1,
               c[i].user ? "no target" : "no user");
      creds_clear(set);
      return AJAR_EINVAL;
    }
    if (!(ce->targets = calloc(c[i].n_targets, sizeof *ce->targets))) {
      creds_clear(set);
      return AJAR_ENOMEM;
    }
    ce->store = c[i].store && *c[i].store ? c[i].store : NULL;
    ce->user = c[i].user;
    ce->password = c[i].password;
    for (j = 0; j < c[i].n_targets; j++) {
      char e[AJAR_MAX_ERROR];
      int rc = tgt_spec_parse(&ce->targets[j], c[i].targets[j], e, sizeof e);
      if (rc) {
        snprintf(err, errlen, "credentials entry %zu: %s", i + 1, e);
        creds_clear(set);
        return rc;
      }
      ce->n_targets++;
    }
  }
  return 0;
}

static int addr_inside(const struct tgt_addr *a, const struct tgt_addr *base,
                       unsigned prefix) {
  unsigned full = prefix / 8, rest = prefix % 8;
  if (a->family != base->family)
    return 0;
  if (memcmp(a->a, base->a, full))
    return 0;
  return !rest || ((a->a[full] ^ base->a[full]) & (0xffu << (8 - rest)) & 0xffu) == 0;
}

static int names(const struct tgt_spec *t, const struct tgt_endpoint *e) {
  if (t->port && t->port != e->port)
    return 0;
  if (t->kind == TGT_HOST)
    return e->spec->kind == TGT_HOST && !strcasecmp(t->host, e->spec->host);
  return e->spec->kind == TGT_RANGE && addr_inside(&e->addr, &t->base, t->prefix);
}

/* the target names exactly this one endpoint, by itself */
static int named_singly(const struct tgt_endpoint *e) {
  return e->single && (e->spec->port || e->spec->scheme != TGT_SCHEME_NONE ||
                       e->spec->probe);
}

int creds_for(const struct cred_set *set, const char *user, const char *password,
              const struct tgt_endpoint *e, const char **user_out,
              const char **password_out, const char **store_out) {
  size_t i, j;
  *user_out = *password_out = *store_out = NULL;
  if (e->spec->user) {
    *user_out = e->spec->user;
    *password_out = e->spec->password;
    *store_out = e->spec->probe;
    return 1;
  }
  if (user && named_singly(e)) {
    *user_out = user;
    *password_out = password;
    *store_out = e->spec->probe;
    return 1;
  }
  for (i = 0; set && i < set->n; i++)
    for (j = 0; j < set->v[i].n_targets; j++)
      if (names(&set->v[i].targets[j], e)) {
        *user_out = set->v[i].user;
        *password_out = set->v[i].password;
        *store_out = set->v[i].store ? set->v[i].store : set->v[i].targets[j].probe;
        return 1;
      }
  return 0;
}
