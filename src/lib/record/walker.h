/* Internal: the one interface between the record walkers (record/) and
 * what consumes their output (docs/architecture.md, "record/").
 *
 * A walker reads one format and emits, into a sink: field handles (a
 * path from the record root, one key at a time), scalar values of those
 * fields, and record boundaries. It may also open a new collection (a
 * table of an SQL dump, a sheet, an archive member) and emit into that
 * one's sink. The collection implements a sink (collection.h); a walker
 * never sees the collection itself.
 */
#ifndef AJAR_RECORD_WALKER_H
#define AJAR_RECORD_WALKER_H
#include <stddef.h>
#include <stdint.h>
#include "ajar/ajar.h" /* AJAR_E*: what walkers return */
#include "ajar_limits.h"
#include "value_kind.h"
#include "keycache.h"

#define REC_ROOT 0u          /* the record itself: a scalar record is field "$" */
#define REC_NONE UINT32_MAX  /* no field (a prediction that did not hold) */

struct rec_sink {
  void *ctx;
  /* scratch the walker may unescape a value into, valid until the value
   * is handed over */
  char *buf;
  size_t buf_len;
  /* the sink's fields by quoted key (keycache.h), or NULL: the walker
   * looks a key up there itself, with no call, before next_quoted */
  const struct key_cache *keys;

  /* the handle of parent's child named key (is_array: its "[]" element);
   * never fails, past the field cap every new field is one "other" field */
  uint32_t (*child)(void *ctx, uint32_t parent, const char *key, size_t n,
                    int is_array);
  /* child, for the key that follows prev (REC_NONE: the object's first)
   * in an object of parent: records repeat their key order */
  uint32_t (*next)(void *ctx, uint32_t parent, uint32_t prev, const char *key,
                   size_t n);
  /* next, when the key that starts at k (just past its opening quote) is
   * the predicted one written without escapes: the field, *n its length;
   * REC_NONE otherwise. Nothing at or past end is used (a 16-byte load
   * may read past it, never past its page: shape_load_part). */
  uint32_t (*next_quoted)(void *ctx, uint32_t parent, uint32_t prev,
                          const char *k, const char *end, size_t *n);
  void (*value)(void *ctx, uint32_t field, enum value_kind kind, const char *v,
                size_t n);
  /* an array of numbers as one value (embeddings, [lon, lat]) */
  void (*numarray)(void *ctx, uint32_t field, size_t count, double first,
                   double second, double absmax);
  /* a {lat, lon} object in range */
  void (*geo)(void *ctx, uint32_t field, double lat, double lon);
  /* the record is complete; malformed: it could not be read to its end */
  void (*end_record)(void *ctx, int malformed);

  /* A new collection found inside this one's source, named `name` (the
   * report shows it as "source!name", docs/report.md). The same name
   * gives the same collection again. NULL (no memory, or a sink that
   * does not nest): the walker skips what it would have emitted there. */
  const struct rec_sink *(*open)(void *ctx, const char *name, size_t n);
};

/* What walkers call: one line each, so a walker reads as what it emits
 * (and the dispatch can change without touching a walker). */
static inline uint32_t rec_child(const struct rec_sink *k, uint32_t parent,
                                 const char *key, size_t n, int is_array) {
  return k->child(k->ctx, parent, key, n, is_array);
}
static inline uint32_t rec_next(const struct rec_sink *k, uint32_t parent,
                                uint32_t prev, const char *key, size_t n) {
  return k->next(k->ctx, parent, prev, key, n);
}
/* k->keys must not be NULL here: the walker points a sink's NULL at an
 * empty table (json.c, no_keys), so a key costs no test of it */
static inline uint32_t rec_next_quoted(const struct rec_sink *k, uint32_t parent,
                                       uint32_t prev, const char *key,
                                       const char *end, size_t *n) {
  uint32_t f = key_cache_find(k->keys, parent, key, end, n);
  if (f != REC_NONE)
    return f;
  return k->next_quoted(k->ctx, parent, prev, key, end, n);
}
static inline void rec_value(const struct rec_sink *k, uint32_t field,
                             enum value_kind kind, const char *v, size_t n) {
  k->value(k->ctx, field, kind, v, n);
}
static inline void rec_numarray(const struct rec_sink *k, uint32_t field,
                                size_t count, double first, double second,
                                double absmax) {
  k->numarray(k->ctx, field, count, first, second, absmax);
}
static inline void rec_geo(const struct rec_sink *k, uint32_t field, double lat,
                           double lon) {
  k->geo(k->ctx, field, lat, lon);
}
static inline void rec_end(const struct rec_sink *k, int malformed) {
  k->end_record(k->ctx, malformed);
}
/* NULL when the sink does not nest */
static inline const struct rec_sink *rec_open(const struct rec_sink *k,
                                              const char *name, size_t n) {
  return k->open ? k->open(k->ctx, name, n) : NULL;
}

/* ---- walkers ---------------------------------------------------------- */

/* One JSON value as a record (json.c): 0, or AJAR_EPARSE. Ends the record. */
int json_walk_record(const struct rec_sink *k, const char *p, size_t n);

/* One line of plain text as a record (text.c): the value of field "$". */
void text_walk_record(const struct rec_sink *k, const char *p, size_t n);

#endif
