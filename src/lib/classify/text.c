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
  /* contacts found (e-mail, phone), the first 8: where text.c looks
   * for a phone announced in national print */
  size_t spot_from[8], spot_to[8];
  unsigned char spot_phone[8];
  int spots;
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
  case DET_PHONE_NATIONAL: {
    /* a word that announces a phone (textdb.c), starting a word, then
     * ".", ":", "-", spaces and "No." as people write them, then the
     * number: digits in groups split by one space, dash, dot or slash,
     * a group maybe in parentheses ("+49 (0)30 1234-5678"); 7 to 15
     * digits, and no digit right after */
    size_t e = *to, end, nd = 0, s0;
    while (e < t->n && (t->v[e] == '.' || t->v[e] == ':' || t->v[e] == ' ' ||
                        t->v[e] == '-' || t->v[e] == '#'))
      e++;
    if (e + 2 < t->n && (t->v[e] == 'N' || t->v[e] == 'n') &&
        (t->v[e + 1] == 'o' || t->v[e + 1] == 'r' || t->v[e + 1] == 'O')) {
      e += 2;
      while (e < t->n && (t->v[e] == '.' || t->v[e] == ':' || t->v[e] == ' '))
        e++;
    }
    if (e - *to > 4 || e >= t->n || !(t->v[e] == '+' || t->v[e] == '(' || digit_at(t->v, t->n, e)))
      return 0;
    s0 = e;
    end = e;
    for (; e < t->n && nd < 16; e++) {
      char c = t->v[e];
      int next_ok = digit_at(t->v, t->n, e + 1) || (e + 1 < t->n && t->v[e + 1] == '(');
      if (c >= '0' && c <= '9') {
        nd++;
        end = e + 1;
      } else if (c == '+' ? e != s0
                          : c == '(' ? !digit_at(t->v, t->n, e + 1)
                          : c == ')' ? !(e > 0 && digit_at(t->v, t->n, e - 1))
                          : !((c == ' ' || c == '-' || c == '.' || c == '/') && next_ok)) {
        break;
      }
    }
    if (nd < 7 || nd > 15 || digit_at(t->v, t->n, end))
      return 0;
    *from_io = s0;
    *to = end;
    return 1;
  }
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
  struct candidate c = {0};
  (void)flags;
  if (start < t->last_end[id] && det != DET_EMAIL)
    return 0;
  if (!validate(t, det, &start, &end))
    return 0;
  if (start < t->last_end[id])
    return 0;
  t->last_end[id] = end;
  /* contact blocks: an e-mail or an international number; a CN mobile
   * in running Chinese text is a number of its own */
  if ((det == DET_EMAIL || det == DET_PHONE_E164) && t->spots < 8) {
    t->spot_from[t->spots] = start;
    t->spot_to[t->spots] = end;
    t->spot_phone[t->spots++] = det != DET_EMAIL;
  }
  c.det = det;
  c.validated = 1;
  c.embedded = 1;
  c.from = start;
  c.to = end;
  if (t->fn(t->ctx, &c)) {
    t->stop = 1;
    return 1;
  }
  return 0;
}

/* The words that announce a phone number: ITU-T E.123's "Tel." and
 * "Mobile", and their kin in the lexicon's languages, grouped by their
 * first byte (tel_group). */
static const struct { const char *w; unsigned char n; } tel_words[] = {
#define W(s) {s, sizeof s - 1}
    /* T */ W("Telephone"), W("Telefono"), W("Telefone"), W("Telefon"),
    W("Tel\xC3\xA9" "fono"), W("T\xC3\xA9l\xC3\xA9phone"), W("T\xC3\xA9l"),
    W("Tel"), W("TEL"), W("Tlf"),
    /* t */ W("telephone"), W("telefono"), W("telefone"), W("telefon"),
    W("tel\xC3\xA9" "fono"), W("t\xC3\xA9l\xC3\xA9phone"), W("t\xC3\xA9l"), W("tel"),
    /* P p */ W("Phone"), W("PHONE"), W("phone"),
    /* M m */ W("Mobile"), W("Mobil"), W("M\xC3\xB3vil"), W("mobile"), W("m\xC3\xB3vil"),
    /* H h */ W("Handy"), W("handy"),
    /* C c */ W("Cellulare"), W("Celular"), W("Cell"), W("cellulare"), W("celular"), W("cell"),
    /* F f G */ W("Fax"), W("fax"), W("GSM"),
    /* CJK, Hangul, Cyrillic */
    W("\xE7\x94\xB5\xE8\xAF\x9D"), /* 电话 */
    W("\xE6\x89\x8B\xE6\x9C\xBA"), /* 手机 */
    W("\xE6\x90\xBA\xE5\xB8\xAF"), /* 携帯 */
    W("\xE9\x9B\xBB\xE8\xA9\xB1"), /* 電話 */
    W("\xEC\xA0\x84\xED\x99\x94"), /* 전화 */
    W("\xD0\xA2\xD0\xB5\xD0\xBB"), /* Тел */
    W("\xD1\x82\xD0\xB5\xD0\xBB"), /* тел */
#undef W
};

/* the words of tel_words that start with byte c: [*lo, *hi), longest
 * first within a letter; 0 when none */
static int tel_group(unsigned char c, size_t *lo, size_t *hi) {
  switch (c) {
  case 'T': *lo = 0, *hi = 10; return 1;
  case 't': *lo = 10, *hi = 18; return 1;
  case 'P': *lo = 18, *hi = 20; return 1;
  case 'p': *lo = 20, *hi = 21; return 1;
  case 'M': *lo = 21, *hi = 24; return 1;
  case 'm': *lo = 24, *hi = 26; return 1;
  case 'H': *lo = 26, *hi = 27; return 1;
  case 'h': *lo = 27, *hi = 28; return 1;
  case 'C': *lo = 28, *hi = 31; return 1;
  case 'c': *lo = 31, *hi = 34; return 1;
  case 'F': *lo = 34, *hi = 35; return 1;
  case 'f': *lo = 35, *hi = 36; return 1;
  case 'G': *lo = 36, *hi = 37; return 1;
  case 0xE7: *lo = 37, *hi = 38; return 1;
  case 0xE6: *lo = 38, *hi = 40; return 1;
  case 0xE9: *lo = 40, *hi = 41; return 1;
  case 0xEC: *lo = 41, *hi = 42; return 1;
  case 0xD0: *lo = 42, *hi = 43; return 1;
  case 0xD1: *lo = 43, *hi = 44; return 1;
  default: return 0;
  }
}

#define TEL_WINDOW 64 /* bytes around a contact where a phone is looked for */

/* A phone in national print ("Tel. 0909501870") names no country, so no
 * pattern tells it from any number: it is read after a word that
 * announces it, near an e-mail or a phone the scan found (a contact
 * block). Looking through every text would cost the scan more than it
 * finds. */
static void announced_phones(struct text_ctx *t) {
  size_t hi = 0, i, w, k, glo, ghi;
  int spot, nspots = t->spots;
  for (spot = 0; spot < nspots && !t->stop; spot++) {
    size_t a = t->spot_from[spot] > TEL_WINDOW ? t->spot_from[spot] - TEL_WINDOW : 0;
    size_t b = t->spot_to[spot] + TEL_WINDOW < t->n ? t->spot_to[spot] + TEL_WINDOW : t->n;
    if (a < hi)
      a = hi; /* windows overlap: read each byte once */
    hi = b;
    for (i = a; i < b && !t->stop; i++) {
      unsigned char c = (unsigned char)t->v[i], p = i ? (unsigned char)t->v[i - 1] : ' ';
      /* a Latin or Cyrillic word starts after no letter; a CJK one anywhere */
      if ((c < 0xE0 && (((p | 0x20) >= 'a' && (p | 0x20) <= 'z') || p >= 0x80)) ||
          !tel_group(c, &glo, &ghi))
        continue;
      for (w = glo; w < ghi; w++) {
        size_t from = i, to = i + tel_words[w].n;
        struct candidate cd = {0};
        int dup = 0;
        if (to > t->n || t->v[i + 1] != tel_words[w].w[1] ||
            memcmp(t->v + i, tel_words[w].w, tel_words[w].n) ||
            !validate(t, DET_PHONE_NATIONAL, &from, &to))
          continue;
        for (k = 0; k < (size_t)t->spots; k++)
          dup |= t->spot_phone[k] && from < t->spot_to[k] && to > t->spot_from[k];
        i = to - 1;
        if (dup)
          break;
        if (t->spots < 8) {
          t->spot_from[t->spots] = from;
          t->spot_to[t->spots] = to;
          t->spot_phone[t->spots++] = 1;
        }
        cd.det = DET_PHONE_NATIONAL;
        cd.validated = 1;
        cd.embedded = 1;
        cd.from = from;
        cd.to = to;
        if (t->fn(t->ctx, &cd))
          t->stop = 1;
        break;
      }
    }
  }
}

void classify_text(const struct ajar_db *db, struct ajar_scratch *s,
                   uint32_t hints, const char *v, size_t n, candidate_fn fn,
                   void *ctx) {
  struct text_ctx t;
  /* zeroed: the slots of the patterns there are, not the whole array */
  memset(t.last_end, 0, ajar_text_pattern_count * sizeof t.last_end[0]);
  t.stop = 0;
  t.spots = 0;
  t.v = v;
  t.n = n;
  t.hints = hints;
  t.fn = fn;
  t.ctx = ctx;
  hs_scan(db->text, v, (unsigned)n, 0, s->hs, on_match, &t);
  if (t.spots && !t.stop)
    announced_phones(&t);
}
