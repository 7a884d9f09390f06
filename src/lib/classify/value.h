/* Internal to classify/: the pieces of classify_scalar (value.c), one
 * file per kind of value they decide on:
 *   value_date.c    dates, times of day, epochs, birth dates
 *   value_number.c  digits: national ids, cards, phones, IPv4
 *   value_token.c   tokens without spaces: MAC, IPv6, secrets, ids with
 *                   letters, coordinates
 *   value_person.c  words: names, vocabularies, what a field's name says
 *   value_address.c street addresses (Latin letters, CJK marks)
 */
#ifndef AJAR_VALUE_H
#define AJAR_VALUE_H

#include <stddef.h>
#include <stdint.h>
#include "classify.h"
#include "shape.h"

/* each detector at most once per value: `seen` is a 64-bit set */
_Static_assert(DET__COUNT <= 64, "more detectors than bits in seen");
/* candidate d (ok: validated) of the n bytes, column evidence only when
 * `column` (classify.h, struct candidate); 1 when the callback asked to
 * stop */
static inline int emit_as(struct emit_ctx *e, unsigned d, int ok, size_t n,
                          int column) {
  struct candidate c = {d, ok, 0, 0, n, column};
  if (e->seen & (1ull << d))
    return 0;
  e->seen |= 1ull << d;
  return e->stop = e->fn(e->ctx, &c) != 0;
}
static inline int emit(struct emit_ctx *e, unsigned d, int ok, size_t n) {
  return emit_as(e, d, ok, n, 0);
}
/* emit, and return sig from the function when the callback asked to stop */
#define EMITE(d, ok) do { if (emit(e, (d), (ok), n)) return sig; } while (0)

/* value_date.c */
/* value of n decimal digits at p, or -1 */
int digits_at(const char *p, size_t n);
/* YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD, DD/MM/YYYY, DD.MM.YYYY (+ time);
 * the year in *year */
int looks_date_y(const char *v, size_t n, int *has_time, int *year);
/* 0 where looks_date_y cannot hold for a value with a '-', '/' or '.'
 * of this shape: its dates are 10 bytes long, or have a ' ' or a 'T'
 * before their time (v[10]), so an IPv4 address or a long decimal
 * (digits and dots, not 10 bytes) takes no call (tests/unit/test_scalar.c
 * holds looks_date_y to it on generated dates) */
static inline int date_shape_may(unsigned mask, size_t n) {
  return n == 10 || (mask & (C_SPACE | C_UPPER));
}
int looks_date(const char *v, size_t n, int *has_time);
/* "1982年10月8日" (CJK year-month-day); the year in *year */
int looks_date_cjk(const char *v, size_t n, int *year);
/* a CJK date, a space, a time of day */
int looks_datetime_cjk(const char *v, size_t n, int *year);
/* a date that may be a birth date (DET_DOB) */
unsigned birth_date(struct emit_ctx *e, size_t n, int year);
/* Unix time in seconds or milliseconds, 2010-2030, in a value of digits
 * only */
int is_epoch(uint32_t hints, const char *v, size_t n);

/* value_number.c */
/* a JSON number */
unsigned scalar_number(struct emit_ctx *e, const char *v, size_t n);
/* the same, every check in turn (the reference of the unit tests) */
unsigned scalar_number_general(struct emit_ctx *e, const char *v, size_t n);
/* digits with phone/id punctuation: IPv4, phones, ids, ages; mask and
 * seps as value_shape gives them */
unsigned scalar_punct_digits(struct emit_ctx *e, const char *v, size_t n,
                             unsigned mask, size_t seps);
/* the same, every check in turn (the reference of the unit tests) */
unsigned scalar_punct_digits_general(struct emit_ctx *e, const char *v, size_t n,
                                     unsigned mask, size_t seps);
/* the hints scalar_punct_digits reads for a value of fewer than 8 digits */
#define PUNCT_SHORT_HINTS                                                    \
  (AJAR_H_AGE_DOB | AJAR_H_ADDRESS | AJAR_H_PASSPORT | AJAR_H_PHONE |         \
   AJAR_H_LOCATION | AJAR_H_FACE_ATTR)
/* 1 when scalar_punct_digits finds nothing in a value of the shape
 * value_shape gave (mask, digits, seps), decided without a call: under
 * none of its field hints, a value of fewer than 8 digits is no id,
 * phone (E.164 has 8 digits or more), epoch or 8-digit date, and no
 * IPv4 unless it is digits and three dots. Most values of numeric
 * columns ("0.3637", "-12.5", "118375") are such; tests/unit/test_scalar.c
 * holds classify_scalar, which takes this, to classify_scalar_general. */
static inline int punct_digits_quiet(uint32_t hints, unsigned mask, size_t digits,
                                     size_t seps) {
  return digits < 8 && !(hints & PUNCT_SHORT_HINTS) &&
         (seps != 3 || (mask & ~(unsigned)(C_DIGIT | C_DOT)));
}
/* parse_double(v, n, &x) && fabs(x) <= 180, a coordinate's test: a
 * plain decimal (plain_decimal, as most JSON numbers are) of an integer
 * part of up to 4 digits other than 180 is decided on that part, with no
 * double (a value under 180 rounds to 180 at most, one of 181 or more to
 * 181 at least); tests/unit/test_shape.c holds it to the double's test */
int within_180(const char *v, size_t n);
/* the length of v without a phone extension; n when it has none */
size_t phone_ext_cut(const char *v, size_t n);

/* value_token.c */
int is_base64_image(const char *v, size_t n);
int is_password_hash(const char *v, size_t n);
int is_aws_key(const char *v, size_t n);
int is_jwt(const char *v, size_t n);
/* "****", "xxxx": a secret field's placeholder */
int is_placeholder_secret(const char *v, size_t n);
/* An ABO blood group with an Rh sign ("A+", "AB-", "0 Rh+", "O pos") or
 * with 型/형 ("A型", "AB형", "O型RH阳性"): 2 for O and AB, 1 for A and
 * B, 0 when v is none */
int blood_group(const char *v, size_t n);
/* ASCII tokens */
unsigned scalar_token(struct emit_ctx *e, const char *v, size_t n,
                      unsigned mask, size_t digits, size_t seps);

/* value_address.c */
/* a street address by its words and numbers, a postcode of a telling
 * shape, or the markers of a CJK address; mask from value_shape */
int looks_address(const char *v, size_t n, unsigned mask);
/* looks_address's test of a value in Latin letters read a byte at a
 * time: the reference tests/unit/test_words.c compares it with */
int looks_address_bytes(const char *v, size_t n);
/* and of a CJK address, read a byte at a time */
int looks_address_zh_bytes(const char *v, size_t n);
/* 0 when v (Latin letters) has no street word and no postcode at a
 * word's start: then no address; the rule looks_address asks of a value
 * with no digit first before its word walk (test_words.c holds it to
 * looks_address_bytes) */
int address_may(const char *v, size_t n);

/* value_person.c */
#define NAME_VOCAB (AJAR_V_GIVEN_NAME | AJAR_V_SURNAME | AJAR_V_CN_SURNAME)
/* a person's name in Latin or Cyrillic letters by its shape: its
 * number of words (0: none), *known whether the vocabularies know a word
 * (1) or a particle stands between words (2); and the same with the
 * words split a byte at a time, the reference test_words.c compares */
size_t name_words(const char *v, size_t n, int *known);
size_t name_words_bytes(const char *v, size_t n, int *known);
/* plausible free-form name value in a name field */
int name_shaped(const char *v, size_t n, unsigned mask);
/* words: vocabularies, names, addresses, and fields whose name says it */
unsigned scalar_words(struct emit_ctx *e, const char *v, size_t n,
                      unsigned mask, size_t digits);
/* the same without its shortcut for an '@', '_' or ':': the reference
 * tests/unit/test_words.c compares it with */
unsigned scalar_words_all(struct emit_ctx *e, const char *v, size_t n, unsigned mask,
                          size_t digits);

#endif
