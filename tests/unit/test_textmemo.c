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
 * memo up to a third field. */
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
      ajar_collection_add_field(memo, s, fields[f], strlen(fields[f]), v, n);
      ajar_collection_add_field(plain, s, fields[f], strlen(fields[f]), v, n);
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
