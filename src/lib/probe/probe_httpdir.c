/* Open directory listings over HTTP(S): nginx `autoindex`, Apache
 * mod_autoindex and lighttpd dirlisting pages (store `http_index`).
 *
 * The requests this probe may send, all GET, nothing else:
 *   GET START                   the index page (START: the target URL's
 *                               path, else /)
 *   GET START/DIR/...           index pages of the directories an index
 *                               page links to: relative links only (same
 *                               origin, never up: no "..", no "/x", no
 *                               "scheme:"), at most AJAR_OBJ_MAX_DEPTH
 *                               levels and AJAR_OBJ_MAX_DIRS pages
 *   GET START/DIR/FILE          with `Range: bytes=0-(AJAR_OBJ_PREFIX-1)`,
 *                               for at most AJAR_OBJ_SAMPLE files chosen by
 *                               extension and size; the body is cut at
 *                               AJAR_OBJ_PREFIX bytes even when the server
 *                               ignores the Range
 * (names percent-escaped.)
 *
 * Identification: a 200 whose HTML says "Index of /" in its title or first
 * heading (the three servers' pages), or lighttpd's "dirlisting" markup. A
 * 401/403 cannot be told from any other closed web server: AJAR_EAUTH.
 * Names and sizes come from the page: the text after each link up to the
 * next link, its last size-like word (bytes, or 12K / 1.5M / 2G as Apache
 * and lighttpd print them: those are approximate).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "probe/listings.h"
#include "probe/objects.h"
#include "probe/probe_util.h"

static const uint16_t httpdir_ports[] = {0};

static int refused(const struct ajar_conn *c) {
  return c->http.status == 401 || c->http.status == 403;
}

static int is_index(const struct ajar_conn *c) {
  const char *t;
  if (c->http.status != 200 || !c->http.body || !c->http.len)
    return 0;
  if (strstr(c->http.body, "class=\"dirlisting\"") || strstr(c->http.body, "<div class=\"list\">"))
    return 1;
  t = strstr(c->http.body, "Index of /");
  return t && t - c->http.body < 4096;
}

/* the start directory: the target's path with a trailing '/' */
static void start_dir(const struct ajar_conn *c, char *out, size_t n) {
  const char *p = c->ep->spec->path;
  size_t k;
  if (!p || !*p)
    p = "/";
  k = strlen(p);
  snprintf(out, n, "%s%s", p, p[k - 1] == '/' ? "" : "/");
}

static int httpdir_identify(struct ajar_conn *c, struct ajar_target_result *t) {
  char start[AJAR_MAX_TARGET_PATH + 2], esc[3 * AJAR_MAX_TARGET_PATH + 8];
  int rc;
  start_dir(c, start, sizeof start);
  obj_escape_path(start, esc, sizeof esc);
  if ((rc = conn_get(c, esc)))
    return rc;
  t->tls = c->tls;
  if (refused(c))
    return AJAR_EAUTH;
  if (!is_index(c))
    return AJAR_EPROTO;
  rc = probe_set_str(&t->store, "http_index");
  if (!rc && conn_header(c, "Server") && *conn_header(c, "Server")) {
    char note[160];
    snprintf(note, sizeof note, "server: %.100s", conn_header(c, "Server"));
    rc = probe_set_str(&t->note, note);
  }
  return rc;
}

/* path of start + rel, escaped except for the slashes */
static void escaped_path(const struct ajar_conn *c, const char *rel, char *out, size_t n) {
  char whole[2 * AJAR_MAX_TARGET_PATH + 2];
  start_dir(c, whole, sizeof whole);
  snprintf(whole + strlen(whole), sizeof whole - strlen(whole), "%s", rel);
  obj_escape_path(whole, out, n);
}

static int httpdir_enumerate(struct ajar_conn *c, struct ajar_target_result *t) {
  struct obj_walk w;
  char path[3 * 2 * AJAR_MAX_TARGET_PATH + 8], what[64];
  size_t pages = 0;
  int rc = obj_walk_init(&w);
  if (rc)
    return rc;
  while (!rc && w.next < w.n_dirs && conn_left_ms(c) > 0) {
    size_t d = w.next++;
    escaped_path(c, w.dirs[d], path, sizeof path);
    if ((rc = conn_get(c, path))) {
      if (rc != AJAR_ETOOBIG)
        break;
      rc = 0;
      continue;
    }
    pages++;
    if (c->http.status == 200 && is_index(c))
      rc = listing_html(&w, c->http.body, w.dirs[d], w.depth[d]);
  }
  snprintf(what, sizeof what, "%zu index page(s) read", pages);
  start_dir(c, path, sizeof path);
  return obj_walk_emit(&w, t, path, what, rc);
}

static int httpdir_read_object(struct ajar_conn *c, struct ajar_collection_result *coll,
                               const char **buf, size_t *len, int *cut) {
  char path[3 * 2 * AJAR_MAX_TARGET_PATH + 8];
  int rc;
  if (obj_is_container(coll))
    return 0;
  escaped_path(c, coll->name, path, sizeof path);
  if ((rc = obj_get_prefix(c, path, NULL)))
    return rc;
  return obj_take_prefix(c, coll, buf, len, cut);
}

static const char *const httpdir_headers[] = {"Server", NULL};

const struct ajar_probe ajar_probe_http_index = {
    .name = "http_index",
    .ports = httpdir_ports,
    .identify = httpdir_identify,
    .enumerate = httpdir_enumerate,
    .read_object = httpdir_read_object,
    .help = "open directory listings (nginx autoindex, Apache, lighttpd): files "
            "and sizes, a bounded prefix of a few data files (GET with Range)",
    .headers = httpdir_headers,
};
