/* Elasticsearch and OpenSearch (REST, http or https).
 *
 * The requests this probe may send, all GET, nothing else:
 *   GET /
 *   GET /_cat/indices?format=json&bytes=b&h=index,docs.count,store.size,status
 *   GET /INDEX/_mapping
 *   GET /INDEX/_count          (before sampling: docs.count counts each
 *                               nested object as a document, _count what
 *                               _search sees, which the sample spreads over)
 *   GET /INDEX/_search?size=K&from=OFFSET&sort=_doc&filter_path=hits.hits._source
 * (INDEX percent-escaped; K <= AJAR_SAMPLE_PAGE; OFFSET + K within
 * AJAR_ES_RESULT_WINDOW, the default index.max_result_window).
 *
 * Sampling: the sample of N records is read as pages of K spread evenly
 * over the first min(docs.count, 10000) documents in index order (_doc),
 * so a sample is not just the oldest N. A page over the response cap is
 * read again one document at a time; a document over the cap is skipped
 * and noted.
 */
#define _GNU_SOURCE /* strcasestr */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "probe/probe_util.h"

static const uint16_t es_ports[] = {9200, 9243, 0};

static const char *jstr(json_t *o, const char *key) {
  const char *s = json_string_value(json_object_get(o, key));
  return s ? s : NULL;
}

/* Elasticsearch >= 7.14 marks its answers "X-elastic-product: Elasticsearch" */
static int es_product_header(const struct ajar_conn *c) {
  const char *v = conn_header(c, "X-elastic-product");
  return v && *v;
}

/* an auth refusal we can attribute: the store's own, or its realm */
static const char *auth_store(const struct ajar_conn *c) {
  const char *challenge = conn_header(c, "WWW-Authenticate");
  if (!challenge)
    challenge = "";
  if (strcasestr(challenge, "opensearch") ||
      (c->http.body && strstr(c->http.body, "OpenSearch Security")))
    return "opensearch";
  if (es_product_header(c) || strstr(challenge, "realm=\"security\"") ||
      (c->http.body && strstr(c->http.body, "security_exception")))
    return "elasticsearch";
  return NULL;
}

static int es_identify(struct ajar_conn *c, struct ajar_target_result *t) {
  json_t *root, *version;
  const char *number, *dist, *tagline, *cluster;
  int rc = conn_get(c, "/");
  if (rc)
    return rc;
  t->tls = c->tls;
  if (c->http.status == 401 || c->http.status == 403) {
    const char *s = auth_store(c);
    t->auth_required = 1;
    if (!s)
      return AJAR_EAUTH;
    return probe_set_str(&t->store, s);
  }
  if (c->http.status != 200 || !(root = probe_body_json(c)))
    return AJAR_EPROTO;
  version = json_object_get(root, "version");
  number = jstr(version, "number");
  dist = jstr(version, "distribution");
  tagline = jstr(root, "tagline");
  cluster = jstr(root, "cluster_name");
  if (!number || !(es_product_header(c) || cluster ||
                   (tagline && (strstr(tagline, "You Know, for Search") ||
                                strstr(tagline, "OpenSearch"))))) {
    json_decref(root);
    return AJAR_EPROTO;
  }
  rc = probe_set_str(&t->store, dist && !strcasecmp(dist, "opensearch")
                                    ? "opensearch" : "elasticsearch");
  if (!rc)
    rc = probe_set_str(&t->version, number);
  if (!rc && cluster) {
    char note[AJAR_MAX_ERROR];
    snprintf(note, sizeof note, "cluster \"%.64s\"", cluster);
    rc = probe_set_str(&t->note, note);
  }
  json_decref(root);
  return rc;
}

static int64_t num_field(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  const char *s;
  char *end;
  long long n;
  if (json_is_integer(v))
    return (int64_t)json_integer_value(v);
  s = json_string_value(v);
  if (!s || !*s)
    return -1;
  n = strtoll(s, &end, 10);
  return *end || n < 0 ? -1 : (int64_t)n;
}

static int es_enumerate(struct ajar_conn *c, struct ajar_target_result *t) {
  json_t *root;
  size_t i, n, skipped = 0;
  int rc = conn_get(c, "/_cat/indices?format=json&bytes=b"
                       "&h=index,docs.count,store.size,status");
  if (rc)
    return rc;
  if (c->http.status == 401 || c->http.status == 403) {
    snprintf(c->err, sizeof c->err, "listing indices was refused (HTTP %ld)",
             c->http.status);
    return AJAR_EAUTH;
  }
  root = c->http.status == 200 ? probe_body_json(c) : NULL;
  if (!json_is_array(root)) {
    json_decref(root);
    snprintf(c->err, sizeof c->err, "unexpected answer to _cat/indices (HTTP %ld)",
             c->http.status);
    return AJAR_EPROTO;
  }
  n = json_array_size(root);
  t->collections = calloc(n ? n : 1, sizeof *t->collections);
  if (!t->collections) {
    json_decref(root);
    return AJAR_ENOMEM;
  }
  for (i = 0; i < n && t->n_collections < AJAR_MAX_COLLECTIONS; i++) {
    json_t *row = json_array_get(root, i);
    const char *name = jstr(row, "index"), *status = jstr(row, "status");
    struct ajar_collection_result *cr;
    if (!name || !*name) { /* not an index: not one over the cap either */
      skipped++;
      continue;
    }
    if (name[0] == '.' && !c->include_system) {
      skipped++;
      continue;
    }
    if (!(cr = probe_collection_add(t, name))) {
      rc = AJAR_ENOMEM;
      break;
    }
    cr->records = num_field(row, "docs.count");
    cr->bytes = num_field(row, "store.size");
    if (probe_ransom_name(name))
      rc = probe_set_str(&cr->note, "looks wiped or ransomed: the index name "
                                    "is a ransom note's");
    else if (status && !strcmp(status, "close"))
      rc = probe_set_str(&cr->note, "closed index: not sampled");
    if (rc)
      break;
  }
  json_decref(root);
  if (rc) /* the collections listed so far, sorted */
    probe_sort_collections(t);
  return rc ? rc : probe_listing_done(t, n, skipped, "indices");
}

/* One _search page; calls cb per _source. *big set when over the cap. */
static int read_page(struct ajar_conn *c, const char *index, uint64_t from,
                     unsigned size, ajar_record_cb cb, void *ctx,
                     unsigned *got, int *no_source) {
  char path[1024];
  json_t *root, *hits;
  size_t i;
  int rc;
  snprintf(path, sizeof path,
           "/%s/_search?size=%u&from=%llu&sort=_doc&filter_path=hits.hits._source",
           index, size, (unsigned long long)from);
  if ((rc = conn_get(c, path)))
    return rc;
  if (c->http.status != 200 || !(root = probe_body_json(c))) {
    snprintf(c->err, sizeof c->err, "search refused (HTTP %ld)", c->http.status);
    return AJAR_EPROTO;
  }
  hits = json_object_get(json_object_get(root, "hits"), "hits");
  /* never more than asked for: a server that ignores size or from cannot
   * make the sample count more documents than were asked for */
  for (i = 0; i < json_array_size(hits) && *got < size; i++) {
    json_t *src = json_object_get(json_array_get(hits, i), "_source");
    char *s;
    if (!src) {
      *no_source = 1;
      continue;
    }
    s = json_dumps(src, JSON_COMPACT | JSON_ENCODE_ANY);
    if (!s) {
      rc = AJAR_ENOMEM;
      break;
    }
    (*got)++;
    rc = cb(ctx, s, strlen(s));
    free(s);
    if (rc)
      break;
  }
  json_decref(root);
  return rc;
}

/* documents as _search sees them (docs.count counts every nested object
 * too): records lowered to that; never raised */
static int count_documents(struct ajar_conn *c, const char *index,
                           struct ajar_collection_result *coll) {
  char path[700];
  json_t *root, *n;
  int rc;
  snprintf(path, sizeof path, "/%s/_count", index);
  if ((rc = conn_get(c, path)))
    return rc == AJAR_ETOOBIG ? 0 : rc;
  if (c->http.status != 200 || !(root = probe_body_json(c)))
    return 0;
  n = json_object_get(root, "count");
  if (json_is_integer(n) && json_integer_value(n) >= 0 &&
      json_integer_value(n) < coll->records)
    coll->records = json_integer_value(n);
  json_decref(root);
  return 0;
}

static int es_sample(struct ajar_conn *c, struct ajar_collection_result *coll,
                     ajar_record_cb cb, void *ctx) {
  char index[600];
  uint64_t window, want, pages, p, read = 0;
  unsigned k = AJAR_SAMPLE_PAGE;
  int rc = 0, skipped_big = 0, no_source = 0;
  if (coll->note && !strncmp(coll->note, "closed", 6))
    return 0;
  conn_escape(coll->name, index, sizeof index);
  if (coll->records > 0 && (rc = count_documents(c, index, coll)))
    return rc;
  window = coll->records < 0 ? AJAR_ES_RESULT_WINDOW : (uint64_t)coll->records;
  if (window > AJAR_ES_RESULT_WINDOW)
    window = AJAR_ES_RESULT_WINDOW;
  want = c->sample < window ? c->sample : window;
  if (!want)
    return 0;
  pages = (want + k - 1) / k;
  for (p = 0; p < pages && !rc; p++) {
    unsigned size = (unsigned)(want - p * k < k ? want - p * k : k);
    uint64_t from = pages == 1 || window <= want ? p * k
                    : p * (window - size) / (pages - 1);
    unsigned got = 0;
    rc = read_page(c, index, from, size, cb, ctx, &got, &no_source);
    if (rc == AJAR_ETOOBIG) { /* one document at a time; skip the huge one */
      unsigned j;
      rc = 0;
      for (j = 0; j < size && !rc; j++) {
        unsigned one = 0;
        rc = read_page(c, index, from + j, 1, cb, ctx, &one, &no_source);
        if (rc == AJAR_ETOOBIG) {
          skipped_big++;
          rc = 0;
        }
        got += one;
      }
    }
    read += got;
    if (!rc && got < size && coll->records < 0)
      break; /* the index is smaller than it looked */
  }
  if (skipped_big || no_source) {
    if (probe_note_add(&coll->note, "%s",
                       skipped_big ? "sample truncated: documents over the response "
                                     "cap were skipped"
                                   : "documents have no _source: not sampled"))
      return AJAR_ENOMEM;
  }
  (void)read;
  return rc;
}

/* ---- mapping: what field types say ------------------------------------ */
struct map_walk {
  struct ajar_collection_result *coll;
  int open;
  int rc;
};

static int has_finding_cat(const struct ajar_collection_result *r, int cat) {
  return (r->categories >> cat) & 1u;
}

static void add_type_finding(struct map_walk *w, const char *path, int cat,
                             const char *detector, int confidence) {
  struct ajar_collection_result *r = w->coll;
  struct ajar_finding *nf, *f;
  if (w->rc || has_finding_cat(r, cat))
    return;
  nf = realloc(r->findings, (r->n_findings + 1) * sizeof *nf);
  if (!nf) {
    w->rc = AJAR_ENOMEM;
    return;
  }
  r->findings = nf;
  f = &nf[r->n_findings];
  memset(f, 0, sizeof *f);
  if (!(f->field = strdup(path))) {
    w->rc = AJAR_ENOMEM;
    return;
  }
  f->category = cat;
  f->detector = detector;   /* es_mapping_*: evidence from the mapping */
  f->matches = 1;           /* the one field declaration */
  f->confidence = confidence;
  r->n_findings++;
  r->categories |= 1u << cat;
  if (w->open) {
    int sev = cat == AJAR_CAT_FACE ? AJAR_SEV_CRITICAL : AJAR_SEV_HIGH;
    if (r->severity < sev)
      r->severity = sev;
  }
}

static void walk_props(struct map_walk *w, json_t *props, const char *prefix,
                       int depth) {
  const char *key;
  json_t *def;
  if (!json_is_object(props) || depth > AJAR_MAX_DEPTH)
    return;
  json_object_foreach(props, key, def) {
    char path[AJAR_MAX_PATH];
    const char *type = jstr(def, "type");
    if (snprintf(path, sizeof path, "%s%s%s", prefix, *prefix ? "." : "", key) >=
        (int)sizeof path)
      path[sizeof path - 1] = 0; /* a path past AJAR_MAX_PATH is cut */
    if (type && (!strcmp(type, "geo_point") || !strcmp(type, "geo_shape")))
      add_type_finding(w, path, AJAR_CAT_COORDINATES, "es_mapping_geo", AJAR_CONF_MEDIUM);
    else if (type && !strcmp(type, "ip"))
      add_type_finding(w, path, AJAR_CAT_IP, "es_mapping_ip", AJAR_CONF_LOW);
    else if (type && (!strcmp(type, "dense_vector") || !strcmp(type, "knn_vector")) &&
             (strcasestr(path, "face") || strcasestr(path, "feature")))
      add_type_finding(w, path, AJAR_CAT_FACE, "es_mapping_face_vector",
                       AJAR_CONF_MEDIUM);
    walk_props(w, json_object_get(def, "properties"), path, depth + 1);
  }
}

static int es_annotate(struct ajar_conn *c, struct ajar_collection_result *coll,
                       int open) {
  char index[600], path[700];
  json_t *root, *idx, *m;
  struct map_walk w = {coll, open, 0};
  int rc;
  conn_escape(coll->name, index, sizeof index);
  snprintf(path, sizeof path, "/%s/_mapping", index);
  if ((rc = conn_get(c, path)))
    return rc == AJAR_ETOOBIG ? 0 : rc;
  if (c->http.status != 200 || !(root = probe_body_json(c)))
    return 0;
  idx = json_object_get(root, coll->name);
  m = json_object_get(idx, "mappings");
  if (json_object_get(m, "properties")) {
    walk_props(&w, json_object_get(m, "properties"), "", 0);
  } else { /* 6.x: one level of mapping types */
    const char *type;
    json_t *def;
    json_object_foreach(m, type, def)
      walk_props(&w, json_object_get(def, "properties"), "", 0);
  }
  json_decref(root);
  return w.rc;
}

static const char *const es_headers[] = {"WWW-Authenticate", "X-elastic-product",
                                         NULL};

const struct ajar_probe ajar_probe_elasticsearch = {
    .name = "elasticsearch",
    .ports = es_ports,
    .identify = es_identify,
    .enumerate = es_enumerate,
    .sample = es_sample,
    .annotate = es_annotate,
    .help = "Elasticsearch and OpenSearch: version, indices, counts, sizes, "
            "mapping types, a spread sample of each index (GET only)",
    .headers = es_headers,
};
