/* Test-only: run ajar's identifier validators on candidates from stdin,
 * for the differential test against python-stdnum (differential.py).
 *
 *   stdin:  FORMAT<TAB>CANDIDATE per line (candidate already compact:
 *           letters and digits only, as the classifier hands it over)
 *   stdout: 1 or 0 per line, the validator's answer
 *
 * FORMAT is the python-stdnum module name (cn.ric, de.idnr ...). An
 * unknown format is an error (exit 2), so a renamed format cannot pass
 * silently. */
#include <stdio.h>
#include <string.h>

#include "validators.h"

struct fmt {
  const char *name;
  int (*ok)(const char *, size_t);
};

static int luhn(const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return n > 0 && ajar_luhn_ok(s, n);
}

static const struct fmt fmts[] = {
  {"cn.ric", ajar_valid_cn_resident_id},  {"us.ssn", ajar_valid_us_ssn},
  {"us.itin", ajar_valid_us_itin},        {"es.dni", ajar_valid_es_dni},
  {"es.nie", ajar_valid_es_nie},          {"in_.aadhaar", ajar_valid_in_aadhaar},
  {"in_.pan", ajar_valid_in_pan},         {"fr.nir", ajar_valid_fr_nir},
  {"fr.nif", ajar_valid_fr_nif},          {"it.codicefiscale", ajar_valid_it_codice_fiscale},
  {"br.cpf", ajar_valid_br_cpf},          {"kr.rrn", ajar_valid_kr_rrn},
  {"jp.in_", ajar_valid_jp_my_number},    {"de.idnr", ajar_valid_de_steuer_id},
  {"nl.bsn", ajar_valid_nl_bsn},          {"gb.nhs", ajar_valid_gb_nhs},
  {"imei", ajar_valid_imei},              {"iban", ajar_valid_iban},
  {"luhn", luhn},
};

int main(void) {
  char line[512];
  while (fgets(line, sizeof line, stdin)) {
    size_t n = strcspn(line, "\r\n"), i;
    char *tab = memchr(line, '\t', n);
    const struct fmt *f = NULL;
    if (!tab) return 2;
    *tab = '\0';
    for (i = 0; i < sizeof fmts / sizeof fmts[0]; i++)
      if (!strcmp(fmts[i].name, line)) f = &fmts[i];
    if (!f) {
      fprintf(stderr, "validate_stdin: unknown format %s\n", line);
      return 2;
    }
    putchar(f->ok(tab + 1, (size_t)(line + n - (tab + 1))) ? '1' : '0');
    putchar('\n');
  }
  return 0;
}
