/* Shared body of the probe fuzz targets: one probe runs a whole audit
 * (identify; with credentials again on a refusal; enumerate; sample of
 * every collection; annotate) against a peer whose bytes are the input.
 *
 * Input: a first byte of flags (bit 0: the user gave credentials; the
 * rest: FUZZ_PICK for targets with several probes), then the peer's
 * answers, separated by FUZZ_SEP:
 *  - native probes: one part per TCP connection the probe opens, the
 *    whole byte stream of that connection (given through a socketpair,
 *    then end of stream);
 *  - HTTP probes: one part per request: "STATUS\r\nHeader: v\r\n\r\nbody"
 *    when it starts with three digits, else the whole part is a 200 body.
 * When the parts run out the peer cannot be reached. The probes reach no
 * network (src/lib/probe/testhook.h); the scope refuses any address, so a
 * client library that connects by itself (libmariadb) is refused too.
 * A target includes this file and calls run_probe(probe, data, size);
 * FUZZ_PROBE_VERBOSE=1 in the environment prints what a seed reached. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "ajar/ajar.h"
#include "probe/probe.h"
#include "probe/testhook.h"
#include "scan/target.h"

#define FUZZ_SEP "\n~~~\n"
#define FUZZ_SEP_LEN 5
#define FUZZ_MAX_PARTS 64

static const uint8_t *parts[FUZZ_MAX_PARTS];
static size_t part_len[FUZZ_MAX_PARTS], n_parts, next_part;
static int peers[FUZZ_MAX_PARTS], n_peers;
static unsigned fuzz_flags;

static void fuzz_fail(const char *what) {
  fprintf(stderr, "fuzz probe target: %s\n", what);
  abort();
}

static int fake_connect(struct ajar_conn *c, int *fd) {
  int sv[2], sz = 1 << 20;
  const uint8_t *p;
  size_t n;
  if (next_part >= n_parts || n_peers >= FUZZ_MAX_PARTS) {
    snprintf(c->err, sizeof c->err, "cannot connect (refused or unreachable)");
    return AJAR_ECONNECT;
  }
  p = parts[next_part];
  n = part_len[next_part++];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv))
    fuzz_fail("socketpair");
  setsockopt(sv[1], SOL_SOCKET, SO_SNDBUF, &sz, sizeof sz);
  setsockopt(sv[0], SOL_SOCKET, SO_RCVBUF, &sz, sizeof sz);
  setsockopt(sv[1], SOL_SOCKET, SO_RCVBUF, &sz, sizeof sz);
  while (n) { /* the inputs are at most 64 KiB: the buffer holds them */
    ssize_t k = send(sv[1], p, n, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (k <= 0)
      break;
    p += k;
    n -= (size_t)k;
  }
  shutdown(sv[1], SHUT_WR); /* the rest of what the peer says: nothing */
  peers[n_peers++] = sv[1]; /* open: what the probe sends is not refused */
  *fd = sv[0];
  return 0;
}

static int fake_http(struct ajar_conn *c, const char *path, const char *post_body,
                     long *status, const char **headers, size_t *headers_len,
                     const char **body, size_t *body_len) {
  const char *p, *end;
  size_t n;
  (void)c;
  (void)path;
  (void)post_body;
  if (next_part >= n_parts)
    return -1;
  p = (const char *)parts[next_part];
  n = part_len[next_part++];
  *status = 200;
  *headers = p;
  *headers_len = 0;
  *body = p;
  *body_len = n;
  if (n >= 3 && p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' &&
      p[2] >= '0' && p[2] <= '9') {
    const char *e = memchr(p, '\n', n);
    *status = (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
    p = e ? e + 1 : p + n;
    end = (const char *)parts[next_part - 1] + n;
    *headers = p;
    /* headers up to an empty line */
    while (p < end) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      size_t ln = nl ? (size_t)(nl - p) : (size_t)(end - p);
      if (ln == 0 || (ln == 1 && p[0] == '\r')) {
        *headers_len = (size_t)(p - *headers);
        p = nl ? nl + 1 : end;
        break;
      }
      p = nl ? nl + 1 : end;
      *headers_len = (size_t)(p - *headers);
    }
    *body = p;
    *body_len = (size_t)(end - p);
  }
  return 0;
}

static unsigned n_records;
static volatile unsigned char sink;

static int on_record(void *ctx, const char *json, size_t len) {
  size_t i;
  (void)ctx;
  n_records++;
  if (getenv("FUZZ_PROBE_VERBOSE"))
    fprintf(stderr, "  record: %.*s\n", (int)(len < 2000 ? len : 2000), json);
  if (!json)
    fuzz_fail("a NULL record");
  for (i = 0; i < len; i++) /* every byte of it is readable */
    sink += (unsigned char)json[i];
  return 0;
}

static const uint8_t *find_sep(const uint8_t *p, size_t n) {
  size_t i;
  for (i = 0; i + FUZZ_SEP_LEN <= n; i++)
    if (p[i] == '\n' && !memcmp(p + i, FUZZ_SEP, FUZZ_SEP_LEN))
      return p + i;
  return NULL;
}

static void split(const uint8_t *data, size_t size) {
  n_parts = next_part = 0;
  while (n_parts < FUZZ_MAX_PARTS) {
    const uint8_t *s = find_sep(data, size);
    size_t k = s ? (size_t)(s - data) : size;
    parts[n_parts] = data;
    part_len[n_parts++] = k;
    if (!s)
      break;
    data += k + FUZZ_SEP_LEN;
    size -= k + FUZZ_SEP_LEN;
  }
}

static void one_error_line(const struct ajar_conn *c) {
  if (memchr(c->err, 0, sizeof c->err) == NULL)
    fuzz_fail("c->err is not terminated");
}

static void run_probe(const struct ajar_probe *p, const uint8_t *data, size_t size) {
  static struct tgt_spec spec;
  static struct tgt_endpoint ep;
  static struct tgt_netset nothing; /* empty: every address is out of scope */
  struct ajar_conn c;
  struct ajar_target_result t;
  uint8_t *copy;
  size_t i;
  int rc;
  /* an exact-size copy, so a read past the end is caught */
  copy = malloc(size ? size : 1);
  if (!copy)
    fuzz_fail("malloc");
  memcpy(copy, data, size);
  fuzz_flags = size ? copy[0] : 0;
  split(size ? copy + 1 : copy, size ? size - 1 : 0);
  n_peers = 0;
  probe_test_connect = fake_connect;
  probe_test_http = fake_http;

  memset(&ep, 0, sizeof ep);
  ep.spec = &spec;
  ep.port = p->ports && p->ports[0] ? p->ports[0] : 80;
  ep.addr.family = AF_INET;
  ep.addr.a[0] = 127;
  ep.addr.a[3] = 1;
  memset(&c, 0, sizeof c);
  memset(&t, 0, sizeof t);
  c.ep = &ep;
  c.scope = &nothing;
  snprintf(c.url_host, sizeof c.url_host, "127.0.0.1");
  c.addrs[0] = ep.addr;
  c.n_addrs = 1;
  /* no real wait happens (the peer has sent all it will); a short
   * deadline keeps retry loops (memcached's BUSY) off */
  c.deadline = ajar_now_ms() + 400;
  c.connect_timeout_ms = c.read_timeout_ms = 400;
  c.sample = 5;
  c.http.tls_settled = 1;
  if (fuzz_flags & 1) {
    c.user = "fuzz";
    c.password = "secret";
  }

  rc = p->identify(&c, &t);
  one_error_line(&c);
  if ((rc == AJAR_EAUTH || (!rc && t.auth_required)) && c.user) {
    c.use_creds = 1;
    rc = p->identify(&c, &t);
    one_error_line(&c);
  }
  if (!rc && (!t.auth_required || c.use_creds) && p->enumerate) {
    rc = p->enumerate(&c, &t);
    one_error_line(&c);
    if (!rc && t.n_collections > AJAR_MAX_COLLECTIONS + 1)
      fuzz_fail("more collections than the cap");
    for (i = 0; !rc && i < t.n_collections; i++) {
      struct ajar_collection_result *cr = &t.collections[i];
      if (!cr->name)
        fuzz_fail("a collection without a name");
      if (p->sample && p->sample(&c, cr, on_record, NULL) == AJAR_ENOMEM)
        break;
      one_error_line(&c);
      if (p->annotate)
        p->annotate(&c, cr, !t.auth_required);
    }
  }
  if (getenv("FUZZ_PROBE_VERBOSE")) /* to check what a seed reaches */
    fprintf(stderr, "%s: rc %d, store %s %s, auth %d, %zu collections, %u records, "
            "%u of %zu parts, note: %s, err: %s, error: %s\n", p->name, rc,
            t.store ? t.store : "-", t.version ? t.version : "-", t.auth_required,
            t.n_collections, n_records, (unsigned)next_part, n_parts,
            t.note ? t.note : "-", c.err, t.error ? t.error : "-");
  n_records = 0;
  ajar_target_result_clear(&t);
  conn_release(&c);
  for (i = 0; i < (size_t)n_peers; i++)
    close(peers[i]);
  n_peers = 0;
  probe_test_connect = NULL;
  probe_test_http = NULL;
  free(copy);
}
