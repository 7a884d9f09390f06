/* Check-digit and structure validators for identifiers.
 *
 * Hand-written: these are arithmetic checks (ISO 7064, Luhn, Verhoeff,
 * mod 97 ...) that no pattern engine can express. Sources per algorithm
 * are in the .c file.
 *
 * Every function takes the candidate exactly as cut from the value, with
 * separators already removed (only [0-9A-Za-z] left) unless its comment
 * says otherwise, and returns 1 when the candidate is valid, 0 otherwise.
 * None allocates, none reads past s[n-1], all are safe for any n (n == 0
 * included) and any bytes.
 */
#ifndef AJAR_VALIDATORS_H
#define AJAR_VALIDATORS_H

#include <stddef.h>

/* generic building blocks */
int ajar_luhn_ok(const char *digits, size_t n);
/* the same a byte at a time (ajar_luhn_ok takes up to 32 digits by
 * pshufb and psadbw): the reference the unit tests compare with */
int ajar_luhn_ok_bytes(const char *digits, size_t n);
/* ajar_luhn_ok for n bytes known to be digits (no digit test) */
int ajar_luhn_digits(const char *digits, size_t n);
int ajar_verhoeff_ok(const char *digits, size_t n);
int ajar_date_ok(int year, int month, int day); /* proleptic Gregorian */

/* The same checks on bytes the caller has checked already (the
 * classifier's digit checks, which know a value is digits only and not
 * one digit repeated: value_shape and classify_digits tell): */
/* 18 bytes, the first 17 digits (the last may be anything) */
int ajar_cn_ric_digits(const char *s);
/* 11 digits, not all the same */
int ajar_br_cpf_digits(const char *s);
/* 12 to 19 bytes, the first 4 digits */
int ajar_card_iin_digits(const char *s, size_t n);
/* 12 digits */
int ajar_in_aadhaar_digits(const char *s);
/* 15 digits */
int ajar_fr_nir_digits(const char *s);

/* national ids */
int ajar_valid_cn_resident_id(const char *s, size_t n); /* 18, last may be X/x; MOD 11-2, date, region */
int ajar_valid_us_ssn(const char *s, size_t n);         /* 9 digits; area/group/serial rules */
int ajar_valid_uk_nino(const char *s, size_t n);        /* AB123456C, suffix A-D (optional) */
int ajar_valid_es_dni(const char *s, size_t n);         /* 8 digits + letter, mod 23 */
int ajar_valid_es_nie(const char *s, size_t n);         /* X/Y/Z + 7 digits + letter */
int ajar_valid_in_aadhaar(const char *s, size_t n);     /* 12 digits, first 2-9, Verhoeff */
int ajar_valid_fr_nir(const char *s, size_t n);         /* 15 chars (2A/2B Corsica), key mod 97 */
int ajar_valid_it_codice_fiscale(const char *s, size_t n); /* 16 chars, check letter */
int ajar_valid_br_cpf(const char *s, size_t n);         /* 11 digits, two mod-11 digits */
int ajar_valid_kr_rrn(const char *s, size_t n);         /* 13 digits, date + check */
int ajar_valid_jp_my_number(const char *s, size_t n);   /* 12 digits, check */
int ajar_valid_de_steuer_id(const char *s, size_t n);   /* 11 digits, ISO 7064 MOD 11,10 + repeat rule */
int ajar_valid_nl_bsn(const char *s, size_t n);         /* 9 digits (8 with leading zero dropped), 11-proof */
int ajar_valid_in_pan(const char *s, size_t n);         /* AAAAA9999A, holder-type letter */
int ajar_valid_gb_nhs(const char *s, size_t n);         /* 10 digits, mod 11 */
int ajar_valid_us_itin(const char *s, size_t n);        /* 9 digits 9xx, group 70-99 not 89/93 */
int ajar_valid_fr_nif(const char *s, size_t n);         /* 13 digits, first 0-3, last 3 = first 10 mod 511 */

/* device */
int ajar_valid_imei(const char *s, size_t n);           /* 15 digits Luhn; 16-digit IMEISV accepted w/o Luhn */
int ajar_valid_imsi(const char *s, size_t n);           /* 14-15 digits, known MCC */
int ajar_imsi_mcc_known(int mcc);
int ajar_valid_mac(const char *s, size_t n);            /* with separators: aa:bb:.. aa-bb-.. aabb.ccdd.eeff; not 00..00 / ff..ff */
int ajar_valid_ipv4(const char *s, size_t n);           /* dotted quad, no leading zeros */
/* the same a byte at a time (ajar_valid_ipv4 takes bit masks of one
 * 16-byte load): the reference the unit tests compare with */
int ajar_valid_ipv4_bytes(const char *s, size_t n);
/* ajar_valid_ipv4 for n bytes known to be digits and three dots (what
 * value_shape tells scalar_punct_digits): those are not tested again */
int ajar_ipv4_dotted(const char *s, size_t n);
int ajar_valid_ipv6(const char *s, size_t n);           /* RFC 4291 text forms, at least 2 ':' */
int ajar_valid_uuid(const char *s, size_t n);           /* 8-4-4-4-12 hex */
/* ajar_valid_mac and _uuid a byte at a time (those take lane masks of
 * 16-byte loads): the references the unit tests compare with */
int ajar_valid_mac_bytes(const char *s, size_t n);
int ajar_valid_uuid_bytes(const char *s, size_t n);

/* vehicle */
int ajar_valid_vin(const char *s, size_t n);            /* 17, no I/O/Q; check digit pos 9 when it applies */
int ajar_vin_check_ok(const char *s, size_t n);         /* strict ISO 3779 pos-9 check */
int ajar_valid_cn_plate(const char *s, size_t n);       /* UTF-8: province char + letter [+ '·'] + 5-6 alnum */

/* financial */
int ajar_valid_card(const char *s, size_t n);           /* 12-19 digits, IIN range + Luhn */
int ajar_card_iin_ok(const char *s, size_t n);          /* 12-19 digits in an IIN range (no Luhn) */
int ajar_valid_iban(const char *s, size_t n);           /* country length table + mod 97 */

/* contact */
int ajar_valid_email(const char *s, size_t n);          /* whole value; RFC 5322 subset, alpha TLD */
/* the same a byte at a time (ajar_valid_email takes bit masks, 16 bytes a
 * step, up to 64 bytes): the reference the unit tests compare with */
int ajar_valid_email_bytes(const char *s, size_t n);
/* ajar_valid_email for a value whose value_shape mask (shape.h) is mask:
 * one of letters, digits, '@', '.' and '-' alone is read by four
 * compares a step, not by eight byte classes */
int ajar_valid_email_shaped(const char *s, size_t n, unsigned mask);
int ajar_valid_cn_mobile(const char *s, size_t n);      /* 11 digits 1[3-9]..., optional +86/0086 prefix removed */
int ajar_valid_e164(const char *s, size_t n);           /* '+' then 8-15 digits, known country code */

#endif
