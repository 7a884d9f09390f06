/* Plain TCP for the native-protocol probes (Redis, memcached, MongoDB's
 * stream): connect only to the endpoint's checked addresses (c->addrs,
 * never a name), with the connect timeout, and check the peer's address
 * against the scope once connected; every send and every read waits at
 * most the per-read timeout and never past the endpoint's deadline.
 * Nothing here buffers: the callers bound what they keep. A probe tried
 * by fingerprint waits at most c->first_wait_ms for the peer's first
 * byte (docs/scan.md, "Fingerprinting"). */
#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "probe/probe.h"
#include "probe/testhook.h"

int (*probe_test_connect)(struct ajar_conn *c, int *fd); /* NULL: see testhook.h */

/* the wait for one read or write: the per-read timeout, cut to what is
 * left of the deadline; <= 0 when the deadline passed */
static int io_wait_ms(const struct ajar_conn *c, int per_op) {
  int64_t left = conn_left_ms(c);
  if (left <= 0)
    return 0;
  return left < per_op ? (int)left : per_op;
}

static int to_sockaddr(const struct tgt_addr *a, uint16_t port,
                       struct sockaddr_storage *ss, socklen_t *len) {
  memset(ss, 0, sizeof *ss);
  if (a->family == AF_INET) {
    struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
    s4->sin_family = AF_INET;
    s4->sin_port = htons(port);
    memcpy(&s4->sin_addr, a->a, 4);
    *len = sizeof *s4;
    return 0;
  }
  if (a->family == AF_INET6) {
    struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
    s6->sin6_family = AF_INET6;
    s6->sin6_port = htons(port);
    memcpy(&s6->sin6_addr, a->a, 16);
    *len = sizeof *s6;
    return 0;
  }
  return -1;
}

/* scope, --exclude and public addresses (tgt_policy_check) */
static int allowed(struct ajar_conn *c, const struct tgt_addr *a) {
  return (!c->scope || tgt_netset_has_addr(c->scope, a)) &&
         !tgt_policy_check(c->policy, a, c->refused_why, sizeof c->refused_why);
}

static int connect_one(struct ajar_conn *c, const struct tgt_addr *a, int *fd_out) {
  struct sockaddr_storage ss, peer;
  socklen_t len, plen = sizeof peer;
  struct tgt_addr pa;
  struct pollfd pfd;
  int fd, wait, soerr = 0, one = 1;
  socklen_t elen = sizeof soerr;
  char s[64];

  tgt_addr_str(a, s, sizeof s);
  if (!allowed(c, a)) {
    c->scope_refused = 1;
    snprintf(c->refused_addr, sizeof c->refused_addr, "%s", s);
    snprintf(c->err, sizeof c->err, "refused: %s", c->refused_why[0]
             ? c->refused_why : "the address is outside the scope");
    return AJAR_ESCOPE;
  }
  if (to_sockaddr(a, c->ep->port, &ss, &len)) {
    snprintf(c->err, sizeof c->err, "no usable address to connect to");
    return AJAR_EINVAL;
  }
  fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) {
    snprintf(c->err, sizeof c->err, "socket: %s", strerror(errno));
    return AJAR_ECONNECT;
  }
  if (connect(fd, (struct sockaddr *)&ss, len) && errno != EINPROGRESS) {
    snprintf(c->err, sizeof c->err, "cannot connect to %s:%u (%s)", s,
             c->ep->port, strerror(errno));
    close(fd);
    return AJAR_ECONNECT;
  }
  wait = io_wait_ms(c, c->connect_timeout_ms);
  pfd.fd = fd;
  pfd.events = POLLOUT;
  pfd.revents = 0;
  if (wait <= 0 || poll(&pfd, 1, wait) != 1) {
    snprintf(c->err, sizeof c->err, "connect to %s:%u timed out", s, c->ep->port);
    close(fd);
    return AJAR_ECONNECT;
  }
  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &elen) || soerr) {
    snprintf(c->err, sizeof c->err, "cannot connect to %s:%u (%s)", s,
             c->ep->port, strerror(soerr ? soerr : errno));
    close(fd);
    return AJAR_ECONNECT;
  }
  /* the socket is where we asked; check what it reached all the same */
  if (getpeername(fd, (struct sockaddr *)&peer, &plen) ||
      tgt_addr_from_sockaddr(&pa, (struct sockaddr *)&peer) || !allowed(c, &pa)) {
    c->scope_refused = 1;
    snprintf(c->err, sizeof c->err, "refused: the peer of %s is outside the scope", s);
    close(fd);
    return AJAR_ESCOPE;
  }
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  *fd_out = fd;
  return 0;
}

int probe_connect_tcp(struct ajar_conn *c, int *fd) {
  size_t i;
  int rc = AJAR_ECONNECT;
  *fd = -1;
  if (probe_test_connect)
    return probe_test_connect(c, fd);
  if (!c->n_addrs) {
    snprintf(c->err, sizeof c->err, "no checked address to connect to");
    return AJAR_ECONNECT;
  }
  for (i = 0; i < c->n_addrs; i++) {
    if (conn_left_ms(c) <= 0) {
      snprintf(c->err, sizeof c->err, "the target deadline passed");
      return AJAR_ETIMEDOUT;
    }
    rc = connect_one(c, &c->addrs[i], fd);
    if (!rc || rc == AJAR_ESCOPE)
      return rc;
  }
  return rc;
}

int probe_send_all(struct ajar_conn *c, int fd, const void *buf, size_t n) {
  const char *p = buf;
  while (n) {
    struct pollfd pfd = {fd, POLLOUT, 0};
    int wait = io_wait_ms(c, c->read_timeout_ms);
    ssize_t k;
    if (wait <= 0) {
      snprintf(c->err, sizeof c->err, "the target deadline passed");
      return AJAR_ETIMEDOUT;
    }
    if (poll(&pfd, 1, wait) != 1) {
      snprintf(c->err, sizeof c->err, "timed out sending a request");
      return AJAR_ETIMEDOUT;
    }
    k = send(fd, p, n, MSG_NOSIGNAL);
    if (k < 0 && (errno == EAGAIN || errno == EINTR))
      continue;
    if (k <= 0) {
      snprintf(c->err, sizeof c->err, "send failed: %s",
               k < 0 ? strerror(errno) : "connection closed");
      return AJAR_EPROTO;
    }
    p += k;
    n -= (size_t)k;
  }
  return 0;
}

int probe_read_wait_ms(const struct ajar_conn *c) {
  int per = c->read_timeout_ms;
  if (c->first_wait_ms > 0 && !c->heard && c->first_wait_ms < per)
    per = c->first_wait_ms;
  return io_wait_ms(c, per);
}

int probe_recv(struct ajar_conn *c, int fd, void *buf, size_t cap, size_t *got) {
  *got = 0;
  for (;;) {
    struct pollfd pfd = {fd, POLLIN, 0};
    int wait = probe_read_wait_ms(c), pr;
    ssize_t k;
    if (wait <= 0) {
      snprintf(c->err, sizeof c->err, "the target deadline passed");
      return AJAR_ETIMEDOUT;
    }
    pr = poll(&pfd, 1, wait);
    if (pr < 0 && errno == EINTR)
      continue;
    if (pr != 1) {
      snprintf(c->err, sizeof c->err, "timed out reading the response");
      return AJAR_ETIMEDOUT;
    }
    k = recv(fd, buf, cap, 0);
    if (k < 0 && (errno == EAGAIN || errno == EINTR))
      continue;
    if (k < 0) {
      snprintf(c->err, sizeof c->err, "read failed: %s", strerror(errno));
      return AJAR_EPROTO;
    }
    if (k > 0)
      c->answered = c->heard = 1;
    *got = (size_t)k;
    return 0;
  }
}

int probe_bytes_in(int fd, uint64_t *n) {
  struct tcp_info ti;
  socklen_t len = sizeof ti;
  memset(&ti, 0, sizeof ti);
  *n = 0;
  if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) ||
      len < offsetof(struct tcp_info, tcpi_bytes_received) + sizeof ti.tcpi_bytes_received)
    return -1; /* an old kernel */
  *n = ti.tcpi_bytes_received;
  return 0;
}

int probe_cleartext_ok(struct ajar_conn *c, const char *what) {
  if (c->allow_cleartext)
    return 0;
  c->creds_refused = 1;
  snprintf(c->err, sizeof c->err, "credentials not sent: %s would carry the password "
           "in clear (--allow-cleartext-password sends it anyway)", what);
  return AJAR_EAUTH;
}

void probe_state_set(struct ajar_conn *c, void *state, void (*state_free)(void *)) {
  if (c->state && c->state_free)
    c->state_free(c->state);
  c->state = state;
  c->state_free = state_free;
}
