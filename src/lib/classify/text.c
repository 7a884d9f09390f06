#define _GNU_SOURCE /* memrchr */
/* Detectors embedded in free text, compiled into one Vectorscan database.
 *
 * Vectorscan finds the candidates in one pass over the text; validators
 * run in the match callback, so a bad candidate costs one function call.
 * Patterns keep a literal or a narrow class at their start so the engine
 * can skip through text with no candidate at memory speed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "classify.h"
#include "textdb.h"
#include "validators.h"

int ajar_db_compile(struct ajar_db **out, char *err, size_t errlen) {
  struct ajar_db *db;

  if (!out)
    return AJAR_EINVAL;
  *out = NULL;
  db = calloc(1, sizeof *db);
  if (!db)
    return AJAR_ENOMEM;
  /* the build serialised the database for this machine; another CPU
   * (or a build without it) compiles it here */
  if (!ajar_textdb_blob_len ||
      hs_deserialize_database((const char *)ajar_textdb_blob,
                              ajar_textdb_blob_len, &db->text) != HS_SUCCESS) {
    db->text = NULL;
    if (textdb_compile(&db->text, err, errlen)) {
      free(db);
      return AJAR_ECOMPILE;
    }
  }
  *out = db;
  return 0;
}

void ajar_db_free(struct ajar_db *db) {
  if (!db)
    return;
  hs_free_database(db->text);
  free(db);
}

int ajar_scratch_alloc(const struct ajar_db *db, struct ajar_scratch **out) {
  struct ajar_scratch *s;
  if (!db || !out)
    return AJAR_EINVAL;
  s = calloc(1, sizeof *s);
  if (!s)
    return AJAR_ENOMEM;
  if (hs_alloc_scratch(db->text, &s->hs) != HS_SUCCESS) {
    free(s);
    return AJAR_ENOMEM;
  }
  *out = s;
  return 0;
}

void ajar_scratch_free(struct ajar_scratch *s) {
  if (!s)
    return;
  hs_free_scratch(s->hs);
  free(s);
}

struct text_ctx {
  const char *v;
  size_t n;
  uint32_t hints;
  candidate_fn fn;
  void *ctx;
  size_t last_end[64];
  int stop;
};

static int is_email_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '.' || c == '-';
}

static int digit_at(const char *v, size_t n, size_t i) {
  return i < n && v[i] >= '0' && v[i] <= '9';
}

/* validate v[from, to) for det; may widen `to` */
static int validate(struct text_ctx *t, unsigned det, size_t *from_io,
                    size_t *to) {
  size_t from = *from_io;
  const char *v = t->v + from;
  size_t n = *to - from, i, k = 0;
  char d[48];

  switch (det) {
  case DET_EMAIL: {
    const char *at = memrchr(t->v, '@', *to);
    size_t s0;
    if (!at)
      return 0;
    s0 = (size_t)(at - t->v);
    while (s0 > 0 && (is_email_char(t->v[s0 - 1]) || t->v[s0 - 1] == '_' ||
                      t->v[s0 - 1] == '+' || t->v[s0 - 1] == '%'))
      s0--;
    while (s0 < (size_t)(at - t->v) && t->v[s0] == '.')
      s0++;
    *from_io = s0;
    from = s0;
    v = t->v + from;
    while (*to < t->n && is_email_char(t->v[*to])) (*to)++;
    n = *to - from;
    while (n && t->v[from + n - 1] == '.') n--;
    *to = from + n;
    return ajar_valid_email(v, n);
  }
  case DET_PHONE_E164: {
    /* the engine reports the shortest match first: take the whole
     * number (up to 15 digits, single spaces or dashes between groups
     * while fewer than 11 digits are read)
     * when that is valid, so "+447946095812" is not cut at "+447946095" */
    size_t e = *to, end = *to;
    int nd = 0;
    for (i = 0; i < n; i++)
      nd += v[i] >= '0' && v[i] <= '9';
    while (e < t->n && nd < 15) {
      if (digit_at(t->v, t->n, e)) {
        nd++;
        end = ++e;
      } else if ((t->v[e] == ' ' || t->v[e] == '-') && digit_at(t->v, t->n, e + 1) &&
                 nd < 11) {
        /* a group after 11 digits is the next number or a count */
        e++;
      } else {
        break;
      }
    }
    if (end > *to && !digit_at(t->v, t->n, end)) {
      for (i = 0; i < end - from && k < sizeof d - 1; i++)
        if (v[i] != ' ' && v[i] != '-') d[k++] = v[i];
      if (ajar_valid_e164(d, k)) {
        *to = end;
        return 1;
      }
      k = 0;
    }
  }
    /* fall through */
  case DET_CARD:
  case DET_IBAN:
  case DET_UK_NINO:
    for (i = 0; i < n && k < sizeof d - 1; i++)
      if (v[i] != ' ' && v[i] != '-') d[k++] = v[i];
    if (det == DET_PHONE_E164) return ajar_valid_e164(d, k);
    if (det == DET_CARD) return ajar_valid_card(d, k);
    if (det == DET_IBAN) return ajar_valid_iban(d, k);
    return ajar_valid_uk_nino(d, k);
  case DET_CN_MOBILE:
    if (digit_at(t->v, t->n, *to) || (from && digit_at(t->v, t->n, from - 1)))
      return 0;
    return ajar_valid_cn_mobile(v, n);
  case DET_CN_RESIDENT_ID:
    return ajar_valid_cn_resident_id(v, n);
  case DET_IPV4:
    return ajar_valid_ipv4(v, n);
  case DET_MAC:
    return ajar_valid_mac(v, n);
  case DET_US_SSN:
    for (i = 0; i < n; i++)
      if (v[i] != '-') d[k++] = v[i];
    return ajar_valid_us_ssn(d, k);
  case DET_CN_PLATE:
    return ajar_valid_cn_plate(v, n);
  default:
    return 1; /* the pattern is the format */
  }
}

static int on_match(unsigned id, unsigned long long from,
                    unsigned long long to, unsigned flags, void *p) {
  struct text_ctx *t = p;
  unsigned det = ajar_text_patterns[id].det;
  size_t end = (size_t)to, start = (size_t)from;
  struct candidate c;
  (void)flags;
  if (start < t->last_end[id] && det != DET_EMAIL)
    return 0;
  if (!validate(t, det, &start, &end))
    return 0;
  if (start < t->last_end[id])
    return 0;
  t->last_end[id] = end;
  c.det = det;
  c.validated = 1;
  c.embedded = 1;
  c.column = 0;
  c.from = start;
  c.to = end;
  if (t->fn(t->ctx, &c)) {
    t->stop = 1;
    return 1;
  }
  return 0;
}

void classify_text(const struct ajar_db *db, struct ajar_scratch *s,
                   uint32_t hints, const char *v, size_t n, candidate_fn fn,
                   void *ctx) {
  struct text_ctx t;
  memset(&t, 0, sizeof t);
  t.v = v;
  t.n = n;
  t.hints = hints;
  t.fn = fn;
  t.ctx = ctx;
  hs_scan(db->text, v, (unsigned)n, 0, s->hs, on_match, &t);
}
