/* Internal: the probe interface (docs/scan.md) and the HTTP connection every
 * HTTP probe talks through.
 *
 * A probe is a const vtable, one file per store, listed in probes.c.
 * Probes are read-only: HTTP probes send GET only, through conn_get(),
 * which is the single place a request leaves the process and which
 * enforces the caps, the deadlines and the scope (the one exception,
 * conn_post_json(), posts only to read-only RPC paths a probe lists).
 * Native-protocol probes connect only to the checked addresses in
 * c->addrs, never to a name. */
#ifndef AJAR_PROBE_H
#define AJAR_PROBE_H

#include <stddef.h>
#include <stdint.h>
#include <curl/curl.h>
#include "ajar/ajar.h"
#include "ajar_limits.h"
#include "scan/target.h"

/* One endpoint being audited, owned by the engine (scan/audit.c). */
struct ajar_conn {
  /* set by the engine */
  const struct tgt_endpoint *ep;
  const struct tgt_netset *scope;  /* NULL: no scope */
  const struct tgt_policy *policy; /* scope, --exclude, public addresses:
                                      checked on every address a socket
                                      connects to (net.c, http.c) */
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
  char server[128];                /* Server */
  char powered_by[64];             /* X-Powered-By */
  char clickhouse[128];            /* X-ClickHouse-Server-Display-Name, or
                                      "yes" for any other X-ClickHouse-* */
  const char *const *req_headers;  /* extra request headers of the next
                                      request only (conn_get/conn_post_json
                                      clear it), or NULL */
  size_t prefix_cap;               /* next request only (cleared): keep the
                                      first prefix_cap bytes of the body and
                                      stop reading there, a success (an
                                      object's prefix: a Range read whose
                                      server may ignore the Range); 0: the
                                      whole body, capped at AJAR_MAX_RESPONSE */
  int cut;                         /* the last body was stopped at prefix_cap */
  char content_range[96];          /* Content-Range of the last response */

  /* what happened */
  int answered;                    /* some HTTP response arrived */
  int scope_refused;
  char refused_addr[64];
  char refused_why[AJAR_MAX_ERROR / 2]; /* tgt_policy_check's reason */
  char err[AJAR_MAX_ERROR];        /* one line for the last failure */

  /* the endpoint's addresses, each checked against the scope (set by the
   * engine): probes that open their own sockets or hand an address to a
   * client library connect to these only, never to a name */
  struct tgt_addr addrs[AJAR_MAX_RESOLVED];
  size_t n_addrs;
  const char *host_name;           /* the target's name (TLS SNI only), or NULL */
  int by_fingerprint;              /* this probe is tried on a port that is
                                      not its own (--probe-all) */

  /* a native probe's own state between identify, enumerate and sample (a
   * client connection, the keys it listed); set with probe_state_set,
   * freed by the engine at the end of the endpoint */
  void *state;
  void (*state_free)(void *);
};

/* GET path (already escaped) on the endpoint. Returns 0 when an HTTP
 * response arrived (any status: see c->status, c->body); AJAR_ECONNECT,
 * AJAR_ETIMEDOUT, AJAR_ETOOBIG (body over AJAR_MAX_RESPONSE), AJAR_ESCOPE
 * (the address is outside the scope: nothing was sent) or AJAR_EPROTO,
 * with c->err set. Falls back from http to https (and back) once, on the
 * first request only. Credentials go out only when c->use_creds. */
int conn_get(struct ajar_conn *c, const char *path);
/* POST a JSON body to one of the read-only RPC paths in allowed (a
 * NULL-terminated list the calling probe declares at the top of its
 * file); any other path is refused with AJAR_EINVAL before anything is
 * sent. Same caps, deadlines, scope and answer as conn_get. For stores
 * whose read RPCs are mapped to POST by a gateway (etcd's v3 JSON API). */
int conn_post_json(struct ajar_conn *c, const char *path, const char *json,
                   const char *const *allowed);
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
  /* Object stores and file servers, instead of sample: the bounded prefix
   * (at most AJAR_OBJ_PREFIX bytes, from the start) of the object coll
   * names, in *buf (the probe's memory, valid until its next request),
   * *len bytes; *cut when the object is longer. *buf NULL, nothing read:
   * coll is not an object (a bucket's own line) or its read was refused
   * (the probe says so in coll->note). The engine classifies the bytes as
   * `ajar files` classifies a file of that name. May be NULL. */
  int (*read_object)(struct ajar_conn *, struct ajar_collection_result *coll,
                     const char **buf, size_t *len, int *cut);
  /* Add what the store's schema says to a finished collection. May be NULL. */
  int (*annotate)(struct ajar_conn *, struct ajar_collection_result *coll,
                  int open);
  const char *help;
  unsigned flags;           /* AJAR_PROBE_* */
};

/* The order probes are tried in (scan/audit.c): a DSN's probe alone;
 * else the port's own probes, then the HTTP probes (one GET each tells
 * HTTP stores apart cheaply, so they run on every port), then, with
 * --probe-all only, the native-protocol probes, the greeting ones last. */
/* speaks its own protocol, not HTTP: on a port that is not one of its
 * default ports it runs only with --probe-all */
#define AJAR_PROBE_NATIVE   1u
/* the server speaks first (a greeting): on a silent peer identification
 * costs a read timeout, so it is tried after the others */
#define AJAR_PROBE_GREETING 2u

extern const struct ajar_probe ajar_probe_elasticsearch;
extern const struct ajar_probe ajar_probe_kibana;
extern const struct ajar_probe ajar_probe_postgresql;
extern const struct ajar_probe ajar_probe_mysql;
extern const struct ajar_probe ajar_probe_couchdb;
extern const struct ajar_probe ajar_probe_clickhouse;
extern const struct ajar_probe ajar_probe_etcd;

/* the table, NULL-terminated (probes.c) */
extern const struct ajar_probe *const ajar_probes[];
const struct ajar_probe *ajar_probe_find(const char *name);

extern const struct ajar_probe ajar_probe_mongodb;
extern const struct ajar_probe ajar_probe_redis;
extern const struct ajar_probe ajar_probe_memcached;
extern const struct ajar_probe ajar_probe_s3;
extern const struct ajar_probe ajar_probe_azure_blob;
extern const struct ajar_probe ajar_probe_http_index;
extern const struct ajar_probe ajar_probe_ftp;

/* Plain TCP for native probes (net.c). probe_connect_tcp connects to the
 * first of c->addrs that accepts, within the connect timeout, and checks
 * the peer against the scope: 0 with *fd (non-blocking, close it), or
 * AJAR_ECONNECT / AJAR_ETIMEDOUT / AJAR_ESCOPE with c->err set. */
int probe_connect_tcp(struct ajar_conn *c, int *fd);
/* send all of buf, each wait within the read timeout and the deadline */
int probe_send_all(struct ajar_conn *c, int fd, const void *buf, size_t n);
/* one read of at most cap bytes: 0 with *got (0: the peer closed), or
 * AJAR_ETIMEDOUT / AJAR_EPROTO with c->err set */
int probe_recv(struct ajar_conn *c, int fd, void *buf, size_t cap, size_t *got);
/* replace c->state (the old one is freed); (NULL, NULL) frees it */
void probe_state_set(struct ajar_conn *c, void *state, void (*state_free)(void *));

/* helpers shared by probes (probes.c) */
int probe_set_str(char **field, const char *s);
/* Append collection parts[0].parts[1]... with its counts (-1: unknown) to
 * t, whose collections array must have room; a part named like a ransom
 * note sets the note. 0 or AJAR_ENOMEM. */
int probe_add_dotted(struct ajar_target_result *t, const char *const *parts,
                     size_t n, int64_t records, int64_t bytes);
/* 1 when an index name looks like a ransom note or a wiped store */
int probe_ransom_name(const char *name);

#endif
