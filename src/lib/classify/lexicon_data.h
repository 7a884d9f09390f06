/* Private to lexicon.c / lexicon_data.c: the shape of the hand-written
 * tables. Nothing outside src/lib/classify/lexicon*.c includes this. */
#ifndef AJAR_LEXICON_DATA_H
#define AJAR_LEXICON_DATA_H

#include <stddef.h>
#include <stdint.h>

/* Flags of a field-name dictionary entry. */
enum lx_flag {
  LX_WHOLE    = 1u << 0, /* only when it is the whole name ("mm", "pan", "party") */
  LX_PINYIN   = 1u << 1, /* pinyin initials: whole name or one whole token, never joined
                            from several tokens nor cut out of a longer token */
  LX_HEAD     = 1u << 2, /* counts only as the last word ("db_pass" yes, "pass_time" no) */
  LX_NAMEQ    = 1u << 3, /* "<this> name" is not a person name (file, host, camera ...) */
  LX_ADDRQ    = 1u << 4, /* "<this> address" means alt instead of a postal address */
  LX_MOD      = 1u << 5, /* modifier skipped when looking back for a qualifier (display, full) */
  LX_NAMEHEAD = 1u << 6, /* the word "name": subject to LX_NAMEQ */
  LX_ADDRHEAD = 1u << 7, /* the words "address", "addr": subject to LX_ADDRQ */
  LX_NOTWHOLE = 1u << 8, /* never on its own ("at" in created_at) */
  LX_PART     = 1u << 9, /* particle between head and qualifier ("de" in
                            nombre_de_archivo): read past, changes nothing */
  LX_GENERIC  = 1u << 10, /* a head that says nothing alone (number, nummer,
                             datum): its qualifier in a compound speaks */
  LX_DIGEST   = 1u << 11, /* hash, sha256: negative, except after a secret */
  LX_COUNTRY  = 1u << 12, /* country, land, pays: with a demographic word
                             ("citizenship country", "Geburtsland") the
                             field is that demographic, not an address */
  LX_EST      = 1u << 13, /* estimated, est, geschätzt: with an age or a
                             gender, a face attribute ("age_est") */
};

/* One dictionary key: ASCII keys are lower-case with separators removed
 * ("idcardno" matches idCardNo, id_card_no, id-card-no); CJK keys are
 * UTF-8 as written. hints are enum ajar_hint bits; alt is what "<key>
 * address" means when LX_ADDRQ is set. */
struct lx_field {
  const char *key;
  uint32_t hints;
  uint16_t flags;
  uint32_t alt;
};

struct lx_field_table {
  const struct lx_field *v;
  size_t n;
};

/* A CJK field name that is not in the dictionary gets the union of the
 * hints of every needle it contains. */
struct lx_needle {
  const char *needle;
  uint32_t hints;
};

/* A value vocabulary: words already in lexicon.c's normal form
 * (lower-case ASCII, '_' and '-' as one space, no outer spaces). */
struct lx_vocab_table {
  const char *const *v;
  size_t n;
  uint32_t bits; /* enum ajar_vocab */
};

extern const struct lx_field_table lx_field_tables[];
extern const size_t lx_field_table_count;
extern const struct lx_needle lx_cjk_needles[];
extern const size_t lx_cjk_needle_count;
extern const struct lx_vocab_table lx_vocab_tables[];
extern const size_t lx_vocab_table_count;

#endif
