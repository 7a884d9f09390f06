/* Object stores and file servers: bounded listings, the choice of the
 * objects to read, their collections (objects.h). */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "array.h"
#include "ajar_limits.h"
#include "probe/objects.h"
#include "probe/probe_util.h"

int obj_add(struct obj_set *s, const char *name, int64_t size) {
  s->count++;
  if (size > 0)
    s->total += size;
  if (s->n >= AJAR_OBJ_MAX_LISTED)
    return 0;
  if (ARRAY_RESERVE(s->v, s->n, s->cap, 64))
    return AJAR_ENOMEM;
  if (!(s->v[s->n].name = strdup(name)))
    return AJAR_ENOMEM;
  s->v[s->n++].size = size;
  return 0;
}

void obj_set_free(struct obj_set *s) {
  size_t i;
  for (i = 0; i < s->n; i++)
    free(s->v[i].name);
  free(s->v);
  memset(s, 0, sizeof *s);
}

static int ends_with(const char *s, size_t n, const char *suf) {
  size_t k = strlen(suf);
  return n >= k && !strncasecmp(s + n - k, suf, k);
}

int obj_score(const char *name, int64_t size) {
  static const struct { const char *ext; int score; } exts[] = {
      {".sql", 9}, {".dump", 8}, {".csv", 9}, {".tsv", 8}, {".ndjson", 9},
      {".jsonl", 9}, {".json", 8}, {".xlsx", 7}, {".xls", 5}, {".sqlite", 6},
      {".db", 5}, {".bak", 6}, {".zip", 5}, {".tar", 4}, {".txt", 3},
      {".log", 2}, {".xml", 3}, {".yaml", 2}, {".yml", 2}};
  size_t n = strlen(name), i;
  int bonus = 0;
  if (size == 0 || (n && name[n - 1] == '/'))
    return 0;
  if (ends_with(name, n, ".gz") || ends_with(name, n, ".zst") ||
      ends_with(name, n, ".zstd")) {
    n -= ends_with(name, n, ".gz") ? 3 : ends_with(name, n, ".zst") ? 4 : 5;
    bonus = 1;
  }
  for (i = 0; i < sizeof exts / sizeof exts[0]; i++)
    if (ends_with(name, n, exts[i].ext))
      return 2 * exts[i].score + bonus -
             (size > 0 && (uint64_t)size > AJAR_OBJ_MAX_SIZE_SKIP ? 4 : 0);
  return bonus ? 6 : 0; /* compressed, of an unknown kind */
}

struct pick {
  size_t i;
  int score;
};

static int by_score(const void *a, const void *b) {
  const struct pick *x = a, *y = b;
  if (x->score != y->score)
    return y->score - x->score;
  return x->i < y->i ? -1 : x->i > y->i;
}

static int grow(struct ajar_target_result *t, size_t more) {
  struct ajar_collection_result *nc =
      realloc(t->collections, (t->n_collections + more) * sizeof *nc);
  if (!nc)
    return AJAR_ENOMEM;
  memset(nc + t->n_collections, 0, more * sizeof *nc);
  t->collections = nc;
  return 0;
}

#define CONTAINER_NOTE "objects listed: "

int obj_emit(struct ajar_target_result *t, const char *container,
             const char *prefix, const struct obj_set *s, const char *note) {
  struct pick *p = NULL;
  size_t i, np = 0, take;
  char line[AJAR_MAX_ERROR];
  struct ajar_collection_result *cr;
  if (s->n && !(p = malloc(s->n * sizeof *p)))
    return AJAR_ENOMEM;
  for (i = 0; i < s->n; i++) {
    int sc = obj_score(s->v[i].name, s->v[i].size);
    if (sc > 0) {
      p[np].i = i;
      p[np++].score = sc;
    }
  }
  if (np)
    qsort(p, np, sizeof *p, by_score);
  take = np < AJAR_OBJ_SAMPLE ? np : AJAR_OBJ_SAMPLE;
  if (grow(t, 1 + take)) {
    free(p);
    return AJAR_ENOMEM;
  }
  cr = &t->collections[t->n_collections];
  snprintf(line, sizeof line, CONTAINER_NOTE "%llu%s; %zu chosen for a read of "
           "at most %u bytes each%s%s",
           (unsigned long long)s->count,
           s->count > s->n ? " (names kept: the listing cap)" : "", take,
           AJAR_OBJ_PREFIX, note ? "; " : "", note ? note : "");
  if (!(cr->name = strdup(container)) || probe_set_str(&cr->note, line)) {
    free(p);
    return AJAR_ENOMEM;
  }
  cr->records = (int64_t)s->count;
  cr->bytes = s->total;
  t->n_collections++;
  for (i = 0; i < take; i++) {
    const struct obj_entry *e = &s->v[p[i].i];
    size_t len = strlen(prefix) + strlen(e->name) + 1;
    cr = &t->collections[t->n_collections];
    if (!(cr->name = malloc(len))) {
      free(p);
      return AJAR_ENOMEM;
    }
    snprintf(cr->name, len, "%s%s", prefix, e->name);
    cr->records = -1;
    cr->bytes = e->size;
    t->n_collections++;
    if (probe_ransom_name(e->name) &&
        probe_set_str(&cr->note, "looks wiped or ransomed: the name is a ransom "
                                 "note's")) {
      free(p);
      return AJAR_ENOMEM;
    }
  }
  free(p);
  return 0;
}

int obj_is_container(const struct ajar_collection_result *coll) {
  return coll->note && !strncmp(coll->note, CONTAINER_NOTE, strlen(CONTAINER_NOTE));
}

#define REFUSED_NOTE "reading refused ("

/* the container at t->collections[i]'s refusals into its note; *tried,
 * *refused: whether it tried a read, and had every one refused */
static int note_container(struct ajar_target_result *t, size_t i, int *tried,
                          int *refused) {
  struct ajar_collection_result *box = &t->collections[i];
  size_t j, n_refused = 0, n_read = 0;
  for (j = i + 1; j < t->n_collections && !obj_is_container(&t->collections[j]); j++) {
    const char *note = t->collections[j].note;
    if (note && strstr(note, REFUSED_NOTE))
      n_refused++;
    else if (note && (strstr(note, "read whole") || strstr(note, "read the first")))
      n_read++;
  }
  *tried = n_refused || n_read;
  *refused = n_refused && !n_read;
  if (!*refused)
    return 0;
  return probe_note_add(&box->note, "listing open, reading closed: %lld names and sizes "
                        "listed, every read refused (%zu tried)",
                        (long long)box->records, n_refused);
}

int obj_note_refused(struct ajar_target_result *t) {
  size_t i;
  int tried_any = 0, all_refused = 1, rc;
  for (i = 0; i < t->n_collections; i++) {
    int tried, refused;
    if (!obj_is_container(&t->collections[i]))
      continue;
    if ((rc = note_container(t, i, &tried, &refused)))
      return rc;
    tried_any |= tried;
    if (tried && !refused)
      all_refused = 0;
  }
  if (!tried_any || !all_refused)
    return 0;
  return probe_note_add(&t->note, "listing open, reading closed: the names and sizes of "
                        "the objects are listed for anyone, their contents refused");
}

int obj_get_prefix(struct ajar_conn *c, const char *path, const char *extra) {
  char range[64];
  const char *h[3] = {range, extra, NULL};
  snprintf(range, sizeof range, "Range: bytes=0-%u", AJAR_OBJ_PREFIX - 1);
  c->http.req_headers = h;
  c->http.prefix_cap = AJAR_OBJ_PREFIX;
  return conn_get(c, path);
}

xmlDocPtr obj_xml_parse(struct ajar_conn *c) {
  xmlDocPtr d;
  if (!c->http.body || !c->http.len) {
    snprintf(c->err, sizeof c->err, "an empty listing (HTTP %ld)", c->http.status);
    return NULL;
  }
  /* listings never carry a DTD: one that does is refused unparsed */
  if (memmem(c->http.body, c->http.len, "<!DOCTYPE", 9) ||
      memmem(c->http.body, c->http.len, "<!ENTITY", 8)) {
    snprintf(c->err, sizeof c->err, "refused: a listing that declares a DTD "
                                    "(entity expansion; an XML bomb?)");
    return NULL;
  }
  /* no XML_PARSE_NOENT (entities stay references), no DTD loading, no
   * network, no huge-document relaxation */
  d = xmlReadMemory(c->http.body, (int)c->http.len, NULL, NULL,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                        XML_PARSE_NOCDATA);
  if (!d) {
    snprintf(c->err, sizeof c->err, "a listing that is not XML (HTTP %ld)", c->http.status);
    return NULL;
  }
  if (d->intSubset || d->extSubset) {
    xmlFreeDoc(d);
    snprintf(c->err, sizeof c->err, "refused: a listing that declares a DTD "
                                    "(entity expansion; an XML bomb?)");
    return NULL;
  }
  return d;
}

void obj_xml_free(xmlDocPtr d) {
  if (d)
    xmlFreeDoc(d);
}

xmlNodePtr obj_xml_root(xmlDocPtr d) { return d ? xmlDocGetRootElement(d) : NULL; }

static xmlNodePtr element_from(xmlNodePtr n, const char *name) {
  for (; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name))
      return n;
  return NULL;
}

xmlNodePtr obj_xml_child(xmlNodePtr n, const char *name) {
  return n ? element_from(n->children, name) : NULL;
}

xmlNodePtr obj_xml_next(xmlNodePtr n, const char *name) {
  return n ? element_from(n->next, name) : NULL;
}

size_t obj_xml_text(xmlNodePtr n, char *out, size_t cap) {
  size_t k = 0;
  xmlNodePtr t;
  if (!cap)
    return 0;
  for (t = n ? n->children : NULL; t; t = t->next) {
    size_t len;
    if ((t->type != XML_TEXT_NODE && t->type != XML_CDATA_SECTION_NODE) || !t->content)
      continue;
    len = strlen((const char *)t->content);
    if (len > cap - 1 - k)
      len = cap - 1 - k;
    memcpy(out + k, t->content, len);
    k += len;
  }
  out[k] = 0;
  return k;
}

size_t obj_xml_child_text(xmlNodePtr n, const char *name, char *out, size_t cap) {
  xmlNodePtr ch = obj_xml_child(n, name);
  if (!ch) {
    if (cap)
      out[0] = 0;
    return 0;
  }
  return obj_xml_text(ch, out, cap);
}

int obj_take_prefix(struct ajar_conn *c, struct ajar_collection_result *coll,
                    const char **buf, size_t *len, int *cut) {
  if (c->http.status == 401 || c->http.status == 403)
    return probe_note_add(&coll->note, REFUSED_NOTE "HTTP %ld)", c->http.status);
  if (c->http.status != 200 && c->http.status != 206)
    return probe_note_add(&coll->note, "not read (HTTP %ld)", c->http.status);
  *buf = c->http.body;
  *len = c->http.len;
  *cut = c->http.cut || coll->bytes > (int64_t)c->http.len;
  if (c->http.status == 200 && c->http.cut &&
      probe_note_add(&coll->note, "the server ignored the Range request; the read was "
                                  "cut off"))
    return AJAR_ENOMEM;
  return 0;
}

void obj_escape_path(const char *s, char *out, size_t n) {
  size_t k = 0;
  if (!n)
    return;
  for (; *s && k + 4 < n; s++) {
    if (*s == '/') {
      out[k++] = '/';
    } else {
      char one[2] = {*s, 0}, e[8];
      conn_escape(one, e, sizeof e);
      k += (size_t)snprintf(out + k, n - k, "%s", e);
    }
  }
  out[k] = 0;
}

int obj_walk_init(struct obj_walk *w) {
  memset(w, 0, sizeof *w);
  w->dirs = calloc(AJAR_OBJ_MAX_DIRS + 1, sizeof *w->dirs);
  w->depth = calloc(AJAR_OBJ_MAX_DIRS + 1, 1);
  if (!w->dirs || !w->depth) {
    free(w->dirs);
    free(w->depth);
    return AJAR_ENOMEM;
  }
  w->n_dirs = 1; /* the start itself: "" */
  return 0;
}

void obj_walk_add_dir(struct obj_walk *w, const char *dir, unsigned depth) {
  size_t i;
  for (i = 0; i < w->n_dirs; i++)
    if (!strcmp(w->dirs[i], dir))
      return;
  if (depth > AJAR_OBJ_MAX_DEPTH || w->n_dirs >= AJAR_OBJ_MAX_DIRS ||
      strlen(dir) >= AJAR_MAX_TARGET_PATH) {
    w->skipped++;
    return;
  }
  snprintf(w->dirs[w->n_dirs], AJAR_MAX_TARGET_PATH, "%s", dir);
  w->depth[w->n_dirs++] = (uint8_t)depth;
}

int obj_walk_emit(struct obj_walk *w, struct ajar_target_result *t, const char *container,
                  const char *what, int rc) {
  char note[AJAR_MAX_ERROR];
  /* what was listed before a failure is reported */
  if (!rc || (rc != AJAR_ENOMEM && w->files.count)) {
    snprintf(note, sizeof note, "%s%s", what,
             w->skipped || w->next < w->n_dirs
                 ? "; more directories than the caps allow were not followed" : "");
    rc = obj_emit(t, container, "", &w->files, note);
  }
  obj_set_free(&w->files);
  free(w->dirs);
  free(w->depth);
  return rc;
}
