/* ASCII tokens without spaces, and ids printed with letters: MAC and
 * IPv6 addresses, UUIDs, secrets (password hashes, AWS keys, JWTs),
 * images in base64, coordinates, geohashes, ICD-10 codes, and the
 * alphanumeric ids (IBAN, VIN, NINO, DNI, PAN, codice fiscale, passports,
 * plates). Part of classify_scalar (value.c). */
#include <math.h>
#include <string.h>
#include <strings.h>
#include "classify.h"
#include "shape.h"
#include "validators.h"
#include "value.h"

static size_t strip_alnum_upper(const char *v, size_t n, char *out, size_t cap) {
  size_t i, k = 0;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)v[i];
    if (c == ' ' || c == '-' || c == '.')
      continue;
    if (k == cap) return 0;
    out[k++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
  }
  return k;
}

/* an IBAN's head: two letters and two digits, separators skipped */
static int iban_head(const char *v, size_t n) {
  char h[4];
  size_t i, k = 0;
  for (i = 0; i < n && k < 4; i++)
    if (v[i] != ' ' && v[i] != '-' && v[i] != '.')
      h[k++] = v[i];
  return k == 4 && ((h[0] | 0x20) >= 'a' && (h[0] | 0x20) <= 'z') &&
         ((h[1] | 0x20) >= 'a' && (h[1] | 0x20) <= 'z') && h[2] >= '0' &&
         h[2] <= '9' && h[3] >= '0' && h[3] <= '9';
}

int is_base64_image(const char *v, size_t n) {
  if (n > 11 && !memcmp(v, "data:image/", 11))
    return 1;
  if (n >= 64 && (!memcmp(v, "/9j/", 4) || !memcmp(v, "iVBORw0KGgo", 11)))
    return 1;
  return 0;
}

static int is_geohash(const char *v, size_t n) {
  size_t i;
  if (n < 5 || n > 12) return 0;
  for (i = 0; i < n; i++) {
    char c = v[i];
    if (!((c >= '0' && c <= '9') || (c >= 'b' && c <= 'z' && c != 'i' &&
                                     c != 'l' && c != 'o')))
      return 0;
  }
  return 1;
}

int is_password_hash(const char *v, size_t n) {
  if (n < 20 || v[0] != '$')
    return 0;
  if (n >= 59 && n <= 61 && v[0] == '$' && v[1] == '2' && v[3] == '$' &&
      (v[2] == 'a' || v[2] == 'b' || v[2] == 'y'))
    return 1;
  if (n > 20 && !memcmp(v, "$argon2", 7)) return 1;
  if (n > 20 && (!memcmp(v, "$1$", 3) || !memcmp(v, "$5$", 3) ||
                 !memcmp(v, "$6$", 3) || !memcmp(v, "$y$", 3) ||
                 !memcmp(v, "$scrypt$", 8) || !memcmp(v, "$pbkdf2", 7)))
    return 1;
  return 0;
}

int is_aws_key(const char *v, size_t n) {
  size_t i;
  if (n != 20) return 0;
  if (memcmp(v, "AKIA", 4) && memcmp(v, "ASIA", 4) && memcmp(v, "AROA", 4) &&
      memcmp(v, "AIDA", 4))
    return 0;
  for (i = 4; i < 20; i++)
    if (!((v[i] >= 'A' && v[i] <= 'Z') || (v[i] >= '2' && v[i] <= '7')))
      return 0;
  return 1;
}

int is_jwt(const char *v, size_t n) {
  size_t i, dots = 0;
  if (n < 20 || v[0] != 'e' || v[1] != 'y' || v[2] != 'J') return 0;
  for (i = 0; i < n; i++) {
    char c = v[i];
    if (c == '.') { dots++; continue; }
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
          (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '='))
      return 0;
  }
  return dots == 2;
}

/* "39.9042,116.4074" or "39.9042, 116.4074" */
static int is_latlon_string(const char *v, size_t n, int *precise) {
  const char *comma = memchr(v, ',', n);
  double a, b;
  size_t la, lb;
  const char *pb;
  if (!comma) return 0;
  la = (size_t)(comma - v);
  pb = comma + 1;
  while (pb < v + n && *pb == ' ') pb++;
  lb = (size_t)(v + n - pb);
  if (!parse_double(v, la, &a) || !parse_double(pb, lb, &b)) return 0;
  if (fabs(a) > 90 || fabs(b) > 180) return 0;
  *precise = memchr(v, '.', la) && memchr(pb, '.', lb) && la >= 5 && lb >= 5;
  return 1;
}

static int starts(const char *v, size_t n, size_t *i, const char *w) {
  size_t k = strlen(w);
  if (*i + k > n || strncasecmp(v + *i, w, k))
    return 0;
  *i += k;
  return 1;
}

int blood_group(const char *v, size_t n) {
  size_t i = 0;
  int g, cjk = 0;
  char a = (char)(v[0] & ~0x20);
  if (a == 'A' && n > 1 && (v[1] & ~0x20) == 'B')
    g = 2, i = 2;
  else if (a == 'A' || a == 'B')
    g = 1, i = 1;
  else if (a == 'O' || v[0] == '0')
    g = 2, i = 1;
  else
    return 0;
  /* what may follow the group, by its first byte (型 형, a space, Rh, a
   * sign, pos/neg, 阳阴陽陰): anything else is no group, decided here
   * without the dozen compares below ("0.4745", "Anna", "broker") */
  if (i < n && !memchr("\xE5\xED rR+-\xE2pPnN\xE9", v[i], 13))
    return 0;
  if (starts(v, n, &i, "\xE5\x9E\x8B") || starts(v, n, &i, "\xED\x98\x95")) { /* 型 형 */
    cjk = 1;
    starts(v, n, &i, "\xE8\xA1\x80"); /* 血 */
  }
  while (i < n && v[i] == ' ') i++;
  if (i == n)
    return cjk ? g : 0;
  if (!starts(v, n, &i, "rhd"))
    starts(v, n, &i, "rh");
  while (i < n && v[i] == ' ') i++;
  if (starts(v, n, &i, "+") || starts(v, n, &i, "-") || starts(v, n, &i, "\xE2\x88\x92") ||
      starts(v, n, &i, "positive") || starts(v, n, &i, "negative") ||
      starts(v, n, &i, "pos") || starts(v, n, &i, "neg") ||
      starts(v, n, &i, "\xE9\x98\xB3\xE6\x80\xA7") || starts(v, n, &i, "\xE9\x98\xB4\xE6\x80\xA7") ||
      starts(v, n, &i, "\xE9\x99\xBD\xE6\x80\xA7") || starts(v, n, &i, "\xE9\x99\xB0\xE6\x80\xA7"))
    return i == n ? g : 0; /* 阳性 阴性 陽性 陰性 */
  return 0;
}

/* hex digits in one case only: a digest's print */
static int is_hex(const char *v, size_t n) {
  size_t i;
  int lower = 0, upper = 0;
  for (i = 0; i < n; i++) {
    char c = v[i];
    if (c >= 'a' && c <= 'f') lower = 1;
    else if (c >= 'A' && c <= 'F') upper = 1;
    else if (c < '0' || c > '9') return 0;
  }
  return !(lower && upper);
}

int is_placeholder_secret(const char *v, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (v[i] != '*' && v[i] != 'x' && v[i] != 'X' && v[i] != '#')
      return 0;
  return 1;
}

/* ASCII tokens: formats below strip spaces themselves where a printed
 * form has them ("NE 89 60 98 D", "FR76 1653 ...") */
unsigned scalar_token(struct emit_ctx *e, const char *v, size_t n,
                             unsigned mask, size_t digits, size_t seps) {
  uint32_t hints = e->hints;
  unsigned sig = 0;
  char u[40];
  size_t nu, i;
  int precise, mac = 0;
  if (!(mask & C_SPACE)) {
    if ((mask & C_COLON) && (mac = ajar_valid_mac(v, n))) EMITE(DET_MAC, 1);
    else if ((mask & C_DOT) && n == 14 && ajar_valid_mac(v, n)) EMITE(DET_MAC, 1);
    else if ((mask & C_DASH) && n == 17 && ajar_valid_mac(v, n)) EMITE(DET_MAC, 1);
    /* six groups of two, no "::": never an IPv6 address */
    if ((mask & C_COLON) && !mac && ajar_valid_ipv6(v, n)) EMITE(DET_IPV6, 1);
    if (n == 36 && ajar_valid_uuid(v, n)) {
      if (hints & AJAR_H_ADVERTISING) EMITE(DET_ADVERTISING_ID, 1);
      e->stop = 1; /* a UUID is nothing else */
      return sig;
    }
    if (is_aws_key(v, n)) EMITE(DET_AWS_KEY, 1);
    if (is_jwt(v, n)) EMITE(DET_JWT, 1);
    if ((hints & (AJAR_H_PHOTO | AJAR_H_FACE)) && is_base64_image(v, n))
      EMITE(DET_FACE_IMAGE, 1);
    if ((mask & C_COMMA) && is_latlon_string(v, n, &precise))
      EMITE(precise ? DET_GEO_POINT : DET_LAT_LON, 1);
    if ((hints & AJAR_H_LOCATION) && is_geohash(v, n)) EMITE(DET_GEOHASH, 1);
    if ((hints & AJAR_H_HEALTH) && n <= 8) {
      for (i = 0; i < n && i < sizeof u - 1; i++)
        u[i] = (char)(v[i] >= 'a' && v[i] <= 'z' ? v[i] - 32 : v[i]);
      if (ajar_lexicon_icd10_ok(u, n)) EMITE(DET_HEALTH, 1);
    } else if (!hints && n >= 3 && n <= 8 && digits >= 2 && v[0] >= 'A' &&
               v[0] <= 'Z' && ajar_lexicon_icd10_ok(v, n)) {
      /* validated: with a subcategory (collection_finish.c wants some) */
      EMITE(DET_ICD10, n > 3);
    }
    if (!hints && (n == 32 || n == 40 || n == 64 || n == 128) && digits &&
        !(mask & ~(C_DIGIT | C_LOWER | C_UPPER | C_HEXALPHA)) && is_hex(v, n))
      EMITE(DET_HEX_DIGEST, 1);
  }
  nu = 0;
  if ((mask & (C_UPPER | C_LOWER)) && digits && n <= 40) {
    /* the length strip_alnum_upper gives; copy only when some check
     * below takes that length */
    size_t want = n - seps;
    /* the id checks take letters and digits only (a MAC never passes) */
    int alnum = !(mask & ~(C_DIGIT | C_UPPER | C_LOWER | C_HEXALPHA | C_SPACE |
                           C_DASH | C_DOT));
    /* ten: only a PAN's shape (AAAAA9999A) is worth the copy */
    int pan = want == 10 && n == 10 && v[5] >= '0' && v[5] <= '9' &&
              ((v[9] | 0x20) >= 'a' && (v[9] | 0x20) <= 'z');
    if ((alnum && (want == 8 || want == 9 || pan || (want >= 15 && want <= 18) ||
                   (want >= 19 && want <= 34 && iban_head(v, n)))) ||
        (want >= 4 && want <= 10 && (hints & (AJAR_H_PASSPORT | AJAR_H_PLATE))))
      nu = strip_alnum_upper(v, n, u, sizeof u);
  }
  if (nu == 18 && ajar_valid_cn_resident_id(u, nu)) EMITE(DET_CN_RESIDENT_ID, 1);
  /* the suffix letter makes a NINO by value; without it, "AB123456"
   * is any code's shape, so the field name must say so */
  if ((nu == 9 || (nu == 8 && (hints & AJAR_H_NATIONAL_ID))) &&
      ajar_valid_uk_nino(u, nu))
    EMITE(DET_UK_NINO, 1);
  if (nu == 9 && (ajar_valid_es_dni(u, nu) || ajar_valid_es_nie(u, nu)))
    EMITE(DET_ES_DNI, 1);
  if (nu == 10 && ajar_valid_in_pan(u, nu)) EMITE(DET_IN_PAN, 1);
  if (nu == 16 && ajar_valid_it_codice_fiscale(u, nu)) EMITE(DET_IT_CF, 1);
  if (nu == 15 && ajar_valid_fr_nir(u, nu)) EMITE(DET_FR_NIR, 1);
  if (nu == 17 && ajar_valid_vin(u, nu)) EMITE(DET_VIN, 1);
  if (nu >= 15 && nu <= 34 && ajar_valid_iban(u, nu)) EMITE(DET_IBAN, 1);
  if (nu >= 6 && nu <= 9 && (hints & AJAR_H_PASSPORT)) EMITE(DET_PASSPORT, 1);
  if (nu >= 4 && nu <= 10 && (hints & AJAR_H_PLATE) && (mask & (C_UPPER))) {
    /* validated: two letters or more, as the plates of the major
     * countries have (collection_finish.c wants most); "E123456" is a
     * staff number */
    size_t letters = 0;
    for (i = 0; i < nu; i++)
      letters += u[i] >= 'A' && u[i] <= 'Z';
    EMITE(DET_PLATE, letters >= 2);
  }
  return sig;
}
