/* Internal: keys of a key-value store (Redis, memcached) grouped into
 * collections by prefix: everything up to and including the first ':',
 * '_' or '/' ("user:*"); keys without one fall into "(no prefix)". A
 * group that holds a single key is named after that key. Bounded: at most
 * AJAR_MAX_COLLECTIONS groups (later prefixes are counted as overflow),
 * at most `keep` sample keys per group. */
#ifndef AJAR_PROBE_KEYGROUPS_H
#define AJAR_PROBE_KEYGROUPS_H

#include <stddef.h>
#include <stdint.h>
#include "ajar/ajar.h"

#define KG_NO_PREFIX "(no prefix)"

struct kg_group {
  int db;               /* Redis database number; 0 elsewhere */
  char *prefix;         /* "user:" or "" (no prefix) */
  char *first_key;
  int64_t keys;         /* keys seen */
  int64_t bytes;        /* sum of sizes given, -1 when none was known */
  char **sample;        /* the first `keep` keys seen */
  size_t n_sample;
};

struct kg_set {
  struct kg_group *g;
  size_t n, cap;
  size_t *slots;        /* open addressing over g[], index + 1; 0: empty */
  size_t n_slots;
  uint64_t keys;        /* keys added */
  uint64_t overflow;    /* keys whose group did not fit */
};

/* Add one key (len bytes, may hold any byte but NUL-free copies are
 * made); bytes: its size, or -1. 0, or AJAR_ENOMEM. */
int kg_add(struct kg_set *s, int db, const char *key, size_t len, int64_t bytes,
           unsigned keep);
/* The collection name of a group: "user:*", the key itself for a
 * single-key group, "db1/user:*" for Redis databases other than 0. */
void kg_name(const struct kg_group *g, char *buf, size_t n);
/* The group whose collection name (kg_name) is name, or NULL. */
const struct kg_group *kg_find(const struct kg_set *s, const char *name);
/* t's collections, one per group in order: named by kg_name, records the
 * keys seen, bytes the sizes given (-1: none). 0, or AJAR_ENOMEM (the
 * collections made so far are counted in t->n_collections). */
int kg_collections(const struct kg_set *s, struct ajar_target_result *t);
void kg_clear(struct kg_set *s);

#endif
