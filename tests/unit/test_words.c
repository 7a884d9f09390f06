/* Words of values (value_person.c, person.c): the shortcuts give what
 * the general paths give. person_word_known's lookup of a word of ASCII
 * letters equals person_word_known_parts' (each part folded and looked
 * up in the lexicon and the name table) on random words built from the
 * lexicon's names, their cases, accents, apostrophes, hyphens, dots and
 * lengths around the 16 bytes the shortcut reads; and every name of the
 * lexicon in Latin letters is known as itself, capitalised and in
 * capitals. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "lexicon.h"
#include "lexicon_data.h"
#include "person.h"
#include "unit.h"

static uint32_t rnd(uint32_t *x) {
  *x ^= *x << 13;
  *x ^= *x >> 17;
  *x ^= *x << 5;
  return *x;
}

/* the lexicon's given and family names, table by table */
static const char *a_name(uint32_t *x) {
  for (;;) {
    const struct lx_vocab_table *t = &lx_vocab_tables[rnd(x) % lx_vocab_table_count];
    if ((t->bits & (AJAR_V_GIVEN_NAME | AJAR_V_SURNAME)) && t->n)
      return t->v[rnd(x) % t->n];
  }
}

static const char *const odd[] = {"\xC3\xA9", "\xC3\x9F", "\xC5\x81", "'", ".", "-",
                                  "\xE2\x80\x99", " ", "_", "\xD0\x98", "1", "\xC3",
                                  "A", "z"};

/* a word: names and letters, mutated */
static size_t a_word(uint32_t *x, char *buf, size_t cap) {
  size_t n = 0, i;
  int parts = 1 + (rnd(x) % 5 == 0);
  while (parts--) {
    const char *w = a_name(x);
    size_t l = strlen(w);
    if (n && n + 1 < cap)
      buf[n++] = '-';
    if (rnd(x) % 4 == 0)
      l = rnd(x) % (l + 1); /* a cut name */
    if (n + l >= cap)
      break;
    memcpy(buf + n, w, l);
    n += l;
  }
  if (rnd(x) % 6 == 0) /* letters past 15 bytes */
    while (n < 17 + rnd(x) % 8 && n < cap)
      buf[n++] = (char)('a' + rnd(x) % 26);
  for (i = 0; i < n; i++) {
    uint32_t r = rnd(x) % 8;
    if (r == 0 && buf[i] >= 'a' && buf[i] <= 'z')
      buf[i] = (char)(buf[i] - 32);
    else if (r == 1 && i == 0 && buf[i] >= 'a' && buf[i] <= 'z')
      buf[i] = (char)(buf[i] - 32);
  }
  if (rnd(x) % 5 == 0) { /* a byte or character of another class inside */
    const char *o = odd[rnd(x) % (sizeof odd / sizeof odd[0])];
    size_t ol = strlen(o), at = n ? rnd(x) % (n + 1) : 0;
    if (n + ol < cap) {
      memmove(buf + at + ol, buf + at, n - at);
      memcpy(buf + at, o, ol);
      n += ol;
    }
  }
  return n;
}

/* in Latin letters, ASCII or the two-byte ones person.c folds (Cyrillic
 * names are known by their endings, value_person.c) */
static int latin(const char *w) {
  for (; *w; w++)
    if ((unsigned char)*w >= 0x80 && (unsigned char)*w != 0xC3 &&
        (unsigned char)*w != 0xC4 && (unsigned char)*w != 0xC5 &&
        ((unsigned char)*w & 0xC0) != 0x80)
      return 0;
  return 1;
}

static void person_words(void) {
  uint32_t x = 2463534242u;
  char buf[64], cap[64];
  int i, differ = 0, known = 0;
  size_t t, k;
  for (i = 0; i < 200000; i++) {
    size_t n = a_word(&x, buf, sizeof buf);
    unsigned a = person_word_known(buf, n), b = person_word_known_parts(buf, n);
    known += a != 0;
    if (a != b && differ++ < 5)
      fprintf(stderr, "person_word_known differs on \"%.*s\": %u, parts %u\n", (int)n, buf,
              a, b);
  }
  CHECKF(differ == 0, "%d of 200000 words", differ);
  CHECKF(known > 50000, "%d known", known); /* the names are found */
  /* every name of the lexicon, as written, capitalised, in capitals */
  differ = 0;
  for (t = 0; t < lx_vocab_table_count; t++) {
    unsigned want = (lx_vocab_tables[t].bits & AJAR_V_GIVEN_NAME ? PERSON_GIVEN : 0) |
                    (lx_vocab_tables[t].bits & AJAR_V_SURNAME ? PERSON_SURNAME : 0);
    for (k = 0; want && k < lx_vocab_tables[t].n; k++) {
      const char *w = lx_vocab_tables[t].v[k];
      size_t n = strlen(w), j;
      if (n < 2 || n >= sizeof cap || strchr(w, ' ') || !latin(w))
        continue;
      for (j = 0; j < n; j++)
        cap[j] = (char)(w[j] >= 'a' && w[j] <= 'z' ? w[j] - 32 : w[j]);
      if (!(person_word_known(w, n) & want) || !(person_word_known(cap, n) & want) ||
          (cap[1] = w[1], !(person_word_known(cap, n) & want))) {
        if (differ++ < 5)
          fprintf(stderr, "not known: %s\n", w);
      }
    }
  }
  CHECKF(differ == 0, "%d names of the lexicon not known", differ);
}

void test_words(void) {
  person_words();
}
