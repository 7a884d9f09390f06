/* Redis (RESP2 over plain TCP).
 *
 * The requests this probe may send, nothing else (one at a time, never
 * KEYS, never a write):
 *   INFO server
 *   INFO keyspace
 *   AUTH PASSWORD | AUTH USER PASSWORD   (only with credentials the user
 *                                         gave, only after a refusal, and
 *                                         only with
 *                                         --allow-cleartext-password: AUTH
 *                                         is in clear)
 *   SELECT N                             (databases INFO keyspace lists)
 *   DBSIZE
 *   SCAN CURSOR COUNT 100
 *   TYPE KEY
 *   STRLEN KEY, then GET KEY             (only when STRLEN is under the cap)
 *   HSCAN KEY CURSOR COUNT 100
 *   SSCAN KEY CURSOR COUNT 100
 *   LRANGE KEY 0 N-1
 *   ZRANGE KEY 0 N-1 WITHSCORES
 *   XRANGE KEY - + COUNT N
 *   LLEN KEY, SCARD KEY, ZCARD KEY, XLEN KEY  (single-key collections)
 *   MEMORY USAGE KEY                     (the sampled keys: a collection's
 *                                         bytes when every key was sampled,
 *                                         else a note; Redis >= 4)
 *
 * hiredis (0.14, Debian's) formats the commands and parses the replies;
 * the socket is ours (net.c: the checked address, the scope, per-read
 * timeouts and the endpoint's deadline). hiredis 0.14's reader trusts
 * the lengths on the wire (CVE-2021-32765), so every byte passes the RESP
 * framing guard first (resp.c), and a reply is cut at AJAR_MAX_RESPONSE
 * bytes. Debian's hiredis 0.14 has no TLS: a Redis
 * that speaks only TLS (6380) is reported as such, not read.
 *
 * Keys are grouped into collections by prefix (keygroups.h); a group's
 * records are the keys SCAN saw (a note says when the scan stopped
 * early); a collection of one list, set, sorted set or stream key counts
 * and samples its elements.
 */
#include <hiredis/hiredis.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "probe/keygroups.h"
#include "probe/probe_util.h"
#include "probe/resp.h"

static const uint16_t redis_ports[] = {6379, 6380, 0};

struct rconn {
  struct ajar_conn *c;
  int fd;
  redisReader *rd;
  int db;               /* the database selected on fd */
  int authed;           /* AUTH succeeded (re-sent on a new connection) */
  struct resp_guard guard; /* framing check of every byte read (resp.c) */
  size_t reply_bytes;
  /* what enumerate found, for sample */
  struct kg_set kg;
  int scan_partial;
};

static void rconn_close(struct rconn *r) {
  if (r->fd >= 0)
    close(r->fd);
  r->fd = -1;
  if (r->rd)
    redisReaderFree(r->rd);
  r->rd = NULL;
  resp_guard_reset(&r->guard);
  r->reply_bytes = 0;
}

static void rconn_free(void *p) {
  struct rconn *r = p;
  if (!r)
    return;
  rconn_close(r);
  kg_clear(&r->kg);
  free(r);
}

static int rconn_open(struct rconn *r);

/* One command, one reply (*out, freeReplyObject it). 0, or an AJAR_E*
 * with c->err set; after a failure the connection is closed (the next
 * command opens a new one). */
static int rcmd(struct rconn *r, redisReply **out, int argc, const char **argv) {
  struct ajar_conn *c = r->c;
  size_t lens[8];
  char *cmd = NULL, buf[16384];
  int i, n, rc;
  void *reply = NULL;
  *out = NULL;
  if (argc > 8)
    return AJAR_EINVAL;
  if (r->fd < 0 && (rc = rconn_open(r)))
    return rc;
  for (i = 0; i < argc; i++)
    lens[i] = strlen(argv[i]);
  n = redisFormatCommandArgv(&cmd, argc, argv, lens);
  if (n < 0)
    return AJAR_ENOMEM;
  rc = probe_send_all(c, r->fd, cmd, (size_t)n);
  free(cmd);
  r->reply_bytes = 0;
  while (!rc) {
    size_t got;
    if (redisReaderGetReply(r->rd, &reply) != REDIS_OK) {
      snprintf(c->err, sizeof c->err, "not a Redis reply (%.100s)", r->rd->errstr);
      rc = AJAR_EPROTO;
      break;
    }
    if (reply)
      break;
    if ((rc = probe_recv(c, r->fd, buf, sizeof buf, &got)))
      break;
    if (!got) {
      snprintf(c->err, sizeof c->err, "the peer closed the connection");
      rc = AJAR_EPROTO;
      break;
    }
    r->reply_bytes += got;
    if ((rc = resp_guard_feed(&r->guard, buf, got)) || r->reply_bytes > AJAR_MAX_RESPONSE) {
      if (!rc || rc == AJAR_ETOOBIG) {
        rc = AJAR_ETOOBIG;
        snprintf(c->err, sizeof c->err, "a reply was over the cap (%u MiB, %d elements)",
                 AJAR_MAX_RESPONSE >> 20, AJAR_MAX_REDIS_ARRAY);
      } else {
        snprintf(c->err, sizeof c->err, "not a Redis reply");
      }
      break;
    }
    if (redisReaderFeed(r->rd, buf, got) != REDIS_OK)
      rc = AJAR_ENOMEM;
  }
  if (rc) {
    if (reply)
      freeReplyObject(reply);
    rconn_close(r);
    return rc;
  }
  *out = reply;
  return 0;
}

static int rcmd1(struct rconn *r, redisReply **out, const char *a) {
  const char *v[] = {a};
  return rcmd(r, out, 1, v);
}
static int rcmd2(struct rconn *r, redisReply **out, const char *a, const char *b) {
  const char *v[] = {a, b};
  return rcmd(r, out, 2, v);
}

static int is_err(const redisReply *y, const char *prefix) {
  return y && y->type == REDIS_REPLY_ERROR && y->str &&
         !strncmp(y->str, prefix, strlen(prefix));
}

/* the errors of a Redis that wants a password, or whose ACL forbids */
static int auth_error(const redisReply *y) {
  return is_err(y, "NOAUTH") || is_err(y, "DENIED") || is_err(y, "NOPERM") ||
         is_err(y, "ERR operation not permitted") || is_err(y, "WRONGPASS");
}

static int send_auth(struct rconn *r) {
  struct ajar_conn *c = r->c;
  redisReply *y = NULL;
  int rc;
  /* AUTH carries the password as it is, and this hiredis has no TLS */
  if ((rc = probe_cleartext_ok(c, "Redis AUTH over plain TCP")))
    return rc;
  if (c->user && *c->user && strcmp(c->user, "default")) {
    const char *v[] = {"AUTH", c->user, c->password ? c->password : ""};
    rc = rcmd(r, &y, 3, v);
  } else {
    rc = rcmd2(r, &y, "AUTH", c->password ? c->password : "");
  }
  if (!rc && y->type == REDIS_REPLY_STATUS && !strcmp(y->str, "OK"))
    r->authed = 1;
  else if (!rc)
    rc = AJAR_EAUTH;
  if (y)
    freeReplyObject(y);
  return rc;
}

static int rconn_open(struct rconn *r) {
  struct ajar_conn *c = r->c;
  int rc = probe_connect_tcp(c, &r->fd), db = r->db;
  if (rc)
    return rc;
  if (!(r->rd = redisReaderCreate())) {
    rconn_close(r);
    return AJAR_ENOMEM;
  }
  r->db = 0;
  if (r->authed && (rc = send_auth(r)))
    return rc;
  if (db) {
    char s[16];
    redisReply *y = NULL;
    snprintf(s, sizeof s, "%d", db);
    if ((rc = rcmd2(r, &y, "SELECT", s)))
      return rc;
    if (y->type == REDIS_REPLY_STATUS)
      r->db = db;
    freeReplyObject(y);
  }
  return 0;
}

static int rselect(struct rconn *r, int db) {
  char s[16];
  redisReply *y = NULL;
  int rc;
  if (r->fd >= 0 && r->db == db)
    return 0;
  if (r->fd < 0) {
    r->db = db; /* rconn_open selects it */
    return rconn_open(r);
  }
  snprintf(s, sizeof s, "%d", db);
  if ((rc = rcmd2(r, &y, "SELECT", s)))
    return rc;
  rc = y->type == REDIS_REPLY_STATUS ? 0 : AJAR_EPROTO;
  if (rc)
    snprintf(r->c->err, sizeof r->c->err, "SELECT %d refused", db);
  else
    r->db = db;
  freeReplyObject(y);
  return rc;
}

/* "field:value" out of an INFO text */
static int info_field(const char *info, const char *field, char *out, size_t n) {
  size_t k = strlen(field);
  const char *p = info;
  while (p && *p) {
    if (!strncmp(p, field, k) && p[k] == ':') {
      size_t v = strcspn(p + k + 1, "\r\n");
      if (v >= n)
        v = n - 1;
      memcpy(out, p + k + 1, v);
      out[v] = 0;
      return 1;
    }
    p = strchr(p, '\n');
    if (p)
      p++;
  }
  return 0;
}

static int redis_identify(struct ajar_conn *c, struct ajar_target_result *t) {
  struct rconn *r = calloc(1, sizeof *r);
  redisReply *y = NULL;
  char version[64], mode[32], note[AJAR_MAX_ERROR] = "";
  int rc;
  if (!r)
    return AJAR_ENOMEM;
  r->c = c;
  r->fd = -1;
  probe_state_set(c, r, rconn_free);
  c->http.status = 0;
  c->tls = 0;
  t->tls = 0;
  rc = rcmd2(r, &y, "INFO", "server");
  if (rc == AJAR_EPROTO && !c->answered && c->ep->port == 6380 && !c->by_fingerprint) {
    snprintf(c->err, sizeof c->err,
             "the peer closed the connection without a word: if this is Redis "
             "over TLS, ajar cannot read it (its Redis client, hiredis 0.14, "
             "has no TLS)");
    rc = AJAR_EFORMAT;
  }
  if (rc)
    goto fail;
  if (auth_error(y)) {
    int denied = is_err(y, "DENIED");
    if ((rc = probe_set_str(&t->store, "redis")))
      goto fail;
    t->auth_required = 1;
    if (denied)
      snprintf(note, sizeof note, "protected mode: Redis refuses clients that are "
                                  "not local (DENIED)");
    else if (is_err(y, "NOPERM"))
      snprintf(note, sizeof note, "the ACL of the default user forbids INFO (NOPERM)");
    freeReplyObject(y);
    y = NULL;
    if (note[0] && (rc = probe_set_str(&t->note, note)))
      goto fail;
    if (!c->use_creds || !c->user)
      return 0;
    rc = send_auth(r);
    if (rc == AJAR_EAUTH)
      return probe_set_str(&t->error, "the credentials given were refused (AUTH)");
    if (rc || (rc = rcmd2(r, &y, "INFO", "server")))
      goto fail;
  }
  if (y->type != REDIS_REPLY_STRING || !y->str || !strstr(y->str, "redis_version:") ||
      !info_field(y->str, "redis_version", version, sizeof version)) {
    snprintf(c->err, sizeof c->err, "not Redis: INFO has no redis_version");
    rc = AJAR_EPROTO;
    goto fail;
  }
  if ((rc = probe_set_str(&t->store, "redis")) || (rc = probe_set_str(&t->version, version)))
    goto fail;
  if (info_field(y->str, "redis_mode", mode, sizeof mode) && !strcmp(mode, "cluster"))
    rc = probe_set_str(&t->note, "cluster mode: only this node's keys are listed");
  freeReplyObject(y);
  return rc;
fail:
  if (y)
    freeReplyObject(y);
  probe_state_set(c, NULL, NULL);
  return rc;
}

/* ---- enumerate ----------------------------------------------------------- */
struct dbinfo {
  int db;
  int64_t keys;
};

static size_t parse_keyspace(const char *s, struct dbinfo *out, size_t cap) {
  size_t n = 0;
  const char *p = s;
  while (p && *p && n < cap) {
    int db;
    long long keys;
    if (sscanf(p, "db%d:keys=%lld", &db, &keys) == 2 && db >= 0 && keys >= 0) {
      out[n].db = db;
      out[n].keys = keys;
      n++;
    }
    p = strchr(p, '\n');
    if (p)
      p++;
  }
  return n;
}

static int scan_db(struct rconn *r, int db, int64_t stop_at, int *calls) {
  struct ajar_conn *c = r->c;
  char cursor[32] = "0";
  int rc = rselect(r, db);
  do {
    redisReply *y = NULL;
    size_t i;
    const char *v[] = {"SCAN", cursor, "COUNT", "100"};
    if (rc)
      return rc;
    if (r->kg.keys >= AJAR_MAX_REDIS_SCAN || *calls >= AJAR_MAX_REDIS_SCAN_CALLS ||
        ajar_now_ms() >= stop_at) {
      r->scan_partial = 1;
      return 0;
    }
    (*calls)++;
    if ((rc = rcmd(r, &y, 4, v)))
      return rc;
    if (y->type != REDIS_REPLY_ARRAY || y->elements != 2 ||
        y->element[0]->type != REDIS_REPLY_STRING ||
        y->element[1]->type != REDIS_REPLY_ARRAY ||
        y->element[0]->len >= sizeof cursor) {
      snprintf(c->err, sizeof c->err, "unexpected SCAN reply");
      freeReplyObject(y);
      return AJAR_EPROTO;
    }
    memcpy(cursor, y->element[0]->str, y->element[0]->len);
    cursor[y->element[0]->len] = 0;
    for (i = 0; i < y->element[1]->elements && !rc; i++) {
      redisReply *k = y->element[1]->element[i];
      if (k->type == REDIS_REPLY_STRING)
        rc = kg_add(&r->kg, db, k->str, k->len, -1, c->sample);
    }
    freeReplyObject(y);
  } while (!rc && strcmp(cursor, "0"));
  return rc;
}

static int64_t int_reply(struct rconn *r, const char *cmd, const char *key) {
  redisReply *y = NULL;
  int64_t v = -1;
  if (rcmd2(r, &y, cmd, key))
    return -1;
  if (y->type == REDIS_REPLY_INTEGER)
    v = y->integer;
  freeReplyObject(y);
  return v;
}

/* the key's type: "string", "hash", ... into out ("" when unknown) */
static int key_type(struct rconn *r, const char *key, char *out, size_t n) {
  redisReply *y = NULL;
  int rc = rcmd2(r, &y, "TYPE", key);
  out[0] = 0;
  if (rc)
    return rc;
  if (y->type == REDIS_REPLY_STATUS && y->str)
    snprintf(out, n, "%s", y->str);
  freeReplyObject(y);
  return 0;
}

static const char *len_cmd(const char *type) {
  return !strcmp(type, "list")   ? "LLEN"
         : !strcmp(type, "set")  ? "SCARD"
         : !strcmp(type, "zset") ? "ZCARD"
         : !strcmp(type, "stream") ? "XLEN" : NULL;
}

static int redis_enumerate(struct ajar_conn *c, struct ajar_target_result *t) {
  struct rconn *r = c->state;
  struct dbinfo dbs[AJAR_MAX_REDIS_DBS];
  redisReply *y = NULL;
  size_t n_db, i;
  int64_t total = 0, stop_at;
  int rc, calls = 0;
  if (!r)
    return AJAR_EINVAL;
  if ((rc = rcmd2(r, &y, "INFO", "keyspace")))
    return rc;
  if (y->type != REDIS_REPLY_STRING) {
    snprintf(c->err, sizeof c->err, "%s", auth_error(y) ? "INFO keyspace was refused"
                                                        : "unexpected INFO keyspace reply");
    rc = auth_error(y) ? AJAR_EAUTH : AJAR_EPROTO;
    freeReplyObject(y);
    return rc;
  }
  n_db = parse_keyspace(y->str, dbs, AJAR_MAX_REDIS_DBS);
  freeReplyObject(y);
  /* half of what is left for listing keys, the rest for sampling */
  stop_at = ajar_now_ms() + conn_left_ms(c) / 2;
  for (i = 0; i < n_db && !rc; i++) {
    redisReply *d = NULL;
    if ((rc = rselect(r, dbs[i].db)))
      break;
    if (!rcmd1(r, &d, "DBSIZE")) { /* the total, as the store counts it */
      if (d->type == REDIS_REPLY_INTEGER)
        dbs[i].keys = d->integer;
      freeReplyObject(d);
    }
    total += dbs[i].keys;
    rc = scan_db(r, dbs[i].db, stop_at, &calls);
  }
  if (rc && !r->kg.n)
    return rc;
  rc = 0;
  if ((rc = kg_collections(&r->kg, t)))
    return rc;
  for (i = 0; i < r->kg.n && !rc; i++) {
    const struct kg_group *g = &r->kg.g[i];
    struct ajar_collection_result *cr = &t->collections[i];
    if (g->keys == 1 && !rselect(r, g->db)) {
      char type[32];
      const char *lc;
      if (!key_type(r, g->first_key, type, sizeof type) && (lc = len_cmd(type)))
        cr->records = int_reply(r, lc, g->first_key);
    }
    if (probe_ransom_name(g->first_key) || (*g->prefix && probe_ransom_name(g->prefix)))
      rc = probe_set_str(&cr->note, "looks wiped or ransomed: a key name is a "
                                    "ransom note's");
    else if (r->scan_partial && g->keys > 1)
      rc = probe_set_str(&cr->note, "records: the keys a partial SCAN saw");
  }
  if (!rc)
    rc = probe_note_add(&t->note, "%lld keys (DBSIZE), %llu scanned%s%s", (long long)total,
                        (unsigned long long)r->kg.keys,
                        r->scan_partial ? " (SCAN stopped at a cap or the deadline)" : "",
                        r->kg.overflow ? "; more key prefixes than collections reported"
                                       : "");
  return rc;
}

/* ---- sample -------------------------------------------------------------- */
/* a value as JSON: parsed when it is a JSON object or array, else a string */
static json_t *value_json(const char *s, size_t n) {
  json_t *v = NULL;
  if (n && (s[0] == '{' || s[0] == '['))
    v = json_loadb(s, n, JSON_DECODE_ANY, NULL);
  return v ? v : json_stringn_nocheck(s, n);
}

static int emit(json_t *rec, ajar_record_cb cb, void *ctx, unsigned *fed,
                int *too_big) {
  char *s;
  size_t n;
  int rc = 0;
  if (!rec)
    return AJAR_ENOMEM;
  s = json_dumps(rec, JSON_COMPACT | JSON_ENCODE_ANY);
  json_decref(rec);
  if (!s)
    return AJAR_ENOMEM;
  n = strlen(s);
  if (n > AJAR_MAX_RECORD)
    *too_big = 1;
  else {
    (*fed)++;
    rc = cb(ctx, s, n);
  }
  free(s);
  return rc;
}

/* HSCAN/SSCAN the key into an object (pairs) or array (members), bounded */
static int scan_members(struct rconn *r, const char *cmd, const char *key,
                        unsigned max, json_t *into) {
  char cursor[32] = "0";
  int calls = 0, rc = 0;
  size_t have = 0;
  do {
    redisReply *y = NULL;
    size_t i;
    const char *v[] = {cmd, key, cursor, "COUNT", "100"};
    if ((rc = rcmd(r, &y, 5, v)))
      return rc;
    if (y->type != REDIS_REPLY_ARRAY || y->elements != 2 ||
        y->element[0]->type != REDIS_REPLY_STRING ||
        y->element[1]->type != REDIS_REPLY_ARRAY || y->element[0]->len >= sizeof cursor) {
      freeReplyObject(y);
      return 0; /* the key changed type or is gone */
    }
    memcpy(cursor, y->element[0]->str, y->element[0]->len);
    cursor[y->element[0]->len] = 0;
    if (json_is_object(into)) {
      for (i = 0; i + 1 < y->element[1]->elements && have < max; i += 2, have++) {
        redisReply *f = y->element[1]->element[i], *val = y->element[1]->element[i + 1];
        char fname[AJAR_MAX_KEY + 1];
        size_t fl;
        if (f->type != REDIS_REPLY_STRING || val->type != REDIS_REPLY_STRING)
          continue;
        fl = f->len < AJAR_MAX_KEY ? f->len : AJAR_MAX_KEY;
        memcpy(fname, f->str, fl);
        fname[fl] = 0;
        json_object_set_new(into, fname, value_json(val->str, val->len));
      }
    } else {
      for (i = 0; i < y->element[1]->elements && have < max; i++, have++) {
        redisReply *m = y->element[1]->element[i];
        if (m->type == REDIS_REPLY_STRING)
          json_array_append_new(into, value_json(m->str, m->len));
      }
    }
    freeReplyObject(y);
  } while (strcmp(cursor, "0") && have < max && ++calls < AJAR_MAX_REDIS_SCAN_CALLS);
  return rc;
}

/* LRANGE / ZRANGE WITHSCORES / XRANGE into an array of values */
static int range_members(struct rconn *r, const char *type, const char *key,
                         unsigned max, json_t *into) {
  char last[32];
  redisReply *y = NULL;
  size_t i;
  int rc;
  snprintf(last, sizeof last, "%u", max ? max - 1 : 0);
  if (!strcmp(type, "list")) {
    const char *v[] = {"LRANGE", key, "0", last};
    rc = rcmd(r, &y, 4, v);
  } else if (!strcmp(type, "zset")) {
    const char *v[] = {"ZRANGE", key, "0", last, "WITHSCORES"};
    rc = rcmd(r, &y, 5, v);
  } else {
    char cnt[32];
    const char *v[] = {"XRANGE", key, "-", "+", "COUNT", cnt};
    snprintf(cnt, sizeof cnt, "%u", max);
    rc = rcmd(r, &y, 6, v);
  }
  if (rc)
    return rc;
  if (y->type == REDIS_REPLY_ARRAY) {
    if (!strcmp(type, "list")) {
      for (i = 0; i < y->elements && i < max; i++)
        if (y->element[i]->type == REDIS_REPLY_STRING)
          json_array_append_new(into, value_json(y->element[i]->str, y->element[i]->len));
    } else if (!strcmp(type, "zset")) {
      for (i = 0; i + 1 < y->elements && i / 2 < max; i += 2)
        if (y->element[i]->type == REDIS_REPLY_STRING)
          json_array_append_new(into, json_pack("{s:o,s:s#}", "member",
                                                value_json(y->element[i]->str, y->element[i]->len),
                                                "score", y->element[i + 1]->str ? y->element[i + 1]->str : "",
                                                (int)y->element[i + 1]->len));
    } else {
      for (i = 0; i < y->elements && i < max; i++) {
        redisReply *e = y->element[i];
        json_t *o;
        size_t k;
        if (e->type != REDIS_REPLY_ARRAY || e->elements != 2 ||
            e->element[1]->type != REDIS_REPLY_ARRAY)
          continue;
        o = json_object();
        for (k = 0; k + 1 < e->element[1]->elements; k += 2) {
          redisReply *f = e->element[1]->element[k], *v = e->element[1]->element[k + 1];
          char fname[AJAR_MAX_KEY + 1];
          size_t fl;
          if (f->type != REDIS_REPLY_STRING || v->type != REDIS_REPLY_STRING)
            continue;
          fl = f->len < AJAR_MAX_KEY ? f->len : AJAR_MAX_KEY;
          memcpy(fname, f->str, fl);
          fname[fl] = 0;
          json_object_set_new(o, fname, value_json(v->str, v->len));
        }
        json_array_append_new(into, o);
      }
    }
  }
  freeReplyObject(y);
  return 0;
}

/* one key as one record: {"_key": KEY, ...}; *skipped when unreadable */
static int key_record(struct rconn *r, const char *key, ajar_record_cb cb, void *ctx,
                      unsigned *fed, int *too_big, int *other_type) {
  char type[32];
  json_t *rec = NULL;
  int rc = key_type(r, key, type, sizeof type);
  if (rc)
    return rc;
  if (!strcmp(type, "string")) {
    redisReply *y = NULL;
    int64_t len = int_reply(r, "STRLEN", key);
    if (len < 0)
      return 0;
    if (len > (int64_t)AJAR_MAX_RESPONSE - 64 || len > (int64_t)AJAR_MAX_RECORD) {
      *too_big = 1;
      return 0;
    }
    if ((rc = rcmd2(r, &y, "GET", key)))
      return rc;
    if (y->type == REDIS_REPLY_STRING) {
      json_t *v = value_json(y->str, y->len);
      if (json_is_object(v) || json_is_array(v)) {
        rec = v; /* a JSON value is the record itself */
      } else {
        rec = json_object();
        json_object_set_new(rec, "_key", json_string_nocheck(key));
        json_object_set_new(rec, "value", v);
      }
    }
    freeReplyObject(y);
  } else if (!strcmp(type, "hash")) {
    rec = json_object();
    if ((rc = scan_members(r, "HSCAN", key, AJAR_MAX_REDIS_FIELDS, rec))) {
      json_decref(rec);
      return rc;
    }
    /* a field of the hash named _key wins over the key's name */
    if (!json_object_get(rec, "_key"))
      json_object_set_new(rec, "_key", json_string_nocheck(key));
  } else if (!strcmp(type, "set") || !strcmp(type, "list") || !strcmp(type, "zset") ||
             !strcmp(type, "stream")) {
    json_t *vals = json_array();
    rc = !strcmp(type, "set") ? scan_members(r, "SSCAN", key, 20, vals)
                              : range_members(r, type, key, 20, vals);
    if (rc) {
      json_decref(vals);
      return rc;
    }
    rec = json_pack("{s:s,s:o}", "_key", key, "values", vals);
  } else if (type[0] && strcmp(type, "none")) {
    *other_type = 1;
  }
  return rec ? emit(rec, cb, ctx, fed, too_big) : 0;
}

/* bytes of the sampled keys by MEMORY USAGE (cheap: Redis samples a few
 * elements of a big key): the collection's bytes when the sample is the
 * whole group, else a note. A refusal (ACL, Redis < 4) leaves both alone. */
static int memory_usage(struct rconn *r, const struct kg_group *g,
                        struct ajar_collection_result *coll) {
  int64_t sum = 0;
  size_t i, got = 0;
  for (i = 0; i < g->n_sample; i++) {
    const char *v[] = {"MEMORY", "USAGE", g->sample[i]};
    redisReply *y = NULL;
    int rc = rcmd(r, &y, 3, v), ok;
    if (rc)
      return rc == AJAR_ENOMEM ? rc : 0;
    ok = y->type == REDIS_REPLY_INTEGER && y->integer >= 0;
    if (ok) {
      sum += y->integer;
      got++;
    }
    freeReplyObject(y);
    if (!ok)
      break; /* refused, or not a number: stop asking */
  }
  if (!got)
    return 0;
  if (got == (size_t)g->keys) {
    coll->bytes = sum;
    return 0;
  }
  return probe_note_add(&coll->note, "%zu sampled key(s) use %lld bytes (MEMORY USAGE)",
                        got, (long long)sum);
}

static int redis_sample(struct ajar_conn *c, struct ajar_collection_result *coll,
                        ajar_record_cb cb, void *ctx) {
  struct rconn *r = c->state;
  const struct kg_group *g;
  unsigned fed = 0;
  int rc, too_big = 0, other = 0;
  size_t i;
  if (!r || !(g = kg_find(&r->kg, coll->name)) || !c->sample)
    return 0;
  if ((rc = rselect(r, g->db)))
    return rc;
  if (g->keys == 1) { /* a single key: its elements are the records */
    char type[32];
    if ((rc = key_type(r, g->first_key, type, sizeof type)))
      return rc;
    if (len_cmd(type)) {
      json_t *vals = json_array();
      rc = !strcmp(type, "set") ? scan_members(r, "SSCAN", g->first_key, c->sample, vals)
                                : range_members(r, type, g->first_key, c->sample, vals);
      for (i = 0; !rc && i < json_array_size(vals); i++) {
        json_t *v = json_array_get(vals, i), *rec;
        if (json_is_object(v) || json_is_array(v))
          rec = json_incref(v);
        else if (!strcmp(type, "set"))
          rec = json_pack("{s:O}", "member", v);
        else
          rec = json_pack("{s:O}", "value", v);
        rc = emit(rec, cb, ctx, &fed, &too_big);
      }
      json_decref(vals);
      return rc ? rc : memory_usage(r, g, coll);
    }
  }
  for (i = 0; i < g->n_sample && fed < c->sample && !rc; i++)
    rc = key_record(r, g->sample[i], cb, ctx, &fed, &too_big, &other);
  if (!rc)
    rc = memory_usage(r, g, coll);
  if (!rc && (too_big || other)) {
    if (probe_note_add(&coll->note, "%s",
                       too_big ? "values over the size cap were skipped"
                               : "keys of module types (not sampled)"))
      return AJAR_ENOMEM;
  }
  return rc;
}

const struct ajar_probe ajar_probe_redis = {
    .name = "redis",
    .ports = redis_ports,
    .identify = redis_identify,
    .enumerate = redis_enumerate,
    .sample = redis_sample,
    .help = "Redis: version, auth (NOAUTH, protected mode, ACL), keys by SCAN "
            "grouped by prefix, bounded reads by type (never KEYS, no writes)",
    .flags = AJAR_PROBE_NATIVE | AJAR_PROBE_LINE,
};
