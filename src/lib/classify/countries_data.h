/* Private to lexicon.c: the generated country tables (countries_data.c,
 * written by tools/gen_countries.py). */
#ifndef AJAR_COUNTRIES_DATA_H
#define AJAR_COUNTRIES_DATA_H

#include <stddef.h>

struct country_name {
  const char *s;
  unsigned char len;
};

/* country names in lexicon.c's value normal form, sorted bytewise */
extern const struct country_name *const ajar_country_names;
extern const size_t ajar_country_names_count;
/* ISO 3166-1 codes as bit sets: alpha-2 at 26*a+b, alpha-3 at
 * 676*a+26*b+c (a, b, c: 0 for 'A' ... 25 for 'Z') */
extern const unsigned char *const ajar_country_alpha2;
extern const unsigned char *const ajar_country_alpha3;

#endif
