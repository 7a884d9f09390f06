/* Internal: helpers every probe shares (probe_util.c). A probe file holds
 * its store's logic; anything two probes need goes here (or, for a wire
 * protocol, in a file of its own: mongo_wire.c, resp.c, lines.c ...). */
#ifndef AJAR_PROBE_UTIL_H
#define AJAR_PROBE_UTIL_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include "probe/probe.h"

/* wipe a secret (a password a probe kept) and free it; NULL is fine */
void probe_secret_free(char *secret);
/* replace *field with a copy of s (NULL: clear it); 0 or AJAR_ENOMEM */
int probe_set_str(char **field, const char *s);
/* Append a printf-formatted part to a note ("first; second"), the whole
 * note cut at AJAR_MAX_ERROR bytes; 0 or AJAR_ENOMEM. */
int probe_note_add(char **note, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* the last response's body as JSON, or NULL (empty, not JSON, no memory) */
json_t *probe_body_json(const struct ajar_conn *c);
/* a count from JSON: a non-negative integer, real, or decimal string (64-bit
 * numbers often come quoted); -1 for anything else */
int64_t probe_count_json(json_t *v);
/* a count from text (an SQL cell): a non-negative decimal; -1 for NULL,
 * empty or anything else */
int64_t probe_count_str(const char *s);

/* Room for one more collection in t (grows t->collections, new slots
 * zeroed; *cap is the caller's count of slots). 0 or AJAR_ENOMEM. */
int probe_collection_room(struct ajar_target_result *t, size_t *cap);
/* sort t's collections by name (reports list them so) */
void probe_sort_collections(struct ajar_target_result *t);
/* The end of a listing of `listed` collections (databases, indices ...),
 * `skipped` of them left out on purpose: t's collections sorted, and a
 * note on t saying how many `what` the AJAR_MAX_COLLECTIONS cap left out.
 * 0, or AJAR_ENOMEM. */
int probe_listing_done(struct ajar_target_result *t, size_t listed,
                       size_t skipped, const char *what);
/* Append collection name to t, whose collections array must have room,
 * with unknown counts (-1). The new collection, or NULL: no memory. */
struct ajar_collection_result *probe_collection_add(struct ajar_target_result *t,
                                                    const char *name);
/* Append collection parts[0].parts[1]... with its counts (-1: unknown) to
 * t, whose collections array must have room; a part named like a ransom
 * note sets the note. 0 or AJAR_ENOMEM. */
int probe_add_dotted(struct ajar_target_result *t, const char *const *parts,
                     size_t n, int64_t records, int64_t bytes);
/* 1 when an index name looks like a ransom note or a wiped store */
int probe_ransom_name(const char *name);

/* How a quote inside a quoted SQL identifier is escaped. */
enum probe_quote {
  PROBE_QUOTE_DOUBLED,   /* `a``b` (MySQL, MariaDB) */
  PROBE_QUOTE_BACKSLASH, /* `a\`b`, and \\ for a backslash (ClickHouse) */
};
/* the n bytes of s as a backquoted identifier into out (cap bytes; a name
 * that does not fit is cut, still quoted) */
void probe_quote_ident(const char *s, size_t n, enum probe_quote how, char *out,
                       size_t cap);

#endif
