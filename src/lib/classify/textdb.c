/* Compiling the free-text patterns. Built into the library, and into
 * tools/gen_textdb, which serialises the database at build time so that
 * ajar_db_compile only deserialises it (compiling takes ~0.2 s). */
#include <stdio.h>
#include "textdb.h"

#define PROVINCES "(?:京|津|沪|渝|冀|豫|云|辽|黑|湘|皖|鲁|新|苏|浙|赣|鄂|桂|甘|晋|蒙|陕|吉|闽|贵|粤|青|藏|川|宁|琼)"

const struct text_pattern ajar_text_patterns[TP__COUNT] = {
  /* no start-of-match for e-mail: the validator finds the local part */
  [TP_EMAIL] = {"[A-Za-z0-9._%+\\-]@[A-Za-z0-9\\-]{1,63}\\.[A-Za-z]{2,24}", DET_EMAIL},
  [TP_E164] = {"\\+[1-9][0-9 \\-]{7,18}[0-9]", DET_PHONE_E164},
  [TP_CN_MOBILE] = {"\\b1[3-9][0-9]{9}\\b", DET_CN_MOBILE},
  [TP_CN_RESIDENT_ID] = {"\\b[0-9]{17}[0-9Xx]\\b", DET_CN_RESIDENT_ID},
  [TP_CARD] = {"\\b[0-9]{4}(?:[ \\-]?[0-9]{4}){2}[ \\-]?[0-9]{1,7}\\b", DET_CARD},
  [TP_AMEX] = {"\\b3[47][0-9]{2}[ \\-]?[0-9]{6}[ \\-]?[0-9]{5}\\b", DET_CARD},
  [TP_IBAN] = {"\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}\\b", DET_IBAN},
  [TP_IPV4] = {"\\b[0-9]{1,3}(?:\\.[0-9]{1,3}){3}\\b", DET_IPV4},
  [TP_MAC_COLON] = {"\\b[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}\\b", DET_MAC},
  [TP_MAC_DASH] = {"\\b[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}\\b", DET_MAC},
  [TP_AWS_KEY] = {"\\b(?:AKIA|ASIA|AROA|AIDA)[A-Z2-7]{16}\\b", DET_AWS_KEY},
  [TP_JWT] = {"eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{4,}\\.[A-Za-z0-9_\\-]{8,}", DET_JWT},
  [TP_PRIVATE_KEY] = {"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----", DET_PRIVATE_KEY},
  [TP_BCRYPT] = {"\\$2[aby]\\$[0-9]{2}\\$[./A-Za-z0-9]{53}", DET_PASSWORD_HASH},
  [TP_ARGON2] = {"\\$argon2(?:id|i|d)\\$v=[0-9]+\\$m=[0-9]+,t=[0-9]+,p=[0-9]+\\$", DET_PASSWORD_HASH},
  [TP_US_SSN] = {"\\b[0-9]{3}-[0-9]{2}-[0-9]{4}\\b", DET_US_SSN},
  [TP_CN_PLATE] = {PROVINCES "[A-HJ-NP-Z](?:\\xC2\\xB7)?[A-HJ-NP-Z0-9]{5,6}", DET_CN_PLATE},
  [TP_UK_NINO] = {"\\b[A-CEGHJ-PR-TW-Z]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]\\b", DET_UK_NINO},
};
const size_t ajar_text_pattern_count =
    sizeof ajar_text_patterns / sizeof ajar_text_patterns[0];

int textdb_compile(hs_database_t **out, char *err, size_t errlen) {
  const char *res[64];
  unsigned flags[64], ids[64];
  hs_compile_error_t *cerr = NULL;
  size_t i, n = ajar_text_pattern_count;
  if (n > 64)
    return -1;
  for (i = 0; i < n; i++) {
    res[i] = ajar_text_patterns[i].re;
    /* no start of match for e-mail: the validator finds the local part */
    flags[i] = ajar_text_patterns[i].det == DET_EMAIL ? 0 : HS_FLAG_SOM_LEFTMOST;
    ids[i] = (unsigned)i;
  }
  if (hs_compile_multi(res, flags, ids, (unsigned)n, HS_MODE_BLOCK, NULL, out,
                       &cerr) != HS_SUCCESS) {
    if (err && errlen)
      snprintf(err, errlen, "pattern %d: %s", cerr ? cerr->expression : -1,
               cerr ? cerr->message : "compile failed");
    hs_free_compile_error(cerr);
    return -1;
  }
  return 0;
}
