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

/* "20032", "42K", "1.5M", "2G": bytes, or -1 */
static int64_t parse_size(const char *w, size_t n) {
  double v = 0, scale = 1;
  size_t i = 0, digits = 0;
  int dot = 0;
  double frac = 0.1;
  for (; i < n && ((w[i] >= '0' && w[i] <= '9') || (w[i] == '.' && !dot)); i++) {
    if (w[i] == '.') {
      dot = 1;
      continue;
    }
    digits++;
    if (dot) {
      v += (w[i] - '0') * frac;
      frac /= 10;
    } else {
      v = v * 10 + (w[i] - '0');
    }
  }
  if (!digits || digits > 15)
    return -1;
  if (i < n) {
    switch (w[i] | 32) {
    case 'k': scale = 1024.0; break;
    case 'm': scale = 1024.0 * 1024; break;
    case 'g': scale = 1024.0 * 1024 * 1024; break;
    case 't': scale = 1024.0 * 1024 * 1024 * 1024; break;
    default: return -1;
    }
    i++;
    if (i < n && (w[i] | 32) == 'i') /* KiB-style */
      i++;
    if (i < n && (w[i] | 32) == 'b')
      i++;
  } else if (dot) {
    return -1;
  }
  return i == n ? (int64_t)(v * scale) : -1;
}

/* the last size-like word of the text in [p, e), tags skipped */
static int64_t size_after(const char *p, const char *e) {
  int64_t size = -1;
  while (p < e) {
    const char *w;
    if (*p == '<') {
      const char *gt = memchr(p, '>', (size_t)(e - p));
      p = gt ? gt + 1 : e;
      continue;
    }
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
      p++;
      continue;
    }
    for (w = p; p < e && *p != '<' && *p != ' ' && *p != '\t' && *p != '\n' &&
                *p != '\r'; p++)
      ;
    {
      int64_t s = parse_size(w, (size_t)(p - w));
      if (s >= 0)
        size = s;
    }
  }
  return size;
}

static int hexval(char ch) {
  return ch >= '0' && ch <= '9' ? ch - '0'
         : (ch | 32) >= 'a' && (ch | 32) <= 'f' ? (ch | 32) - 'a' + 10 : -1;
}

/* a link target as a relative name: decoded, &amp; undone; 0 when it is
 * not one to follow (absolute, up, a query, a fragment, another scheme) */
static int relative_name(const char *h, size_t n, char *out, size_t cap) {
  size_t i, k = 0;
  if (!n || h[0] == '/' || h[0] == '?' || h[0] == '#' || memchr(h, ':', n) ||
      memchr(h, '?', n) || memchr(h, '#', n))
    return 0;
  for (i = 0; i < n && k + 1 < cap; i++) {
    if (h[i] == '%' && i + 2 < n && hexval(h[i + 1]) >= 0 && hexval(h[i + 2]) >= 0) {
      out[k++] = (char)(hexval(h[i + 1]) * 16 + hexval(h[i + 2]));
      i += 2;
    } else if (h[i] == '&' && n - i >= 5 && !strncmp(h + i, "&amp;", 5)) {
      out[k++] = '&';
      i += 4;
    } else {
      out[k++] = h[i];
    }
  }
  if (i < n)
    return 0; /* too long */
  out[k] = 0;
  if (!strcmp(out, "./") || strstr(out, "..") || !out[0] || memchr(out, 0, k))
    return 0;
  /* one level: "a/" or "a", never "a/b" */
  {
    char *slash = strchr(out, '/');
    if (slash && slash[1])
      return 0;
  }
  return 1;
}

/* one index page (dir: relative to the start, "" or "a/b/") */
static int parse_page(struct obj_walk *w, const char *body, const char *dir,
                      unsigned depth) {
  const char *p = body;
  size_t links = 0;
  int rc = 0;
  while (!rc && (p = strstr(p, "<a ")) && links < AJAR_OBJ_MAX_LINKS) {
    const char *href = strstr(p, "href=\""), *q, *end, *next;
    char name[AJAR_MAX_TARGET_PATH], full[AJAR_MAX_TARGET_PATH];
    size_t nl;
    links++;
    if (!href) break;
    q = strchr(href + 6, '"');
    if (!q) break;
    end = strstr(q, "</a>");
    if (!end) break;
    next = strstr(end, "<a ");
    p = end;
    if (!relative_name(href + 6, (size_t)(q - href - 6), name, sizeof name))
      continue;
    if ((size_t)snprintf(full, sizeof full, "%s%s", dir, name) >= sizeof full)
      continue;
    nl = strlen(name);
    if (name[nl - 1] == '/') {
      obj_walk_add_dir(w, full, depth + 1);
      continue;
    }
    rc = obj_add(&w->files, full, size_after(end + 4, next ? next : end + strlen(end)));
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
      rc = parse_page(&w, c->http.body, w.dirs[d], w.depth[d]);
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
