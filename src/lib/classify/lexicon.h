/* Field-name dictionary and value vocabularies.
 *
 * Field names matter as much as values: a path component like "sfzh",
 * "idCardNo", "id-card" or "身份证号" says what the value should be. The
 * dictionary maps a normalised path component to hints; the vocabularies
 * say whether a whole value is a known word (an ethnic group, a religion,
 * a gender, a common given name ...).
 *
 * Hand-written tables: no library ships PII field-name lists for
 * English, Chinese and pinyin abbreviations. Lookups never allocate.
 */
#ifndef AJAR_LEXICON_H
#define AJAR_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/* What a field name suggests. A component may carry several bits. */
enum ajar_hint {
  AJAR_H_NAME          = 1u << 0,  /* person name: name, xm, 姓名, fullName, firstName */
  AJAR_H_NATIONAL_ID   = 1u << 1,  /* sfzh, idcard, ssn, nino, dni, aadhaar, 身份证 */
  AJAR_H_PASSPORT      = 1u << 2,  /* passport, hzhm, 护照 */
  AJAR_H_DEMOGRAPHIC   = 1u << 3,  /* dob, birthday, csrq, age, gender, sex, xb, nationality, gj */
  AJAR_H_EMAIL         = 1u << 4,
  AJAR_H_PHONE         = 1u << 5,  /* phone, mobile, tel, lxdh, sjhm, 手机 */
  AJAR_H_ADDRESS       = 1u << 6,  /* address, addr, street, zz, dz, 住址 */
  AJAR_H_IMEI          = 1u << 7,
  AJAR_H_IMSI          = 1u << 8,
  AJAR_H_MAC           = 1u << 9,
  AJAR_H_IP            = 1u << 10,
  AJAR_H_ADVERTISING   = 1u << 11, /* idfa, gaid, adid, advertising_id, device_id */
  AJAR_H_LOCATION      = 1u << 12, /* location, geo, coordinates, lat, lon, lng, latitude, jd, wd, geohash */
  AJAR_H_PLATE         = 1u << 13, /* plate, license_plate, cph, hphm, 车牌 */
  AJAR_H_VIN           = 1u << 14, /* vin, clsbdh */
  AJAR_H_CARD          = 1u << 15, /* card_number, pan, cc, credit_card, yhkh */
  AJAR_H_IBAN          = 1u << 16,
  AJAR_H_FACE          = 1u << 17, /* face, facial, portrait, rl(人脸): context for attributes/embeddings/photos */
  AJAR_H_FACE_ATTR     = 1u << 18, /* beard, glasses, sunglasses, mask, smile, hat, eyes_open, expression */
  AJAR_H_EMBEDDING     = 1u << 19, /* embedding, feature, vector, tzz(特征值) */
  AJAR_H_PHOTO         = 1u << 20, /* photo, image, img, picture, zp(照片), avatar, snapshot */
  AJAR_H_ETHNICITY     = 1u << 21, /* ethnicity, race, mz, 民族 */
  AJAR_H_RELIGION      = 1u << 22, /* religion, faith, zjxy, 宗教 */
  AJAR_H_POLITICAL     = 1u << 23, /* political, party, zzmm, 政治面貌 */
  AJAR_H_HEALTH        = 1u << 24, /* diagnosis, disease, icd, medical, health, blood_type, 病 */
  AJAR_H_SECRET        = 1u << 25, /* password, passwd, pwd, secret, token, api_key, private_key, mm(密码) */
  AJAR_H_TIME          = 1u << 26, /* not personal: time, ts, timestamp, date, created_at, sj(时间) */
  AJAR_H_PLACE         = 1u << 27, /* not personal: camera, checkpoint, site, place, station, kkmc(卡口) */
  AJAR_H_NEGATIVE      = 1u << 28, /* never personal: version, request_id, trace_id, hash of content, sku, order_id, uuid, checksum */
  AJAR_H_GENDER        = 1u << 29, /* subset of demographic: gender, sex, xb, 性别 */
  AJAR_H_AGE_DOB       = 1u << 30, /* subset of demographic: age, dob, birth, csrq */
};
/* A person is meant: a role (buyer, guest, 客户, cliente) or a name that
 * can only be a person's (first name, surname, 姓名). With AJAR_H_NAME it
 * says the name is a person's; alone it means nothing. Outside the enum:
 * bit 31 does not fit an int. */
#define AJAR_H_PERSON (1u << 31)

/* Hints for one path component (no dots, no "[]"), e.g. "idCardNo",
 * "face_image", "sfzh", "身份证号", "Geburtsdatum", "nome_utente",
 * "дата_рождения". Case, camelCase, snake_case, kebab-case, Latin
 * diacritics, Cyrillic case, fullwidth forms, the Arabic article and
 * literal \uXXXX escapes are folded; a compound is the union of its
 * tokens' hints unless the whole name is in the dictionary, and a word
 * glued of known words (German compounds) is read as head plus
 * qualifiers. Returns 0 when nothing is known. Never allocates. */
uint32_t ajar_lexicon_field_hints(const char *name, size_t n);

/* Whether a field name is a word for a country's first-level division
 * (state, province, region, uf, Bundesland, provincia, 省): part of the
 * address when its object is one (classify_adjust_hints). */
int ajar_lexicon_region_key(const char *name, size_t n);

/* Whether a field name says "the text or label of" and nothing more
 * (display, text, description, code, value, Bezeichnung, 名称): it holds
 * what its object is named for when that is a diagnosis or disease
 * (classify_key_hints). */
int ajar_lexicon_text_key(const char *name, size_t n);

/* What a whole value is, when it is a known word. */
enum ajar_vocab {
  AJAR_V_ETHNICITY   = 1u << 0,  /* 汉族, 维吾尔族 (all 56 groups, with and without 族), Uyghur, Han, Hispanic, Caucasian ... */
  AJAR_V_RELIGION    = 1u << 1,  /* 伊斯兰教, Muslim, Christian, Buddhist, Catholic ... */
  AJAR_V_POLITICAL   = 1u << 2,  /* 中共党员, 共青团员, 群众, Democrat, Republican, Labour ... */
  AJAR_V_HEALTH      = 1u << 3,  /* diabetes, HIV positive, 高血压, hepatitis B, depression ... */
  AJAR_V_GENDER      = 1u << 4,  /* male, female, M, F, 男, 女 */
  AJAR_V_GIVEN_NAME  = 1u << 5,  /* common given names (EN), lower-cased match */
  AJAR_V_CN_SURNAME  = 1u << 6,  /* common Chinese, Japanese and Korean surnames (first characters of a name) */
  AJAR_V_NATIONALITY = 1u << 7,  /* Chinese, 中国, American, CHN, USA ... */
  AJAR_V_FACE_ATTR   = 1u << 8,  /* beard, glasses, sunglasses, mask, smiling, no_beard ... as values */
  AJAR_V_SURNAME     = 1u << 9,  /* common family names (EN) */
  AJAR_V_SALUTATION  = 1u << 10, /* a title that gives the sex: Mr, Mrs, Frau, Herr, Mme, Sra., 先生, 女士 */
  AJAR_V_COUNTRY     = 1u << 11, /* a country's name (ajar_lexicon_country's 1); only from ajar_lexicon_value_words */
};

/* Vocabulary classes of a whole value (trimmed, case-folded for ASCII).
 * Returns 0 for none. Never allocates. */
uint32_t ajar_lexicon_value_vocab(const char *v, size_t n);
/* The same for a value already in normal form: no ASCII upper case, no
 * white space, '_' or '-' (spares the copy that normalises it). */
uint32_t ajar_lexicon_value_vocab_exact(const char *v, size_t n);

/* Both at once: the vocabulary classes of a whole value with
 * AJAR_V_COUNTRY when it is a country's name, from one normalisation and
 * one probe of one hash table (vocabulary words and country names). For
 * a value both are asked of; never allocates. */
uint32_t ajar_lexicon_value_words(const char *v, size_t n);
uint32_t ajar_lexicon_value_words_exact(const char *v, size_t n);
/* ajar_lexicon_value_words without the sieve that tells most values
 * from the table's words before their normal form is made: the unit
 * tests hold the two to the same answers */
uint32_t ajar_lexicon_value_words_unsifted(const char *v, size_t n);
/* the sieve: 0 only when v is no word of the table */
int ajar_lexicon_value_sieve(const char *v, size_t n);

/* The normal form the vocabularies and country names are looked up by:
 * ASCII white space, '_' and '-' dropped at the ends and one space for
 * each run of them inside, ASCII lower-cased, other bytes as they are.
 * Written into out (AJAR_LEXICON_NORM_CAP bytes) with zeros after it up
 * to the next multiple of 8 bytes; returns its length, or (size_t)-1
 * when it is over 128 bytes. The unit tests compare it with the rule. */
#define AJAR_LEXICON_NORM_CAP 144
size_t ajar_lexicon_value_norm(const char *v, size_t n, char *out);

/* Whether a whole value is a country: 1 for a name in one of the
 * lexicon's languages (Unicode CLDR territory names: "Deutschland",
 * "Côte d'Ivoire", "카자흐스탄"), 2 for an ISO 3166-1 alpha-2 or alpha-3
 * code written in capitals ("KZ", "KAZ"), 0 otherwise. Never allocates. */
int ajar_lexicon_country(const char *v, size_t n);
/* The same for a value whose ajar_lexicon_value_words are known. */
int ajar_lexicon_country_of(const char *v, size_t n, uint32_t words);

/* Whether the leading UTF-8 character of s is one of the 31 province
 * abbreviations used on Chinese plates (京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼);
 * returns its byte length (3) or 0. */
size_t ajar_lexicon_cn_province(const char *s, size_t n);

/* Whether a CN resident-id region prefix (first 2 digits, province
 * level, e.g. 11, 31, 65) exists. */
int ajar_lexicon_cn_region_ok(int two_digits);

/* Whether s (an upper-case ICD-10 code such as "E11", "E11.9", "F32.1")
 * has a valid chapter letter and shape. */
int ajar_lexicon_icd10_ok(const char *s, size_t n);

/* Number of defects in the built-in tables: duplicate field-name keys,
 * keys not in normal form (ASCII keys lower-case without separators,
 * vocabulary words lower-case with single spaces), a word listed twice in
 * one vocabulary, tables larger than the lookup arrays. 0 when healthy;
 * meant for unit tests. */
size_t ajar_lexicon_selfcheck(void);

#endif
