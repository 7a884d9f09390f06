/* Person names by their values (value.c asks, collection_finish.c
 * decides): common given and family names of many countries, folded to ASCII so that
 * "Úrsula", "URSULA" and "ursula" are one word, and the rules for names
 * written in Chinese characters, kana and Hangul. Lookups never allocate.
 */
#ifndef AJAR_PERSON_H
#define AJAR_PERSON_H

#include <stddef.h>

enum person_word {
  PERSON_GIVEN = 1u << 0,   /* a common given name of some country */
  PERSON_SURNAME = 1u << 1, /* a common family name of some country */
};

/* One Latin-script word (UTF-8, any case, diacritics, an apostrophe):
 * PERSON_* bits when it is a common given or family name, else 0. A
 * hyphenated word ("Klaus-Peter", "Pieper-Etzler") is known when one of
 * its parts is. */
unsigned person_word_known(const char *w, size_t n);

/* The words value_person.c's lists give a class to (titles and degrees
 * 1, words no person is called by 2, makes of vehicles 3) are in the
 * name table too, so that a word of ASCII letters is looked up once for
 * its class and whether it is a name: person_word_ascii gives the
 * PERSON_* bits | the class << PERSON_CLASS_SHIFT of w, 2 to 15 ASCII
 * letters in any case (the caller has checked), the same bits as
 * person_word_known and the class of person_word_class in
 * value_person.c. */
#define PERSON_CLASS_SHIFT 4
unsigned person_word_ascii(const char *w, size_t n);

/* value_person.c: add(word, n, class) for each word of its lists that
 * has a class, in the order of its own table (called once, when the
 * name table is built) */
void person_word_classes(void (*add)(const char *w, size_t n, unsigned cls));

/* person_word_known without its shortcut for a word of ASCII letters
 * (each part folded, then looked up): the same bits for every word, as
 * tests/unit/test_person.c checks */
unsigned person_word_known_parts(const char *w, size_t n);

/* A value in Chinese characters, kana or Hangul (1-5 characters, one
 * space allowed between family and given name, in either order):
 * 0: not name-shaped; 1: shaped like a name; 2: a name among a column of
 * them (a common surname alone, the characters or endings of given
 * names, a kana given name beside kanji); 3: a name even alone (a common
 * surname and more: 王小明, 佐藤, 김민준, 木村 陽一). */
int person_cjk_name(const char *v, size_t n);

#endif
