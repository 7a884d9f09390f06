/* The words that announce a phone number in free text ("Tel.",
 * "Mobile", "电话" ...), and where they start: text.c reads a phone in
 * national print after one of them, near a contact. */
#ifndef AJAR_TEXT_TEL_H
#define AJAR_TEXT_TEL_H
#include <stddef.h>

struct tel_word {
  const char *w;
  unsigned char n;
};

/* in the order they are tried at one place: a longer word before a
 * shorter one it starts with ("Telefono" before "Tel") */
extern const struct tel_word tel_words[];
extern const size_t tel_word_count;

/* The first word of tel_words after word `after` (-1: from the first)
 * that v[i, n) starts with, where it starts a word: after no ASCII
 * letter and no byte past ASCII (at i = 0 too), or anywhere for a word
 * of CJK or Hangul (its first byte from 0xE0). -1 when none. */
int tel_word_at(const char *v, size_t n, size_t i, int after);

/* The first i' in [i, b) where tel_word_at(v, n, i', -1) finds a word,
 * that word in *w; b when none (b <= n). */
size_t tel_next(const char *v, size_t n, size_t i, size_t b, int *w);

#endif
