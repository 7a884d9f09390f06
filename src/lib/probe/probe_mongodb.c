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
 * Bounds: libmongoc reads through our stream (mongo_wire.c): only the
 * endpoint's checked addresses, the read timeout and the deadline, and a
 * framing check of every wire message and document before libmongoc
 * parses it. The URI
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
#include <jansson.h>
#include <mongoc/mongoc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "probe/mongo_lib.h"
#include "probe/mongo_wire.h"
#include "probe/probe_util.h"

static const uint16_t mongodb_ports[] = {27017, 0};

#define MONGO_UNAUTHORIZED 13
#define MONGO_COMMAND_NOT_FOUND 59

struct mstate {
  const struct mongo_lib *m; /* libmongoc (mongo_lib.c) */
  struct ajar_conn *c;
  mongoc_client_t *client;
  mongoc_uri_t *uri;
  struct mongo_wire wire; /* our stream's link to c, and why it failed */
  int max_wire;
  char **dbs;           /* for sample: collection name -> db */
};


/* ---- the client ---------------------------------------------------------- */
static void mstate_close(struct mstate *st) {
  if (st->client)
    st->m->client_destroy(st->client);
  if (st->uri)
    st->m->uri_destroy(st->uri);
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
  if (!(st->uri = st->m->uri_new_with_error(uri, &err))) {
    snprintf(c->err, sizeof c->err, "mongodb uri: %.150s", err.message);
    return AJAR_EINVAL;
  }
  st->m->uri_set_option_as_int32(st->uri, MONGOC_URI_CONNECTTIMEOUTMS, conn_ms);
  st->m->uri_set_option_as_int32(st->uri, MONGOC_URI_SOCKETTIMEOUTMS, sock_ms);
  st->m->uri_set_option_as_int32(st->uri, MONGOC_URI_SERVERSELECTIONTIMEOUTMS,
                                 (int32_t)(left < conn_ms + sock_ms ? left : conn_ms + sock_ms));
  st->m->uri_set_option_as_bool(st->uri, MONGOC_URI_SERVERSELECTIONTRYONCE, true);
  st->m->uri_set_option_as_int32(st->uri, MONGOC_URI_MAXPOOLSIZE, 1);
  st->m->uri_set_option_as_bool(st->uri, MONGOC_URI_RETRYREADS, false);
  st->m->uri_set_option_as_bool(st->uri, MONGOC_URI_RETRYWRITES, false);
  st->m->uri_set_appname(st->uri, "ajar (read-only audit)");
  if (with_creds) {
    st->m->uri_set_username(st->uri, c->user);
    st->m->uri_set_password(st->uri, c->password ? c->password : "");
    st->m->uri_set_auth_source(st->uri, "admin");
  }
  if (!(st->client = st->m->client_new_from_uri(st->uri)))
    return AJAR_ENOMEM;
  st->m->client_set_error_api(st->client, MONGOC_ERROR_API_VERSION_2);
  st->m->client_set_stream_initiator(st->client, mongo_wire_initiator, &st->wire);
  return 0;
}

/* one command; 0 with *reply (bson_destroy it), else an AJAR_E* with
 * c->err set and *code the server's error code (0 when none) */
static int mcmd(struct mstate *st, const char *db, const bson_t *cmd, bson_t *reply,
                int *code) {
  struct ajar_conn *c = st->c;
  bson_error_t err;
  *code = 0;
  st->wire.rc = 0;
  if (conn_left_ms(c) <= 0) {
    bson_init(reply);
    snprintf(c->err, sizeof c->err, "the target deadline passed");
    return AJAR_ETIMEDOUT;
  }
  if (st->m->client_command_simple(st->client, db, cmd, NULL, reply, &err))
    return 0;
  if (err.domain == MONGOC_ERROR_SERVER || err.domain == MONGOC_ERROR_QUERY) {
    *code = (int)err.code;
    snprintf(c->err, sizeof c->err, "%.200s", err.message);
    return *code == MONGO_UNAUTHORIZED ? AJAR_EAUTH : AJAR_EPROTO;
  }
  if (st->wire.rc) {
    snprintf(c->err, sizeof c->err, "%s", st->wire.err);
    return st->wire.rc;
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
  if (!(st->m = mongo_lib())) {
    free(st);
    snprintf(c->err, sizeof c->err, "libmongoc-1.0.so.0 could not be loaded");
    return AJAR_EFORMAT;
  }
  st->c = c;
  st->wire.conn = c;
  probe_state_set(c, st, mstate_free);
  c->http.status = 0;
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
    if (rc == AJAR_EPROTO && !code && !st->wire.rc) {
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
  int rc = probe_collection_room(t, cap);
  if (rc)
    return rc;
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

static int mongo_enumerate(struct ajar_conn *c, struct ajar_target_result *t) {
  struct mstate *st = c->state;
  bson_t cmd, reply;
  bson_iter_t it, dbs;
  size_t cap = 0, n_db = 0, not_listed = 0;
  int64_t data = 0;
  int rc, code;
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
  probe_sort_collections(t);
  return probe_note_add(&t->note, "%zu database(s), %lld bytes of data (dbStats)%s", n_db,
                        (long long)data, not_listed ? "; more collections than listed" : "");
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
    rc = probe_note_add(&coll->note, "documents over the size cap were skipped");
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
