/* Internal: a collection's field tree and per-field evidence, filled
 * through its record sink (record/walker.h) and read by the decisions
 * (collection_finish.c). */
#ifndef AJAR_COLLECTION_H
#define AJAR_COLLECTION_H

#include <stdint.h>
#include "ajar/ajar.h"
#include "classify/classify.h"
#include "record/walker.h"

/* evidence of one detector in one field */
struct det_stat {
  uint16_t det;
  uint16_t n_examples;
  uint16_t example_tries; /* values offered as examples; capped */
  uint8_t offers_done;    /* no value is offered any more (offer_example):
                           * a hit tests this byte, not the two caps */
  uint64_t hits;        /* whole values that matched */
  uint64_t valid;       /* of those, the ones a vocabulary or check confirmed */
  uint64_t embedded;    /* matches inside free text */
  uint64_t records;     /* records with a match */
  uint64_t sketch;      /* one bit per hash of a whole value that matched
                         * (mod 64): how many distinct values, by linear
                         * counting (collection_finish.c, distinct_values) */
  uint64_t last_record; /* record number last counted */
  /* AJAR_EXAMPLES_MAX examples, allocated with the first (det_examples):
   * kept apart, the counters of a field's detectors share cache lines */
  char (*examples)[AJAR_MAX_EXAMPLE];
};

/* st->examples, allocated if need be; 0, or -1 without memory */
int det_examples(struct det_stat *st);

struct field;
/* the evidence of detector det in field f, added (zero) when it has none
 * yet; NULL without memory */
struct det_stat *field_stat(struct field *f, unsigned det);

/* a key predicted to come next, with what matching it needs */
struct key_pred {
  char quoted16[16]; /* the key and its closing quote, zero-padded */
  uint32_t field;    /* 0: empty slot */
  uint8_t len;       /* key length when it is a plain 1..15 bytes, else 0 */
};

struct field {
  /* read for every value, with the first predicted key: one cache line
   * (fields are 64-byte aligned) */
  uint32_t hints;       /* lexicon hints of this field, adjusted by ancestors */
  uint8_t n_stats;      /* at most DET__COUNT (<= UINT8_MAX: stat_of) */
  uint8_t way;          /* WAY_PLAIN, or the one other way its values take
                         * (one byte, so a plain string tests it once) */
  uint8_t place_named;  /* a value of this place field could name a site or
                         * a device (SIG_PLACE; collection_finish.c) */
  uint8_t memo_mask;    /* its memo's slots less one (collection.c, memo_scalar) */
  uint64_t values;      /* non-empty values seen */
  struct det_stat *stats; /* at most DET__COUNT */
  struct memo_slot *memo; /* recent short values and their candidates:
                           * memo_mask + 1 slots (collection.c) */
  uint32_t memo_tries, memo_hits;
  /* key order: the children seen first and the siblings seen after this
   * field, lately, newest first; records of a few kinds repeat a few
   * orders. Each slot holds its key, so a check reads this field only. */
  struct key_pred next_pred[AJAR_KEY_PREDICT];
  struct key_pred first_pred[AJAR_KEY_PREDICT];
  uint64_t time_values; /* values that looked like a time */
  uint64_t bools;
  /* read when a key is new or mispredicted */
  uint32_t parent;
  uint32_t elem;        /* the index of its "[]" element field, 0 until the
                         * first array under it: field_child answers an
                         * array's element from here, with no hash */
  uint32_t path_hints;  /* union of the hints of every component */
  char *path;
  uint32_t hash;        /* of (parent, leaf) */
  uint16_t leaf_off, leaf_len;
  char leaf16[16];      /* the first 16 bytes of the leaf, zero-padded */
  uint8_t is_array;     /* the "[]" element of its parent */
  uint8_t quotable;     /* a plain key of 1..15 bytes, no '"' nor '\\' */
  uint8_t text_memo_off; /* its long values repeat too seldom to remember */
  struct text_memo *text_memo; /* recent long values and their candidates */
  /* read for every candidate: the index + 1 in stats of each detector's
   * evidence (0: none yet), so a hit finds its counters without a search */
  uint8_t stat_of[DET__COUNT];
} __attribute__((aligned(64)));
_Static_assert(DET__COUNT <= UINT8_MAX, "stat_of holds a detector's index + 1");

#define ROOT_FIELD 0u

/* struct field's way */
enum field_way {
  WAY_PLAIN = 0,
  /* the text or label of a coded thing, named for nothing else: its
   * values are kept as code_text (collection_finish.c,
   * beside_diagnosis_code) */
  WAY_TEXT_LEAF,
  /* named for a time or a place alone: its values give signals only
   * (classify_time_place) */
  WAY_TIME_PLACE
};

/* the context of the candidates of one value of field f */
struct memo_cands;
struct hit_ctx {
  struct ajar_collection *c;
  struct field *f; /* c->fields do not move while a value is classified */
  const char *v;   /* never NULL (on_array_candidate has none) */
  struct memo_cands *rec; /* on_candidate_kept keeps the candidates here */
  int overflow;           /* more than MEMO_CANDS of them */
};

struct ajar_collection {
  const struct ajar_db *db;
  char *name;
  int reveal;
  uint64_t records;
  uint64_t malformed;
  uint64_t first_malformed;   /* record number of the first bad one */
  struct field *fields;
  uint32_t n_fields, cap_fields;
  uint32_t *slots;            /* hash of (parent, key) -> field index + 1 */
  uint32_t n_slots;
  uint32_t overflow;          /* field index of "(other fields)", 0 if none */
  uint32_t text_memos;        /* fields with a text_memo (AJAR_TEXT_MEMOS at most) */
  uint32_t large_memos;       /* fields with a memo of AJAR_MEMO_SLOTS_LARGE slots */
  struct key_cache *keys;     /* fields by quoted key (keycache.h), or NULL */
  /* the classifier's way for most strings: out.ctx is &hit, whose f and
   * v, and out.s, are set per value (collection.c, string_into) */
  struct value_sink out;
  struct hit_ctx hit;
};

/* The child of `parent` named key (is_array: the "[]" element child).
 * Never fails: past AJAR_MAX_FIELDS, or without memory, every new field
 * is folded into one "(other fields)" field. */
uint32_t field_child(struct ajar_collection *c, uint32_t parent,
                     const char *key, size_t klen, int is_array);

/* field_child for the key that follows `prev` (UINT32_MAX: the first
 * key) in an object of `parent`: records repeat their key order, so the
 * sibling seen last time is tried before the hash table. */
uint32_t field_next(struct ajar_collection *c, uint32_t parent, uint32_t prev,
                    const char *key, size_t klen);

/* field_next for the key that starts at k (just past its opening quote)
 * when it is the predicted sibling, written without escapes: the field,
 * with *klen its length. UINT32_MAX otherwise, and nothing is read past
 * end. Spares the predicted key its string scan. */
uint32_t field_next_quoted(struct ajar_collection *c, uint32_t parent,
                           uint32_t prev, const char *k, const char *end,
                           size_t *klen);

/* Classify a scalar value of field f in the current record */
void field_value(struct ajar_collection *c, struct ajar_scratch *s,
                 uint32_t f, enum value_kind kind, const char *v, size_t n);
/* A whole array of numbers, as one value */
void field_numarray(struct ajar_collection *c, uint32_t f, size_t count,
                    double first, double second, double absmax);
/* A {lat, lon} object in range */
void field_geo(struct ajar_collection *c, uint32_t f, double lat, double lon);

/* The collection as the sink of a record walker: what the walker emits
 * lands in c, classified with scratch s. `open` is NULL: a collection
 * alone does not nest; whoever owns the collections of a source (files.c)
 * sets it. */
struct coll_sink {
  struct rec_sink sink;
  struct ajar_collection *c;
  struct ajar_scratch *s;
};
void collection_sink(struct coll_sink *k, struct ajar_collection *c,
                     struct ajar_scratch *s);

#endif
