/* MongoDB's wire protocol under libmongoc: a bounded stream of our own.
 *
 * libmongoc 1.23 trusts the lengths on the wire (a section's length, the
 * maxMessageSizeBytes a server announces, a document's length) and
 * mishandles malformed BSON: a hostile peer crashed it (tests/hostile,
 * mongodb-malformed; fuzz_probe_mongodb). So the probe hands libmongoc
 * this stream instead of its own socket:
 * - it connects only to the endpoint's checked addresses (net.c), whatever
 *   host libmongoc names, and every read and write waits at most the read
 *   timeout and never past the endpoint's deadline; a request goes out
 *   whole in one write (libmongoc hands it over in pieces);
 * - every byte libmongoc reads passes a framing check first (gs_guard): a
 *   message length under 16 bytes or over AJAR_MAX_MONGO_MESSAGE, OP_MSG
 *   sections that do not fit the message, an answer whose opcode does not
 *   match the request's, or a document that is not well-formed BSON
 *   (bson_well_formed) fails the read before libmongoc parses it.
 * Nothing here knows which commands the probe sends (probe_mongodb.c). */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "probe/mongo_wire.h"

struct gstream {
  mongoc_stream_t vtable; /* first: libmongoc casts */
  struct mongo_wire *wire;
  int fd;
  int timed_out;
  /* framing check (gs_guard): the field being read, and what is left */
  unsigned char fld[20];
  size_t have, need;      /* bytes of fld read, wanted */
  int what;               /* GF_* */
  int opcode, checksum, sections, tail;
  int sent_op;            /* opcode of the last request libmongoc sent */
  uint64_t msg_left;      /* bytes of the current message after its header */
  uint64_t skip;          /* bytes of a document body to pass unread */
  unsigned char *doc;     /* the document being passed, checked whole */
  size_t doc_len, doc_have, doc_cap;
};

static void gs_destroy(mongoc_stream_t *s) {
  struct gstream *g = (struct gstream *)s;
  if (g->fd >= 0)
    close(g->fd);
  free(g->doc);
  free(g);
}
static int gs_close(mongoc_stream_t *s) {
  struct gstream *g = (struct gstream *)s;
  if (g->fd >= 0)
    close(g->fd);
  g->fd = -1;
  return 0;
}
static int gs_flush(mongoc_stream_t *s) {
  (void)s;
  return 0;
}
static void gs_failed(mongoc_stream_t *s) { gs_destroy(s); }
static bool gs_timed_out(mongoc_stream_t *s) { return ((struct gstream *)s)->timed_out; }
static bool gs_should_retry(mongoc_stream_t *s) {
  (void)s;
  return false;
}
static int gs_setsockopt(mongoc_stream_t *s, int level, int name, void *v,
                         mongoc_socklen_t len) {
  struct gstream *g = (struct gstream *)s;
  return setsockopt(g->fd, level, name, v, len);
}
static bool gs_check_closed(mongoc_stream_t *s) {
  struct gstream *g = (struct gstream *)s;
  struct pollfd p = {g->fd, POLLIN, 0};
  char b;
  if (g->fd < 0)
    return true;
  if (poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR)))
    return true;
  return p.revents & POLLIN ? recv(g->fd, &b, 1, MSG_PEEK) <= 0 : false;
}
static ssize_t gs_poll(mongoc_stream_poll_t *ps, size_t n, int32_t timeout) {
  struct pollfd fds[16];
  size_t i;
  int r;
  if (n > 16)
    return -1;
  struct gstream *capped = NULL; /* whose bound cut libmongoc's wait */
  for (i = 0; i < n; i++) {
    struct gstream *g = (struct gstream *)ps[i].stream;
    int w = probe_read_wait_ms(g->wire->conn); /* net.c's bound on a read */
    fds[i].fd = g->fd;
    fds[i].events = (short)ps[i].events;
    fds[i].revents = 0;
    if (timeout < 0 || w < timeout) {
      timeout = w < 0 ? 0 : w;
      capped = g;
    }
  }
  r = poll(fds, n, timeout);
  for (i = 0; i < n && r > 0; i++)
    ps[i].revents = fds[i].revents;
  /* our bound passed (the read timeout, the deadline, a fingerprint's
   * wait for a first byte): the stream failed, said as an error event
   * (libmongoc polls again on a timeout or a poll error, up to its own
   * timeouts) */
  if (!r && capped) {
    capped->timed_out = 1;
    capped->wire->rc = AJAR_ETIMEDOUT;
    snprintf(capped->wire->err, sizeof capped->wire->err, "timed out reading the response");
    for (i = 0; i < n; i++)
      if ((struct gstream *)ps[i].stream == capped)
        ps[i].revents = POLLERR | POLLHUP;
    return 1;
  }
  return r;
}

static ssize_t gs_writev(mongoc_stream_t *s, mongoc_iovec_t *iov, size_t n,
                         int32_t timeout) {
  struct gstream *g = (struct gstream *)s;
  struct ajar_conn *c = g->wire->conn;
  ssize_t total = 0;
  unsigned char hdr[16], *buf;
  size_t i, h = 0;
  int rc;
  (void)timeout;
  /* the request's opcode, for the framing check of its answer */
  for (i = 0; i < n && h < sizeof hdr; i++) {
    size_t k = iov[i].iov_len < sizeof hdr - h ? iov[i].iov_len : sizeof hdr - h;
    memcpy(hdr + h, iov[i].iov_base, k);
    h += k;
  }
  if (h == sizeof hdr)
    g->sent_op = (int)(hdr[12] | hdr[13] << 8 | hdr[14] << 16 | (unsigned)hdr[15] << 24);
  /* the whole message in one write: libmongoc hands it over in pieces
   * of a few bytes each, and each would be a packet of its own */
  for (i = 0; i < n; i++)
    total += (ssize_t)iov[i].iov_len;
  if ((size_t)total > AJAR_MAX_MONGO_MESSAGE) {
    errno = EMSGSIZE;
    return -1;
  }
  if (!(buf = malloc(total ? (size_t)total : 1))) {
    errno = ENOMEM;
    return -1;
  }
  for (i = 0, h = 0; i < n; i++) {
    memcpy(buf + h, iov[i].iov_base, iov[i].iov_len);
    h += iov[i].iov_len;
  }
  rc = probe_send_all(c, g->fd, buf, h);
  free(buf);
  if (rc) {
    g->timed_out = rc == AJAR_ETIMEDOUT;
    g->wire->rc = rc;
    snprintf(g->wire->err, sizeof g->wire->err, "%s", c->err);
    errno = g->timed_out ? ETIMEDOUT : ECONNRESET;
    return -1;
  }
  return total;
}

/* watch the bytes libmongoc reads, before libmongoc parses them: every
 * message length is checked, and so is the framing inside it (OP_MSG:
 * flags, at most two kind-0 sections whose document lengths fit the
 * message, the optional checksum; OP_REPLY: its 20-byte header and
 * documents that fit), because libmongoc 1.23 trusts a section's length
 * and reads past the message when it lies (a hostile peer crashed it:
 * tests/hostile, mongodb-malformed). Any other opcode is refused: the
 * probe asks for no compression; so is an answer whose opcode does not
 * match the request's, and a document that is not well-formed BSON
 * (bson_well_formed), which libmongoc 1.23 mishandles too. */
enum { GF_HDR, GF_FLAGS, GF_KIND, GF_DOCLEN, GF_REPLY };

static uint32_t le32(const unsigned char *b) {
  return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
         (uint32_t)b[3] << 24;
}

static int gf_expect(struct gstream *g, int what, size_t k) {
  if (k > g->msg_left - (g->checksum ? 4 : 0))
    return -1;
  g->what = what;
  g->need = k;
  return 0;
}

/* a part of the body is done: the next section or document, the
 * checksum, or the end of the message */
static int gf_next(struct gstream *g) {
  uint64_t payload;
  if (g->tail) { /* the checksum passed: the message must end here */
    if (g->msg_left)
      return -1;
    g->tail = 0;
    g->what = GF_HDR;
    g->need = 16;
    return 0;
  }
  payload = g->msg_left - (g->checksum ? 4 : 0);
  if (!payload) {
    if (g->opcode == 2013 && !g->sections)
      return -1;
    if (g->checksum) {
      g->tail = 1;
      g->skip = 4;
      return 0;
    }
    g->what = GF_HDR;
    g->need = 16;
    return 0;
  }
  return g->opcode == 2013 ? gf_expect(g, GF_KIND, 1) : gf_expect(g, GF_DOCLEN, 4);
}

static int gf_field(struct gstream *g) {
  uint32_t v;
  switch (g->what) {
  case GF_HDR:
    v = le32(g->fld);
    if (v < 16 || v > AJAR_MAX_MONGO_MESSAGE)
      return -1;
    g->msg_left = v - 16;
    g->opcode = (int)le32(g->fld + 12);
    g->checksum = g->sections = g->tail = 0;
    /* OP_MSG answers OP_MSG, OP_REPLY answers OP_QUERY (2004): libmongoc
     * 1.23 reads the one it expects without checking the opcode (a wild
     * read; fuzz_probe_mongodb) */
    if (g->opcode == 2013 && g->sent_op == 2013)
      return gf_expect(g, GF_FLAGS, 4);
    if (g->opcode == 1 && g->sent_op == 2004)
      return gf_expect(g, GF_REPLY, 20);
    return -1;
  case GF_FLAGS:
    g->checksum = le32(g->fld) & 1;
    if (g->checksum && g->msg_left < 4)
      return -1;
    return gf_next(g);
  case GF_KIND:
    if (g->fld[0] != 0 || ++g->sections > 2)
      return -1;
    return gf_expect(g, GF_DOCLEN, 4);
  case GF_DOCLEN:
    v = le32(g->fld);
    if (v < 5 || v - 4 > g->msg_left - (g->checksum ? 4 : 0))
      return -1;
    if (v > g->doc_cap) {
      unsigned char *nd = realloc(g->doc, v);
      if (!nd)
        return -1;
      g->doc = nd;
      g->doc_cap = v;
    }
    memcpy(g->doc, g->fld, 4);
    g->doc_len = v;
    g->doc_have = 4;
    g->skip = v - 4;
    return 0;
  case GF_REPLY:
    return gf_next(g);
  }
  return -1;
}

/* A whole document: every length inside it fits what holds it (bson_iter
 * checks each element), its last byte is the NUL, and it nests at most
 * MONGO_MAX_NESTING deep (walked with a stack of our own, not recursion). */
#define MONGO_MAX_NESTING 200
static int bson_well_formed(const unsigned char *d, size_t n) {
  struct { bson_iter_t it; } st[MONGO_MAX_NESTING]; /* (bson_iter_t is over-aligned) */
  bson_t b;
  int depth = 0;
  if (!bson_init_static(&b, d, n) || !bson_iter_init(&st[0].it, &b))
    return 0;
  for (;;) {
    bson_iter_t *it = &st[depth].it;
    if (!bson_iter_next(it)) {
      if (it->err_off)
        return 0; /* a corrupt element */
      if (!depth--)
        return 1;
      continue;
    }
    if (BSON_ITER_HOLDS_DOCUMENT(it) || BSON_ITER_HOLDS_ARRAY(it) ||
        BSON_ITER_HOLDS_CODEWSCOPE(it)) {
      const uint8_t *sd;
      uint32_t sl, cl;
      bson_t sub;
      if (depth + 1 >= MONGO_MAX_NESTING)
        return 0;
      if (BSON_ITER_HOLDS_CODEWSCOPE(it))
        bson_iter_codewscope(it, &cl, &sl, &sd);
      else if (BSON_ITER_HOLDS_DOCUMENT(it))
        bson_iter_document(it, &sl, &sd);
      else
        bson_iter_array(it, &sl, &sd);
      if (!sd || !bson_init_static(&sub, sd, sl) || !bson_iter_init(&st[depth + 1].it, &sub))
        return 0;
      depth++;
    }
  }
}

static int gs_guard(struct gstream *g, const unsigned char *p, size_t n) {
  if (!g->need) {
    g->what = GF_HDR;
    g->need = 16;
  }
  while (n) {
    if (g->skip) {
      size_t k = g->skip < n ? (size_t)g->skip : n;
      if (!g->tail) {
        memcpy(g->doc + g->doc_have, p, k);
        g->doc_have += k;
      }
      g->skip -= k;
      g->msg_left -= k;
      p += k;
      n -= k;
      /* a document must be well-formed BSON: when one is not, libmongoc
       * 1.23 cannot read the reply and goes on with a stale one (a
       * use-after-free, a wild read; fuzz_probe_mongodb) */
      if (!g->skip && !g->tail && !bson_well_formed(g->doc, g->doc_len))
        return -1;
      if (!g->skip && gf_next(g))
        return -1;
      continue;
    }
    g->fld[g->have++] = *p++;
    n--;
    if (g->what != GF_HDR)
      g->msg_left--;
    if (g->what == GF_HDR && g->have == 4) { /* the length, before libmongoc */
      uint32_t len = le32(g->fld);         /* acts on it */
      if (len < 16 || len > AJAR_MAX_MONGO_MESSAGE)
        return -1;
    }
    if (g->have < g->need)
      continue;
    g->have = 0;
    if (gf_field(g))
      return -1;
  }
  return 0;
}

static ssize_t gs_readv(mongoc_stream_t *s, mongoc_iovec_t *iov, size_t n,
                        size_t min_bytes, int32_t timeout) {
  struct gstream *g = (struct gstream *)s;
  struct ajar_conn *c = g->wire->conn;
  size_t i = 0, off = 0, total = 0;
  (void)timeout;
  g->timed_out = 0;
  while (i < n) {
    size_t got = 0;
    int rc;
    if (off == iov[i].iov_len) {
      i++;
      off = 0;
      continue;
    }
    if (total >= min_bytes) { /* take what is there, without waiting */
      ssize_t k = recv(g->fd, (char *)iov[i].iov_base + off, iov[i].iov_len - off,
                       MSG_DONTWAIT);
      if (k <= 0)
        break;
      got = (size_t)k;
    } else if ((rc = probe_recv(c, g->fd, (char *)iov[i].iov_base + off,
                                iov[i].iov_len - off, &got)) || !got) {
      g->timed_out = rc == AJAR_ETIMEDOUT;
      g->wire->rc = rc ? rc : AJAR_EPROTO;
      snprintf(g->wire->err, sizeof g->wire->err, "%s",
               rc ? c->err : "the peer closed the connection");
      errno = g->timed_out ? ETIMEDOUT : ECONNRESET;
      return -1;
    }
    if (gs_guard(g, (unsigned char *)iov[i].iov_base + off, got)) {
      g->wire->rc = AJAR_ETOOBIG;
      snprintf(g->wire->err, sizeof g->wire->err,
               "a malformed wire message (a length under 16 bytes or over "
               "%u MiB, sections that do not fit it, a malformed document or "
               "an answer of the wrong kind)",
               AJAR_MAX_MONGO_MESSAGE >> 20);
      errno = EMSGSIZE;
      return -1;
    }
    off += got;
    total += got;
  }
  return (ssize_t)total;
}

mongoc_stream_t *mongo_wire_initiator(const mongoc_uri_t *uri,
                                      const mongoc_host_list_t *host, void *ud,
                                      bson_error_t *error) {
  struct mongo_wire *wire = ud;
  struct gstream *g;
  int fd, rc;
  (void)uri;
  (void)host; /* whatever host libmongoc names: only the checked addresses */
  rc = probe_connect_tcp(wire->conn, &fd);
  if (rc) {
    wire->rc = rc;
    snprintf(wire->err, sizeof wire->err, "%s", wire->conn->err);
    bson_set_error(error, MONGOC_ERROR_STREAM, MONGOC_ERROR_STREAM_CONNECT, "%s",
                   wire->conn->err);
    return NULL;
  }
  if (!(g = calloc(1, sizeof *g))) {
    close(fd);
    bson_set_error(error, MONGOC_ERROR_STREAM, MONGOC_ERROR_STREAM_CONNECT, "no memory");
    return NULL;
  }
  g->wire = wire;
  g->fd = fd;
  g->vtable.type = 1000; /* not one of libmongoc's own stream types */
  g->vtable.destroy = gs_destroy;
  g->vtable.close = gs_close;
  g->vtable.flush = gs_flush;
  g->vtable.writev = gs_writev;
  g->vtable.readv = gs_readv;
  g->vtable.setsockopt = gs_setsockopt;
  g->vtable.check_closed = gs_check_closed;
  g->vtable.poll = gs_poll;
  g->vtable.failed = gs_failed;
  g->vtable.timed_out = gs_timed_out;
  g->vtable.should_retry = gs_should_retry;
  return &g->vtable;
}