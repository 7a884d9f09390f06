/* A collection's evidence as bytes, and back: the partial state a
 * distributed run (the Spark job in python/ajar/spark.py) sends from each
 * worker to the one place that merges and finishes it, so the decisions
 * are those of one collection that saw every record.
 *
 * Layout, little-endian: "AJC1", u16 DET__COUNT, u16 reserved; u64
 * records, malformed, first_malformed; u32 field count; then per field
 * (index order, so parents come first): u32 parent, u8 flags (1 array,
 * 2 the overflow field, 4 a place field with a value naming a site), u16
 * key length, key bytes, u64 values, time_values, bools, u16 stat count;
 * per stat: u16 detector, u64 hits, valid, embedded, records, u8 example
 * count, per example u8 length and bytes. Import checks every length and
 * index before it merges anything.
 */
#include <stdlib.h>
#include <string.h>
#include "collection.h"

#define IO_MAGIC "AJC1"
#define FLAG_ARRAY 1u
#define FLAG_OVERFLOW 2u
#define FLAG_PLACE_NAMED 4u

/* python/ajar/_lib.py hands the library zeroed buffers of this size for
 * these structs and reads them only through the JSON writer. */
_Static_assert(sizeof(struct ajar_target_result) <= 1024, "see _lib.py");
_Static_assert(sizeof(struct ajar_report) <= 1024, "see _lib.py");

struct wbuf {
  unsigned char *p;
  size_t cap, len;
};

static void put(struct wbuf *w, const void *v, size_t n) {
  if (w->len + n <= w->cap)
    memcpy(w->p + w->len, v, n);
  w->len += n;
}

static void put_u(struct wbuf *w, uint64_t v, size_t n) {
  unsigned char b[8];
  size_t i;
  for (i = 0; i < n; i++)
    b[i] = (unsigned char)(v >> (8 * i));
  put(w, b, n);
}

int ajar_collection_export(const struct ajar_collection *c, void *buf,
                           size_t cap, size_t *len) {
  struct wbuf w = {buf, buf ? cap : 0, 0};
  uint32_t i;
  uint16_t j, e;
  if (!c || !len)
    return AJAR_EINVAL;
  put(&w, IO_MAGIC, 4);
  put_u(&w, DET__COUNT, 2);
  put_u(&w, 0, 2);
  put_u(&w, c->records, 8);
  put_u(&w, c->malformed, 8);
  put_u(&w, c->first_malformed, 8);
  put_u(&w, c->n_fields - 1, 4);
  for (i = 1; i < c->n_fields; i++) {
    const struct field *f = &c->fields[i];
    unsigned flags = (f->is_array ? FLAG_ARRAY : 0) |
                     (c->overflow && i == c->overflow ? FLAG_OVERFLOW : 0) |
                     (f->place_named ? FLAG_PLACE_NAMED : 0);
    size_t klen = f->is_array ? 0 : f->leaf_len;
    put_u(&w, f->parent, 4);
    put_u(&w, flags, 1);
    put_u(&w, klen, 2);
    put(&w, f->path + f->leaf_off, klen);
    put_u(&w, f->values, 8);
    put_u(&w, f->time_values, 8);
    put_u(&w, f->bools, 8);
    put_u(&w, f->n_stats, 2);
    for (j = 0; j < f->n_stats; j++) {
      const struct det_stat *st = &f->stats[j];
      put_u(&w, st->det, 2);
      put_u(&w, st->hits, 8);
      put_u(&w, st->valid, 8);
      put_u(&w, st->embedded, 8);
      put_u(&w, st->records, 8);
      put_u(&w, st->sketch, 8);
      put_u(&w, st->n_examples, 1);
      for (e = 0; e < st->n_examples; e++) {
        size_t n = strnlen(st->examples[e], AJAR_MAX_EXAMPLE - 1);
        put_u(&w, n, 1);
        put(&w, st->examples[e], n);
      }
    }
  }
  *len = w.len;
  return w.len > w.cap ? AJAR_ETOOBIG : 0;
}

struct rbuf {
  const unsigned char *p;
  size_t len, at;
  int bad;
};

static uint64_t get_u(struct rbuf *r, size_t n) {
  uint64_t v = 0;
  size_t i;
  if (r->bad || r->len - r->at < n) {
    r->bad = 1;
    return 0;
  }
  for (i = 0; i < n; i++)
    v |= (uint64_t)r->p[r->at + i] << (8 * i);
  r->at += n;
  return v;
}

static const char *get_bytes(struct rbuf *r, size_t n) {
  const char *s = (const char *)r->p + r->at;
  if (r->bad || r->len - r->at < n) {
    r->bad = 1;
    return NULL;
  }
  r->at += n;
  return s;
}

static void add_stat(struct field *f, const struct det_stat *src) {
  struct det_stat *ds = field_stat(f, src->det);
  uint16_t i, k;
  if (!ds)
    return;
  ds->hits += src->hits;
  ds->valid += src->valid;
  ds->sketch |= src->sketch;
  ds->embedded += src->embedded;
  ds->records += src->records;
  for (k = 0; k < src->n_examples && ds->n_examples < AJAR_EXAMPLES_MAX; k++) {
    for (i = 0; i < ds->n_examples; i++)
      if (!strcmp(ds->examples[i], src->examples[k]))
        break;
    if (i == ds->n_examples && !det_examples(ds))
      memcpy(ds->examples[ds->n_examples++], src->examples[k], AJAR_MAX_EXAMPLE);
  }
}

/* One pass over the bytes; merges into dst only when dst is not NULL. */
static int walk(struct ajar_collection *dst, struct rbuf *r, uint32_t *map) {
  uint64_t records, malformed, first_bad;
  uint32_t n, i;
  if (!(get_bytes(r, 4) && !memcmp(r->p, IO_MAGIC, 4)) ||
      get_u(r, 2) != DET__COUNT)
    return AJAR_EPARSE;
  get_u(r, 2);
  records = get_u(r, 8);
  malformed = get_u(r, 8);
  first_bad = get_u(r, 8);
  n = (uint32_t)get_u(r, 4);
  if (r->bad || n > AJAR_MAX_FIELDS + 1u)
    return AJAR_EPARSE;
  for (i = 1; i <= n; i++) {
    uint32_t parent = (uint32_t)get_u(r, 4);
    unsigned flags = (unsigned)get_u(r, 1);
    size_t klen = (size_t)get_u(r, 2);
    const char *key = get_bytes(r, klen);
    struct field tmp, *f = &tmp;
    uint16_t ns, j;
    memset(&tmp, 0, sizeof tmp);
    if (r->bad || parent >= i || klen > AJAR_MAX_KEY)
      return AJAR_EPARSE;
    if (dst) {
      if (flags & FLAG_OVERFLOW) { /* as collection.c makes it */
        if (!dst->overflow) {
          uint32_t k = field_child(dst, ROOT_FIELD, "(other fields)", 14, 0);
          if (k != ROOT_FIELD && !dst->overflow) {
            dst->fields[k].hints = 0;
            dst->overflow = k;
          }
        }
        map[i] = dst->overflow;
      } else {
        map[i] = field_child(dst, map[parent], key, klen, flags & FLAG_ARRAY);
      }
      f = &dst->fields[map[i]];
    }
    f->values += get_u(r, 8);
    if (flags & FLAG_PLACE_NAMED)
      f->place_named = 1;
    f->time_values += get_u(r, 8);
    f->bools += get_u(r, 8);
    ns = (uint16_t)get_u(r, 2);
    for (j = 0; j < ns && !r->bad; j++) {
      struct det_stat st;
      char exbuf[AJAR_EXAMPLES_MAX][AJAR_MAX_EXAMPLE];
      uint16_t e;
      memset(&st, 0, sizeof st);
      memset(exbuf, 0, sizeof exbuf);
      st.examples = exbuf;
      st.det = (uint16_t)get_u(r, 2);
      st.hits = get_u(r, 8);
      st.valid = get_u(r, 8);
      st.embedded = get_u(r, 8);
      st.records = get_u(r, 8);
      st.sketch = get_u(r, 8);
      st.n_examples = (uint16_t)get_u(r, 1);
      if (st.det >= DET__COUNT || st.n_examples > AJAR_EXAMPLES_MAX)
        return AJAR_EPARSE;
      for (e = 0; e < st.n_examples; e++) {
        size_t el = (size_t)get_u(r, 1);
        const char *ex = get_bytes(r, el);
        if (r->bad || el >= AJAR_MAX_EXAMPLE)
          return AJAR_EPARSE;
        memcpy(st.examples[e], ex, el);
      }
      if (dst && !r->bad)
        add_stat(f, &st);
    }
    if (r->bad)
      return AJAR_EPARSE;
  }
  if (r->at != r->len)
    return AJAR_EPARSE;
  if (dst) {
    dst->records += records;
    dst->malformed += malformed;
    if (first_bad && (!dst->first_malformed || first_bad < dst->first_malformed))
      dst->first_malformed = first_bad;
  }
  return 0;
}

int ajar_collection_import(struct ajar_collection *dst, const void *buf,
                           size_t len) {
  struct rbuf r = {buf, len, 0, 0};
  uint32_t *map;
  int rc;
  if (!dst || (!buf && len))
    return AJAR_EINVAL;
  rc = walk(NULL, &r, NULL); /* check everything before touching dst */
  if (rc)
    return rc;
  r.at = 0;
  map = calloc(AJAR_MAX_FIELDS + 2u, sizeof *map);
  if (!map)
    return AJAR_ENOMEM;
  rc = walk(dst, &r, map);
  free(map);
  return rc;
}

int ajar_collection_finish_target(const struct ajar_collection *c,
                                  const char *target, const char *store,
                                  struct ajar_target_result *out) {
  int rc;
  if (!c || !target || !out)
    return AJAR_EINVAL;
  memset(out, 0, sizeof *out);
  out->target = strdup(target);
  out->store = strdup(store ? store : "file");
  out->collections = calloc(1, sizeof *out->collections);
  if (!out->target || !out->store || !out->collections) {
    ajar_target_result_clear(out);
    return AJAR_ENOMEM;
  }
  out->reachable = 1;
  out->n_collections = 1;
  rc = ajar_collection_finish(c, 1, &out->collections[0]);
  if (rc) {
    ajar_target_result_clear(out);
    return rc;
  }
  out->collections[0].records = (int64_t)out->collections[0].sampled;
  out->severity = out->collections[0].severity;
  return 0;
}
