/* Private to lexicon.c: the generated country tables (countries_data.c,
 * written by tools/gen_countries.py). Both sorted bytewise. */
#ifndef AJAR_COUNTRIES_DATA_H
#define AJAR_COUNTRIES_DATA_H

#include <stddef.h>

/* country names in lexicon.c's value normal form */
extern const char *const *const ajar_country_names;
extern const size_t ajar_country_names_count;
/* ISO 3166-1 alpha-2 and alpha-3 codes, upper case */
extern const char *const *const ajar_country_codes;
extern const size_t ajar_country_codes_count;

#endif
