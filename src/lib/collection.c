/* A collection: the field tree of its records and, per field and
 * detector, the evidence seen. Field-name analysis runs once per new
 * field, not once per value. */
#include <stdlib.h>
#include <string.h>
#include "collection.h"
#include "opts.h"
#include "classify/shape.h"
#include "keycache.h"

static uint32_t hash_key(uint32_t parent, const char *k, size_t n, int arr) {
  uint32_t h = 2166136261u ^ (parent * 2654435761u) ^ (uint32_t)arr;
  size_t i;
  if (n <= 16) {
    uint64_t x = hash_prefix16(k, n);
    return h ^ (uint32_t)(x >> 32) ^ (uint32_t)x;
  }
  for (i = 0; i < n; i++)
    h = (h ^ (unsigned char)k[i]) * 16777619u;
  return h;
}

/* fields stay 64-byte aligned (struct field): realloc would not keep it */
static int grow_fields(struct ajar_collection *c) {
  uint32_t cap = c->cap_fields ? c->cap_fields * 2 : 64;
  struct field *f = aligned_alloc(64, cap * sizeof *f);
  if (!f)
    return -1;
  if (c->n_fields)
    memcpy(f, c->fields, c->n_fields * sizeof *f);
  free(c->fields);
  c->fields = f;
  c->cap_fields = cap;
  return 0;
}

static uint32_t new_field(struct ajar_collection *c, uint32_t parent,
                          const char *key, size_t klen, int is_array) {
  struct field *f;
  const char *pp = c->fields[parent].path;
  size_t pl = strlen(pp);
  char *path;
  uint32_t own = 0;

  if (c->n_fields == c->cap_fields && grow_fields(c))
    return UINT32_MAX;
  if (klen > AJAR_MAX_KEY)
    klen = AJAR_MAX_KEY;
  if (pl + klen + 3 > AJAR_MAX_PATH)
    return UINT32_MAX;
  path = malloc(pl + klen + 4);
  if (!path)
    return UINT32_MAX;
  if (is_array) {
    memcpy(path, pp, pl);
    memcpy(path + pl, "[]", 3);
    own = c->fields[parent].hints; /* elements mean what the array means */
  } else {
    size_t at = 0;
    if (pl) {
      memcpy(path, pp, pl);
      path[pl] = '.';
      at = pl + 1;
    }
    memcpy(path + at, key, klen);
    path[at + klen] = 0;
    own = classify_key_hints(key, klen, c->fields[parent].path_hints);
  }
  f = &c->fields[c->n_fields];
  memset(f, 0, sizeof *f);
  f->parent = parent;
  f->path = path;
  f->is_array = (uint8_t)is_array;
  f->leaf_off = (uint16_t)(is_array ? pl : (pl ? pl + 1 : 0));
  f->leaf_len = (uint16_t)(is_array ? 2 : klen);
  if (!is_array)
    memcpy(f->leaf16, key, klen < 16 ? klen : 16);
  f->quotable = !is_array && klen >= 1 && klen <= 15 && !memchr(key, '"', klen) &&
                !memchr(key, '\\', klen);
  f->hints = is_array ? own : classify_adjust_hints(own, c->fields[parent].path_hints);
  /* a text leaf has no hints; a time or place field has some */
  if (!is_array && !f->hints && ajar_lexicon_text_key(key, klen))
    f->way = WAY_TEXT_LEAF;
  else if (hints_time_place_only(f->hints))
    f->way = WAY_TIME_PLACE;
  f->path_hints = c->fields[parent].path_hints | f->hints;
  return c->n_fields++;
}

static uint32_t overflow_field(struct ajar_collection *c) {
  if (!c->overflow) {
    uint32_t i = new_field(c, ROOT_FIELD, "(other fields)", 14, 0);
    if (i == UINT32_MAX)
      return ROOT_FIELD;
    c->fields[i].hints = 0;
    c->fields[i].way = WAY_PLAIN;
    c->overflow = i;
  }
  return c->overflow;
}

/* key (klen bytes) equals the leaf of f */
static int same_key(const struct field *f, const char *key, size_t klen) {
  if (klen <= 16)
    return same_prefix16(key, klen, f->leaf16);
  return !memcmp(f->path + f->leaf_off, key, klen);
}

/* field_child by the hash of (parent, key) */
__attribute__((noinline))
static uint32_t field_lookup(struct ajar_collection *c, uint32_t parent,
                             const char *key, size_t klen, int is_array) {
  uint32_t mask = c->n_slots - 1, h, i, idx;
  if (parent == c->overflow && c->overflow)
    return c->overflow;
  if (klen > AJAR_MAX_KEY)
    klen = AJAR_MAX_KEY;
  h = hash_key(parent, key, is_array ? 0 : klen, is_array);
  for (i = h & mask;; i = (i + 1) & mask) {
    uint32_t slot = c->slots[i];
    const struct field *f;
    if (!slot)
      break;
    f = &c->fields[slot - 1];
    if (f->hash == h && f->parent == parent && f->is_array == is_array &&
        (is_array || (f->leaf_len == klen && same_key(f, key, klen))))
      return slot - 1;
  }
  if (c->n_fields >= AJAR_MAX_FIELDS)
    return overflow_field(c);
  idx = new_field(c, parent, key, klen, is_array);
  if (idx == UINT32_MAX)
    return overflow_field(c);
  c->fields[idx].hash = h;
  c->slots[i] = idx + 1;
  if (is_array) /* after new_field, which may move c->fields; an element
                 * is made here only, so it is found above from now on */
    c->fields[parent].elem = idx;
  return idx;
}

/* every array after the first under parent takes its element from
 * there, with no hash and no frame */
uint32_t field_child(struct ajar_collection *c, uint32_t parent,
                     const char *key, size_t klen, int is_array) {
  if (is_array && c->fields[parent].elem)
    return c->fields[parent].elem;
  return field_lookup(c, parent, key, klen, is_array);
}

/* the predicted keys after prev (UINT32_MAX: the first key of parent) */
static struct key_pred *predictions(struct ajar_collection *c, uint32_t parent,
                                    uint32_t prev) {
  struct field *f = &c->fields[prev == UINT32_MAX ? parent : prev];
  return prev == UINT32_MAX ? f->first_pred : f->next_pred;
}

uint32_t field_next(struct ajar_collection *c, uint32_t parent, uint32_t prev,
                    const char *key, size_t klen) {
  struct key_pred *pred = predictions(c, parent, prev);
  const struct field *f;
  uint32_t child;
  unsigned i;
  for (i = 0; i < AJAR_KEY_PREDICT && pred[i].field; i++) {
    f = &c->fields[pred[i].field];
    if (f->parent == parent && !f->is_array && f->leaf_len == klen &&
        same_key(f, key, klen))
      return pred[i].field;
  }
  child = field_child(c, parent, key, klen, 0);
  /* field_child may have grown c->fields: look the slots up again */
  pred = predictions(c, parent, prev);
  memmove(pred + 1, pred, (AJAR_KEY_PREDICT - 1) * sizeof *pred); /* newest first */
  f = &c->fields[child];
  memset(&pred[0], 0, sizeof pred[0]);
  pred[0].field = child;
  /* a plain key of 1..15 bytes is matched as its bytes and closing quote
   * (field_next_quoted); the others always come here */
  if (f->parent == parent && f->quotable) {
    memcpy(pred[0].quoted16, f->leaf16, f->leaf_len);
    pred[0].quoted16[f->leaf_len] = '"';
    pred[0].len = (uint8_t)f->leaf_len;
    if (c->keys || (c->keys = calloc(1, sizeof *c->keys)) != NULL)
      key_cache_put(c->keys, parent, f->leaf16, f->leaf_len, child);
  }
  return child;
}

/* field_next_quoted past the key cache: the keys predicted after prev */
static uint32_t predicted_quoted(struct ajar_collection *c, uint32_t parent,
                                 uint32_t prev, const char *k, const char *end,
                                 size_t *klen) {
  const struct key_pred *pred = predictions(c, parent, prev);
  unsigned i;
  for (i = 0; i < AJAR_KEY_PREDICT && pred[i].field; i++) {
    if (pred[i].len && (size_t)(end - k) > pred[i].len &&
        pred[i].quoted16[0] == k[0] &&
        same_prefix16(k, pred[i].len + 1u, pred[i].quoted16)) {
      *klen = pred[i].len;
      return pred[i].field;
    }
  }
  return UINT32_MAX;
}

uint32_t field_next_quoted(struct ajar_collection *c, uint32_t parent,
                           uint32_t prev, const char *k, const char *end,
                           size_t *klen) {
  if (c->keys) {
    uint32_t f = key_cache_find(c->keys, parent, k, end, klen);
    if (f != UINT32_MAX)
      return f;
  }
  return predicted_quoted(c, parent, prev, k, end, klen);
}

static int on_candidate(void *p, const struct candidate *cd);
static void on_signals(void *p, unsigned sig);

int ajar_collection_new(const struct ajar_db *db, const char *name,
                        const struct ajar_collection_opts *opts,
                        struct ajar_collection **out) {
  struct ajar_collection *c;
  if (!db || !out || (opts && !opts_size_known(opts->size, sizeof *opts)))
    return AJAR_EINVAL;
  c = calloc(1, sizeof *c);
  if (!c)
    return AJAR_ENOMEM;
  c->db = db;
  c->name = strdup(name ? name : "");
  c->n_slots = AJAR_MAX_FIELDS * 4;
  c->slots = calloc(c->n_slots, sizeof *c->slots);
  c->reveal = opts ? opts->reveal : 0;
  c->hit.c = c;
  c->out.db = db;
  c->out.e.fn = on_candidate;
  c->out.signals = on_signals;
  c->out.e.ctx = &c->hit;
  if (!c->name || !c->slots || grow_fields(c)) {
    ajar_collection_free(c);
    return AJAR_ENOMEM;
  }
  memset(&c->fields[0], 0, sizeof c->fields[0]);
  c->fields[0].path = strdup("");
  if (!c->fields[0].path) {
    ajar_collection_free(c);
    return AJAR_ENOMEM;
  }
  c->n_fields = 1;
  *out = c;
  return 0;
}

void ajar_collection_free(struct ajar_collection *c) {
  uint32_t i;
  if (!c)
    return;
  for (i = 0; i < c->n_fields; i++) {
    uint16_t k;
    for (k = 0; k < c->fields[i].n_stats; k++)
      free(c->fields[i].stats[k].examples);
    free(c->fields[i].path);
    free(c->fields[i].stats);
    free(c->fields[i].memo);
    free(c->fields[i].text_memo);
  }
  free(c->fields);
  free(c->slots);
  free(c->keys);
  free(c->name);
  free(c);
}

int det_examples(struct det_stat *st) {
  if (!st->examples)
    st->examples = calloc(AJAR_EXAMPLES_MAX, sizeof *st->examples);
  return st->examples ? 0 : -1;
}

/* a new, zero det_stat for det (field_stat found none) */
static struct det_stat *stat_new(struct field *f, unsigned det) {
  if (f->n_stats >= DET__COUNT)
    return NULL;
  if ((f->n_stats & 3) == 0) { /* grow by four */
    struct det_stat *st = realloc(f->stats, (f->n_stats + 4u) * sizeof *st);
    if (!st)
      return NULL;
    f->stats = st;
  }
  memset(&f->stats[f->n_stats], 0, sizeof f->stats[0]);
  f->stats[f->n_stats].det = (uint16_t)det;
  f->stat_of[det] = (uint8_t)(f->n_stats + 1);
  return &f->stats[f->n_stats++];
}

struct det_stat *field_stat(struct field *f, unsigned det) {
  unsigned i = f->stat_of[det];
  return i ? &f->stats[i - 1] : stat_new(f, det);
}

/* out of the way of record_hit: a detector takes its last example
 * after a few hits */
__attribute__((noinline, cold))
static void add_example(struct ajar_collection *c, struct det_stat *st,
                        const char *v, size_t n) {
  char ex[AJAR_MAX_EXAMPLE];
  uint16_t i;
  if (c->reveal) {
    if (n >= sizeof ex)
      n = sizeof ex - 1;
    memcpy(ex, v, n);
    ex[n] = 0;
  } else {
    ajar_redact(v, n, ex, sizeof ex);
  }
  for (i = 0; i < st->n_examples; i++)
    if (!strcmp(st->examples[i], ex))
      return;
  if (det_examples(st))
    return;
  memcpy(st->examples[st->n_examples++], ex, sizeof ex);
}

/* a cheap hash of a value: its length and first and last eight bytes */
static uint64_t memo_hash(const char *v, size_t n) {
  uint64_t a = 0, b = 0;
  if (n >= 8) {
    memcpy(&a, v, 8);
    memcpy(&b, v + n - 8, 8);
  } else {
    size_t i = 0;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n >= 4) { /* the n bytes as a big-endian number, as the loop makes it */
      uint32_t x, y;
      memcpy(&x, v, 4);
      memcpy(&y, v + n - 4, 4); /* its last n - 4 bytes are the rest */
      a = (uint64_t)__builtin_bswap32(x) << (8 * (n - 4)) |
          (__builtin_bswap32(y) & ((1u << (8 * (n - 4))) - 1));
      i = n;
    }
#endif
    for (; i < n; i++)
      a = a << 8 | (unsigned char)v[i];
  }
  return (a ^ (b * 0x9E3779B97F4A7C15ull) ^ n) * 0xFF51AFD7ED558CCDull;
}

/* The evidence of detector det in a value of field f of the current
 * record. Each function returns 0, what a candidate_fn returns to go on:
 * on_candidate ends with a jump here, with no frame of its own. */

/* record_hit past its counters: a detector takes its last example after
 * a few hits, and a field with fewer distinct values than examples stops
 * offering after 256 (st->offers_done from then on) */
__attribute__((noinline, cold))
static int offer_example(struct ajar_collection *c, struct det_stat *st,
                         const char *v, size_t n) {
  if (st->n_examples >= AJAR_EXAMPLES_MAX || st->example_tries >= 256) {
    st->offers_done = 1;
    return 0;
  }
  st->example_tries++;
  add_example(c, st, v, n);
  return 0;
}

/* a whole value's hit in st's sketch; once every bit is set, no value
 * adds one */
static inline void sketch_add(struct det_stat *st, const char *v, size_t n) {
  if (~st->sketch)
    st->sketch |= 1ull << (memo_hash(v, n) >> 40 & 63);
}

/* a hit of st's detector in the current record: its counters, what
 * every hit pays */
static inline void count_counters(struct ajar_collection *c, struct det_stat *st,
                                  int embedded, int validated) {
  if (embedded) {
    st->embedded++;
  } else {
    st->hits++;
    if (validated) /* the same for most of a field's values: a branch
                    * costs less than the two counters added as a vector */
      st->valid++;
  }
  if (st->last_record != c->records + 1) {
    st->last_record = c->records + 1;
    st->records++;
  }
}

/* a hit of st's detector */
static inline int count_hit(struct ajar_collection *c, struct det_stat *st,
                            int embedded, int validated, const char *v, size_t n) {
  count_counters(c, st, embedded, validated);
  if (!embedded && v)
    sketch_add(st, v, n);
  if (v && !st->offers_done)
    return offer_example(c, st, v, n);
  return 0;
}

/* record_hit for a detector new to the field; how: 1 embedded, 2
 * validated (six arguments: a jump here passes none on the stack) */
__attribute__((noinline))
static int record_first_hit(struct ajar_collection *c, struct field *f,
                            unsigned det, unsigned how, const char *v, size_t n) {
  struct det_stat *st = stat_new(f, det);
  return st ? count_hit(c, st, how & 1, how & 2, v, n) : 0;
}

static inline int record_hit(struct ajar_collection *c, struct field *f,
                             unsigned det, int embedded, int validated,
                             const char *v, size_t n) {
  unsigned i = f->stat_of[det];
  if (i)
    return count_hit(c, &f->stats[i - 1], embedded, validated, v, n);
  return record_first_hit(c, f, det, (embedded != 0) | (validated != 0) << 1, v, n);
}

/* A field's memo. Fields such as status, gender, type or host repeat a
 * few short values, and classifying a value again gives the same
 * candidates: they are replayed instead. record_hit sees the same calls
 * with or without the memo, so results do not change; a field whose
 * values seldom repeat turns its memo off. Longer values (a user agent,
 * a log line's message) have a larger memo of their own, for a few
 * fields at a time: one hit saves a Vectorscan pass. */
#define MEMO_CANDS 6
#define MEMO_OFF UINT32_MAX
struct memo_cands { /* what classifying a value gave */
  uint8_t n_cands;
  uint8_t sig;
  struct { uint8_t det, flags, from, to; } cand[MEMO_CANDS];
};
struct memo_slot {
  char v[AJAR_MEMO_VALUE]; /* zero-padded: compared as 16 and 8 bytes */
  uint8_t n; /* 0: empty */
  struct memo_cands c;
};
struct text_slot {
  uint16_t n; /* 0: empty */
  struct memo_cands c;
  char v[AJAR_TEXT_MEMO_VALUE];
};
#define TEXT_SETS (AJAR_TEXT_MEMO_SLOTS / AJAR_TEXT_MEMO_WAYS)
struct text_memo {
  uint32_t tries, hits;
  uint32_t tag[TEXT_SETS][AJAR_TEXT_MEMO_WAYS]; /* the high half of each slot's hash */
  uint8_t next[TEXT_SETS];                      /* the way the set's next miss takes */
  struct text_slot slot[TEXT_SETS][AJAR_TEXT_MEMO_WAYS];
};
_Static_assert(AJAR_TEXT_MEMO_VALUE <= UINT8_MAX, "candidate offsets are bytes");


/* on_candidate past the counters: the value's hash into a sketch that
 * is not full yet */
__attribute__((noinline))
static void sketch_candidate(struct det_stat *st, const struct hit_ctx *h,
                             const struct candidate *cd) {
  sketch_add(st, h->v + cd->from, cd->to - cd->from);
}

/* a candidate of a detector new to its field: record_hit's way */
__attribute__((noinline))
static int first_candidate(const struct hit_ctx *h, const struct candidate *cd) {
  return record_first_hit(h->c, h->f, cd->det,
                          (cd->embedded != 0) | (cd->validated != 0) << 1,
                          h->v + cd->from, cd->to - cd->from);
}

/* A candidate of a value, counted in its field: the way of most values,
 * which are remembered by no memo, so it has no test of one. What every
 * hit pays is its counters; where the candidate lies in the value is
 * read only for a sketch that is not full yet or an example still
 * wanted. count_hit's way: tests/unit/test_textmemo.c (test_memo) holds
 * the two to the same evidence (a memo's replay counts by count_hit). */
static int on_candidate(void *p, const struct candidate *cd) {
  const struct hit_ctx *h = p;
  unsigned i = h->f->stat_of[cd->det];
  struct det_stat *st;
  int embedded = cd->embedded;
  if (!i)
    return first_candidate(h, cd);
  st = &h->f->stats[i - 1];
  count_counters(h->c, st, embedded, cd->validated);
  if (!embedded && ~st->sketch)
    sketch_candidate(st, h, cd);
  if (!st->offers_done)
    return offer_example(h->c, st, h->v + cd->from, cd->to - cd->from);
  return 0;
}

/* the same, the candidate also kept in the memo slot h->rec */
static int on_candidate_kept(void *p, const struct candidate *cd) {
  struct hit_ctx *h = p;
  if (h->rec->n_cands == MEMO_CANDS) {
    h->overflow = 1;
  } else {
    h->rec->cand[h->rec->n_cands].det = (uint8_t)cd->det;
    h->rec->cand[h->rec->n_cands].flags =
        (uint8_t)((cd->validated != 0) | (cd->embedded != 0) << 1);
    h->rec->cand[h->rec->n_cands].from = (uint8_t)cd->from;
    h->rec->cand[h->rec->n_cands].to = (uint8_t)cd->to;
    h->rec->n_cands++;
  }
  return on_candidate(p, cd);
}

/* a candidate of an array of numbers: no value text, no example */
static int on_array_candidate(void *p, const struct candidate *cd) {
  const struct hit_ctx *h = p;
  return record_hit(h->c, h->f, cd->det, cd->embedded, cd->validated, NULL, 0);
}

/* a value of 1..AJAR_MEMO_VALUE bytes as its memo slot holds it,
 * zero-padded: its first 16 bytes in lo, the next 8 in hi */
struct memo_key {
  __m128i lo;
  uint64_t hi;
};
_Static_assert(AJAR_MEMO_VALUE == 24, "a memo key is 16 + 8 bytes");
_Static_assert(AJAR_MEMO_SLOTS_LARGE == 256 && AJAR_MEMO_SLOTS <= 256 &&
                   (AJAR_MEMO_SLOTS & (AJAR_MEMO_SLOTS - 1)) == 0,
               "memo_index takes 8 bits, a field's mask fewer");

static inline struct memo_key memo_key(const char *v, size_t n) {
  struct memo_key k;
  if (n > 16) {
    k.lo = _mm_loadu_si128((const __m128i *)v);
    k.hi = (uint64_t)_mm_cvtsi128_si64(shape_load_part(v + 16, n - 16));
  } else {
    k.lo = shape_load_part(v, n);
    k.hi = 0;
  }
  return k;
}

static inline unsigned memo_index(struct memo_key k) {
  uint64_t a = (uint64_t)_mm_cvtsi128_si64(k.lo),
           b = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(k.lo, k.lo));
  return (unsigned)(((a ^ (b * 0x9E3779B97F4A7C15ull) ^ (k.hi * 0xC2B2AE3D27D4EB4Full)) *
                     0xFF51AFD7ED558CCDull) >> 56);
}

/* slot m holds the n bytes of key k */
static inline int memo_holds(const struct memo_slot *m, struct memo_key k, size_t n) {
  uint64_t hi;
  memcpy(&hi, m->v + 16, 8);
  return m->n == n && hi == k.hi &&
         _mm_movemask_epi8(_mm_cmpeq_epi8(k.lo, _mm_loadu_si128((const __m128i *)m->v))) ==
             0xFFFF;
}

/* a hash of every byte: long values share their ends ("Mozilla/5.0 ...
 * Safari/537.36"). 16 bytes a step (SSE2), each step's with a key of its
 * own, so where bytes stand counts; the last step's 16 bytes end at the
 * value's end (n > AJAR_MEMO_VALUE >= 16: no load past the value, no
 * copy). Each 64-bit lane adds the product of its halves and the other
 * lane; a final mix spreads every bit over the set and the tag. */
static uint64_t text_hash(const char *v, size_t n) {
  __m128i k = _mm_set_epi64x((long long)0x9E3779B97F4A7C15ull, (long long)0xC2B2AE3D27D4EB4Full);
  const __m128i step =
      _mm_set_epi64x((long long)0x165667B19E3779F9ull, (long long)0x27D4EB2F165667C5ull);
  __m128i acc = _mm_cvtsi64_si128((long long)n), x;
  uint64_t a, b, h;
  size_t i = 0;
  for (;;) {
    x = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(v + i)), k);
    acc = _mm_add_epi64(acc, _mm_mul_epu32(x, _mm_shuffle_epi32(x, _MM_SHUFFLE(2, 3, 0, 1))));
    acc = _mm_add_epi64(acc, _mm_shuffle_epi32(x, _MM_SHUFFLE(1, 0, 3, 2)));
    k = _mm_add_epi64(k, step);
    if (i + 16 >= n)
      break;
    i = i + 32 <= n ? i + 16 : n - 16;
  }
  a = (uint64_t)_mm_cvtsi128_si64(acc);
  b = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(acc, acc));
  h = a ^ b * 0x9E3779B97F4A7C15ull;
  h = (h ^ h >> 33) * 0xFF51AFD7ED558CCDull;
  h = (h ^ h >> 33) * 0xC4CEB9FE1A85EC53ull;
  return h ^ h >> 33;
}
_Static_assert(AJAR_MEMO_VALUE >= 16, "text_hash reads 16 bytes a step");

/* the calls classifying the value made, made again */
static unsigned memo_replay(struct ajar_collection *c, struct field *f,
                            const struct memo_cands *m, const char *v) {
  unsigned i;
  for (i = 0; i < m->n_cands; i++)
    record_hit(c, f, m->cand[i].det, m->cand[i].flags >> 1, m->cand[i].flags & 1,
               v + m->cand[i].from, (size_t)(m->cand[i].to - m->cand[i].from));
  return m->sig;
}

/* A field that repeats more values than its memo's first slots hold (a
 * quarter or more of its first 256 tries missed: first names, cities, a
 * vocabulary of a couple of hundred words) gets AJAR_MEMO_SLOTS_LARGE,
 * while the collection has fewer than AJAR_MEMO_LARGE such fields: a
 * wide record of thousands of fields keeps 13 KiB, not 52 KiB, of memos
 * a field. The larger memo starts empty (a memo only saves work: what it
 * forgets is classified again). Asked at each miss past the 256th try
 * (a few instructions beside the classification a miss costs), so a
 * field whose values spread later grows then. The slot the value of key
 * k takes: in the new memo, or m if the field keeps its own. */
static struct memo_slot *memo_grow(struct ajar_collection *c, struct field *f, struct memo_key k,
                                   struct memo_slot *m) {
  struct memo_slot *large;
  if (f->memo_hits >= f->memo_tries - f->memo_tries / 4 || c->large_memos >= AJAR_MEMO_LARGE ||
      !(large = calloc(AJAR_MEMO_SLOTS_LARGE, sizeof(struct memo_slot))))
    return m;
  free(f->memo);
  f->memo = large;
  f->memo_mask = AJAR_MEMO_SLOTS_LARGE - 1;
  c->large_memos++;
  return &large[memo_index(k) & f->memo_mask];
}

/* classify_scalar for a string of 1..AJAR_MEMO_VALUE bytes, through the
 * field's memo */
static unsigned memo_scalar(struct ajar_collection *c, struct ajar_scratch *s,
                              struct field *f, const char *v, size_t n) {
  struct hit_ctx h = {c, f, v, NULL, 0};
  struct memo_slot *m;
  struct memo_key k;
  unsigned sig;
  if (!f->memo) {
    if (!(f->memo = calloc(AJAR_MEMO_SLOTS, sizeof(struct memo_slot))))
      f->memo_tries = MEMO_OFF;
    f->memo_mask = AJAR_MEMO_SLOTS - 1;
  }
  if (f->memo_tries == MEMO_OFF)
    return classify_string(c->db, s, f->hints, v, n, on_candidate, &h);
  k = memo_key(v, n);
  m = &f->memo[memo_index(k) & f->memo_mask];
  f->memo_tries++;
  if (memo_holds(m, k, n)) {
    f->memo_hits++;
    return memo_replay(c, f, &m->c, v);
  }
  if (f->memo_tries >= 256 && f->memo_hits < 64) { /* mostly distinct */
    free(f->memo);
    f->memo = NULL;
    f->memo_tries = MEMO_OFF;
  } else {
    if (f->memo_tries >= 256 && f->memo_mask != AJAR_MEMO_SLOTS_LARGE - 1)
      m = memo_grow(c, f, k, m);
    h.rec = &m->c;
    m->n = 0;
    m->c.n_cands = 0;
  }
  sig = classify_string(c->db, s, f->hints, v, n,
                        h.rec ? on_candidate_kept : on_candidate, &h);
  if (h.rec && !h.overflow && sig <= UINT8_MAX) {
    _mm_storeu_si128((__m128i *)m->v, k.lo);
    memcpy(m->v + 16, &k.hi, 8);
    m->n = (uint8_t)n;
    m->c.sig = (uint8_t)sig;
  }
  return sig;
}

/* the slot of set `set` that holds the n bytes at v with hash tag
 * `tag`, or NULL: the set's 8 tags are compared at once, the bytes only
 * where a tag is equal */
static struct text_slot *text_find(struct text_memo *t, unsigned set, uint32_t tag,
                                   const char *v, size_t n) {
  const __m128i k = _mm_set1_epi32((int)tag);
  unsigned eq = (unsigned)_mm_movemask_epi8(
      _mm_packs_epi32(_mm_cmpeq_epi32(k, _mm_loadu_si128((const __m128i *)t->tag[set])),
                      _mm_cmpeq_epi32(k, _mm_loadu_si128((const __m128i *)t->tag[set] + 1))));
  for (eq &= 0x5555; eq; eq &= eq - 1) {
    struct text_slot *m = &t->slot[set][__builtin_ctz(eq) >> 1];
    if (m->n == n && !memcmp(m->v, v, n))
      return m;
  }
  return NULL;
}
_Static_assert(AJAR_TEXT_MEMO_WAYS == 8, "text_find compares 8 tags");

/* the same for a string of AJAR_MEMO_VALUE+1..AJAR_TEXT_MEMO_VALUE bytes,
 * through the field's text memo when it has one or can have one. A value
 * may take any of the 8 slots of its set (the low bits of its hash), a
 * miss the set's oldest: with one slot a value (direct-mapped), two
 * frequent user agents of one slot evicted each other, and a few
 * thousand of them missed 4 times in 10 where a set keeps them. Off for
 * good, leaving its place to another field, when fewer than 16 of the
 * first 512 values were hits (distinct values: URLs, messages) or fewer
 * than one in eight after 4096 (values drawn from a few thousand, as
 * user agents are, repeat more often by then). */
static unsigned text_memo_scalar(struct ajar_collection *c, struct ajar_scratch *s,
                                   struct field *f, const char *v, size_t n) {
  struct hit_ctx h = {c, f, v, NULL, 0};
  struct text_memo *t = f->text_memo;
  struct text_slot *m = NULL;
  unsigned sig, set = 0;
  uint32_t tag = 0;
  if (!t && !f->text_memo_off && c->text_memos < AJAR_TEXT_MEMOS &&
      (t = f->text_memo = calloc(1, sizeof *t)) != NULL)
    c->text_memos++;
  if (t) {
    uint64_t hash = text_hash(v, n);
    set = (unsigned)hash % TEXT_SETS;
    tag = (uint32_t)(hash >> 32);
    t->tries++;
    if ((m = text_find(t, set, tag, v, n)) != NULL) {
      t->hits++;
      return memo_replay(c, f, &m->c, v);
    }
    if ((t->tries == 512 && t->hits < 16) || (t->tries >= 4096 && t->hits < t->tries / 8)) {
      free(t);
      f->text_memo = NULL;
      f->text_memo_off = 1;
      c->text_memos--;
    } else {
      m = &t->slot[set][t->next[set]++ % AJAR_TEXT_MEMO_WAYS];
      h.rec = &m->c;
      m->n = 0;
      m->c.n_cands = 0;
    }
  }
  sig = classify_string(c->db, s, f->hints, v, n,
                        m ? on_candidate_kept : on_candidate, &h);
  if (m && !h.overflow && sig <= UINT8_MAX) {
    memcpy(m->v, v, n);
    m->n = (uint16_t)n;
    m->c.sig = (uint8_t)sig;
    t->tag[set][m - t->slot[set]] = tag;
  }
  return sig;
}

/* what a value's signals say of its field */
static void field_signals(struct field *f, unsigned sig) {
  if (sig & SIG_TIME)
    f->time_values++;
  if (sig & (SIG_BOOL | SIG_PLACE)) { /* a boolean is no place's value */
    if (sig & SIG_BOOL)
      f->bools++;
    else
      f->place_named = 1;
  }
}

/* the signals of a value of the collection's value sink */
static void on_signals(void *p, unsigned sig) {
  field_signals(((struct hit_ctx *)p)->f, sig);
}

/* memo_scalar and text_memo_scalar, the signals counted in f */
__attribute__((noinline))
static void memo_classify(struct ajar_collection *c, struct ajar_scratch *s,
                          struct field *f, const char *v, size_t n) {
  field_signals(f, memo_scalar(c, s, f, v, n));
}
__attribute__((noinline))
static void text_memo_classify(struct ajar_collection *c, struct ajar_scratch *s,
                               struct field *f, const char *v, size_t n) {
  field_signals(f, text_memo_scalar(c, s, f, v, n));
}

/* The ways a value of f can take once it is known not to be empty, each
 * a function of its own that the hot path below only jumps to (a tail
 * call): the path saves no register and builds no frame. */

/* the classifier's way, the candidates counted in f */
__attribute__((noinline))
static void classify_into(struct ajar_collection *c, struct ajar_scratch *s,
                          struct field *f, enum value_kind kind, const char *v,
                          size_t n) {
  struct hit_ctx h = {c, f, v, NULL, 0};
  field_signals(f, classify_scalar(c->db, s, f->hints, kind, v, n, on_candidate, &h));
}
/* the same for a string, through the collection's value sink (set up
 * by ajar_collection_new): its context takes the field and the value,
 * and the classifier counts the signals by a call back, so the way
 * from the walker is jumps only, with no frame before the classifier's */
static inline void string_into(struct ajar_collection *c, struct ajar_scratch *s,
                               struct field *f, const char *v, size_t n) {
  c->hit.f = f;
  c->hit.v = v;
  c->out.s = s;
  classify_string_to(&c->out, f->hints, v, n);
}
/* and for a number, with no dispatch on the kind (the scratch is for
 * strings) */
static inline void number_into(struct ajar_collection *c, struct field *f, const char *v,
                               size_t n) {
  c->hit.f = f;
  c->hit.v = v;
  classify_number_to(&c->out, f->hints, v, n);
}

/* no candidates: nothing to remember (classify_time_place) */
__attribute__((noinline))
static void time_place_value(struct field *f, enum value_kind kind, const char *v,
                             size_t n) {
  field_signals(f, classify_time_place(f->hints, kind, v, n));
}

/* a string of f, counted: through a memo unless the field's is off for
 * good (mostly distinct values); most fields' values take the short way */
static inline void string_value(struct ajar_collection *c, struct ajar_scratch *s,
                                struct field *f, const char *v, size_t n) {
  if (n <= AJAR_MEMO_VALUE && f->memo_tries != MEMO_OFF)
    memo_classify(c, s, f, v, n);
  else if (n > AJAR_MEMO_VALUE && n <= AJAR_TEXT_MEMO_VALUE && !f->text_memo_off)
    text_memo_classify(c, s, f, v, n);
  else
    string_into(c, s, f, v, n);
}

/* a string of a field of another way than WAY_PLAIN: kept as the text
 * of a code, or a time's or a place's */
__attribute__((noinline))
static void string_way(struct ajar_collection *c, struct ajar_scratch *s,
                       struct field *f, const char *v, size_t n) {
  if (f->way == WAY_TIME_PLACE) {
    time_place_value(f, VK_STRING, v, n);
    return;
  }
  record_hit(c, f, DET_CODE_TEXT, 0, 0, v, n);
  string_value(c, s, f, v, n);
}

/* a value of f that is no empty placeholder */
static inline void value_counted(struct ajar_collection *c, struct ajar_scratch *s,
                                 struct field *f, enum value_kind kind,
                                 const char *v, size_t n) {
  f->values++;
  if (kind == VK_STRING) {
    if (f->way)
      string_way(c, s, f, v, n);
    else
      string_value(c, s, f, v, n);
  } else if (f->way == WAY_TIME_PLACE) {
    time_place_value(f, kind, v, n);
  } else if (kind == VK_BOOL) {
    classify_into(c, s, f, kind, v, n);
  } else if (!classify_scalar_nothing(f->hints, kind, n)) { /* most numbers */
    number_into(c, f, v, n);
  }
}

/* a string whose first byte some placeholder starts with: most are
 * told from one by their second byte, with no call */
__attribute__((noinline))
static void string_maybe_empty(struct ajar_collection *c, struct ajar_scratch *s,
                               struct field *f, const char *v, size_t n) {
  if (!value_may_be_empty2(v, n) || !value_is_empty(v, n))
    value_counted(c, s, f, VK_STRING, v, n);
}

/* a value of f that is not null; "" (an empty CSV cell) is an empty
 * placeholder with no call */
static inline void value_in(struct ajar_collection *c, struct ajar_scratch *s,
                            struct field *f, enum value_kind kind, const char *v,
                            size_t n) {
  if (kind == VK_STRING && value_may_be_empty(v, n)) {
    if (n)
      string_maybe_empty(c, s, f, v, n);
  } else
    value_counted(c, s, f, kind, v, n);
}

/* plain text lines, scalar records: field "$" */
__attribute__((noinline))
static void root_value(struct ajar_collection *c, struct ajar_scratch *s,
                       enum value_kind kind, const char *v, size_t n) {
  /* field_child may grow (move) c->fields: its index first, then the
   * slot; in one expression the compiler may read c->fields before the
   * call (clang does) */
  uint32_t fi = field_child(c, ROOT_FIELD, "$", 1, 0);
  value_in(c, s, &c->fields[fi], kind, v, n);
}

/* field_value, inlined in the sink's value: one call per value */
static inline void value_of(struct ajar_collection *c, struct ajar_scratch *s,
                            uint32_t fi, enum value_kind kind, const char *v,
                            size_t n) {
  if (kind == VK_STRING && fi != ROOT_FIELD) { /* most: no test for a null */
    value_in(c, s, &c->fields[fi], VK_STRING, v, n);
    return;
  }
  if (kind == VK_NULL)
    return;
  if (fi == ROOT_FIELD)
    root_value(c, s, kind, v, n);
  else
    value_in(c, s, &c->fields[fi], kind, v, n);
}

void field_value(struct ajar_collection *c, struct ajar_scratch *s,
                 uint32_t fi, enum value_kind kind, const char *v, size_t n) {
  value_of(c, s, fi, kind, v, n);
}

void field_numarray(struct ajar_collection *c, uint32_t fi, size_t count,
                    double first, double second, double absmax) {
  struct field *f = &c->fields[fi];
  struct hit_ctx h = {c, f, NULL, NULL, 0};
  f->values++;
  if (f->hints & AJAR_H_PLACE)
    f->place_named = 1; /* coordinates */
  classify_numarray(f->hints | (f->path_hints & AJAR_H_FACE), count, first,
                    second, absmax, on_array_candidate, &h);
}

void field_geo(struct ajar_collection *c, uint32_t fi, double lat, double lon) {
  char ex[64];
  struct det_stat *st = field_stat(&c->fields[fi], DET_GEO_POINT);
  int n = 0;
  if (st && st->n_examples < AJAR_EXAMPLES_MAX) /* format only when kept */
    n = snprintf(ex, sizeof ex, "%.4f,%.4f", lat, lon);
  c->fields[fi].values++;
  record_hit(c, &c->fields[fi], DET_GEO_POINT, 0, 1, n ? ex : NULL, (size_t)n);
}

/* ---- the record sink ---------------------------------------------------- */
static uint32_t sink_child(void *ctx, uint32_t parent, const char *key,
                           size_t n, int is_array) {
  return field_child(((struct coll_sink *)ctx)->c, parent, key, n, is_array);
}

static uint32_t sink_next(void *ctx, uint32_t parent, uint32_t prev,
                          const char *key, size_t n) {
  struct coll_sink *cs = ctx;
  uint32_t f = field_next(cs->c, parent, prev, key, n);
  /* field_next made the key cache with the first key: the walker's copy
   * of the sink sees it from the next record on */
  cs->sink.keys = cs->c->keys;
  return f;
}

/* after a miss in sink.keys (rec_next_quoted), or with none: the cache
 * is probed again (it may be newer than the walker's copy of the sink),
 * then the predictions */
static uint32_t sink_next_quoted(void *ctx, uint32_t parent, uint32_t prev,
                                 const char *k, const char *end, size_t *n) {
  return field_next_quoted(((struct coll_sink *)ctx)->c, parent, prev, k, end, n);
}

static void sink_value(void *ctx, uint32_t f, enum value_kind kind,
                       const char *v, size_t n) {
  struct coll_sink *k = ctx;
  value_of(k->c, k->s, f, kind, v, n);
}

static void sink_numarray(void *ctx, uint32_t f, size_t count, double first,
                          double second, double absmax) {
  field_numarray(((struct coll_sink *)ctx)->c, f, count, first, second, absmax);
}

static void sink_geo(void *ctx, uint32_t f, double lat, double lon) {
  field_geo(((struct coll_sink *)ctx)->c, f, lat, lon);
}

static void sink_end_record(void *ctx, int malformed) {
  struct ajar_collection *c = ((struct coll_sink *)ctx)->c;
  c->records++;
  if (malformed) {
    c->malformed++;
    if (!c->first_malformed)
      c->first_malformed = c->records;
  }
}

void collection_sink(struct coll_sink *k, struct ajar_collection *c,
                     struct ajar_scratch *s) {
  memset(k, 0, sizeof *k);
  k->c = c;
  k->s = s;
  k->sink.ctx = k;
  k->sink.buf = s->buf;
  k->sink.buf_len = sizeof s->buf;
  /* NULL until the first key (sink_next): CSV and text have none */
  k->sink.keys = c->keys;
  k->sink.child = sink_child;
  k->sink.next = sink_next;
  k->sink.next_quoted = sink_next_quoted;
  k->sink.value = sink_value;
  k->sink.numarray = sink_numarray;
  k->sink.geo = sink_geo;
  k->sink.end_record = sink_end_record;
}

int ajar_collection_add_json(struct ajar_collection *c, struct ajar_scratch *s,
                             const char *json, size_t len) {
  struct coll_sink k;
  if (!c || !s || (!json && len))
    return AJAR_EINVAL;
  collection_sink(&k, c, s);
  return json_walk_record(&k.sink, json, len);
}

int ajar_collection_add_field(struct ajar_collection *c, struct ajar_scratch *s,
                              const char *field, size_t field_len,
                              const char *value, size_t len) {
  uint32_t fi;
  if (!c || !s || !field)
    return AJAR_EINVAL;
  fi = field_child(c, ROOT_FIELD, field, field_len, 0);
  field_value(c, s, fi, VK_STRING, value ? value : "", value ? len : 0);
  return 0;
}

int ajar_collection_end_record(struct ajar_collection *c) {
  if (!c)
    return AJAR_EINVAL;
  c->records++;
  return 0;
}

int ajar_collection_merge(struct ajar_collection *dst,
                          const struct ajar_collection *src) {
  uint32_t i, j;
  uint32_t *map;
  if (!dst || !src)
    return AJAR_EINVAL;
  map = calloc(src->n_fields, sizeof *map);
  if (!map)
    return AJAR_ENOMEM;
  /* parents always come before children, so one pass maps the tree */
  for (i = 1; i < src->n_fields; i++) {
    const struct field *sf = &src->fields[i];
    int arr = sf->is_array;
    const char *leaf = arr ? "" : sf->path + sf->leaf_off;
    struct field *df;
    if (i == src->overflow) {
      map[i] = overflow_field(dst);
    } else {
      map[i] = field_child(dst, map[sf->parent], leaf, arr ? 0 : sf->leaf_len, arr);
    }
    df = &dst->fields[map[i]];
    df->values += sf->values;
    df->time_values += sf->time_values;
    df->bools += sf->bools;
    df->place_named |= sf->place_named;
    for (j = 0; j < sf->n_stats; j++) {
      const struct det_stat *ss = &sf->stats[j];
      struct det_stat *ds = field_stat(df, ss->det);
      uint16_t k;
      if (!ds)
        continue;
      ds->hits += ss->hits;
      ds->valid += ss->valid;
      ds->sketch |= ss->sketch;
      ds->embedded += ss->embedded;
      ds->records += ss->records;
      for (k = 0; k < ss->n_examples && ds->n_examples < AJAR_EXAMPLES_MAX; k++) {
        uint16_t e;
        for (e = 0; e < ds->n_examples; e++)
          if (!strcmp(ds->examples[e], ss->examples[k]))
            break;
        if (e == ds->n_examples && !det_examples(ds))
          memcpy(ds->examples[ds->n_examples++], ss->examples[k],
                 AJAR_MAX_EXAMPLE);
      }
    }
  }
  dst->records += src->records;
  dst->malformed += src->malformed;
  if (src->first_malformed &&
      (!dst->first_malformed || src->first_malformed < dst->first_malformed))
    dst->first_malformed = src->first_malformed;
  free(map);
  return 0;
}
