/* MongoDB (libmongoc, OP_MSG).
 *
 * The requests this probe may send, all read-only commands, nothing else:
 *   the connection handshake of libmongoc (hello / legacy isMaster with
 *     the driver's metadata; SCRAM saslStart/saslContinue only with
 *     credentials the user gave, only after a refusal)
 *   {hello: 1} on admin, else {isMaster: 1}
 *   {buildInfo: 1} on admin
 *   {listDatabases: 1, nameOnly: true} on admin
 *   {dbStats: 1} on each database
 *   {listCollections: 1, cursor: {batchSize: B}} on each database
 *   {collStats: COLL} (else {aggregate: COLL, pipeline: [{$collStats:
 *     {storageStats: {}}}]}, else {count: COLL}) on each collection
 *   {aggregate: COLL, pipeline: [{$sample: {size: N}}], cursor:
 *     {batchSize: N}} (else {find: COLL, limit: N, batchSize: N,
 *     singleBatch: true}) for the sample
 * each with maxTimeMS where the server takes it. admin, local and config
 * (and system.* collections) are skipped unless --include-system.
 *
 * Bounds: the stream is ours (a mongoc_stream_t over net.c's socket): it
 * connects only to the endpoint's checked addresses whatever host
 * libmongoc asks for, waits at most the read timeout and never past the
 * deadline, and refuses a wire message whose length is under 16 bytes or
 * over AJAR_MAX_MONGO_MESSAGE before libmongoc buffers it (libmongoc
 * itself trusts the maxMessageSizeBytes the server announces), or whose
 * sections do not fit inside it (gs_guard). The URI
 * names the numeric address, directConnection=true, one server, so
 * nothing is resolved and no other member of a replica set is contacted.
 * Listings stop at AJAR_MAX_COLLECTIONS; a document whose JSON is over
 * AJAR_MAX_RECORD is skipped. libmongoc's log handler is silenced (the
 * library never prints).
 *
 * Documents become relaxed extended JSON (bson_as_relaxed_extended_json),
 * then one-key wrappers ({"$date": ...}, {"$oid": ...}, ...) are unwrapped
 * so that field paths are the document's own (captured_at, not
 * captured_at.$date).
 */
#include <errno.h>
#include <jansson.h>
#include <mongoc/mongoc.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "probe/probe.h"

static const uint16_t mongodb_ports[] = {27017, 0};

#define MONGO_UNAUTHORIZED 13
#define MONGO_COMMAND_NOT_FOUND 59

static pthread_once_t mongo_once = PTHREAD_ONCE_INIT;
static void mongo_init(void) {
  mongoc_init();
  mongoc_log_set_handler(NULL, NULL);
}

struct mstate {
  struct ajar_conn *c;
  mongoc_client_t *client;
  mongoc_uri_t *uri;
  int stream_rc;        /* why our stream failed, for c->err */
  char stream_err[AJAR_MAX_ERROR];
  int max_wire;
  char **dbs;           /* for sample: collection name -> db */
};

/* ---- the stream ---------------------------------------------------------- */
struct gstream {
  mongoc_stream_t vtable; /* first: libmongoc casts */
  struct mstate *st;
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
  for (i = 0; i < n; i++) {
    fds[i].fd = ((struct gstream *)ps[i].stream)->fd;
    fds[i].events = (short)ps[i].events;
    fds[i].revents = 0;
  }
  r = poll(fds, n, timeout);
  for (i = 0; i < n && r > 0; i++)
    ps[i].revents = fds[i].revents;
  return r;
}

static ssize_t gs_writev(mongoc_stream_t *s, mongoc_iovec_t *iov, size_t n,
                         int32_t timeout) {
  struct gstream *g = (struct gstream *)s;
  struct ajar_conn *c = g->st->c;
  ssize_t total = 0;
  unsigned char hdr[16];
  size_t i, h = 0;
  (void)timeout;
  /* the request's opcode, for the framing check of its answer */
  for (i = 0; i < n && h < sizeof hdr; i++) {
    size_t k = iov[i].iov_len < sizeof hdr - h ? iov[i].iov_len : sizeof hdr - h;
    memcpy(hdr + h, iov[i].iov_base, k);
    h += k;
  }
  if (h == sizeof hdr)
    g->sent_op = (int)(hdr[12] | hdr[13] << 8 | hdr[14] << 16 | (unsigned)hdr[15] << 24);
  for (i = 0; i < n; i++) {
    int rc = probe_send_all(c, g->fd, iov[i].iov_base, iov[i].iov_len);
    if (rc) {
      g->timed_out = rc == AJAR_ETIMEDOUT;
      g->st->stream_rc = rc;
      snprintf(g->st->stream_err, sizeof g->st->stream_err, "%s", c->err);
      errno = g->timed_out ? ETIMEDOUT : ECONNRESET;
      return -1;
    }
    total += (ssize_t)iov[i].iov_len;
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
  struct ajar_conn *c = g->st->c;
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
      g->st->stream_rc = rc ? rc : AJAR_EPROTO;
      snprintf(g->st->stream_err, sizeof g->st->stream_err, "%s",
               rc ? c->err : "the peer closed the connection");
      errno = g->timed_out ? ETIMEDOUT : ECONNRESET;
      return -1;
    }
    if (gs_guard(g, (unsigned char *)iov[i].iov_base + off, got)) {
      g->st->stream_rc = AJAR_ETOOBIG;
      snprintf(g->st->stream_err, sizeof g->st->stream_err,
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

static mongoc_stream_t *initiator(const mongoc_uri_t *uri, const mongoc_host_list_t *host,
                                  void *ud, bson_error_t *error) {
  struct mstate *st = ud;
  struct gstream *g;
  int fd, rc;
  (void)uri;
  (void)host; /* whatever host libmongoc names: only the checked addresses */
  rc = probe_connect_tcp(st->c, &fd);
  if (rc) {
    st->stream_rc = rc;
    snprintf(st->stream_err, sizeof st->stream_err, "%s", st->c->err);
    bson_set_error(error, MONGOC_ERROR_STREAM, MONGOC_ERROR_STREAM_CONNECT, "%s",
                   st->c->err);
    return NULL;
  }
  if (!(g = calloc(1, sizeof *g))) {
    close(fd);
    bson_set_error(error, MONGOC_ERROR_STREAM, MONGOC_ERROR_STREAM_CONNECT, "no memory");
    return NULL;
  }
  g->st = st;
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

/* ---- the client ---------------------------------------------------------- */
static void mstate_close(struct mstate *st) {
  if (st->client)
    mongoc_client_destroy(st->client);
  if (st->uri)
    mongoc_uri_destroy(st->uri);
  st->client = NULL;
  st->uri = NULL;
}

static void mstate_free(void *p) {
  struct mstate *st = p;
  if (!st)
    return;
  mstate_close(st);
  free(st);
}

static int mongo_open(struct mstate *st, int with_creds) {
  struct ajar_conn *c = st->c;
  char uri[128], a[64];
  bson_error_t err;
  int64_t left = conn_left_ms(c);
  int32_t sock_ms = c->read_timeout_ms, conn_ms = c->connect_timeout_ms;
  mstate_close(st);
  if (left <= 0)
    return AJAR_ETIMEDOUT;
  tgt_addr_str(&c->addrs[0], a, sizeof a);
  /* the numeric address (our stream connects to the checked ones anyway) */
  snprintf(uri, sizeof uri, "mongodb://%s%s%s:%u/?directConnection=true",
           c->addrs[0].family == AF_INET6 ? "[" : "", a,
           c->addrs[0].family == AF_INET6 ? "]" : "", c->ep->port);
  if (!(st->uri = mongoc_uri_new_with_error(uri, &err))) {
    snprintf(c->err, sizeof c->err, "mongodb uri: %.150s", err.message);
    return AJAR_EINVAL;
  }
  mongoc_uri_set_option_as_int32(st->uri, MONGOC_URI_CONNECTTIMEOUTMS, conn_ms);
  mongoc_uri_set_option_as_int32(st->uri, MONGOC_URI_SOCKETTIMEOUTMS, sock_ms);
  mongoc_uri_set_option_as_int32(st->uri, MONGOC_URI_SERVERSELECTIONTIMEOUTMS,
                                 (int32_t)(left < conn_ms + sock_ms ? left : conn_ms + sock_ms));
  mongoc_uri_set_option_as_bool(st->uri, MONGOC_URI_SERVERSELECTIONTRYONCE, true);
  mongoc_uri_set_option_as_int32(st->uri, MONGOC_URI_MAXPOOLSIZE, 1);
  mongoc_uri_set_option_as_bool(st->uri, MONGOC_URI_RETRYREADS, false);
  mongoc_uri_set_option_as_bool(st->uri, MONGOC_URI_RETRYWRITES, false);
  mongoc_uri_set_appname(st->uri, "ajar (read-only audit)");
  if (with_creds) {
    mongoc_uri_set_username(st->uri, c->user);
    mongoc_uri_set_password(st->uri, c->password ? c->password : "");
    mongoc_uri_set_auth_source(st->uri, "admin");
  }
  if (!(st->client = mongoc_client_new_from_uri(st->uri)))
    return AJAR_ENOMEM;
  mongoc_client_set_error_api(st->client, MONGOC_ERROR_API_VERSION_2);
  mongoc_client_set_stream_initiator(st->client, initiator, st);
  return 0;
}

/* one command; 0 with *reply (bson_destroy it), else an AJAR_E* with
 * c->err set and *code the server's error code (0 when none) */
static int mcmd(struct mstate *st, const char *db, const bson_t *cmd, bson_t *reply,
                int *code) {
  struct ajar_conn *c = st->c;
  bson_error_t err;
  *code = 0;
  st->stream_rc = 0;
  if (conn_left_ms(c) <= 0) {
    bson_init(reply);
    snprintf(c->err, sizeof c->err, "the target deadline passed");
    return AJAR_ETIMEDOUT;
  }
  if (mongoc_client_command_simple(st->client, db, cmd, NULL, reply, &err))
    return 0;
  if (err.domain == MONGOC_ERROR_SERVER || err.domain == MONGOC_ERROR_QUERY) {
    *code = (int)err.code;
    snprintf(c->err, sizeof c->err, "%.200s", err.message);
    return *code == MONGO_UNAUTHORIZED ? AJAR_EAUTH : AJAR_EPROTO;
  }
  if (st->stream_rc) {
    snprintf(c->err, sizeof c->err, "%s", st->stream_err);
    return st->stream_rc;
  }
  snprintf(c->err, sizeof c->err, "%.200s", err.message);
  if (err.domain == MONGOC_ERROR_CLIENT && err.code == MONGOC_ERROR_CLIENT_AUTHENTICATE)
    return AJAR_EAUTH;
  if (strstr(err.message, "wire version"))
    return AJAR_EFORMAT; /* a MongoDB older than 3.6: libmongoc refuses it */
  return AJAR_EPROTO;
}

static int64_t bnum(const bson_t *doc, const char *path) {
  bson_iter_t it, f;
  if (!bson_iter_init(&it, doc) || !bson_iter_find_descendant(&it, path, &f))
    return -1;
  if (BSON_ITER_HOLDS_NUMBER(&f))
    return bson_iter_as_int64(&f);
  return -1;
}

static int needs_auth_listing(struct mstate *st, int *auth) {
  bson_t cmd, reply;
  int code, rc;
  *auth = 0;
  bson_init(&cmd);
  BSON_APPEND_INT32(&cmd, "listDatabases", 1);
  BSON_APPEND_BOOL(&cmd, "nameOnly", true);
  rc = mcmd(st, "admin", &cmd, &reply, &code);
  bson_destroy(&cmd);
  bson_destroy(&reply);
  if (rc == AJAR_EAUTH || code == MONGO_UNAUTHORIZED ||
      (rc == AJAR_EPROTO && strstr(st->c->err, "requires authentication"))) {
    *auth = 1;
    return 0;
  }
  return rc;
}

static int mongo_identify(struct ajar_conn *c, struct ajar_target_result *t) {
  struct mstate *st = calloc(1, sizeof *st);
  bson_t cmd, reply;
  bson_iter_t it;
  int rc, code, auth = 0;
  if (!st)
    return AJAR_ENOMEM;
  pthread_once(&mongo_once, mongo_init);
  st->c = c;
  probe_state_set(c, st, mstate_free);
  c->status = 0;
  c->tls = 0;
  t->tls = 0;
  if ((rc = mongo_open(st, 0)))
    goto fail;
  bson_init(&cmd);
  BSON_APPEND_INT32(&cmd, "hello", 1);
  rc = mcmd(st, "admin", &cmd, &reply, &code);
  bson_destroy(&cmd);
  if (rc == AJAR_EPROTO && code == MONGO_COMMAND_NOT_FOUND) { /* < 4.4.2 */
    bson_destroy(&reply);
    bson_init(&cmd);
    BSON_APPEND_INT32(&cmd, "isMaster", 1);
    rc = mcmd(st, "admin", &cmd, &reply, &code);
    bson_destroy(&cmd);
  }
  if (rc) {
    bson_destroy(&reply);
    /* our stream's own reason (a cap, a closed peer) stands; libmongoc's
     * handshake timeout is a timeout, not a verdict on the peer */
    if (rc == AJAR_EPROTO && !code && !st->stream_rc) {
      if (strstr(c->err, "timeout") || strstr(c->err, "timed out")) {
        snprintf(c->err, sizeof c->err, "timed out in the MongoDB handshake");
        rc = AJAR_ETIMEDOUT;
      } else {
        snprintf(c->err, sizeof c->err, "not MongoDB: no OP_MSG answer to hello");
      }
    }
    goto fail;
  }
  /* the shape of a hello answer, not just any reply */
  st->max_wire = (int)bnum(&reply, "maxWireVersion");
  if (st->max_wire < 0 ||
      !(bson_iter_init_find(&it, &reply, "isWritablePrimary") ||
        bson_iter_init_find(&it, &reply, "ismaster"))) {
    bson_destroy(&reply);
    snprintf(c->err, sizeof c->err, "not MongoDB: hello has no maxWireVersion");
    rc = AJAR_EPROTO;
    goto fail;
  }
  bson_destroy(&reply);
  if ((rc = probe_set_str(&t->store, "mongodb")))
    goto fail;
  bson_init(&cmd);
  BSON_APPEND_INT32(&cmd, "buildInfo", 1);
  if (!mcmd(st, "admin", &cmd, &reply, &code)) {
    if (bson_iter_init_find(&it, &reply, "version") && BSON_ITER_HOLDS_UTF8(&it))
      rc = probe_set_str(&t->version, bson_iter_utf8(&it, NULL));
    if (!rc && bson_iter_init_find(&it, &reply, "ferretdbVersion") &&
        BSON_ITER_HOLDS_UTF8(&it)) {
      char note[AJAR_MAX_ERROR];
      snprintf(note, sizeof note, "FerretDB %.40s (MongoDB wire protocol)",
               bson_iter_utf8(&it, NULL));
      rc = probe_set_str(&t->note, note);
    }
  }
  bson_destroy(&cmd);
  bson_destroy(&reply);
  if (rc || (rc = needs_auth_listing(st, &auth)))
    goto fail;
  if (!auth)
    return 0;
  t->auth_required = 1;
  if (!c->use_creds || !c->user)
    return 0;
  /* the credentials, on a new client */
  if ((rc = mongo_open(st, 1)))
    goto fail;
  rc = needs_auth_listing(st, &auth);
  if (rc == AJAR_EAUTH || (!rc && auth))
    return probe_set_str(&t->error, "the credentials given were refused");
  if (rc)
    goto fail;
  return 0;
fail:
  probe_state_set(c, NULL, NULL);
  return rc;
}

/* ---- enumerate ----------------------------------------------------------- */
static int system_db(const char *db) {
  return !strcmp(db, "admin") || !strcmp(db, "local") || !strcmp(db, "config");
}

static int add_collection(struct ajar_target_result *t, size_t *cap, const char *db,
                          const char *coll) {
  struct ajar_collection_result *cr;
  size_t n = strlen(db) + strlen(coll) + 2;
  if (t->n_collections == *cap) {
    size_t nc = *cap ? *cap * 2 : 16;
    struct ajar_collection_result *x = realloc(t->collections, nc * sizeof *x);
    if (!x)
      return AJAR_ENOMEM;
    t->collections = x;
    *cap = nc;
  }
  cr = &t->collections[t->n_collections];
  memset(cr, 0, sizeof *cr);
  if (!(cr->name = malloc(n)))
    return AJAR_ENOMEM;
  snprintf(cr->name, n, "%s.%s", db, coll);
  cr->records = cr->bytes = -1;
  t->n_collections++;
  return 0;
}

static void coll_stats(struct mstate *st, const char *db, const char *coll,
                       struct ajar_collection_result *cr) {
  bson_t cmd, reply;
  int code;
  bson_init(&cmd);
  BSON_APPEND_UTF8(&cmd, "collStats", coll);
  if (!mcmd(st, db, &cmd, &reply, &code)) {
    cr->records = bnum(&reply, "count");
    cr->bytes = bnum(&reply, "storageSize");
    if (cr->bytes < 0)
      cr->bytes = bnum(&reply, "size");
  }
  bson_destroy(&cmd);
  bson_destroy(&reply);
  if (cr->records >= 0)
    return;
  /* collStats is deprecated since 6.2: $collStats, then count */
  {
    bson_t *agg = BCON_NEW("aggregate", BCON_UTF8(coll), "pipeline", "[", "{",
                           "$collStats", "{", "storageStats", "{", "}", "}", "}", "]",
                           "cursor", "{", "}", "maxTimeMS",
                           BCON_INT32(st->c->read_timeout_ms));
    if (!mcmd(st, db, agg, &reply, &code)) {
      cr->records = bnum(&reply, "cursor.firstBatch.0.storageStats.count");
      cr->bytes = bnum(&reply, "cursor.firstBatch.0.storageStats.storageSize");
    }
    bson_destroy(agg);
    bson_destroy(&reply);
  }
  if (cr->records < 0) {
    bson_t *cnt = BCON_NEW("count", BCON_UTF8(coll), "maxTimeMS",
                           BCON_INT32(st->c->read_timeout_ms));
    if (!mcmd(st, db, cnt, &reply, &code))
      cr->records = bnum(&reply, "n");
    bson_destroy(cnt);
    bson_destroy(&reply);
  }
}

static int list_collections(struct mstate *st, const char *db, struct ajar_target_result *t,
                            size_t *cap, size_t *not_listed) {
  bson_t *cmd = BCON_NEW("listCollections", BCON_INT32(1), "cursor", "{", "batchSize",
                         BCON_INT32(AJAR_MAX_COLLECTIONS), "}");
  bson_t reply;
  bson_iter_t it, batch;
  int rc, code;
  rc = mcmd(st, db, cmd, &reply, &code);
  bson_destroy(cmd);
  if (rc) {
    bson_destroy(&reply);
    return rc;
  }
  if (bson_iter_init(&it, &reply) && bson_iter_find_descendant(&it, "cursor.firstBatch", &batch) &&
      BSON_ITER_HOLDS_ARRAY(&batch) && bson_iter_recurse(&batch, &it)) {
    while (bson_iter_next(&it) && !rc) {
      bson_iter_t d, f;
      const char *name = NULL, *type = "collection";
      if (!BSON_ITER_HOLDS_DOCUMENT(&it) || !bson_iter_recurse(&it, &d))
        continue;
      if (bson_iter_find(&d, "name") && BSON_ITER_HOLDS_UTF8(&d))
        name = bson_iter_utf8(&d, NULL);
      if (bson_iter_recurse(&it, &f) && bson_iter_find(&f, "type") && BSON_ITER_HOLDS_UTF8(&f))
        type = bson_iter_utf8(&f, NULL);
      if (!name || strcmp(type, "collection") ||
          (!strncmp(name, "system.", 7) && !st->c->include_system))
        continue; /* views and time series are read through their sources */
      if (t->n_collections >= AJAR_MAX_COLLECTIONS) {
        (*not_listed)++;
        continue;
      }
      if (!(rc = add_collection(t, cap, db, name))) {
        struct ajar_collection_result *cr = &t->collections[t->n_collections - 1];
        coll_stats(st, db, name, cr);
        if (probe_ransom_name(name) || probe_ransom_name(db))
          rc = probe_set_str(&cr->note, "looks wiped or ransomed: the name is a "
                                        "ransom note's");
      }
    }
  }
  if (bnum(&reply, "cursor.id") > 0)
    (*not_listed)++;
  bson_destroy(&reply);
  return rc;
}

static int by_name(const void *a, const void *b) {
  const struct ajar_collection_result *x = a, *y = b;
  return strcmp(x->name, y->name);
}

static int mongo_enumerate(struct ajar_conn *c, struct ajar_target_result *t) {
  struct mstate *st = c->state;
  bson_t cmd, reply;
  bson_iter_t it, dbs;
  size_t cap = 0, n_db = 0, not_listed = 0;
  int64_t data = 0;
  int rc, code;
  char note[AJAR_MAX_ERROR];
  if (!st)
    return AJAR_EINVAL;
  bson_init(&cmd);
  BSON_APPEND_INT32(&cmd, "listDatabases", 1);
  BSON_APPEND_BOOL(&cmd, "nameOnly", true);
  rc = mcmd(st, "admin", &cmd, &reply, &code);
  bson_destroy(&cmd);
  if (rc) {
    bson_destroy(&reply);
    return rc;
  }
  if (bson_iter_init_find(&it, &reply, "databases") && BSON_ITER_HOLDS_ARRAY(&it) &&
      bson_iter_recurse(&it, &dbs)) {
    while (bson_iter_next(&dbs) && !rc && conn_left_ms(c) > 0) {
      bson_iter_t d;
      const char *db;
      bson_t ds, dr;
      if (!BSON_ITER_HOLDS_DOCUMENT(&dbs) || !bson_iter_recurse(&dbs, &d) ||
          !bson_iter_find(&d, "name") || !BSON_ITER_HOLDS_UTF8(&d))
        continue;
      db = bson_iter_utf8(&d, NULL);
      if (system_db(db) && !c->include_system)
        continue;
      n_db++;
      bson_init(&ds);
      BSON_APPEND_INT32(&ds, "dbStats", 1);
      if (!mcmd(st, db, &ds, &dr, &code) && bnum(&dr, "dataSize") > 0)
        data += bnum(&dr, "dataSize");
      bson_destroy(&ds);
      bson_destroy(&dr);
      rc = list_collections(st, db, t, &cap, &not_listed);
      if (rc == AJAR_EAUTH || rc == AJAR_EPROTO)
        rc = 0; /* this database only */
      if (probe_ransom_name(db) && !t->n_collections)
        rc = add_collection(t, &cap, db, "(no collections)");
    }
  }
  bson_destroy(&reply);
  if (rc)
    return rc;
  if (t->n_collections > 1)
    qsort(t->collections, t->n_collections, sizeof *t->collections, by_name);
  snprintf(note, sizeof note, "%s%s%zu database(s), %lld bytes of data (dbStats)%s",
           t->note ? t->note : "", t->note ? "; " : "", n_db, (long long)data,
           not_listed ? "; more collections than listed" : "");
  return probe_set_str(&t->note, note);
}

/* ---- sample -------------------------------------------------------------- */
/* {"$date": x} -> x, {"$oid": x} -> x, ...: the document's own field paths */
static json_t *unwrap(json_t *v, int depth) {
  const char *k;
  json_t *x;
  size_t i;
  if (depth > AJAR_MAX_DEPTH)
    return v;
  if (json_is_object(v) && json_object_size(v) == 1) {
    json_object_foreach(v, k, x) {
      if (k[0] == '$' && (!strcmp(k, "$date") || !strcmp(k, "$oid") ||
                          !strcmp(k, "$numberDecimal") || !strcmp(k, "$numberLong") ||
                          !strcmp(k, "$numberDouble") || !strcmp(k, "$symbol") ||
                          !strcmp(k, "$uuid"))) {
        json_t *inner = json_incref(x);
        json_decref(v);
        return unwrap(inner, depth + 1);
      }
    }
  }
  if (json_is_object(v)) {
    void *iter = json_object_iter(v);
    while (iter) {
      json_t *child = json_object_iter_value(iter);
      /* set_new drops the object's reference to child (and takes nv's):
       * no decref of child here (a use-after-free; fuzz_probe_mongodb) */
      json_t *nv = unwrap(json_incref(child), depth + 1);
      json_object_iter_set_new(v, iter, nv);
      iter = json_object_iter_next(v, iter);
    }
  } else if (json_is_array(v)) {
    for (i = 0; i < json_array_size(v); i++) {
      json_t *child = json_array_get(v, i);
      json_array_set_new(v, i, unwrap(json_incref(child), depth + 1));
    }
  }
  return v;
}

static int feed_batch(struct mstate *st, const bson_t *reply, ajar_record_cb cb, void *ctx,
                      unsigned *fed, int *skipped) {
  bson_iter_t it, batch;
  int rc = 0;
  if (!bson_iter_init(&it, reply) || !bson_iter_find_descendant(&it, "cursor.firstBatch", &batch) ||
      !BSON_ITER_HOLDS_ARRAY(&batch) || !bson_iter_recurse(&batch, &it))
    return 0;
  while (bson_iter_next(&it) && !rc && *fed < st->c->sample) {
    const uint8_t *data;
    uint32_t len;
    bson_t doc;
    char *js, *out;
    size_t jl;
    json_t *j;
    if (!BSON_ITER_HOLDS_DOCUMENT(&it))
      continue;
    bson_iter_document(&it, &len, &data);
    if (!bson_init_static(&doc, data, len) ||
        !(js = bson_as_relaxed_extended_json(&doc, &jl))) {
      (*skipped)++;
      continue;
    }
    if (jl > AJAR_MAX_RECORD) {
      bson_free(js);
      (*skipped)++;
      continue;
    }
    j = json_loadb(js, jl, 0, NULL);
    out = j ? json_dumps((j = unwrap(j, 0)), JSON_COMPACT) : NULL;
    json_decref(j);
    (*fed)++;
    rc = out ? cb(ctx, out, strlen(out)) : cb(ctx, js, jl);
    free(out);
    bson_free(js);
  }
  return rc;
}

static int mongo_sample(struct ajar_conn *c, struct ajar_collection_result *coll,
                        ajar_record_cb cb, void *ctx) {
  struct mstate *st = c->state;
  char db[256];
  const char *dot, *name;
  bson_t *cmd, reply;
  unsigned fed = 0;
  int rc, code, skipped = 0;
  int32_t n = (int32_t)(c->sample < AJAR_MAX_SAMPLE ? c->sample : AJAR_MAX_SAMPLE);
  int32_t mt = c->read_timeout_ms;
  if (!st || !c->sample || !(dot = strchr(coll->name, '.')) ||
      (size_t)(dot - coll->name) >= sizeof db || coll->records == 0)
    return 0;
  memcpy(db, coll->name, (size_t)(dot - coll->name));
  db[dot - coll->name] = 0;
  name = dot + 1;
  cmd = BCON_NEW("aggregate", BCON_UTF8(name), "pipeline", "[", "{", "$sample", "{", "size",
                 BCON_INT32(n), "}", "}", "]", "cursor", "{", "batchSize", BCON_INT32(n), "}",
                 "maxTimeMS", BCON_INT32(mt));
  rc = mcmd(st, db, cmd, &reply, &code);
  bson_destroy(cmd);
  if (rc == AJAR_EPROTO) { /* no $sample (old or compatible servers): find */
    bson_destroy(&reply);
    cmd = BCON_NEW("find", BCON_UTF8(name), "limit", BCON_INT32(n), "batchSize",
                   BCON_INT32(n), "singleBatch", BCON_BOOL(true), "maxTimeMS", BCON_INT32(mt));
    rc = mcmd(st, db, cmd, &reply, &code);
    bson_destroy(cmd);
  }
  if (!rc)
    rc = feed_batch(st, &reply, cb, ctx, &fed, &skipped);
  bson_destroy(&reply);
  if (!rc && skipped) {
    char note[AJAR_MAX_ERROR];
    snprintf(note, sizeof note, "%s%sdocuments over the size cap were skipped",
             coll->note ? coll->note : "", coll->note ? "; " : "");
    rc = probe_set_str(&coll->note, note);
  }
  return rc;
}

const struct ajar_probe ajar_probe_mongodb = {
    .name = "mongodb",
    .ports = mongodb_ports,
    .identify = mongo_identify,
    .enumerate = mongo_enumerate,
    .sample = mongo_sample,
    .help = "MongoDB (OP_MSG, libmongoc): version, auth, databases, collections "
            "with counts and sizes, a $sample (or find) of each (read-only "
            "commands only)",
    .flags = AJAR_PROBE_NATIVE,
};
