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

/* A response header a probe declared (struct ajar_probe .headers), as the
 * last response had it. */
struct conn_header {
  const char *name;                /* as declared; "Prefix-*" matches a prefix */
  int present;                     /* the last response had it */
  char value[AJAR_MAX_HEADER];     /* its value (the first match of a prefix) */
};

/* The HTTP side of a connection (http.c): the client and the last
 * response. Native-protocol probes never touch it. */
struct conn_http {
  CURL *curl;
  struct curl_slist *resolve;      /* pins a host name to the checked addresses */
  int tls_settled;                 /* the scheme is known: no fallback */
  /* By fingerprint with the native probes to come (--probe-all), after a
   * peer closed a plain request unanswered, the TLS retry waits until
   * they said no (a Redis or MongoDB port never answers a ClientHello;
   * docs/scan.md): */
  int defer_tls;                   /* set by the engine: retries may wait */
  int tls_deferred;                /* a retry is waiting (set here) */
  int tls_pass;                    /* set by the engine: the next request
                                      is that retry: TLS, one fingerprint
                                      wait for the handshake, no fallback */
  const char *sigv4;               /* with use_creds: sign with AWS Signature
                                      V4 (CURLOPT_AWS_SIGV4's provider, e.g.
                                      "aws:amz:us-east-1:s3"), user = access
                                      key, password = secret; NULL: basic */
  const char *const *req_headers;  /* extra request headers of the next
                                      request only (conn_get/conn_post_json
                                      clear it), or NULL */
  size_t prefix_cap;               /* next request only (cleared): keep the
                                      first prefix_cap bytes of the body and
                                      stop reading there, a success (an
                                      object's prefix: a Range read whose
                                      server may ignore the Range); 0: the
                                      whole body, capped at AJAR_MAX_RESPONSE */
  uint64_t bytes_in;               /* bytes the peer sent on the sockets
                                      closed so far (kernel counts; with
                                      no such count, 1 per socket) */
  /* the last response */
  long status;                     /* HTTP status, 0 when none */
  char *body;                      /* NUL-terminated, at most AJAR_MAX_RESPONSE */
  size_t len, cap;
  int too_big;
  int cut;                         /* the body was stopped at prefix_cap */
  int status_line;                 /* a status line arrived (on_header) */
  int not_http;                    /* bytes arrived without one (HTTP/0.9,
                                      refused as curl does unless allowed) */
  /* the headers every probe declared (read them with conn_header) */
  struct conn_header headers[AJAR_MAX_KEPT_HEADERS];
  size_t n_headers;
};

/* One endpoint being audited, owned by the engine (scan/audit.c). */
struct ajar_conn {
  /* the endpoint and the rules, set by the engine */
  const struct tgt_endpoint *ep;
  const struct tgt_netset *scope;  /* NULL: no scope */
  const struct tgt_policy *policy; /* scope, --exclude, public addresses:
                                      checked on every address a socket
                                      connects to (net.c, http.c) */
  char url_host[AJAR_MAX_HOSTNAME + 3]; /* "10.0.0.1", "[::1]", "db.example" */
  int64_t deadline;                /* monotonic ms */
  int connect_timeout_ms, read_timeout_ms;
  unsigned sample;
  int include_system;
  const char *user, *password;     /* credentials bound to this endpoint
                                      (scan/creds.h), or NULL */
  const char *cred_store;          /* the store they are for; NULL: any a
                                      probe recognises */
  int use_creds;                   /* send them (only after a 401/403) */
  int allow_cleartext;             /* a password may cross in clear */
  const char *cacert;              /* verify TLS with this CA file, or NULL */
  int insecure;                    /* send credentials over unverified TLS */
  int by_fingerprint;              /* this probe is tried on a port that is
                                      not its own (--probe-all) */
  int first_wait_ms;               /* > 0: until the peer's first byte to
                                      this probe (heard), a read waits at
                                      most this long, not the read timeout
                                      (set by the engine, by fingerprint) */
  int heard;                       /* the peer sent this probe a byte */
  /* the endpoint's addresses, each checked against the scope (set by the
   * engine): probes that open their own sockets or hand an address to a
   * client library connect to these only, never to a name */
  struct tgt_addr addrs[AJAR_MAX_RESOLVED];
  size_t n_addrs;
  const char *host_name;           /* the target's name (TLS SNI only), or NULL */

  int tls;                         /* over TLS (HTTP: the next request is) */
  struct conn_http http;           /* HTTP probes only */

  /* a probe's own state between identify, enumerate and sample (a client
   * connection, the keys it listed, an API version); set with
   * probe_state_set, freed by the engine at the end of the endpoint */
  void *state;
  void (*state_free)(void *);

  /* what happened */
  int answered;                    /* some response arrived */
  int spoke_http;                  /* an HTTP response arrived: the peer
                                      is an HTTP server, which sends no
                                      greeting (docs/scan.md) */
  int greeted;                     /* the peer's first bytes to an HTTP
                                      request were a "220" reply line, the
                                      greeting of a server that speaks
                                      first (FTP, SMTP): only the probes
                                      that wait for a greeting can know it
                                      (docs/scan.md) */
  int listing_open;                /* identify found the store's names open
                                      to anyone while reads need credentials
                                      ("listing open, reading closed"): the
                                      engine lists them without credentials
                                      and rates the target as open */
  int scope_refused;
  char refused_addr[64];
  char refused_why[AJAR_MAX_ERROR / 2]; /* tgt_policy_check's reason */
  char err[AJAR_MAX_ERROR];        /* one line for the last failure */
  int creds_refused;               /* credentials were not sent: err says
                                      why (probe_cleartext_ok) */
};

/* GET path (already escaped) on the endpoint. Returns 0 when an HTTP
 * response arrived (any status: see c->http.status, c->http.body); AJAR_ECONNECT,
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
/* The value of response header name (one the probe declared in its
 * .headers) in the last response, or NULL when it had none. */
const char *conn_header(const struct ajar_conn *c, const char *name);
/* A libcurl handle with what every handle of ours has, the HTTP client's
 * and a probe's own (FTP's): no signals, only the protocols given
 * ("http,https"), no proxy from the environment, every socket's address
 * checked against the scope and the policy first, the addresses the
 * target resolved to (CURLOPT_RESOLVE), a transfer idle for a read
 * timeout stopped, and the data and header/reply callbacks with their
 * data. NULL without memory. */
CURL *conn_curl_new(struct ajar_conn *c, const char *protocols,
                    curl_write_callback on_data, void *data_ctx,
                    curl_write_callback on_reply, void *reply_ctx);
/* free what the connection holds (the HTTP client, the response, the
 * probe's state); the struct can be reused after memset */
void conn_release(struct ajar_conn *c);
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
  /* HTTP probes: the response headers the probe reads with conn_header(),
   * NULL-terminated ("Name", or "Prefix-*" for the first of a family);
   * http.c keeps only the headers some probe declares. NULL: none. */
  const char *const *headers;
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
/* its requests are lines (Redis, memcached): a server of its protocol
 * answers a line at once and waits, silent, for the end of one it never
 * gets, as a framed protocol's request (a binary length first, NUL bytes
 * before any newline: MongoDB's, PostgreSQL's) is */
#define AJAR_PROBE_LINE     4u

extern const struct ajar_probe ajar_probe_elasticsearch;
extern const struct ajar_probe ajar_probe_kibana;
extern const struct ajar_probe ajar_probe_postgresql;
extern const struct ajar_probe ajar_probe_mysql;
extern const struct ajar_probe ajar_probe_couchdb;
extern const struct ajar_probe ajar_probe_clickhouse;
extern const struct ajar_probe ajar_probe_etcd;
extern const struct ajar_probe ajar_probe_mongodb;
extern const struct ajar_probe ajar_probe_redis;
extern const struct ajar_probe ajar_probe_memcached;
extern const struct ajar_probe ajar_probe_s3;
extern const struct ajar_probe ajar_probe_azure_blob;
extern const struct ajar_probe ajar_probe_http_index;
extern const struct ajar_probe ajar_probe_ftp;

/* the table, NULL-terminated (probes.c) */
extern const struct ajar_probe *const ajar_probes[];
const struct ajar_probe *ajar_probe_find(const char *name);

/* Plain TCP for native probes (net.c). probe_connect_tcp connects to the
 * first of c->addrs that accepts, within the connect timeout, and checks
 * the peer against the scope: 0 with *fd (non-blocking, close it), or
 * AJAR_ECONNECT / AJAR_ETIMEDOUT / AJAR_ESCOPE with c->err set. */
int probe_connect_tcp(struct ajar_conn *c, int *fd);
/* send all of buf, each wait within the read timeout and the deadline */
int probe_send_all(struct ajar_conn *c, int fd, const void *buf, size_t n);
/* one read of at most cap bytes: 0 with *got (0: the peer closed), or
 * AJAR_ETIMEDOUT / AJAR_EPROTO with c->err set; before the peer's first
 * byte it waits at most c->first_wait_ms when set */
int probe_recv(struct ajar_conn *c, int fd, void *buf, size_t cap, size_t *got);
/* how long one read may wait now: the read timeout (c->first_wait_ms
 * until c->heard), cut to the deadline; <= 0 when the deadline passed */
int probe_read_wait_ms(const struct ajar_conn *c);
/* the bytes the kernel received on socket fd so far, into *n: 0, or -1
 * when the kernel does not say (*n 0) */
int probe_bytes_in(int fd, uint64_t *n);
/* A password is about to cross the network in clear (what: how, e.g.
 * "Redis AUTH over plain TCP"): 0 when the user allowed it
 * (--allow-cleartext-password), else AJAR_EAUTH with c->err saying why
 * and c->creds_refused set; nothing was sent. */
int probe_cleartext_ok(struct ajar_conn *c, const char *what);
/* replace c->state (the old one is freed); (NULL, NULL) frees it */
void probe_state_set(struct ajar_conn *c, void *state, void (*state_free)(void *));

/* helpers shared by probes: probe_util.h */

#endif
