/* S3-compatible object stores (AWS S3, MinIO, Ceph RGW, SeaweedFS, ...)
 * over HTTP or HTTPS (store `s3`).
 *
 * The requests this probe may send, all GET, nothing else:
 *   GET /                                  ListBuckets
 *   GET /BUCKET?list-type=2&max-keys=1     identification of a named bucket
 *   GET /BUCKET?list-type=2&max-keys=K[&continuation-token=T]
 *                                          ListObjectsV2, K = AJAR_OBJ_LIST_PAGE,
 *                                          at most AJAR_OBJ_MAX_PAGES pages a
 *                                          bucket, a repeated token ends it
 *   GET /BUCKET/KEY  with `Range: bytes=0-(AJAR_OBJ_PREFIX-1)`
 *                                          at most AJAR_OBJ_SAMPLE objects a
 *                                          bucket, chosen by extension and size;
 *                                          the body is cut at AJAR_OBJ_PREFIX
 *                                          bytes even when the Range is ignored
 * Virtual-host style (a target host BUCKET.s3.REGION.amazonaws.com or any
 * name with a ".s3." or ".s3-" label after the first): the same without the
 * /BUCKET part. Buckets: the one the target names (s3://BUCKET@host:port,
 * s3://host:port/BUCKET, or the virtual host), else those ListBuckets
 * lists (at most AJAR_OBJ_MAX_BUCKETS). With credentials (after a 403),
 * requests are signed with AWS Signature V4 (libcurl's CURLOPT_AWS_SIGV4,
 * region us-east-1): user = access key, password = secret key.
 *
 * Identification needs S3's XML: a ListAllMyBucketsResult or
 * ListBucketResult in its namespace, or an <Error> with <Code> and
 * <RequestId> (AccessDenied, NoSuchBucket, ...). Listings are parsed with
 * libxml2, entities off, a DTD refused (objects.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/tree.h>
#include "probe/objects.h"
#include "probe/probe_util.h"
#include "probe/probe.h"

static const uint16_t s3_ports[] = {9000, 0};
static const char s3_sigv4[] = "aws:amz:us-east-1:s3";

static int refused(const struct ajar_conn *c) {
  return c->http.status == 401 || c->http.status == 403;
}

/* the bucket in the host name (virtual-host style), or "" */
static void vhost_bucket(const struct ajar_conn *c, char *out, size_t n) {
  const char *h = c->ep->spec->host, *dot;
  out[0] = 0;
  if (!h || !(dot = strchr(h, '.')))
    return;
  if (!strncmp(dot, ".s3.", 4) || !strncmp(dot, ".s3-", 4))
    snprintf(out, n, "%.*s", (int)(dot - h), h);
}

/* the bucket the target names, or "" */
static void named_bucket(const struct ajar_conn *c, char *out, size_t n, int *vhost) {
  const char *p = c->ep->spec->path;
  vhost_bucket(c, out, n);
  *vhost = out[0] != 0;
  if (*vhost || !p)
    return;
  while (*p == '/')
    p++;
  snprintf(out, n, "%.*s", (int)strcspn(p, "/"), p);
}

/* path of a bucket request: "/BUCKET" or "" (virtual host) plus rest */
static void bucket_path(const char *bucket, int vhost, const char *rest, char *out,
                        size_t n) {
  char esc[200];
  conn_escape(bucket, esc, sizeof esc);
  if (vhost)
    snprintf(out, n, "/%s", rest);
  else
    snprintf(out, n, "/%s%s%s", esc, *rest ? "/" : "", rest);
}

/* the root element's name when the body is S3's XML, else NULL */
static const char *s3_xml_kind(struct ajar_conn *c, char *code, size_t n) {
  static char kind[48];
  xmlDocPtr d = obj_xml_parse(c);
  xmlNodePtr r = obj_xml_root(d);
  const char *k = NULL;
  code[0] = 0;
  if (r) {
    const char *ns = r->ns && r->ns->href ? (const char *)r->ns->href : "";
    if (!strcmp((const char *)r->name, "Error")) {
      char rid[128];
      obj_xml_child_text(r, "Code", code, n);
      if (code[0] && obj_xml_child_text(r, "RequestId", rid, sizeof rid))
        k = "Error";
    } else if ((!strcmp((const char *)r->name, "ListAllMyBucketsResult") ||
                !strcmp((const char *)r->name, "ListBucketResult")) &&
               strstr(ns, "s3.amazonaws.com")) {
      k = (const char *)r->name;
    }
  }
  if (k)
    snprintf(kind, sizeof kind, "%s", k);
  obj_xml_free(d);
  return k ? kind : NULL;
}

static int s3_identify(struct ajar_conn *c, struct ajar_target_result *t) {
  char bucket[200], code[64], path[300];
  const char *kind;
  int vhost, rc;
  c->http.sigv4 = s3_sigv4;
  named_bucket(c, bucket, sizeof bucket, &vhost);
  if (bucket[0])
    bucket_path(bucket, vhost, "?list-type=2&max-keys=1", path, sizeof path);
  else
    snprintf(path, sizeof path, "/");
  if ((rc = conn_get(c, path)))
    return rc;
  t->tls = c->tls;
  if (!(kind = s3_xml_kind(c, code, sizeof code)))
    return AJAR_EPROTO;
  if ((rc = probe_set_str(&t->store, "s3")))
    return rc;
  if (conn_header(c, "Server") && *conn_header(c, "Server") &&
      strcasecmp(conn_header(c, "Server"), "AmazonS3")) {
    char note[160];
    snprintf(note, sizeof note, "server: %.100s", conn_header(c, "Server"));
    if ((rc = probe_set_str(&t->note, note)))
      return rc;
  }
  if (!strcmp(kind, "Error")) {
    if (refused(c) || !strcmp(code, "AccessDenied") || !strcmp(code, "AllAccessDisabled")) {
      t->auth_required = 1;
      return 0;
    }
    /* another error (NoSuchBucket, ...): S3 all the same; the listing says */
  }
  return 0;
}

/* One bucket's listing into s; *note says how it ended. */
static int list_bucket(struct ajar_conn *c, const char *bucket, int vhost,
                       struct obj_set *s, char *note, size_t nn) {
  char token[1024] = "", prev[1024] = "", path[3000], rest[2600], tok_esc[2 * 1024];
  unsigned page;
  int rc = 0;
  note[0] = 0;
  for (page = 0; page < AJAR_OBJ_MAX_PAGES; page++) {
    xmlDocPtr d;
    xmlNodePtr r, e;
    char trunc[16];
    if (conn_left_ms(c) <= 0) {
      snprintf(note, nn, "listing stopped: the target deadline passed");
      return 0;
    }
    if (token[0]) {
      conn_escape(token, tok_esc, sizeof tok_esc);
      snprintf(rest, sizeof rest, "?list-type=2&max-keys=%u&continuation-token=%s",
               AJAR_OBJ_LIST_PAGE, tok_esc);
    } else {
      snprintf(rest, sizeof rest, "?list-type=2&max-keys=%u", AJAR_OBJ_LIST_PAGE);
    }
    bucket_path(bucket, vhost, rest, path, sizeof path);
    if ((rc = conn_get(c, path)))
      return rc;
    if (refused(c)) {
      snprintf(note, nn, "listing refused (HTTP %ld)", c->http.status);
      return 0;
    }
    if (c->http.status != 200 || !(d = obj_xml_parse(c))) {
      snprintf(note, nn, "listing failed (HTTP %ld)%s%.120s", c->http.status,
               c->http.status == 200 ? ": " : "", c->http.status == 200 ? c->err : "");
      return 0;
    }
    r = obj_xml_root(d);
    for (e = obj_xml_child(r, "Contents"); e && !rc; e = obj_xml_next(e, "Contents")) {
      char key[1024], size[32];
      if (!obj_xml_child_text(e, "Key", key, sizeof key))
        continue;
      obj_xml_child_text(e, "Size", size, sizeof size);
      rc = obj_add(s, key, size[0] ? strtoll(size, NULL, 10) : -1);
    }
    obj_xml_child_text(r, "IsTruncated", trunc, sizeof trunc);
    snprintf(prev, sizeof prev, "%s", token);
    obj_xml_child_text(r, "NextContinuationToken", token, sizeof token);
    obj_xml_free(d);
    if (rc)
      return rc;
    if (strcmp(trunc, "true") || !token[0])
      return 0;
    if (!strcmp(token, prev)) {
      snprintf(note, nn, "listing stopped: the server repeated its paging token");
      return 0;
    }
  }
  snprintf(note, nn, "listing stopped after %u pages of %u keys (the cap): "
           "the bucket holds more", AJAR_OBJ_MAX_PAGES, AJAR_OBJ_LIST_PAGE);
  return 0;
}

static int s3_enumerate(struct ajar_conn *c, struct ajar_target_result *t) {
  char bucket[200], note[AJAR_MAX_ERROR];
  char (*names)[200] = NULL;
  size_t n = 0, i, listed = 0;
  int vhost, rc = 0;
  c->http.sigv4 = s3_sigv4;
  named_bucket(c, bucket, sizeof bucket, &vhost);
  if (!(names = calloc(AJAR_OBJ_MAX_BUCKETS, sizeof *names)))
    return AJAR_ENOMEM;
  if (bucket[0]) {
    snprintf(names[n++], sizeof names[0], "%s", bucket);
  } else {
    xmlDocPtr d;
    xmlNodePtr b;
    if ((rc = conn_get(c, "/"))) {
      free(names);
      return rc;
    }
    if (refused(c)) {
      free(names);
      snprintf(c->err, sizeof c->err, "listing buckets was refused (HTTP %ld): name "
               "one (s3://BUCKET@host:port)", c->http.status);
      return AJAR_EAUTH;
    }
    if (c->http.status != 200 || !(d = obj_xml_parse(c))) {
      free(names);
      return AJAR_EPROTO;
    }
    for (b = obj_xml_child(obj_xml_child(obj_xml_root(d), "Buckets"), "Bucket"); b;
         b = obj_xml_next(b, "Bucket")) {
      listed++;
      if (n < AJAR_OBJ_MAX_BUCKETS &&
          obj_xml_child_text(b, "Name", names[n], sizeof names[0]))
        n++;
    }
    obj_xml_free(d);
  }
  for (i = 0; i < n && !rc; i++) {
    struct obj_set s;
    char prefix[210];
    memset(&s, 0, sizeof s);
    rc = list_bucket(c, names[i], vhost, &s, note, sizeof note);
    if (rc && rc != AJAR_ENOMEM) { /* what this bucket listed is still reported */
      snprintf(note, sizeof note, "listing failed: %.160s", c->err);
      rc = 0;
    }
    snprintf(prefix, sizeof prefix, "%s/", names[i]);
    if (!rc)
      rc = obj_emit(t, names[i], prefix, &s, note[0] ? note : NULL);
    obj_set_free(&s);
  }
  free(names);
  if (!rc && listed > n) {
    snprintf(note, sizeof note, "%zu buckets not listed (over %d)", listed - n,
             AJAR_OBJ_MAX_BUCKETS);
    rc = probe_set_str(&t->note, note);
  }
  return rc;
}

static int s3_read_object(struct ajar_conn *c, struct ajar_collection_result *coll,
                          const char **buf, size_t *len, int *cut) {
  char bucket[200], key[3 * 1024 + 8], path[4 * 1024];
  const char *slash = strchr(coll->name, '/');
  int vhost, rc;
  if (obj_is_container(coll) || !slash)
    return 0;
  c->http.sigv4 = s3_sigv4;
  named_bucket(c, bucket, sizeof bucket, &vhost);
  snprintf(bucket, sizeof bucket, "%.*s", (int)(slash - coll->name), coll->name);
  obj_escape_path(slash + 1, key, sizeof key);
  bucket_path(bucket, vhost, key, path, sizeof path);
  if ((rc = obj_get_prefix(c, path, NULL)))
    return rc;
  return obj_take_prefix(c, coll, buf, len, cut);
}

static const char *const s3_headers[] = {"Server", NULL};

const struct ajar_probe ajar_probe_s3 = {
    .name = "s3",
    .ports = s3_ports,
    .identify = s3_identify,
    .enumerate = s3_enumerate,
    .read_object = s3_read_object,
    .help = "S3-compatible object stores (AWS S3, MinIO, Ceph RGW, SeaweedFS): "
            "buckets, objects and sizes as listed, a bounded Range prefix of a few "
            "data files per bucket (GET only; SigV4 with credentials)",
    .headers = s3_headers,
};
