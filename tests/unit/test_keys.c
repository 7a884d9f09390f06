/* Unit tests for the key cache (src/lib/keycache.h) behind
 * field_next_quoted: whatever keys and parents come, in whatever order, a
 * key found is the field field_child gives for (parent, key) and its
 * length is right; a key just seen is found; escaped, long and empty keys
 * and keys at the end of the input are never taken for another. Each
 * input is a heap copy of its own size: the 16-byte load of
 * shape_load_part may read past it inside its page (not sanitized, the
 * lanes past it cleared); any other read past it is caught. */
#include <stdlib.h>
#include <string.h>
#include "ajar/ajar.h"
#include "classify/classify.h"
#include "classify/lexicon.h"
#include "collection.h"
#include "keycache.h"
#include "unit.h"

/* key number i: plain 1..20 bytes, a few escaped, long or empty */
static size_t key_text(unsigned i, char *out) {
  static const char *const odd[] = {"", "a\\\"b", "x\\\\", "seq\\u0041",
                                    "0123456789abcdef", "0123456789abcde"};
  if (i < sizeof odd / sizeof odd[0]) {
    strcpy(out, odd[i]);
  } else { /* i in base 26, then '_' up to 1..20 bytes: one text per i */
    size_t n = 1 + (i * 7u) % 20, j = 0;
    unsigned x = i;
    do {
      out[j++] = (char)('a' + x % 26);
      x /= 26;
    } while (x);
    for (; j < n; j++) out[j] = '_';
    out[j] = 0;
  }
  return strlen(out);
}

/* the key and its closing quote, then `after` more bytes */
static char *quoted(const char *key, size_t n, const char *after, size_t *len) {
  size_t a = strlen(after);
  char *b = malloc(n + 1 + a);
  memcpy(b, key, n);
  b[n] = '"';
  memcpy(b + n + 1, after, a);
  *len = n + 1 + a;
  return b;
}

static void test_lookups(struct ajar_collection *c) {
  unsigned seed = 5150, t;
  uint32_t parents[4] = {0, 0, 0, 0};
  char key[64];
  parents[1] = field_child(c, 0, "obj", 3, 0);
  parents[2] = field_child(c, parents[1], "inner", 5, 0);
  parents[3] = field_child(c, 0, "list", 4, 1);
  for (t = 0; t < 20000; t++) {
    uint32_t parent, want, got;
    size_t n, len, klen = 0;
    unsigned i;
    char *b;
    seed = seed * 1103515245u + 12345u;
    parent = parents[(seed >> 16) % 4];
    i = (seed >> 20) % 900;
    n = key_text(i, key);
    /* half the time the key is seen first (field_next remembers it) */
    if ((seed >> 8) & 1)
      field_next(c, parent, UINT32_MAX, key, n);
    want = field_child(c, parent, key, n, 0);
    b = quoted(key, n, (seed >> 9) & 1 ? ":1}" : "", &len);
    got = field_next_quoted(c, parent, UINT32_MAX, b, b + len, &klen);
    CHECKF(got == UINT32_MAX || (got == want && klen == n && !strchr(key, '\\')),
           "key '%s' under %u: %u (length %zu), want %u", key, parent, got, klen, want);
    if ((seed >> 8) & 1 && n >= 1 && n <= 15 && !strchr(key, '\\') && !strchr(key, '"'))
      CHECKF(got == want, "key '%s' under %u, just seen: not found", key, parent);
    free(b);
  }
}

/* the table alone: 64 parents and 900 keys through 512 slots, so slots
 * are shared all the time (by one key under two parents too); a key put is found at once, a key found is the
 * one put for that parent */
static void test_table(void) {
  struct key_cache *kc = calloc(1, sizeof *kc);
  unsigned seed = 8, t;
  char key[64], leaf16[16];
  for (t = 0; kc && t < 100000; t++) {
    uint32_t parent, got, want;
    size_t n, len, klen = 0;
    unsigned i;
    char *b;
    seed = seed * 1103515245u + 12345u;
    parent = ((seed >> 10) % 64) * 61; /* up to 3843, as field numbers go */
    /* later, few keys under many parents: the same key's slots collide */
    i = (seed >> 16) % (t < 50000 ? 900 : 12);
    n = key_text(i, key);
    want = parent * 1000 + i + 1; /* one number per (parent, key) */
    b = quoted(key, n, (seed >> 9) & 1 ? ",\"b\":2}" : "", &len);
    if ((seed >> 8) & 1 && n >= 1 && n <= 15 && !strchr(key, '\\')) {
      memset(leaf16, 0, sizeof leaf16);
      memcpy(leaf16, key, n);
      key_cache_put(kc, parent, leaf16, n, want);
      got = key_cache_find(kc, parent, b, b + len, &klen);
      CHECKF(got == want && klen == n, "key '%s' under %u, just put: %u", key, parent, got);
    } else {
      got = key_cache_find(kc, parent, b, b + len, &klen);
      CHECKF(got == UINT32_MAX || (got == want && klen == n), "key '%s' under %u: %u, want %u",
             key, parent, got, want);
    }
    free(b);
  }
  free(kc);
}

/* two keys of one slot under one parent, put one after the other: both
 * are found (the second in the slot's pair), not the first evicted */
static void test_pair(void) {
  struct key_cache *kc = calloc(1, sizeof *kc);
  char key[64], leaf[2][16];
  size_t n[2] = {0, 0};
  unsigned i, slot = 0, found = 0, k;
  for (i = 6; kc && found < 2 && i < 200000; i++) {
    char key16[16] = {0};
    size_t m = key_text(i, key);
    unsigned at;
    if (m > 15)
      continue;
    memcpy(key16, key, m);
    key16[m] = '"';
    at = (unsigned)key_cache_offset(_mm_loadu_si128((const __m128i *)key16), 7);
    if (found && at != slot)
      continue;
    slot = at;
    memset(leaf[found], 0, 16);
    memcpy(leaf[found], key, m);
    n[found++] = m;
  }
  CHECKF(found == 2, "no two keys of one slot among %u", i);
  for (k = 0; found == 2 && k < 2; k++)
    key_cache_put(kc, 7, leaf[k], n[k], 100 + k);
  for (k = 0; found == 2 && k < 2; k++) {
    size_t len, klen = 0;
    char *b = quoted(leaf[k], n[k], ":1}", &len);
    uint32_t got = key_cache_find(kc, 7, b, b + len, &klen);
    CHECKF(got == 100 + k && klen == n[k], "key %u of a slot's two: %u", k, got);
    free(b);
  }
  free(kc);
}

/* A scalar record ("x", 5) goes to the root field "$". When that field
 * is the one that fills c->fields, field_child moves the array: the value
 * must land in the moved array (it was counted in the freed one when the
 * compiler read c->fields before the call, as clang did; the fuzzer found
 * it). The fields are made up to the array's capacity first. */
static void test_root_grow(struct ajar_db *db) {
  struct ajar_collection *c = NULL;
  struct ajar_scratch *s = NULL;
  char key[16];
  unsigned i;
  uint32_t cap, root;
  CHECK(ajar_collection_new(db, "g", NULL, &c) == 0);
  CHECK(ajar_scratch_alloc(db, &s) == 0);
  if (c && s) {
    for (i = 0; c->n_fields < c->cap_fields; i++) {
      int n = snprintf(key, sizeof key, "k%u", i);
      field_child(c, 0, key, (size_t)n, 0);
    }
    cap = c->cap_fields;
    CHECK(ajar_collection_add_json(c, s, "\"abc\"", 5) == 0);
    CHECK(c->cap_fields > cap); /* "$" moved the array */
    root = field_child(c, 0, "$", 1, 0);
    CHECKF(c->fields[root].values == 1, "root values %u",
           (unsigned)c->fields[root].values);
  }
  ajar_scratch_free(s);
  ajar_collection_free(c);
}

/* An array's element field, the slow way: the one field under parent
 * that is an array's (UINT32_MAX: none yet) */
static uint32_t elem_scan(const struct ajar_collection *c, uint32_t parent) {
  uint32_t i;
  for (i = 1; i < c->n_fields; i++)
    if (c->fields[i].parent == parent && c->fields[i].is_array)
      return i;
  return UINT32_MAX;
}

/* field_child answers an array's element from its parent's elem after
 * the first time: whatever the order of keys and arrays, and past the
 * fields' growth (the first lookup may move c->fields) and up to the
 * overflow field, it is the field the fields' own list says, every
 * call. */
static void test_array_elems(struct ajar_db *db) {
  struct ajar_collection *c = NULL;
  uint32_t made[AJAR_MAX_FIELDS + 8];
  unsigned n_made = 1, i, bad = 0;
  uint64_t r = 42;
  char key[16];
  CHECK(ajar_collection_new(db, "a", NULL, &c) == 0);
  if (!c)
    return;
  made[0] = ROOT_FIELD;
  for (i = 0; i < 3 * AJAR_MAX_FIELDS && !bad; i++) {
    uint32_t parent, got, want;
    r = r * 6364136223846793005ull + 1442695040888963407ull;
    parent = made[(r >> 33) % n_made];
    if ((r >> 20) & 1) {
      want = elem_scan(c, parent);
      got = field_child(c, parent, NULL, 0, 1);
      if (want == UINT32_MAX) /* new: the list now has it, or it overflowed */
        want = c->n_fields > 1 && c->fields[c->n_fields - 1].parent == parent &&
                       c->fields[c->n_fields - 1].is_array
                   ? c->n_fields - 1
                   : c->overflow;
      if (got != want) {
        CHECKF(got == want, "array under %u: field %u, want %u", parent, got, want);
        bad = 1;
      }
    } else {
      int n = snprintf(key, sizeof key, "k%u", (unsigned)(r >> 40) % 64);
      got = field_child(c, parent, key, (size_t)n, 0);
    }
    if (n_made < sizeof made / sizeof made[0] && got != c->overflow)
      made[n_made++] = got;
  }
  CHECK(c->n_fields >= AJAR_MAX_FIELDS); /* the overflow was reached */
  ajar_collection_free(c);
}

/* A field's way (struct field) is the one its name gives: a code's
 * text for a name of nothing but a label, a time or a place alone for
 * such hints, plain otherwise; the value sink tests this one byte for
 * both. */
static void test_ways(struct ajar_db *db) {
  static const char *const keys[] = {
      "display", "text", "description", "Bezeichnung", "created_at", "timestamp",
      "updated", "city", "location", "country", "name", "email", "phone",
      "id", "x", "value", "comment", "birth_date", "address", "ip"};
  struct ajar_collection *c = NULL;
  unsigned i, seen[3] = {0, 0, 0};
  CHECK(ajar_collection_new(db, "w", NULL, &c) == 0);
  if (!c)
    return;
  for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
    uint32_t fi = field_child(c, 0, keys[i], strlen(keys[i]), 0);
    const struct field *f = &c->fields[fi];
    unsigned want = !f->hints && ajar_lexicon_text_key(keys[i], strlen(keys[i]))
                        ? WAY_TEXT_LEAF
                    : hints_time_place_only(f->hints) ? WAY_TIME_PLACE
                                                      : WAY_PLAIN;
    CHECKF(f->way == want, "key '%s': way %u, want %u", keys[i], f->way, want);
    seen[want < 3 ? want : 0]++;
  }
  CHECKF(seen[0] && seen[1] && seen[2], "ways seen %u %u %u", seen[0], seen[1], seen[2]);
  ajar_collection_free(c);
}

void test_keys(void) {
  test_table();
  test_pair();
  struct ajar_db *db = NULL;
  struct ajar_collection *c = NULL;
  char err[256];
  CHECK(ajar_db_compile(&db, err, sizeof err) == 0);
  if (!db)
    return;
  CHECK(ajar_collection_new(db, "t", NULL, &c) == 0);
  if (c)
    test_lookups(c);
  ajar_collection_free(c);
  test_root_grow(db);
  test_array_elems(db);
  test_ways(db);
  ajar_db_free(db);
}
