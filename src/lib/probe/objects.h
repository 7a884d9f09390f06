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

/* the container's own line, or an object? (by the name emit gave) */
int obj_is_container(const struct ajar_collection_result *coll);

/* "reading refused (HTTP 403)" etc. into coll->note; 0 or AJAR_ENOMEM */
int obj_note(struct ajar_collection_result *coll, const char *what);
/* GET path with `Range: bytes=0-(AJAR_OBJ_PREFIX-1)` (and the extra
 * header line, or NULL), the body cut at AJAR_OBJ_PREFIX bytes whatever
 * the server sends: conn_get's answer */
struct ajar_conn;
int obj_get_prefix(struct ajar_conn *c, const char *path, const char *extra);
#endif
