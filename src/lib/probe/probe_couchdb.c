/* CouchDB and CouchDB-compatible servers (pouchdb-server / express-pouchdb),
 * over HTTP or HTTPS.
 *
 * The requests this probe may send, all GET, nothing else:
 *   GET /
 *   GET /_session
 *   GET /_all_dbs
 *   GET /DB
 *   GET /DB/_all_docs?include_docs=true&limit=K&skip=S
 * (DB percent-escaped; K <= the sample size; S < the sample size, only
 * when a page was over the response cap and is read one document at a
 * time.)
 *
 * Identification needs CouchDB's own welcome object ({"couchdb":"Welcome",
 * "version":...}) or express-pouchdb's ({"express-pouchdb":"Welcome!",
 * "version":...}); a 401 counts as CouchDB's only with a `Server: CouchDB`
 * header. Anything else (an nginx page, any other JSON) is not CouchDB.
 * Records are the documents minus _rev; design documents are skipped.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "probe/probe_util.h"

static const uint16_t couch_ports[] = {5984, 6984, 0};

static int refused(const struct ajar_conn *c) {
  return c->http.status == 401 || c->http.status == 403;
}

static int couch_server(const struct ajar_conn *c) {
  const char *server = conn_header(c, "Server");
  return server && !strncasecmp(server, "CouchDB", 7);
}

/* the first database a user made (not _users, _replicator, ...) */
static int first_user_db(json_t *dbs, char *out, size_t n) {
  size_t i;
  for (i = 0; i < json_array_size(dbs); i++) {
    const char *s = json_string_value(json_array_get(dbs, i));
    if (s && *s && *s != '_') {
      conn_escape(s, out, n);
      return 1;
    }
  }
  return 0;
}

static int couch_identify(struct ajar_conn *c, struct ajar_target_result *t) {
  json_t *root, *dbs, *vendor;
  const char *version, *vname, *welcome;
  char path[700], db[600];
  int pouch = 0, rc = conn_get(c, "/");
  if (rc)
    return rc;
  t->tls = c->tls;
  if (refused(c)) {
    t->auth_required = 1;
    return couch_server(c) ? probe_set_str(&t->store, "couchdb") : AJAR_EAUTH;
  }
  if (c->http.status != 200 || !(root = probe_body_json(c)))
    return AJAR_EPROTO;
  version = json_string_value(json_object_get(root, "version"));
  welcome = json_string_value(json_object_get(root, "couchdb"));
  if (!welcome) {
    welcome = json_string_value(json_object_get(root, "express-pouchdb"));
    pouch = welcome != NULL;
  }
  if (!version || !welcome || strncmp(welcome, "Welcome", 7)) {
    json_decref(root);
    return AJAR_EPROTO;
  }
  rc = probe_set_str(&t->store, "couchdb");
  if (!rc)
    rc = probe_set_str(&t->version, version);
  vendor = json_object_get(root, "vendor");
  vname = json_string_value(json_object_get(vendor, "name"));
  if (!rc && (pouch || vname)) {
    char note[AJAR_MAX_ERROR];
    snprintf(note, sizeof note, "%s%.64s%s", pouch ? "pouchdb-server (express-pouchdb), "
                                                     "CouchDB-compatible; " : "",
             vname ? "vendor: " : "", vname ? vname : "");
    rc = probe_set_str(&t->note, note);
  }
  json_decref(root);
  if (rc)
    return rc;

  /* admin party: anonymous holds _admin */
  if (!c->use_creds && !(rc = conn_get(c, "/_session")) && c->http.status == 200 &&
      (root = probe_body_json(c))) {
    json_t *roles = json_object_get(json_object_get(root, "userCtx"), "roles");
    size_t i;
    for (i = 0; i < json_array_size(roles); i++)
      if (json_string_value(json_array_get(roles, i)) &&
          !strcmp(json_string_value(json_array_get(roles, i)), "_admin")) {
        rc = probe_note_add(&t->note, "admin party: anonymous has admin rights");
        break;
      }
    json_decref(root);
    if (rc == AJAR_ENOMEM)
      return rc;
  } else if (rc && rc != AJAR_ETOOBIG) {
    return rc;
  }

  /* CouchDB 3 keeps _all_dbs for admins; a database's _security can
   * keep its documents from anonymous readers */
  if ((rc = conn_get(c, "/_all_dbs")))
    return rc == AJAR_ETOOBIG ? 0 : rc;
  if (refused(c)) {
    t->auth_required = 1;
    return 0;
  }
  dbs = c->http.status == 200 ? probe_body_json(c) : NULL;
  if (json_is_array(dbs) && first_user_db(dbs, db, sizeof db)) {
    snprintf(path, sizeof path, "/%s", db);
    json_decref(dbs);
    if ((rc = conn_get(c, path)))
      return rc == AJAR_ETOOBIG ? 0 : rc;
    if (refused(c)) {
      /* listing open, reading closed: the names are reported (couch_enumerate
       * notes each database's refusal) */
      t->auth_required = 1;
      c->listing_open = !c->use_creds;
      if (c->listing_open)
        return probe_note_add(&t->note, "listing open, reading closed: _all_dbs "
                                     "answers anyone, the databases need credentials");
    }
    return 0;
  }
  json_decref(dbs);
  return 0;
}

static int couch_enumerate(struct ajar_conn *c, struct ajar_target_result *t) {
  json_t *dbs;
  size_t i, n, skipped = 0;
  int rc = conn_get(c, "/_all_dbs");
  if (rc)
    return rc;
  if (refused(c)) {
    snprintf(c->err, sizeof c->err, "listing databases was refused (HTTP %ld)",
             c->http.status);
    return AJAR_EAUTH;
  }
  dbs = c->http.status == 200 ? probe_body_json(c) : NULL;
  if (!json_is_array(dbs)) {
    json_decref(dbs);
    snprintf(c->err, sizeof c->err, "unexpected answer to _all_dbs (HTTP %ld)", c->http.status);
    return AJAR_EPROTO;
  }
  n = json_array_size(dbs);
  t->collections = calloc(n ? n : 1, sizeof *t->collections);
  if (!t->collections) {
    json_decref(dbs);
    return AJAR_ENOMEM;
  }
  for (i = 0; i < n && t->n_collections < AJAR_MAX_COLLECTIONS && !rc; i++) {
    const char *name = json_string_value(json_array_get(dbs, i));
    struct ajar_collection_result *cr;
    char esc[600], path[700];
    json_t *info, *sizes;
    if (!name || !*name)
      continue;
    if (name[0] == '_' && !c->include_system) {
      skipped++;
      continue;
    }
    if (!(cr = probe_collection_add(t, name))) {
      rc = AJAR_ENOMEM;
      break;
    }
    if (probe_ransom_name(name) &&
        (rc = probe_set_str(&cr->note, "looks wiped or ransomed: the database "
                                       "name is a ransom note's")))
      break;
    if (conn_left_ms(c) <= 0)
      continue;
    conn_escape(name, esc, sizeof esc);
    snprintf(path, sizeof path, "/%s", esc);
    if ((rc = conn_get(c, path))) {
      if (rc == AJAR_ETOOBIG || rc == AJAR_EINVAL)
        rc = 0;
      continue;
    }
    if (refused(c)) {
      rc = probe_note_add(&cr->note, "reading refused (HTTP %ld)", c->http.status);
      continue;
    }
    if (c->http.status != 200 || !(info = probe_body_json(c)))
      continue;
    cr->records = probe_count_json(json_object_get(info, "doc_count"));
    sizes = json_object_get(info, "sizes");
    cr->bytes = probe_count_json(json_object_get(sizes, "file"));
    if (cr->bytes < 0)
      cr->bytes = probe_count_json(json_object_get(info, "disk_size"));
    json_decref(info);
  }
  json_decref(dbs);
  if (rc) /* the collections listed so far, sorted */
    probe_sort_collections(t);
  return rc ? rc : probe_listing_done(t, n, skipped, "databases");
}

/* one _all_docs page: feeds the documents, *got counts them */
static int read_docs(struct ajar_conn *c, const char *db, unsigned limit,
                     unsigned skip, ajar_record_cb cb, void *ctx, unsigned *got,
                     unsigned *rows) {
  char path[800];
  json_t *root, *list;
  size_t i;
  int rc;
  if (skip)
    snprintf(path, sizeof path, "/%s/_all_docs?include_docs=true&limit=%u&skip=%u",
             db, limit, skip);
  else
    snprintf(path, sizeof path, "/%s/_all_docs?include_docs=true&limit=%u", db, limit);
  if ((rc = conn_get(c, path)))
    return rc;
  if (c->http.status != 200 || !(root = probe_body_json(c))) {
    snprintf(c->err, sizeof c->err, "reading documents refused (HTTP %ld)", c->http.status);
    return refused(c) ? AJAR_EAUTH : AJAR_EPROTO;
  }
  list = json_object_get(root, "rows");
  for (i = 0; i < json_array_size(list) && !rc; i++) {
    json_t *doc = json_object_get(json_array_get(list, i), "doc");
    const char *id = json_string_value(json_object_get(doc, "_id"));
    char *s;
    (*rows)++;
    if (!json_is_object(doc) || (id && !strncmp(id, "_design/", 8)))
      continue;
    json_object_del(doc, "_rev");
    if (!(s = json_dumps(doc, JSON_COMPACT))) {
      rc = AJAR_ENOMEM;
      break;
    }
    (*got)++;
    rc = cb(ctx, s, strlen(s));
    free(s);
  }
  json_decref(root);
  return rc;
}

static int couch_sample(struct ajar_conn *c, struct ajar_collection_result *coll,
                        ajar_record_cb cb, void *ctx) {
  char db[600];
  unsigned got = 0, rows = 0, i, skipped = 0;
  int rc;
  if (!c->sample || coll->records == 0 ||
      (coll->note && strstr(coll->note, "reading refused")))
    return 0;
  conn_escape(coll->name, db, sizeof db);
  rc = read_docs(c, db, c->sample, 0, cb, ctx, &got, &rows);
  if (rc != AJAR_ETOOBIG)
    return rc == AJAR_EAUTH ? 0 : rc;
  /* over the cap: one document at a time, the huge ones skipped */
  rc = 0;
  got = 0;
  for (i = 0; i < c->sample && !rc; i++) {
    unsigned r = 0;
    rc = read_docs(c, db, 1, i, cb, ctx, &got, &r);
    if (rc == AJAR_ETOOBIG) {
      skipped++;
      rc = 0;
    } else if (!rc && !r) {
      break;
    }
  }
  if (skipped && !rc)
    rc = probe_note_add(&coll->note, "sample truncated: documents over the response "
                                  "cap were skipped");
  return rc;
}

static const char *const couch_headers[] = {"Server", NULL};

const struct ajar_probe ajar_probe_couchdb = {
    .name = "couchdb",
    .ports = couch_ports,
    .identify = couch_identify,
    .enumerate = couch_enumerate,
    .sample = couch_sample,
    .help = "CouchDB and pouchdb-server: version, vendor, admin party, databases, "
            "document counts, sizes, a sample of documents (GET only)",
    .headers = couch_headers,
};
