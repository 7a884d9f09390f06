/* The detector table: every detector, its category, how it validates,
 * and how much evidence a field needs before it is reported. */
#ifndef AJAR_DETECTORS_H
#define AJAR_DETECTORS_H

#include <stdint.h>
#include "ajar/ajar.h"

#define DETECTORS(X)                                                         \
  /* id                 name                 category             class  hint */ \
  X(CN_RESIDENT_ID,  "cn_resident_id",  AJAR_CAT_NATIONAL_ID,  STRONG, NATIONAL_ID, "ISO 7064 MOD 11-2 check digit, valid birth date, province-level region code") \
  X(US_SSN,          "us_ssn",          AJAR_CAT_NATIONAL_ID,  STRONG, NATIONAL_ID, "area/group/serial rules (no 000, 666, 9xx, 00, 0000); dashed form by value, plain 9 digits with field name") \
  X(UK_NINO,         "uk_nino",         AJAR_CAT_NATIONAL_ID,  STRONG, NATIONAL_ID, "prefix letter rules, excluded prefixes, suffix A-D") \
  X(ES_DNI,          "es_dni",          AJAR_CAT_NATIONAL_ID,  STRONG, NATIONAL_ID, "DNI/NIE mod 23 check letter") \
  X(IN_AADHAAR,      "in_aadhaar",      AJAR_CAT_NATIONAL_ID,  WEAK,   NATIONAL_ID, "Verhoeff check digit, first digit 2-9, not a palindrome") \
  X(FR_NIR,          "fr_nir",          AJAR_CAT_NATIONAL_ID,  STRONG, NATIONAL_ID, "mod 97 key (Corsica 2A/2B)") \
  X(IT_CF,           "it_codice_fiscale", AJAR_CAT_NATIONAL_ID, STRONG, NATIONAL_ID, "odd/even tables mod 26 check letter") \
  X(BR_CPF,          "br_cpf",          AJAR_CAT_NATIONAL_ID,  STRONG, NATIONAL_ID, "two mod 11 check digits") \
  X(KR_RRN,          "kr_rrn",          AJAR_CAT_NATIONAL_ID,  WEAK,   NATIONAL_ID, "birth date, century digit, weighted mod 11 check digit") \
  X(JP_MY_NUMBER,    "jp_my_number",    AJAR_CAT_NATIONAL_ID,  CONTEXT, NATIONAL_ID, "weighted mod 11 check digit, with field name") \
  X(DE_STEUER_ID,    "de_steuer_id",    AJAR_CAT_NATIONAL_ID,  CONTEXT, NATIONAL_ID, "ISO 7064 MOD 11,10 check digit and digit-repeat rule, with field name") \
  X(NL_BSN,          "nl_bsn",          AJAR_CAT_NATIONAL_ID,  CONTEXT, NATIONAL_ID, "11-proof, with field name; reported instead of us_ssn when the 11-proof holds for 9 in 10 of a field's values") \
  X(IN_PAN,          "in_pan",          AJAR_CAT_NATIONAL_ID,  WEAK,   NATIONAL_ID, "AAAAA9999A with a holder-type letter, serial not 0000") \
  X(GB_NHS,          "gb_nhs",          AJAR_CAT_NATIONAL_ID,  CONTEXT, NATIONAL_ID, "10 digits, mod 11 check digit, with field name") \
  X(US_ITIN,         "us_itin",         AJAR_CAT_NATIONAL_ID,  STRONG, NATIONAL_ID, "9xx-7x-xxxx (group 70-99, not 89/93); dashed form by value, plain 9 digits with field name") \
  X(FR_NIF,          "fr_nif",          AJAR_CAT_NATIONAL_ID,  CONTEXT, NATIONAL_ID, "13 digits, first 0-3, mod 511 check, with field name") \
  X(PASSPORT,        "passport",        AJAR_CAT_PASSPORT,     CONTEXT, PASSPORT,   "6-9 letters and digits with a digit, with field name") \
  X(EMAIL,           "email",           AJAR_CAT_EMAIL,        STRONG, EMAIL,       "RFC 5322 subset, alphabetic TLD") \
  X(PHONE_E164,      "phone_e164",      AJAR_CAT_PHONE,        STRONG, PHONE,       "+ and 8-15 digits with a known country code") \
  X(CN_MOBILE,       "cn_mobile",       AJAR_CAT_PHONE,        WEAK,   PHONE,       "11 digits 1[3-9]..., optional +86") \
  X(PHONE_NATIONAL,  "phone_national",  AJAR_CAT_PHONE,        CONTEXT, PHONE,      "7-15 digits with phone punctuation (extension cut) with field name; by value where most of a field is printed as phones are: (415) 555-2671, +44 20 7946 0958; in free text after Tel., Telefon, Mobile, 电话 and their kin near an e-mail or an international number") \
  X(IMEI,            "imei",            AJAR_CAT_IMEI,         WEAK,   IMEI,        "15 digits, Luhn check digit (16-digit IMEISV by format)") \
  X(IMSI,            "imsi",            AJAR_CAT_IMSI,         WEAK,   IMSI,        "14-15 digits starting with an allocated MCC, printed without separators unless the field names an IMSI") \
  X(MAC,             "mac",             AJAR_CAT_MAC,          STRONG, MAC,         "EUI-48 in colon, dash or dot form; not all-zero or broadcast") \
  X(IPV4,            "ipv4",            AJAR_CAT_IP,           STRONG, IP,          "dotted quad, octets 0-255, no leading zeros; not in version fields") \
  X(IPV6,            "ipv6",            AJAR_CAT_IP,           STRONG, IP,          "RFC 4291 text forms") \
  X(ADVERTISING_ID,  "advertising_id",  AJAR_CAT_ADVERTISING_ID, CONTEXT, ADVERTISING, "UUID in an advertising/device id field") \
  X(GEO_POINT,       "geo_point",       AJAR_CAT_COORDINATES,  STRONG, LOCATION,    "lat/lon object or [lon, lat] pair in range") \
  X(LAT_LON,         "lat_lon",         AJAR_CAT_COORDINATES,  CONTEXT, LOCATION,   "\"lat,lon\" string in range, or one coordinate in a lat/lon field") \
  X(GEOHASH,         "geohash",         AJAR_CAT_COORDINATES,  CONTEXT, LOCATION,   "5-12 geohash characters, with field name") \
  X(CN_PLATE,        "cn_plate",        AJAR_CAT_PLATE,        STRONG, PLATE,       "province character, letter, optional middle dot, 5-6 characters") \
  X(PLATE,           "plate",           AJAR_CAT_PLATE,        CONTEXT, PLATE,      "4-10 letters and digits, or a CJK/Hangul plate with digits (JP, KR), with field name") \
  X(VIN,             "vin",             AJAR_CAT_VIN,          STRONG, VIN,         "17 characters without I/O/Q; ISO 3779 check digit where it applies") \
  X(CARD,            "card",            AJAR_CAT_CARD,         WEAK,   CARD,        "IIN range and length, Luhn check digit") \
  X(IBAN,            "iban",            AJAR_CAT_IBAN,         STRONG, IBAN,        "country length and mod 97") \
  X(FACE_ATTRIBUTES, "face_attributes", AJAR_CAT_FACE,         CONTEXT, FACE_ATTR,  "face-analysis attributes (beard, glasses, mask, smile, age/gender estimate)") \
  X(FACE_EMBEDDING,  "face_embedding",  AJAR_CAT_FACE,         CONTEXT, EMBEDDING,  "128/256/512 floats in a face or feature field; unit-scale 128/256/512 in every record of a field named for nothing else") \
  X(FACE_IMAGE,      "face_image",      AJAR_CAT_FACE,         CONTEXT, PHOTO,      "base64 JPEG/PNG by magic bytes in a photo or face field") \
  X(ETHNICITY,       "ethnicity",       AJAR_CAT_ETHNICITY,    VOCAB,  ETHNICITY,   "ethnic-group vocabulary (56 groups of China, census terms), or field name") \
  X(RELIGION,        "religion",        AJAR_CAT_RELIGION,     VOCAB,  RELIGION,    "religion vocabulary (EN/ZH), or field name") \
  X(POLITICAL,       "political",       AJAR_CAT_POLITICAL,    VOCAB,  POLITICAL,   "party/political-status vocabulary (EN/ZH), or field name") \
  X(HEALTH,          "health",          AJAR_CAT_HEALTH,       VOCAB,  HEALTH,      "diagnosis vocabulary (EN/ZH), ICD-10 codes in health fields, or field name") \
  X(ICD10,           "icd10",           AJAR_CAT_HEALTH,       CONTEXT, HEALTH,     "a field named for nothing where 9 in 10 values are ICD-10 codes (letter, two digits: E11, F32.1) and 3 in 10 carry a subcategory") \
  X(BLOOD_GROUP,     "blood_group",     AJAR_CAT_HEALTH,       CONTEXT, HEALTH,     "ABO group with its Rh sign (A+, AB-, 0 Rh+, O neg) or 型/형 (A型, AB형): a field named for nothing where 9 in 10 values are groups, some O or AB") \
  X(PRIVATE_KEY,     "private_key",     AJAR_CAT_SECRET,       STRONG, SECRET,      "PEM private key header") \
  X(AWS_KEY,         "aws_access_key",  AJAR_CAT_SECRET,       STRONG, SECRET,      "AKIA/ASIA/AROA/AIDA + 16 base32 characters") \
  X(JWT,             "jwt",             AJAR_CAT_SECRET,       STRONG, SECRET,      "three base64url parts, header decodes to {\"") \
  X(PASSWORD_HASH,   "password_hash",   AJAR_CAT_SECRET,       STRONG, SECRET,      "bcrypt, argon2, scrypt, crypt(3) $1$/$5$/$6$ shapes") \
  X(HEX_DIGEST,      "hex_digest",      AJAR_CAT_SECRET,       CONTEXT, SECRET,     "32, 40, 64 or 128 hex digits (MD5, SHA-1, SHA-256, SHA-512) every value of a field named for nothing in a table of accounts (one with an e-mail field): an unsalted password digest") \
  X(PASSWORD,        "password",        AJAR_CAT_SECRET,       CONTEXT, SECRET,     "non-empty value in a password/secret/token field") \
  X(PERSON_NAME,     "person_name",     AJAR_CAT_NAME,         VOCAB,  NAME,        "capitalised Latin/Cyrillic words with a common given or family name of some country (many national statistics, `src/lib/classify/person.c`), CJK/Hangul names starting with a common surname; a person-name field (first name, buyer_name, 姓名) by shape; under an opaque name, a column of distinct values nearly all name-shaped (titles and degrees skipped; street, place and company words, CamelCase and short codes are not names) with at least 30% common names, which covers given names or surnames alone and CJK given names (given-name characters, Japanese endings, Korean syllables); 10% beside a sibling column of names, 8 in 10 values distinct (family names written apart from given names)") \
  X(DOB,             "date_of_birth",   AJAR_CAT_DEMOGRAPHIC,  CONTEXT, AGE_DOB,    "a plausible date or age in a birth-date/age field; without one, a field of dates only, spread over generations") \
  X(GENDER,          "gender",          AJAR_CAT_DEMOGRAPHIC,  VOCAB,  GENDER,      "sex/gender words of 16 languages (männlich, 男, 남, H/F in a gender field), also as the last segment of a linked-data term in a gender field (https://schema.org/Female); a column of M/F/W/H/V letters only; salutations that give the sex (Mr/Mrs, Herr/Frau, M./Mme, Sr./Sra., Sig./Sig.ra, Dhr./Mevr., 先生/女士; Ms, Sr and Miss only in a field named salutation, Anrede, Civilité, tratamiento, aanhef, 称谓), never Dr. or Prof.; in a gender field, the codes beside male and female (FHIR other/unknown, HL7 O/U/A/N, divers, X, not stated)") \
  X(NATIONALITY,     "nationality",     AJAR_CAT_DEMOGRAPHIC,  CONTEXT, DEMOGRAPHIC, "country name/adjective/code in a nationality field; in a field named for nothing beside a person's data (name, phone, id, e-mail, account), 7 in 10 values country names (Unicode CLDR, 18 languages) or 9 in 10 ISO 3166 codes") \
  X(ADDRESS,         "address",         AJAR_CAT_ADDRESS,      VOCAB,  ADDRESS,     "house number (1-5 digits, then nothing, `-` or `/` and more, or one or two letters or a dot: `12a`, `5/2`; a version's `17_1` is none) and a street word of 16 languages (Straße, rue, calle, via, rua, straat, ulica, ул., the USPS Publication 28 suffixes), or a postcode of a telling shape (UK `SW1A 1AA`, NL `1234 AB`, US `NY 10001`, CA `K1A 0B1`, BR `01310-100`) with a house number or street word; three 省市区路号/県町丁番/시구동로길 markers, or two and a number; long one-line addresses too; a postcode of 3-9 digits (`91604`, `709-8337`) under a postcode field name; a state, province or UF code (`CA`, `SP`, `NRW`) under state, province, region, uf, Bundesland of an address object; or field name") \
  X(CODE_TEXT,       "code_text",       AJAR_CAT_HEALTH,       CONTEXT, HEALTH,     "the text or label of a coded thing (display, text, description, Bezeichnung, 名称 in a field named for nothing else) beside a code field reported as ICD-10 codes or diagnoses: FHIR's code.coding[].display beside code.coding[].code")

enum detector_id {
#define X(id, name, cat, cls, hint, val) DET_##id,
  DETECTORS(X)
#undef X
  DET__COUNT
};

/* How much evidence a field needs:
 *  STRONG  - the value alone is convincing (strict format or strong check)
 *  WEAK    - a check digit that random numbers pass often: most of a
 *            field's values must validate, or the field name must agree
 *  VOCAB   - a known word or shape; most values must agree, or the name
 *  CONTEXT - only with the field name agreeing */
enum detector_class { CLS_STRONG, CLS_WEAK, CLS_VOCAB, CLS_CONTEXT };

struct detector {
  const char *name;
  int category;
  enum detector_class cls;
  uint32_t hint;          /* lexicon hint bits that agree */
  const char *validation;
};

extern const struct detector ajar_detectors[DET__COUNT];

#endif
