/* The one HTTP client of every probe: GET only, capped, deadlined, scoped.
 * (conn_post_json: a POST, only to a path on the calling probe's list of
 * read-only RPCs, for gateways that map reads to POST: etcd v3.)
 *
 * - every body is capped at AJAR_MAX_RESPONSE after decompression (the
 *   write callback refuses past it), and by Content-Length beforehand;
 * - redirects are never followed, proxies from the environment are never
 *   used, only http and https are allowed;
 * - connect timeout, an idle-read limit (low-speed), and a per-request
 *   timeout taken from what is left of the endpoint's deadline;
 * - the scope is checked on the address of every socket curl opens, so a
 *   name that resolves elsewhere, or a second address, cannot slip out;
 * - only the response headers some probe declares (its .headers) are
 *   kept; this file knows no store's headers;
 * - certificates are not verified (self-signed stores are the common
 *   case) until credentials are sent: then they must verify (--cacert,
 *   or the system's CAs) unless --insecure, and over plain http nothing
 *   with credentials leaves unless --allow-cleartext-password.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "probe/probe.h"
#include "probe/testhook.h"

int (*probe_test_http)(struct ajar_conn *c, const char *path, const char *post_body,
                       long *status, const char **headers, size_t *headers_len,
                       const char **body, size_t *body_len); /* NULL: testhook.h */

int64_t ajar_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t conn_left_ms(const struct ajar_conn *c) {
  return c->deadline - ajar_now_ms();
}

void conn_escape(const char *s, char *out, size_t n) {
  static const char hex[] = "0123456789ABCDEF";
  size_t k = 0;
  if (!n)
    return;
  for (; *s && k + 4 <= n; s++) {
    unsigned char ch = (unsigned char)*s;
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
        (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.') {
      out[k++] = (char)ch;
    } else {
      out[k++] = '%';
      out[k++] = hex[ch >> 4];
      out[k++] = hex[ch & 15];
    }
  }
  out[k] = 0;
}

static size_t on_body(char *p, size_t size, size_t nmemb, void *ud) {
  struct ajar_conn *c = ud;
  size_t n = size * nmemb, keep = n;
  if (!c->http.status_line) {
    /* bytes with no status line before them: curl (HTTP/0.9 allowed,
     * setup) hands them over as a body; refused here as curl refuses
     * HTTP/0.9, once they are looked at: "220 " or "220-" is the
     * greeting of a server that speaks first (FTP, SMTP), sent before
     * the request was read (docs/scan.md) */
    c->http.not_http = 1;
    if (n >= 4 && !memcmp(p, "220", 3) && (p[3] == ' ' || p[3] == '-'))
      c->greeted = 1;
    return 0; /* curl stops the transfer (CURLE_WRITE_ERROR) */
  }
  if (c->http.prefix_cap && n > c->http.prefix_cap - c->http.len) {
    keep = c->http.prefix_cap - c->http.len; /* the prefix is complete: stop here */
    c->http.cut = 1;
  } else if (n > AJAR_MAX_RESPONSE - c->http.len) {
    c->http.too_big = 1;
    return 0; /* curl fails the transfer with CURLE_WRITE_ERROR */
  }
  if (c->http.len + keep + 1 > c->http.cap) {
    size_t nc = c->http.cap ? c->http.cap : 16384;
    char *nb;
    while (nc < c->http.len + keep + 1)
      nc *= 2;
    if (nc > AJAR_MAX_RESPONSE + 1)
      nc = AJAR_MAX_RESPONSE + 1;
    nb = realloc(c->http.body, nc);
    if (!nb)
      return 0;
    c->http.body = nb;
    c->http.cap = nc;
  }
  memcpy(c->http.body + c->http.len, p, keep);
  c->http.len += keep;
  c->http.body[c->http.len] = 0;
  return c->http.cut ? 0 : n; /* 0: curl stops the transfer (CURLE_WRITE_ERROR) */
}

/* the value of a header line "Name: value\r\n" if name (or, ending in
 * '*', a prefix) matches: 1 with *v, *vn */
static int header_value(const char *line, size_t n, const char *name, const char **v,
                        size_t *vn) {
  size_t k = strlen(name);
  const char *colon = memchr(line, ':', n);
  if (!colon)
    return 0;
  if (k && name[k - 1] == '*') {
    if ((size_t)(colon - line) < k - 1 || strncasecmp(line, name, k - 1))
      return 0;
  } else if ((size_t)(colon - line) != k || strncasecmp(line, name, k)) {
    return 0;
  }
  *v = colon + 1;
  n -= (size_t)(*v - line);
  while (n && (**v == ' ' || **v == '\t')) {
    (*v)++;
    n--;
  }
  while (n && ((*v)[n - 1] == '\r' || (*v)[n - 1] == '\n' || (*v)[n - 1] == ' '))
    n--;
  *vn = n;
  return 1;
}

/* the slots of the headers the probes declare (struct ajar_probe
 * .headers), one per distinct name, empty for this response */
static void headers_reset(struct conn_http *h) {
  size_t i, j, k;
  if (!h->n_headers)
    for (i = 0; ajar_probes[i]; i++)
      for (j = 0; ajar_probes[i]->headers && ajar_probes[i]->headers[j]; j++) {
        const char *name = ajar_probes[i]->headers[j];
        for (k = 0; k < h->n_headers && strcasecmp(h->headers[k].name, name); k++)
          ;
        if (k == h->n_headers && k < AJAR_MAX_KEPT_HEADERS)
          h->headers[h->n_headers++].name = name;
      }
  for (k = 0; k < h->n_headers; k++) {
    h->headers[k].present = 0;
    h->headers[k].value[0] = 0;
  }
}

const char *conn_header(const struct ajar_conn *c, const char *name) {
  size_t k;
  for (k = 0; k < c->http.n_headers; k++)
    if (!strcasecmp(c->http.headers[k].name, name))
      return c->http.headers[k].present ? c->http.headers[k].value : NULL;
  return NULL;
}

static size_t on_header(char *p, size_t size, size_t nmemb, void *ud) {
  struct ajar_conn *c = ud;
  size_t n = size * nmemb, k, vn;
  const char *v;
  c->answered = 1;
  c->http.status_line = 1;
  for (k = 0; k < c->http.n_headers; k++) {
    struct conn_header *h = &c->http.headers[k];
    int prefix = h->name[strlen(h->name) - 1] == '*';
    if ((prefix && h->present) || !header_value(p, n, h->name, &v, &vn))
      continue;
    if (vn > sizeof h->value - 1)
      vn = sizeof h->value - 1;
    memcpy(h->value, v, vn);
    h->value[vn] = 0;
    h->present = 1;
  }
  return n;
}

/* CURLOPT_OPENSOCKETFUNCTION: every socket's address checked first */
static curl_socket_t conn_open_socket(void *ud, curlsocktype purpose,
                                      struct curl_sockaddr *a) {
  struct ajar_conn *c = ud;
  struct tgt_addr ta;
  (void)purpose;
  /* the scope, --exclude and public addresses (tgt_policy_check) */
  if (tgt_addr_from_sockaddr(&ta, &a->addr) ||
      (c->scope && !tgt_netset_has_addr(c->scope, &ta)) ||
      tgt_policy_check(c->policy, &ta, c->refused_why, sizeof c->refused_why)) {
    c->scope_refused = 1;
    if (!tgt_addr_from_sockaddr(&ta, &a->addr))
      tgt_addr_str(&ta, c->refused_addr, sizeof c->refused_addr);
    return CURL_SOCKET_BAD;
  }
  return socket(a->family, a->socktype | SOCK_CLOEXEC, a->protocol);
}

/* CURLOPT_CLOSESOCKETFUNCTION: what the peer sent on it, counted */
static int conn_close_socket(void *ud, curl_socket_t fd) {
  struct ajar_conn *c = ud;
  uint64_t n;
  c->http.bytes_in += probe_bytes_in(fd, &n) ? 1 : n;
  return close(fd);
}

CURL *conn_curl_new(struct ajar_conn *c, const char *protocols,
                    curl_write_callback on_data, void *data_ctx,
                    curl_write_callback on_reply, void *reply_ctx) {
  CURL *h = curl_easy_init();
  if (!h)
    return NULL;
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, protocols);
  curl_easy_setopt(h, CURLOPT_PROXY, ""); /* never an environment proxy */
  curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, conn_open_socket);
  curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, c);
  curl_easy_setopt(h, CURLOPT_CLOSESOCKETFUNCTION, conn_close_socket);
  curl_easy_setopt(h, CURLOPT_CLOSESOCKETDATA, c);
  if (c->http.resolve)
    curl_easy_setopt(h, CURLOPT_RESOLVE, c->http.resolve);
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME,
                   (long)(c->read_timeout_ms < 1000 ? 1 : c->read_timeout_ms / 1000));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, data_ctx);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_reply);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, reply_ctx);
  return h;
}

static int setup(struct ajar_conn *c) {
  CURL *h = c->http.curl;
  if (!h) {
    h = c->http.curl = conn_curl_new(c, "http,https", on_body, c, on_header, c);
    if (!h)
      return AJAR_ENOMEM;
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, (long)AJAR_MAX_REDIRS);
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)AJAR_MAX_RESPONSE);
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, ""); /* capped in on_body */
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
    curl_easy_setopt(h, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1);
    /* a reply with no status line reaches on_body, which looks at it for
     * a greeting and refuses it (not_http) */
    curl_easy_setopt(h, CURLOPT_HTTP09_ALLOWED, 1L);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "ajar/" AJAR_VERSION " (read-only audit)");
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, (long)c->connect_timeout_ms);
  }
  curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, NULL);
  curl_easy_setopt(h, CURLOPT_AWS_SIGV4, c->use_creds && c->user ? c->http.sigv4 : NULL);
  /* credentials go only to a certificate that verifies (--cacert), unless
   * --insecure; curl reuses no connection made with other TLS settings */
  if (c->use_creds && c->user && !c->insecure) {
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (c->cacert)
      curl_easy_setopt(h, CURLOPT_CAINFO, c->cacert);
  } else {
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
  }
  if (c->use_creds && c->user) {
    if (!c->http.sigv4)
      curl_easy_setopt(h, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
    curl_easy_setopt(h, CURLOPT_USERNAME, c->user);
    curl_easy_setopt(h, CURLOPT_PASSWORD, c->password ? c->password : "");
  } else {
    curl_easy_setopt(h, CURLOPT_USERNAME, NULL);
    curl_easy_setopt(h, CURLOPT_PASSWORD, NULL);
  }
  return 0;
}

/* the fuzz targets' canned response (testhook.h), through the same
 * header and body callbacks as curl's: header lines one by one, the body
 * in pieces */
static int test_response(struct ajar_conn *c, const char *path, const char *post_body) {
  const char *h, *b;
  size_t hn, bn, i, k;
  if (probe_test_http(c, path, post_body, &c->http.status, &h, &hn, &b, &bn)) {
    c->http.status = 0;
    snprintf(c->err, sizeof c->err, "cannot connect (refused or unreachable)");
    return AJAR_ECONNECT;
  }
  for (i = 0; i < hn; i = k) {
    for (k = i; k < hn && h[k] != '\n'; k++)
      ;
    if (k < hn)
      k++;
    on_header((char *)h + i, 1, k - i, c);
  }
  for (i = 0; i < bn; i += k) {
    k = bn - i < 4096 ? bn - i : 4096;
    if (on_body((char *)b + i, 1, k, c) != k) {
      if (c->http.cut)
        break;
      if (c->http.too_big) {
        snprintf(c->err, sizeof c->err, "a response was over the %u MiB cap",
                 AJAR_MAX_RESPONSE >> 20);
        return AJAR_ETOOBIG;
      }
      return AJAR_ENOMEM;
    }
  }
  if (!c->http.body && (c->http.body = malloc(1)))
    c->http.body[0] = 0;
  if (!c->http.body)
    return AJAR_ENOMEM;
  c->answered = 1;
  return 0;
}

/* post_body: NULL for a GET; else the JSON body of a POST */
static int get_once(struct ajar_conn *c, const char *path, CURLcode *cc,
                    const char *post_body, struct curl_slist *headers) {
  char url[AJAR_MAX_HOSTNAME + 2048];
  int64_t left = conn_left_ms(c);
  int rc;
  *cc = CURLE_OK;
  c->http.status = 0;
  c->http.len = 0;
  c->http.too_big = 0;
  headers_reset(&c->http);
  c->http.cut = 0;
  c->http.status_line = c->http.not_http = 0;
  if (c->http.body)
    c->http.body[0] = 0;
  if (left <= 0) {
    snprintf(c->err, sizeof c->err, "the target deadline passed");
    return AJAR_ETIMEDOUT;
  }
  if (snprintf(url, sizeof url, "%s://%s:%u%s", c->tls ? "https" : "http",
               c->url_host, c->ep->port, path) >= (int)sizeof url) {
    snprintf(c->err, sizeof c->err, "request path too long");
    return AJAR_EINVAL;
  }
  if (probe_test_http)
    return test_response(c, path, post_body);
  if ((rc = setup(c)))
    return rc;
  curl_easy_setopt(c->http.curl, CURLOPT_URL, url);
  curl_easy_setopt(c->http.curl, CURLOPT_TIMEOUT_MS, (long)left);
  /* a prefix read stops itself at prefix_cap, whatever the length says */
  curl_easy_setopt(c->http.curl, CURLOPT_MAXFILESIZE_LARGE,
                   (curl_off_t)(c->http.prefix_cap ? 0 : AJAR_MAX_RESPONSE));
  if (headers)
    curl_easy_setopt(c->http.curl, CURLOPT_HTTPHEADER, headers);
  if (post_body) {
    curl_easy_setopt(c->http.curl, CURLOPT_POSTFIELDS, post_body);
    curl_easy_setopt(c->http.curl, CURLOPT_POSTFIELDSIZE, (long)strlen(post_body));
  }
  *cc = curl_easy_perform(c->http.curl);
  if (post_body) /* never left set for the next request */
    curl_easy_setopt(c->http.curl, CURLOPT_HTTPGET, 1L);
  if (headers)
    curl_easy_setopt(c->http.curl, CURLOPT_HTTPHEADER, NULL);
  curl_easy_getinfo(c->http.curl, CURLINFO_RESPONSE_CODE, &c->http.status);
  if (c->http.not_http) { /* as curl says of HTTP/0.9 when not allowed */
    *cc = CURLE_UNSUPPORTED_PROTOCOL;
    c->http.status = 0;
  }
  if (!c->http.body && (c->http.body = malloc(1)))
    c->http.body[0] = 0;
  if (c->http.cut && *cc == CURLE_WRITE_ERROR)
    *cc = CURLE_OK; /* the prefix is complete */
  switch (*cc) {
  case CURLE_OK:
    if (!c->http.body)
      return AJAR_ENOMEM;
    c->answered = 1;
    if (c->http.status > 0)
      c->spoke_http = 1;
    return 0;
  case CURLE_COULDNT_CONNECT:
  case CURLE_COULDNT_RESOLVE_HOST:
    if (c->scope_refused) {
      if (c->refused_why[0])
        snprintf(c->err, sizeof c->err, "refused: %s", c->refused_why);
      else
        snprintf(c->err, sizeof c->err, "refused: %s is outside the scope",
                 c->refused_addr[0] ? c->refused_addr : "the address");
      return AJAR_ESCOPE;
    }
    snprintf(c->err, sizeof c->err, "cannot connect (refused or unreachable)");
    return AJAR_ECONNECT;
  case CURLE_OPERATION_TIMEDOUT: {
    curl_off_t connected = 0;
    curl_easy_getinfo(c->http.curl, CURLINFO_CONNECT_TIME_T, &connected);
    snprintf(c->err, sizeof c->err, "%s",
             connected ? "timed out reading the response" : "connect timed out");
    return connected ? AJAR_ETIMEDOUT : AJAR_ECONNECT;
  }
  case CURLE_WRITE_ERROR:
  case CURLE_FILESIZE_EXCEEDED:
    if (c->http.too_big || *cc == CURLE_FILESIZE_EXCEEDED) {
      snprintf(c->err, sizeof c->err, "a response was over the %u MiB cap",
               AJAR_MAX_RESPONSE >> 20);
      return AJAR_ETOOBIG;
    }
    return AJAR_ENOMEM;
  case CURLE_PEER_FAILED_VERIFICATION:
  case CURLE_SSL_CACERT_BADFILE:
    snprintf(c->err, sizeof c->err, "credentials not sent: the TLS certificate did not "
             "verify (--cacert FILE names its CA; --insecure sends them anyway)");
    c->creds_refused = 1;
    return AJAR_EAUTH;
  case CURLE_SSL_CONNECT_ERROR:
    snprintf(c->err, sizeof c->err, "TLS handshake failed");
    return AJAR_EPROTO;
  default:
    snprintf(c->err, sizeof c->err, "%s", curl_easy_strerror(*cc));
    return AJAR_EPROTO;
  }
}

static int plain_to_tls_port(const struct ajar_conn *c) {
  return c->http.status == 400 && c->http.body &&
         (strstr(c->http.body, "HTTP request was sent to HTTPS port") ||
          strstr(c->http.body, "speaking plain HTTP to an SSL-enabled"));
}

/* a TLS handshake tried by fingerprint waits this long at most */
static int fingerprint_connect_ms(const struct ajar_conn *c) {
  return AJAR_FINGERPRINT_WAIT_MS < c->connect_timeout_ms ? AJAR_FINGERPRINT_WAIT_MS
                                                          : c->connect_timeout_ms;
}

static int request(struct ajar_conn *c, const char *path, const char *post_body) {
  CURLcode cc;
  struct curl_slist *headers = NULL;
  size_t i;
  int rc;
  for (i = 0; c->http.req_headers && c->http.req_headers[i]; i++) {
    struct curl_slist *h = curl_slist_append(headers, c->http.req_headers[i]);
    if (!h) {
      curl_slist_free_all(headers);
      return AJAR_ENOMEM;
    }
    headers = h;
  }
  if (post_body) {
    struct curl_slist *h = curl_slist_append(headers, "Content-Type: application/json");
    if (!h) {
      curl_slist_free_all(headers);
      return AJAR_ENOMEM;
    }
    headers = h;
  }
  c->http.req_headers = NULL;
  /* with credentials every request carries them (Basic, or etcd's body):
   * over plain http only when the user allows a password in clear (a
   * SigV4 signature carries no secret) */
  if (c->use_creds && c->user && !c->tls && !c->http.sigv4 &&
      (rc = probe_cleartext_ok(c, "plain HTTP (no TLS)"))) {
    curl_slist_free_all(headers);
    c->http.status = 0;
    c->http.prefix_cap = 0;
    return rc;
  }
  if (c->http.tls_pass) /* a deferred retry: the handshake gets one wait */
    curl_easy_setopt(c->http.curl, CURLOPT_CONNECTTIMEOUT_MS, (long)fingerprint_connect_ms(c));
  rc = get_once(c, path, &cc, post_body, headers);
  c->http.prefix_cap = 0; /* the next request only, like req_headers */
  if (c->http.tls_pass) {
    c->http.tls_pass = 0;
    curl_easy_setopt(c->http.curl, CURLOPT_CONNECTTIMEOUT_MS, (long)c->connect_timeout_ms);
    c->http.tls_settled = 1;
    if (rc == AJAR_ECONNECT || rc == AJAR_ETIMEDOUT ||
        (rc == AJAR_EPROTO && cc == CURLE_SSL_CONNECT_ERROR)) {
      rc = AJAR_EPROTO; /* no TLS either: not an HTTP store */
      c->tls = 0;
    }
  } else if (!c->http.tls_settled) {
    int retry = 0;
    if (!c->tls && ((rc == AJAR_EPROTO && (cc == CURLE_GOT_NOTHING ||
                                           cc == CURLE_RECV_ERROR ||
                                           cc == CURLE_WEIRD_SERVER_REPLY)) ||
                    (!rc && plain_to_tls_port(c))))
      retry = 1;
    else if (c->tls && rc == AJAR_EPROTO && cc == CURLE_SSL_CONNECT_ERROR)
      retry = 1;
    /* unanswered by fingerprint, with native probes to come: they go
     * first, the retry after them (the engine sets tls_pass) */
    if (retry && !c->tls && rc == AJAR_EPROTO && c->by_fingerprint && c->http.defer_tls) {
      retry = 0;
      c->http.tls_deferred = 1;
      c->http.tls_settled = 1; /* plain until then */
    }
    if (retry) {
      int first = rc;
      c->tls = !c->tls;
      /* a fresh connection for the other scheme; on a port not the
       * probe's, after a peer that took a request and did not answer
       * HTTP, a TLS handshake gets one fingerprint wait (a TLS server
       * answers a ClientHello in a round trip; a Redis or memcached port
       * never does) */
      curl_easy_setopt(c->http.curl, CURLOPT_FRESH_CONNECT, 1L);
      if (c->by_fingerprint && rc == AJAR_EPROTO)
        curl_easy_setopt(c->http.curl, CURLOPT_CONNECTTIMEOUT_MS, (long)fingerprint_connect_ms(c));
      rc = get_once(c, path, &cc, post_body, headers);
      curl_easy_setopt(c->http.curl, CURLOPT_FRESH_CONNECT, 0L);
      curl_easy_setopt(c->http.curl, CURLOPT_CONNECTTIMEOUT_MS, (long)c->connect_timeout_ms);
      /* the peer took the connection but did not answer HTTP; a TLS
       * handshake it never answers says the same: not an HTTP store
       * (a Redis or memcached port), so the next probe may try */
      if (first == AJAR_EPROTO && (rc == AJAR_ECONNECT || rc == AJAR_ETIMEDOUT)) {
        rc = AJAR_EPROTO;
        c->tls = !c->tls;     /* back to the first scheme, for good: the */
        c->http.tls_settled = 1;   /* next HTTP probes spend no second timeout */
      }
    }
    if (!rc)
      c->http.tls_settled = 1;
  }
  curl_slist_free_all(headers);
  return rc;
}

int conn_get(struct ajar_conn *c, const char *path) {
  return request(c, path, NULL);
}

int conn_post_json(struct ajar_conn *c, const char *path, const char *json,
                   const char *const *allowed) {
  size_t i;
  for (i = 0; allowed && allowed[i]; i++)
    if (!strcmp(path, allowed[i]))
      return request(c, path, json ? json : "{}");
  c->http.req_headers = NULL;
  snprintf(c->err, sizeof c->err, "refused: POST %.80s is not a listed read-only RPC",
           path);
  return AJAR_EINVAL;
}

void conn_release(struct ajar_conn *c) {
  curl_easy_cleanup(c->http.curl);
  curl_slist_free_all(c->http.resolve);
  free(c->http.body);
  c->http.curl = NULL;
  c->http.resolve = NULL;
  c->http.body = NULL;
  c->http.len = c->http.cap = 0;
  probe_state_set(c, NULL, NULL);
}
