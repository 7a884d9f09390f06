/* Internal: the probe interface (STYLE.md) and the HTTP connection every
 * HTTP probe talks through.
 *
 * A probe is a const vtable, one file per store, listed in probes.c.
 * Probes are read-only: HTTP probes send GET only, through conn_get(),
 * which is the single place a request leaves the process and which
 * enforces the caps, the deadlines and the scope. */
#ifndef AJAR_PROBE_H
#define AJAR_PROBE_H

#include <stddef.h>
#include <stdint.h>
#include <curl/curl.h>
#include "ajar/ajar.h"
#include "limits.h"
#include "scan/target.h"

/* One endpoint being audited, owned by the engine (scan/audit.c). */
struct ajar_conn {
  /* set by the engine */
  const struct tgt_endpoint *ep;
  const struct tgt_netset *scope;  /* NULL: no scope */
  char url_host[AJAR_MAX_HOSTNAME + 3]; /* "10.0.0.1", "[::1]", "db.example" */
  struct curl_slist *resolve;      /* pins a host name to the checked addresses */
  int64_t deadline;                /* monotonic ms */
  int connect_timeout_ms, read_timeout_ms;
  unsigned sample;
  int include_system;
  const char *user, *password;     /* credentials the user gave, or NULL */
  int use_creds;                   /* send them (only after a 401/403) */
  int tls;                         /* next request over https */
  int tls_settled;                 /* the scheme is known: no fallback */

  /* the last response */
  CURL *curl;
  long status;                     /* HTTP status, 0 when none */
  char *body;                      /* NUL-terminated, at most AJAR_MAX_RESPONSE */
  size_t len, cap;
  int too_big;
  char www_authenticate[AJAR_MAX_HEADER];
  char elastic_product[64];        /* X-elastic-product */
  char kbn_name[AJAR_MAX_HEADER];  /* kbn-name (Kibana) */
  char kbn_version[64];

  /* what happened */
  int answered;                    /* some HTTP response arrived */
  int scope_refused;
  char refused_addr[64];
  char err[AJAR_MAX_ERROR];        /* one line for the last failure */
};

/* GET path (already escaped) on the endpoint. Returns 0 when an HTTP
 * response arrived (any status: see c->status, c->body); AJAR_ECONNECT,
 * AJAR_ETIMEDOUT, AJAR_ETOOBIG (body over AJAR_MAX_RESPONSE), AJAR_ESCOPE
 * (the address is outside the scope: nothing was sent) or AJAR_EPROTO,
 * with c->err set. Falls back from http to https (and back) once, on the
 * first request only. Credentials go out only when c->use_creds. */
int conn_get(struct ajar_conn *c, const char *path);
/* index names etc. for a path; writes at most n bytes with the NUL */
void conn_escape(const char *s, char *out, size_t n);
/* milliseconds left before the endpoint's deadline */
int64_t conn_left_ms(const struct ajar_conn *c);
int64_t ajar_now_ms(void);

/* A record of a collection's sample: one JSON document. Return nonzero to
 * stop sampling. */
typedef int (*ajar_record_cb)(void *ctx, const char *json, size_t len);

struct ajar_probe {
  const char *name;         /* "elasticsearch" */
  const uint16_t *ports;    /* default ports, 0-terminated */
  /* Is this the store? 0: yes, with t->store, t->version, t->tls,
   * t->auth_required set (auth_required and no data yet when the store
   * refused an unauthenticated request); AJAR_EAUTH: something answered
   * 401/403 and the probe cannot tell whose it is; AJAR_EPROTO: not this
   * store; other codes: the endpoint failed. */
  int (*identify)(struct ajar_conn *, struct ajar_target_result *);
  /* List the collections (name, records, bytes, note) into t. */
  int (*enumerate)(struct ajar_conn *, struct ajar_target_result *);
  /* Feed at most c->sample records of coll to cb; may set coll->note.
   * NULL when the store's records cannot be read with GET alone. */
  int (*sample)(struct ajar_conn *, struct ajar_collection_result *coll,
                ajar_record_cb cb, void *ctx);
  /* Add what the store's schema says to a finished collection. May be NULL. */
  int (*annotate)(struct ajar_conn *, struct ajar_collection_result *coll,
                  int open);
  const char *help;
};

extern const struct ajar_probe ajar_probe_elasticsearch;
extern const struct ajar_probe ajar_probe_kibana;

/* the table, NULL-terminated (probes.c) */
extern const struct ajar_probe *const ajar_probes[];
const struct ajar_probe *ajar_probe_find(const char *name);

/* helpers shared by probes (probes.c) */
int probe_set_str(char **field, const char *s);
/* 1 when an index name looks like a ransom note or a wiped store */
int probe_ransom_name(const char *name);

#endif
