/* Internal: what the object-store and file-server probes share (S3, Azure
 * Blob, HTTP directory listings, FTP): the objects a listing named, which
 * few of them are worth a bounded read, and the collections they become.
 *
 * A listing is kept bounded: at most AJAR_OBJ_MAX_LISTED entries per
 * container; past that, only the count and the total size grow. */
#ifndef AJAR_PROBE_OBJECTS_H
#define AJAR_PROBE_OBJECTS_H
#include <stddef.h>
#include <stdint.h>
#include "ajar/ajar.h"
#include "ajar_limits.h"

struct obj_entry {
  char *name;       /* key, blob name or path under the container */
  int64_t size;     /* -1: unknown */
};

struct obj_set {
  struct obj_entry *v;
  size_t n, cap;
  uint64_t count;   /* entries listed, kept or not */
  int64_t total;    /* their bytes (sizes that were known) */
};

/* 0 or AJAR_ENOMEM; past AJAR_OBJ_MAX_LISTED only counted */
int obj_add(struct obj_set *s, const char *name, int64_t size);
void obj_set_free(struct obj_set *s);
/* how much an object looks like data worth reading (dumps, CSV/JSON,
 * SQL, spreadsheets, archives, compressed); 0: not worth it (images,
 * binaries, empty) */
int obj_score(const char *name, int64_t size);

/* Append to t the container's own line (collection `container`, records
 * = objects listed, bytes = their total, note: what the listing held and
 * its caps, plus `note` when given), then one collection per object
 * chosen for a read (at most AJAR_OBJ_SAMPLE, best score first), named
 * prefix + name, with its listed size. 0 or AJAR_ENOMEM. */
int obj_emit(struct ajar_target_result *t, const char *container,
             const char *prefix, const struct obj_set *s, const char *note);

/* A bounded walk of a directory tree (HTTP index pages, FTP): the
 * directories still to list (relative to the start, "" first, each ending
 * in '/'), at most AJAR_OBJ_MAX_DIRS and AJAR_OBJ_MAX_DEPTH levels, and
 * the files found. */
struct obj_walk {
  char (*dirs)[AJAR_MAX_TARGET_PATH];
  uint8_t *depth;
  size_t n_dirs, next, skipped;
  struct obj_set files;
};
int obj_walk_init(struct obj_walk *w);
/* queue directory dir ("a/b/") found at depth; one already queued, or
 * one past the caps (counted), is not */
void obj_walk_add_dir(struct obj_walk *w, const char *dir, unsigned depth);
/* obj_emit of the files under container, the note saying what was
 * listed (what) and whether the caps cut the walk; frees w. Returns rc
 * when it is an error other than a failed listing (AJAR_ENOMEM), else
 * what obj_emit returns. */
int obj_walk_emit(struct obj_walk *w, struct ajar_target_result *t, const char *container,
                  const char *what, int rc);

/* the container's own line, or an object? (by the name emit gave) */
int obj_is_container(const struct ajar_collection_result *coll);
/* After the reads: each container whose objects were all refused (none
 * read) gets "listing open, reading closed" in its note, and the target
 * too when that holds for every container that tried a read. 0 or
 * AJAR_ENOMEM. */
int obj_note_refused(struct ajar_target_result *t);

/* XML listings (S3, Azure) with libxml2: no network, no DTD loading, no
 * entity substitution; a document that declares a DTD at all is refused
 * (an entity bomb never gets near an expansion). NULL with c->err set. */
struct ajar_conn;
struct _xmlDoc;
struct _xmlNode;
struct _xmlDoc *obj_xml_parse(struct ajar_conn *c);
void obj_xml_free(struct _xmlDoc *d);
/* the root element, or NULL */
struct _xmlNode *obj_xml_root(struct _xmlDoc *d);
/* the first child element named name (namespace ignored), or NULL */
struct _xmlNode *obj_xml_child(struct _xmlNode *n, const char *name);
/* the next sibling element named name after n, or NULL */
struct _xmlNode *obj_xml_next(struct _xmlNode *n, const char *name);
/* the text directly inside n (text and CDATA children only), into out;
 * 0 when empty or missing */
size_t obj_xml_text(struct _xmlNode *n, char *out, size_t cap);
/* the text of the child element name of n, or "" */
size_t obj_xml_child_text(struct _xmlNode *n, const char *name, char *out, size_t cap);

/* GET path with `Range: bytes=0-(AJAR_OBJ_PREFIX-1)` (and the extra
 * header line, or NULL), the body cut at AJAR_OBJ_PREFIX bytes whatever
 * the server sends: conn_get's answer */
int obj_get_prefix(struct ajar_conn *c, const char *path, const char *extra);
/* After obj_get_prefix: an answer with the object (200/206) into *buf,
 * *len, *cut; a refusal or another status only noted on coll (then *buf
 * stays NULL). 0 or AJAR_ENOMEM. */
int obj_take_prefix(struct ajar_conn *c, struct ajar_collection_result *coll,
                    const char **buf, size_t *len, int *cut);
/* s percent-escaped for a URL path, its slashes kept */
void obj_escape_path(const char *s, char *out, size_t n);
#endif
