/* etcd v3, through its JSON gateway (grpc-gateway), over HTTP or HTTPS.
 *
 * The requests this probe may send, nothing else:
 *   GET  /version
 *   POST V3/kv/range  {"key":"AA==","range_end":"AA==","count_only":true,
 *                      "serializable":true}
 *   POST V3/kv/range  {"key":"AA==","range_end":"AA==","keys_only":true,
 *                      "limit":AJAR_ETCD_MAX_KEYS,"serializable":true}
 *   POST V3/kv/range  {"key":P,"range_end":E,"count_only":true,"serializable":true}
 *   POST V3/kv/range  {"key":P,"range_end":E,"limit":K,"serializable":true}
 *                     (the values' sizes give a group's bytes: no request more)
 *   POST V3/auth/authenticate {"name":U,"password":W}   only with credentials,
 *                                                       only after a refusal
 * where V3 is /v3 (etcd >= 3.4), /v3beta (3.3) or /v3alpha (3.2), keys and
 * range ends base64 as the gateway wants them, K <= the sample size.
 *
 * Why POST, in a tool that otherwise sends only GET: etcd's reads are gRPC
 * calls (KV.Range), which the gateway maps to POST with a JSON body; there
 * is no GET form of a range read (GET /v3/kv/range answers 405). Range is
 * a read: it changes no key, no revision, no lease. So this probe posts
 * only to the paths in etcd_rpcs[] below, through conn_post_json(), which
 * refuses any other path before sending; never to kv/put, kv/deleterange,
 * kv/txn, kv/compaction, lease, watch, or any auth/cluster/maintenance
 * RPC that changes state. auth/authenticate issues a session token (no key
 * is touched) and is sent only when the user gave credentials.
 *
 * Identification needs the exact /version object ({"etcdserver":...,
 * "etcdcluster":...}). Auth: a range refused with "user name is empty",
 * "invalid auth token" or "permission denied" (gRPC code 3/7/16) or an
 * HTTP 401 means authentication is required.
 *
 * Collections: keys grouped by their first path component (key "/users/u1"
 * goes to "/users/" followed by a star; a key with no second component
 * is a collection alone).
 * Records: values, base64-decoded: a JSON object or array as it is, any
 * other value as {"value": "..."}.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "probe/base64.h"
#include "probe/probe_util.h"

static const uint16_t etcd_ports[] = {2379, 0};

static const char *const etcd_rpcs[] = {
    "/v3/kv/range", "/v3beta/kv/range", "/v3alpha/kv/range",
    "/v3/auth/authenticate", "/v3beta/auth/authenticate",
    "/v3alpha/auth/authenticate", NULL};

/* ---- requests -------------------------------------------------------- */
/* kept in c->state between identify, enumerate and sample */
struct etcd_state {
  char api[16];       /* v3alpha until 3.2, v3beta in 3.3, v3 from 3.4 */
  char token[512];    /* from auth/authenticate, or "" */
};

static int pick_api(struct ajar_conn *c, const char *v) {
  struct etcd_state *st = calloc(1, sizeof *st);
  const char *p = "/v3";
  if (!st)
    return AJAR_ENOMEM;
  if (v && !strncmp(v, "3.", 2)) {
    int minor = atoi(v + 2);
    p = minor <= 2 ? "/v3alpha" : minor == 3 ? "/v3beta" : "/v3";
  }
  snprintf(st->api, sizeof st->api, "%s", p);
  probe_state_set(c, st, free);
  return 0;
}

static struct etcd_state *state(const struct ajar_conn *c) {
  return c->state;
}

static const char *api(const struct ajar_conn *c) {
  return state(c) ? state(c)->api : "/v3";
}

static int rpc(struct ajar_conn *c, const char *prefix, const char *method,
               json_t *body) {
  char path[64], auth[sizeof state(c)->token + 32];
  const char *hdrs[2] = {NULL, NULL};
  char *json = json_dumps(body, JSON_COMPACT);
  int rc, creds;
  json_decref(body);
  if (!json)
    return AJAR_ENOMEM;
  snprintf(path, sizeof path, "%s/%s", prefix, method);
  if (state(c) && state(c)->token[0]) {
    snprintf(auth, sizeof auth, "Authorization: %s", state(c)->token);
    hdrs[0] = auth;
    c->http.req_headers = hdrs;
  }
  /* etcd takes its own token, never HTTP basic auth: the gateway would
   * pass a Basic header on as a (bad) token */
  creds = c->use_creds;
  c->use_creds = 0;
  rc = conn_post_json(c, path, json, etcd_rpcs);
  c->use_creds = creds;
  c->http.req_headers = NULL;
  free(json);
  return rc;
}

/* a range: key and range_end raw bytes (range_end NULL: the key alone) */
static int range(struct ajar_conn *c, const char *prefix, const char *key,
                 size_t kn, const char *end, size_t en, const char *flag,
                 unsigned limit) {
  char *k = base64_encode((const unsigned char *)key, kn);
  char *e = end ? base64_encode((const unsigned char *)end, en) : NULL;
  json_t *body;
  if (!k || (end && !e)) {
    free(k);
    free(e);
    return AJAR_ENOMEM;
  }
  body = json_pack("{s:s, s:b}", "key", k, "serializable", 1);
  if (body && e)
    json_object_set_new(body, "range_end", json_string(e));
  if (body && flag)
    json_object_set_new(body, flag, json_true());
  if (body && limit)
    json_object_set_new(body, "limit", json_integer(limit));
  free(k);
  free(e);
  if (!body)
    return AJAR_ENOMEM;
  return rpc(c, prefix, "kv/range", body);
}

static int all_keys(struct ajar_conn *c, const char *prefix, const char *flag,
                    unsigned limit) {
  return range(c, prefix, "", 1, "", 1, flag, limit); /* "\0" .. "\0": every key */
}

static int auth_refusal(const struct ajar_conn *c) {
  if (c->http.status == 401)
    return 1;
  return c->http.status >= 400 && c->http.body &&
         (strstr(c->http.body, "user name is empty") || strstr(c->http.body, "invalid auth token") ||
          strstr(c->http.body, "permission denied") ||
          strstr(c->http.body, "authentication failed"));
}

/* a range's "count": int64 comes as a string, and the gateway leaves out
 * a count of 0 */
static int64_t range_count(json_t *root) {
  json_t *v = json_object_get(root, "count");
  return v ? probe_count_json(v) : 0;
}

static int authenticate(struct ajar_conn *c, const char *prefix) {
  json_t *body = json_pack("{s:s, s:s}", "name", c->user, "password",
                           c->password ? c->password : ""), *root;
  const char *tok;
  int rc;
  if (!body)
    return AJAR_ENOMEM;
  if ((rc = rpc(c, prefix, "auth/authenticate", body)))
    return rc;
  root = c->http.status == 200 ? probe_body_json(c) : NULL;
  tok = json_string_value(json_object_get(root, "token"));
  if (tok && strlen(tok) < sizeof state(c)->token && !strpbrk(tok, "\r\n"))
    snprintf(state(c)->token, sizeof state(c)->token, "%s", tok);
  json_decref(root);
  if (!state(c)->token[0]) {
    c->http.status = 401; /* the engine reports refused credentials */
    return AJAR_EAUTH;
  }
  return 0;
}

static int etcd_identify(struct ajar_conn *c, struct ajar_target_result *t) {
  json_t *root;
  const char *server, *cluster, *prefix;
  int rc = conn_get(c, "/version");
  if (rc)
    return rc;
  t->tls = c->tls;
  if (c->http.status != 200 || !(root = probe_body_json(c)))
    return c->http.status == 401 || c->http.status == 403 ? AJAR_EAUTH : AJAR_EPROTO;
  server = json_string_value(json_object_get(root, "etcdserver"));
  cluster = json_string_value(json_object_get(root, "etcdcluster"));
  if (!server || !cluster || !*server) {
    json_decref(root);
    return AJAR_EPROTO;
  }
  rc = probe_set_str(&t->store, "etcd");
  if (!rc)
    rc = probe_set_str(&t->version, server);
  json_decref(root);
  if (rc)
    return rc;
  if ((rc = pick_api(c, t->version)))
    return rc;
  prefix = api(c);
  if (c->use_creds && c->user && (rc = authenticate(c, prefix)))
    return rc == AJAR_EAUTH ? 0 : rc;
  /* does a read need a user? */
  if ((rc = all_keys(c, prefix, "count_only", 0)))
    return rc;
  if (auth_refusal(c)) {
    t->auth_required = 1;
    if (c->use_creds) /* the token did not let us read */
      c->http.status = 403;
  } else if (c->http.status == 404) {
    return probe_set_str(&t->note, "the v3 JSON gateway is off: keys not read");
  }
  return 0;
}

/* ---- collections ----------------------------------------------------- */
/* the group of a key: its length, and whether it is a prefix group */
static size_t group_of(const char *k, size_t n, int *is_prefix) {
  const char *s = memchr(k + (n && k[0] == '/'), '/', n - (n && k[0] == '/'));
  *is_prefix = s && (size_t)(s - k) + 1 < n;
  return *is_prefix ? (size_t)(s - k) + 1 : n;
}

static char *printable(const char *s, size_t n, int star) {
  char *out = malloc(n + 2);
  size_t i;
  if (!out)
    return NULL;
  for (i = 0; i < n; i++)
    out[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i];
  if (star)
    out[n++] = '*';
  out[n] = 0;
  return out;
}

/* the end of the range of keys that start with p (etcd's prefix rule) */
static size_t prefix_end(const char *p, size_t n, char *out) {
  memcpy(out, p, n);
  while (n && (unsigned char)out[n - 1] == 0xff)
    n--;
  if (!n) {
    out[0] = 0;
    return 1; /* every key past p */
  }
  out[n - 1] = (char)((unsigned char)out[n - 1] + 1);
  return n;
}

static int etcd_enumerate(struct ajar_conn *c, struct ajar_target_result *t) {
  const char *prefix = api(c);
  json_t *root, *kvs;
  size_t i, n, cap = 0;
  int64_t total;
  int rc = all_keys(c, prefix, "keys_only", AJAR_ETCD_MAX_KEYS), more;
  if (rc)
    return rc;
  if (c->http.status != 200 || !(root = probe_body_json(c))) {
    snprintf(c->err, sizeof c->err, "listing keys was refused (HTTP %ld)", c->http.status);
    return auth_refusal(c) ? AJAR_EAUTH : AJAR_EPROTO;
  }
  kvs = json_object_get(root, "kvs");
  total = range_count(root);
  more = json_is_true(json_object_get(root, "more"));
  n = json_array_size(kvs);
  for (i = 0; i < n && !rc; i++) {
    const char *k64 = json_string_value(json_object_get(json_array_get(kvs, i), "key"));
    unsigned char *key;
    size_t kn, gn, j;
    int is_prefix;
    char *name;
    if (!k64 || !(key = base64_decode(k64, &kn)))
      continue;
    gn = group_of((const char *)key, kn, &is_prefix);
    name = printable((const char *)key, gn, is_prefix);
    free(key);
    if (!name) {
      rc = AJAR_ENOMEM;
      break;
    }
    for (j = 0; j < t->n_collections && strcmp(t->collections[j].name, name); j++)
      ;
    if (j < t->n_collections || t->n_collections >= AJAR_MAX_COLLECTIONS) {
      free(name);
      continue;
    }
    if ((rc = probe_collection_room(t, &cap))) {
      free(name);
      break;
    }
    t->collections[t->n_collections].name = name;
    t->collections[t->n_collections].records = is_prefix ? -1 : 1;
    t->collections[t->n_collections].bytes = -1;
    t->n_collections++;
  }
  json_decref(root);
  if (rc)
    return rc;
  probe_sort_collections(t);
  /* exact counts per prefix group */
  for (i = 0; i < t->n_collections && !rc && conn_left_ms(c) > 0; i++) {
    struct ajar_collection_result *cr = &t->collections[i];
    size_t pn = strlen(cr->name), en;
    char end[AJAR_MAX_PATH + 2];
    if (cr->records >= 0 || pn < 2 || pn - 1 > AJAR_MAX_PATH)
      continue;
    en = prefix_end(cr->name, pn - 1, end);
    if ((rc = range(c, prefix, cr->name, pn - 1, end, en, "count_only", 0)))
      break;
    if (c->http.status == 200 && (root = probe_body_json(c))) {
      cr->records = range_count(root);
      json_decref(root);
    }
    if (probe_ransom_name(cr->name + (cr->name[0] == '/')))
      rc = probe_set_str(&cr->note, "looks wiped or ransomed: a ransom note's name");
  }
  if (!rc && more) {
    char note[128];
    snprintf(note, sizeof note, "%lld keys: groups listed from the first %d",
             (long long)total, AJAR_ETCD_MAX_KEYS);
    rc = probe_set_str(&t->note, note);
  }
  return rc == AJAR_ETOOBIG ? 0 : rc;
}

static int feed_value(const char *v64, ajar_record_cb cb, void *ctx) {
  size_t n;
  unsigned char *v = base64_decode(v64, &n);
  json_t *j;
  int rc;
  if (!v)
    return 0;
  j = json_loadb((const char *)v, n, 0, NULL);
  if (json_is_object(j) || json_is_array(j)) {
    rc = cb(ctx, (const char *)v, n);
  } else {
    json_t *rec = json_object(), *str = json_stringn((const char *)v, n);
    char *s;
    size_t i;
    if (!str) { /* not UTF-8: the ASCII of it */
      for (i = 0; i < n; i++)
        if (v[i] >= 0x80 || !v[i])
          v[i] = '?';
      str = json_stringn((const char *)v, n);
    }
    json_object_set_new(rec, "value", str);
    s = json_dumps(rec, JSON_COMPACT);
    json_decref(rec);
    rc = s ? cb(ctx, s, strlen(s)) : AJAR_ENOMEM;
    free(s);
  }
  json_decref(j);
  free(v);
  return rc;
}

static int etcd_sample(struct ajar_conn *c, struct ajar_collection_result *coll,
                       ajar_record_cb cb, void *ctx) {
  const char *prefix = api(c);
  size_t pn = strlen(coll->name), en = 0;
  char end[AJAR_MAX_PATH + 2];
  int is_group = pn > 1 && coll->name[pn - 1] == '*', rc;
  json_t *root, *kvs;
  size_t i;
  int64_t vbytes = 0;
  if (!c->sample || coll->records == 0 || pn > AJAR_MAX_PATH || strchr(coll->name, '?'))
    return 0;
  if (is_group)
    en = prefix_end(coll->name, pn - 1, end);
  rc = range(c, prefix, coll->name, is_group ? pn - 1 : pn, is_group ? end : NULL,
             en, NULL, c->sample);
  if (rc == AJAR_ETOOBIG)
    return probe_set_str(&coll->note, "not sampled: the values were over the "
                                      "response cap");
  if (rc)
    return rc;
  if (c->http.status != 200 || !(root = probe_body_json(c))) {
    snprintf(c->err, sizeof c->err, "range refused (HTTP %ld)", c->http.status);
    return AJAR_EPROTO;
  }
  kvs = json_object_get(root, "kvs");
  for (i = 0; i < json_array_size(kvs) && i < c->sample && !rc; i++) {
    const char *v64 = json_string_value(json_object_get(json_array_get(kvs, i), "value"));
    if (v64) {
      size_t n = strlen(v64);
      /* the value's size from its base64, no request more */
      vbytes += (int64_t)(n / 4 * 3) - (n && v64[n - 1] == '=') - (n > 1 && v64[n - 2] == '=');
      rc = feed_value(v64, cb, ctx);
    }
  }
  json_decref(root);
  /* bytes: the values' own, when the sample held every key, else a note */
  if (!rc && i && (int64_t)i == coll->records)
    coll->bytes = vbytes;
  else if (!rc && i)
    rc = probe_note_add(&coll->note, "%zu sampled value(s) hold %lld bytes", i,
                        (long long)vbytes);
  return rc;
}

const struct ajar_probe ajar_probe_etcd = {
    .name = "etcd",
    .ports = etcd_ports,
    .identify = etcd_identify,
    .enumerate = etcd_enumerate,
    .sample = etcd_sample,
    .help = "etcd v3 (JSON gateway): version, auth, keys grouped by first path "
            "component, exact counts, values as records (GET /version, and POST "
            "to the read-only Range RPC only)",
};
