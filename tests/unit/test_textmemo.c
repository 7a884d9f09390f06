/* The text memo (collection.c): a field's values of 25 to 192 bytes that
 * repeat are replayed from the memo, not classified again. Two
 * collections take the same records: one as `ajar files` does, one with
 * no place left for a text memo, so every value is classified. Their
 * evidence must be the same, counter by counter and example by example.
 * The values are drawn from pools of a few thousand per field, more than
 * a set of the memo holds (evictions), user agents that differ in one
 * version digit (the same hash set or not), texts with e-mails, IPv4s,
 * phones and cards in them, and texts with more candidates than a slot
 * remembers; and a field whose first values are distinct gives its
 * memo up to a third field. test_memo does the same for the short
 * memo (values of up to AJAR_MEMO_VALUE bytes). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "collection.h"
#include "found.h"
#include "unit.h"

#define POOL 3000
#define VALUE_CAP 240

static const char *const words[] = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) Safari/", "password reset mail sent to ",
    "li.wei@example.com", "3996634834@qq.com", " from ", "192.168.1.20", "+447946095812",
    "4111 1111 1111 1111", "13812345678", "call ", "Tel. 030 1234 5678", " and ", "the quick brown fox ",
    "Via Desio, 8 Appartamento 7, 42030, Viano (RE)", "a@b.cd a@b.cd a@b.cd a@b.cd a@b.cd a@b.cd a@b.cd ",
    "\xE7\x94\xB5\xE8\xAF\x9D", "AB 12 34 56 C", "123-45-6789", " ", ".", "/",
};

/* a value of 20 to about 230 bytes: words and numbers */
static size_t value(uint32_t *x, char *buf) {
  size_t n = 0, want = 20 + rnd(x) % 200;
  while (n < want && n + 100 < VALUE_CAP) {
    if (rnd(x) % 3) {
      const char *w = words[rnd(x) % (sizeof words / sizeof words[0])];
      size_t l = strlen(w);
      if (n + l >= VALUE_CAP)
        break;
      memcpy(buf + n, w, l);
      n += l;
    } else {
      n += (size_t)snprintf(buf + n, VALUE_CAP - n, "%u.0.%u.%u", 100 + rnd(x) % 30,
                            rnd(x) % 5000, rnd(x) % 200);
    }
  }
  return n;
}

static int same_fields(const struct ajar_collection *a, const struct ajar_collection *b) {
  uint32_t i;
  uint16_t k, e;
  if (a->n_fields != b->n_fields)
    return 0;
  for (i = 0; i < a->n_fields; i++) {
    const struct field *f = &a->fields[i], *g = &b->fields[i];
    if (f->values != g->values || f->time_values != g->time_values || f->bools != g->bools ||
        f->place_named != g->place_named || f->n_stats != g->n_stats)
      return 0;
    for (k = 0; k < f->n_stats; k++) {
      const struct det_stat *s = &f->stats[k], *t = &g->stats[k];
      if (s->det != t->det || s->hits != t->hits || s->valid != t->valid ||
          s->embedded != t->embedded || s->records != t->records || s->sketch != t->sketch ||
          s->n_examples != t->n_examples)
        return 0;
      for (e = 0; e < s->n_examples; e++) /* the bytes past the end are not kept */
        if (strncmp(s->examples[e], t->examples[e], sizeof s->examples[e]))
          return 0;
    }
  }
  return 1;
}

/* value v of field `field` in the current record of both collections */
static void add_to_both(struct ajar_collection *a, struct ajar_collection *b,
                        struct ajar_scratch *s, const char *field, const char *v, size_t n) {
  ajar_collection_add_field(a, s, field, strlen(field), v, n);
  ajar_collection_add_field(b, s, field, strlen(field), v, n);
}

void test_textmemo(void) {
  static const char *const fields[] = {"ua", "msg", "note"};
  struct ajar_db *db = NULL;
  struct ajar_scratch *s = NULL;
  struct ajar_collection *memo = NULL, *plain = NULL;
  char err[256], fresh[VALUE_CAP];
  char (*pool)[VALUE_CAP] = calloc(3 * POOL, VALUE_CAP);
  size_t *len = calloc(3 * POOL, sizeof *len), ea = 0, eb = 0;
  unsigned char *xa = NULL, *xb = NULL;
  uint32_t x = 88172645u, i, used = 0;
  CHECK(pool && len);
  CHECK(ajar_db_compile(&db, err, sizeof err) == 0);
  CHECK(ajar_scratch_alloc(db, &s) == 0);
  CHECK(ajar_collection_new(db, "memo", NULL, &memo) == 0);
  CHECK(ajar_collection_new(db, "plain", NULL, &plain) == 0);
  if (!pool || !len || !db || !s || !memo || !plain)
    goto out;
  plain->text_memos = AJAR_TEXT_MEMOS; /* no place left: no text memo */
  for (i = 0; i < 3 * POOL; i++)
    len[i] = value(&x, pool[i]);
  for (i = 0; i < 20000; i++) {
    int f;
    for (f = 0; f < 3; f++) {
      uint32_t k = (uint32_t)f * POOL + rnd(&x) % POOL;
      const char *v = pool[k];
      size_t n = len[k];
      if (f == 1 && i < 600) { /* distinct at first: its memo goes to "note" */
        n = value(&x, fresh);
        v = fresh;
      }
      add_to_both(memo, plain, s, fields[f], v, n);
    }
    ajar_collection_end_record(memo);
    ajar_collection_end_record(plain);
  }
  for (i = 0; i < memo->n_fields; i++) {
    const struct field *f = &memo->fields[i];
    used |= (f->text_memo != NULL) << (f->path && !strcmp(f->path, "note") ? 1 : 0);
    used |= (uint32_t)f->text_memo_off << 2;
  }
  /* "ua" and "note" kept a memo, "msg" gave its place up */
  CHECKF(used == 7, "text memos: %u", used);
  CHECK(same_fields(memo, plain));
  ajar_collection_export(memo, NULL, 0, &ea);
  ajar_collection_export(plain, NULL, 0, &eb);
  CHECK(ea == eb && ea > 0);
  if (ea == eb && ea && (xa = malloc(ea)) && (xb = malloc(eb))) {
    CHECK(ajar_collection_export(memo, xa, ea, &ea) == 0);
    CHECK(ajar_collection_export(plain, xb, eb, &eb) == 0);
    CHECK(memcmp(xa, xb, ea) == 0);
  }
out:
  free(xa);
  free(xb);
  ajar_collection_free(memo);
  ajar_collection_free(plain);
  ajar_scratch_free(s);
  ajar_db_free(db);
  free(pool);
  free(len);
}

/* The short memo (values of 1 to AJAR_MEMO_VALUE bytes) the same way:
 * one collection as `ajar files` has it, one whose fields have their
 * memo off from the start. Values from pools of half as many short ones
 * per field as the memo has slots (memo hits, and two values of one slot
 * evicting each other),
 * of the shapes that give candidates: e-mails, phones, ids, dates, blood
 * groups, names, "0" and blanks around; a field of distinct values turns
 * its memo off on its way. */
static const char *const short_words[] = {
    "a@b.cd", "li.wei@qq.com", "13812345678", "+44 7946 095812", "123-45-6789",
    "4111111111111111", "1985-03-12", "12/03/1985", "A+", "AB-", "O Rh+", "Li Wei",
    "Anna", "Smith", "M", "F", "0", "N/A", " x ", "192.168.1.20", "SW1A 1AA", "true",
    "\xE7\x8E\x8B\xE4\xBC\x9F", "DE89370400440532013000", "secret", "-",
};

/* a short value: one or two words of the list, or a number */
static size_t short_value(uint32_t *x, char *buf) {
  const size_t nw = sizeof short_words / sizeof short_words[0];
  const char *a = short_words[rnd(x) % nw], *b = short_words[rnd(x) % nw];
  switch (rnd(x) % 4) {
  case 0:
    return (size_t)snprintf(buf, AJAR_MEMO_VALUE + 1, "%u", rnd(x) % 100000);
  case 1:
    if (strlen(a) + strlen(b) + 1 <= AJAR_MEMO_VALUE)
      return (size_t)snprintf(buf, AJAR_MEMO_VALUE + 1, "%s %s", a, b);
    /* fall through */
  default:
    return (size_t)snprintf(buf, AJAR_MEMO_VALUE + 1, "%s", a);
  }
}

/* more fields that repeat a pool of values than AJAR_MEMO_LARGE: only
 * that many grow their memo, and the evidence is that of no memo */
static void memo_budget(struct ajar_db *db, struct ajar_scratch *s) {
  enum { BUDGET_NF = AJAR_MEMO_LARGE + 40, BUDGET_POOL = AJAR_MEMO_SLOTS_LARGE / 2 };
  static char pool[BUDGET_POOL][AJAR_MEMO_VALUE + 1];
  static size_t len[BUDGET_POOL];
  struct ajar_collection *memo = NULL, *plain = NULL;
  char name[16];
  uint32_t x = 88675123u, i, f, large = 0;
  CHECK(ajar_collection_new(db, "memo", NULL, &memo) == 0);
  CHECK(ajar_collection_new(db, "plain", NULL, &plain) == 0);
  if (!memo || !plain)
    goto out;
  for (i = 0; i < BUDGET_POOL; i++)
    len[i] = short_value(&x, pool[i]);
  for (f = 0; f < BUDGET_NF; f++) {
    uint32_t fi;
    snprintf(name, sizeof name, "f%u", f);
    fi = field_child(plain, ROOT_FIELD, name, strlen(name), 0); /* it may move fields */
    plain->fields[fi].memo_tries = UINT32_MAX;
  }
  for (i = 0; i < 400; i++) {
    for (f = 0; f < BUDGET_NF; f++) {
      uint32_t k = rnd(&x) % BUDGET_POOL;
      snprintf(name, sizeof name, "f%u", f);
      add_to_both(memo, plain, s, name, pool[k], len[k]);
    }
    ajar_collection_end_record(memo);
    ajar_collection_end_record(plain);
  }
  for (i = 1; i < memo->n_fields; i++)
    large += memo->fields[i].memo_mask == AJAR_MEMO_SLOTS_LARGE - 1;
  CHECKF(large == AJAR_MEMO_LARGE && memo->large_memos == AJAR_MEMO_LARGE, "large memos %u",
         large);
  CHECK(same_fields(memo, plain));
out:
  ajar_collection_free(memo);
  ajar_collection_free(plain);
}

void test_memo(void) {
  static const char *const fields[] = {"status", "contact", "email", "id", "name"};
  enum { NF = sizeof fields / sizeof fields[0], SHORT_POOL = AJAR_MEMO_SLOTS_LARGE / 2 };
  struct ajar_db *db = NULL;
  struct ajar_scratch *s = NULL;
  struct ajar_collection *memo = NULL, *plain = NULL;
  char err[256], pool[NF][SHORT_POOL][AJAR_MEMO_VALUE + 1], fresh[AJAR_MEMO_VALUE + 1];
  size_t len[NF][SHORT_POOL];
  uint32_t x = 2463534242u, i, f, off = 0, on = 0, large = 0;
  CHECK(ajar_db_compile(&db, err, sizeof err) == 0);
  CHECK(ajar_scratch_alloc(db, &s) == 0);
  CHECK(ajar_collection_new(db, "memo", NULL, &memo) == 0);
  CHECK(ajar_collection_new(db, "plain", NULL, &plain) == 0);
  if (!db || !s || !memo || !plain)
    goto out;
  for (f = 0; f < NF; f++) {
    /* the plain collection's fields exist before any value, memo off */
    uint32_t fi = field_child(plain, ROOT_FIELD, fields[f], strlen(fields[f]), 0);
    plain->fields[fi].memo_tries = UINT32_MAX;
    for (i = 0; i < SHORT_POOL; i++)
      len[f][i] = short_value(&x, pool[f][i]);
  }
  for (i = 0; i < 20000; i++) {
    for (f = 0; f < NF; f++) {
      uint32_t k = rnd(&x) % (f == 1 ? 8 : SHORT_POOL); /* "contact": a few values */
      const char *v = pool[f][k];
      size_t n = len[f][k];
      if (f == 3) { /* "id": distinct values, its memo goes off */
        n = (size_t)snprintf(fresh, sizeof fresh, "%s%u", rnd(&x) % 2 ? "" : "E", i * 7919u);
        v = fresh;
      }
      add_to_both(memo, plain, s, fields[f], v, n);
    }
    ajar_collection_end_record(memo);
    ajar_collection_end_record(plain);
  }
  for (i = 1; i < memo->n_fields; i++) {
    off += memo->fields[i].memo_tries == UINT32_MAX;
    on += memo->fields[i].memo_hits > 1000;
    large += memo->fields[i].memo_mask == AJAR_MEMO_SLOTS_LARGE - 1;
  }
  CHECKF(off == 1 && on == NF - 1, "memos off %u, used %u", off, on);
  /* the three fields of SHORT_POOL values grew their memo, "contact"
   * (8 values) kept the first slots */
  CHECKF(large == 3 && memo->large_memos == 3, "large memos %u", large);
  CHECK(same_fields(memo, plain));
  memo_budget(db, s);
out:
  ajar_collection_free(memo);
  ajar_collection_free(plain);
  ajar_scratch_free(s);
  ajar_db_free(db);
}
