/* Field-level decisions: from the evidence of every value of a field to
 * findings with a confidence, then profiles and severity (docs/report.md
 * categories, profiles, severity).
 *
 * The rule: a detector whose check random data passes often (Luhn: one
 * in ten) must hold for most of a field's values; a field name that
 * agrees lowers the bar; a name alone, with values that fit no format,
 * is never enough.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "collection.h"

struct verdict {
  const struct det_stat *st;
  int confidence;
  uint64_t evidence;
};

static int is_numeric_det(unsigned d) {
  switch (d) {
  case DET_US_SSN: case DET_IN_AADHAAR: case DET_BR_CPF: case DET_KR_RRN:
  case DET_JP_MY_NUMBER: case DET_DE_STEUER_ID: case DET_NL_BSN:
  case DET_CN_MOBILE: case DET_PHONE_NATIONAL: case DET_IMEI: case DET_IMSI:
  case DET_CARD: case DET_FR_NIR: case DET_CN_RESIDENT_ID:
    return 1;
  default:
    return 0;
  }
}

/* detectors whose pass on random data is negligible */
static int has_check(unsigned d) {
  switch (d) {
  case DET_CN_RESIDENT_ID: case DET_ES_DNI: case DET_FR_NIR: case DET_IT_CF:
  case DET_BR_CPF: case DET_IBAN: case DET_VIN: case DET_PRIVATE_KEY:
  case DET_AWS_KEY: case DET_JWT: case DET_PASSWORD_HASH: case DET_EMAIL:
  case DET_MAC: case DET_CN_PLATE: case DET_GEO_POINT: case DET_UK_NINO:
  case DET_FACE_EMBEDDING: case DET_FACE_IMAGE:
    return 1;
  default:
    return 0;
  }
}

/* numeric detectors whose numbers carry a check digit (most others pass
 * on range or prefix rules alone: US SSN, CN mobile, national phones,
 * IMSI) */
static int check_digit(unsigned d) {
  return is_numeric_det(d) && d != DET_US_SSN && d != DET_CN_MOBILE &&
         d != DET_PHONE_NATIONAL && d != DET_IMSI;
}

/* text-safe: specific enough to report from inside free text */
static int text_safe(unsigned d, uint32_t hints) {
  switch (d) {
  case DET_EMAIL: case DET_PHONE_E164: case DET_CN_MOBILE:
  case DET_CN_RESIDENT_ID: case DET_IBAN: case DET_PRIVATE_KEY:
  case DET_AWS_KEY: case DET_JWT: case DET_PASSWORD_HASH: case DET_CN_PLATE:
  case DET_US_SSN: case DET_UK_NINO: case DET_CARD:
  case DET_PHONE_NATIONAL: /* in text only after "Tel." and its kin (textdb.c) */
    return 1;
  case DET_IPV4: case DET_MAC:
    return (hints & (AJAR_H_IP | AJAR_H_MAC)) != 0;
  default:
    return 0;
  }
}

/* distinct values among a detector's hits, estimated from its 64-bit
 * sketch by linear counting (Whang et al., 1990): about right up to a
 * hundred, 300 when every bit is set */
static double distinct_values(const struct det_stat *st) {
  int zero = 64 - __builtin_popcountll(st->sketch);
  return zero ? -64.0 * log(zero / 64.0) : 300.0;
}

/* what a collection's records are about (record_kind) */
enum { REC_ACCOUNT = 1, REC_PERSON = 2 };

/* the hits of detector d in field f (0 when it saw none) */
static uint64_t stat_hits(const struct field *f, unsigned d) {
  uint16_t j;
  for (j = 0; j < f->n_stats; j++)
    if (f->stats[j].det == d)
      return f->stats[j].hits;
  return 0;
}

static int decide(const struct field *f, const struct det_stat *st,
                  int face_record, int kind) {
  const struct detector *d = &ajar_detectors[st->det];
  int agree = (f->hints & d->hint) != 0;
  double ratio = f->values ? (double)st->hits / (double)f->values : 0;

  if (st->det == DET_FACE_ATTRIBUTES)
    agree = agree && ((f->path_hints & AJAR_H_FACE) || face_record);
  /* a vector of a face model's width under the word for face alone
   * ("vettore_volto", "rasgos_faciales": the head is the face) */
  if (st->det == DET_FACE_EMBEDDING)
    agree = agree || (f->hints & AJAR_H_FACE);
  if (st->hits == 0) {
    if (st->embedded && text_safe(st->det, f->hints))
      return has_check(st->det) || st->embedded >= 2 ? AJAR_CONF_MEDIUM
                                                     : AJAR_CONF_LOW;
    return AJAR_CONF_NONE;
  }
  switch (d->cls) {
  case CLS_STRONG:
    if (ratio >= 0.5 || (agree && ratio >= 0.2))
      return has_check(st->det) || agree ? AJAR_CONF_HIGH : AJAR_CONF_MEDIUM;
    if (ratio >= 0.2 && st->hits >= 3)
      return AJAR_CONF_MEDIUM;
    break;
  case CLS_WEAK:
    if (agree && ratio >= 0.5)
      return AJAR_CONF_HIGH;
    if (ratio >= 0.8 && st->hits >= 3)
      return AJAR_CONF_HIGH;
    break;
  case CLS_VOCAB:
    if (st->det == DET_PERSON_NAME) {
      /* a name field must hold names a vocabulary knows, often enough:
       * product names in a "name" field are not people. Where the name
       * is surely a person's (first name, buyer_name, 姓名), names of
       * any culture count by their shape. */
      double known = f->values ? (double)st->valid / (double)f->values : 0;
      int person = (f->hints & AJAR_H_PERSON) != 0;
      if ((agree && person && ratio >= 0.8 && st->hits >= 3) ||
          ((agree || person) && known >= 0.3 && ratio >= 0.5) ||
          (known >= 0.6 && st->valid >= 3))
        return AJAR_CONF_MEDIUM;
      /* under a name that says nothing: nearly every value shaped like a
       * name, many distinct values (not a column of a few statuses,
       * colours or makes repeated), and a good part of them common names
       * of some country (towns, colours and countries share a few:
       * Jordan, Amber) */
      if (!(f->hints & ~(AJAR_H_NAME | AJAR_H_PERSON)) && ratio >= 0.9 &&
          known >= 0.3 && st->valid >= 3 &&
          distinct_values(st) * 2 >= (f->values < 60 ? (double)f->values : 60.0))
        return AJAR_CONF_MEDIUM;
      break;
    }
    if (st->det == DET_GENDER && !agree) {
      /* sex words of some language, or single letters (M/F, m/w, H/F)
       * that make up the whole column */
      double known = f->values ? (double)st->valid / (double)f->values : 0;
      if ((known >= 0.6 && st->valid >= 3) || (ratio >= 0.95 && st->hits >= 10))
        return AJAR_CONF_MEDIUM;
      break;
    }
    if (agree && ratio >= 0.5)
      return ratio >= 0.8 && st->det != DET_PERSON_NAME && st->det != DET_ADDRESS
                 ? AJAR_CONF_HIGH : AJAR_CONF_MEDIUM;
    if (ratio >= 0.6 && st->hits >= 3)
      return AJAR_CONF_MEDIUM;
    break;
  case CLS_CONTEXT:
    /* a "matrícula" (pt: staff number, es: plate) of one letter and
     * digits is no plate: most plates have two letters or more */
    if (st->det == DET_PLATE && st->valid * 2 < st->hits)
      break;
    if (agree && ratio >= 0.5)
      return AJAR_CONF_MEDIUM;
    if (st->det == DET_DOB && !(f->hints & AJAR_H_TIME) && f->values >= 10 &&
        ratio >= 0.9 && st->valid * 10 >= f->values &&
        (st->hits - st->valid) * 10 >= f->values)
      return AJAR_CONF_MEDIUM; /* dates only, spread over generations: births */
    if (st->det == DET_FACE_EMBEDDING && !f->hints && f->values >= 3 &&
        st->hits * 10 >= f->values * 9)
      return AJAR_CONF_MEDIUM; /* face-model widths, unit scale, every record */
    /* diagnosis codes: nearly every value, some with a subcategory
     * (a shelf or seat column, "A12", has none) */
    if (st->det == DET_ICD10 && f->values >= 5 && st->hits * 10 >= f->values * 9 &&
        st->valid * 10 >= f->values * 3)
      return AJAR_CONF_MEDIUM;
    /* blood groups: nearly every value, O or AB among them (a column of
     * school grades has C and D, one of ratings "A+" alone has no O) */
    if (st->det == DET_BLOOD_GROUP && f->values >= 5 && st->hits * 10 >= f->values * 9 &&
        st->valid * 10 >= f->values)
      return AJAR_CONF_MEDIUM;
    /* a digest in every record of an account table is a password's;
     * a catalogue's content hashes have no e-mail beside them */
    if (st->det == DET_HEX_DIGEST && (kind & REC_ACCOUNT) && f->values >= 3 &&
        st->hits * 10 >= f->values * 9)
      return AJAR_CONF_MEDIUM;
    /* countries under a name that says nothing: a citizenship or a
     * country of birth or residence beside a person (a catalogue's
     * countries of origin are no one's) */
    if (st->det == DET_NATIONALITY && !f->hints && (kind & REC_PERSON) && f->values >= 5 &&
        ((st->hits * 10 >= f->values * 7 && st->valid * 2 >= st->hits) ||
         st->hits * 10 >= f->values * 9))
      return AJAR_CONF_MEDIUM;
    /* printed as phones are: "(415) 555-2671"; a column that mixes
     * those with E.164 numbers ("+14155552671") counts both */
    if (st->det == DET_PHONE_NATIONAL && st->valid >= 5 &&
        (st->valid + stat_hits(f, DET_PHONE_E164)) * 10 >= f->values * 8)
      return AJAR_CONF_MEDIUM;
    break;
  }
  if (st->embedded && text_safe(st->det, f->hints))
    return AJAR_CONF_MEDIUM;
  return AJAR_CONF_NONE;
}

static int has_example(const struct ajar_finding *fd, const char *x) {
  size_t e;
  for (e = 0; e < fd->n_examples; e++)
    if (fd->examples[e] && x && !strcmp(fd->examples[e], x))
      return 1;
  return 0;
}

static char *dupstr(const char *s) {
  char *d = strdup(s ? s : "");
  return d;
}

/* what the records are about, from fields that most values make one
 * thing: e-mail addresses (a table of accounts, REC_ACCOUNT and
 * REC_PERSON), or a name, phone, national id, passport, IBAN or card
 * (REC_PERSON) */
static int record_kind(const struct ajar_collection *c) {
  uint32_t i;
  uint16_t j;
  int k = 0;
  for (i = 1; i < c->n_fields; i++) {
    const struct field *f = &c->fields[i];
    /* a column of countries is shaped like one of names: not a person */
    if (!f->values || stat_hits(f, DET_NATIONALITY) * 2 >= f->values)
      continue;
    for (j = 0; j < f->n_stats; j++) {
      const struct det_stat *st = &f->stats[j];
      int cat = ajar_detectors[st->det].category;
      if (st->hits * 2 < f->values)
        continue;
      if (st->det == DET_EMAIL)
        k |= REC_ACCOUNT | REC_PERSON;
      else if (cat == AJAR_CAT_PHONE || cat == AJAR_CAT_NATIONAL_ID ||
               cat == AJAR_CAT_PASSPORT || cat == AJAR_CAT_NAME ||
               cat == AJAR_CAT_IBAN || cat == AJAR_CAT_CARD)
        k |= REC_PERSON;
    }
  }
  return k;
}

/* count fields that are face attributes: two or more make a face record */
static int count_face_attr_fields(const struct ajar_collection *c) {
  uint32_t i;
  int n = 0;
  for (i = 1; i < c->n_fields; i++)
    if ((c->fields[i].hints & AJAR_H_FACE_ATTR) && c->fields[i].values)
      n++;
  return n;
}

static int severity_of(uint32_t cats, uint32_t profiles, int open) {
  const uint32_t critical =
      1u << AJAR_CAT_NATIONAL_ID | 1u << AJAR_CAT_FACE |
      1u << AJAR_CAT_ETHNICITY | 1u << AJAR_CAT_RELIGION |
      1u << AJAR_CAT_POLITICAL | 1u << AJAR_CAT_HEALTH | 1u << AJAR_CAT_SECRET;
  if (!open)
    return AJAR_SEV_INFO;
  if ((cats & critical) || profiles)
    return AJAR_SEV_CRITICAL;
  if (cats)
    return AJAR_SEV_HIGH;
  return AJAR_SEV_MEDIUM;
}

/* has_place: 0 no place field, 1 one of short codes only, 2 one with a
 * value that can name a site or a device (field.place_named), or named
 * for more than a place */
static uint32_t profiles_of(uint32_t cats, int has_time, int has_place) {
#define HAS(c) (cats & (1u << (c)))
  uint32_t p = 0;
  int person = HAS(AJAR_CAT_NATIONAL_ID) || HAS(AJAR_CAT_PASSPORT) ||
               HAS(AJAR_CAT_PHONE) || HAS(AJAR_CAT_IMEI) || HAS(AJAR_CAT_IMSI) ||
               HAS(AJAR_CAT_MAC) || HAS(AJAR_CAT_ADVERTISING_ID) ||
               HAS(AJAR_CAT_PLATE) || HAS(AJAR_CAT_VIN) || HAS(AJAR_CAT_FACE) ||
               HAS(AJAR_CAT_NAME) || HAS(AJAR_CAT_IP);
  /* what a sensor at a place captures of a passer-by: a face, a plate, a
   * device's own id */
  int captured = HAS(AJAR_CAT_FACE) || HAS(AJAR_CAT_PLATE) || HAS(AJAR_CAT_VIN) ||
                 HAS(AJAR_CAT_IMEI) || HAS(AJAR_CAT_IMSI) || HAS(AJAR_CAT_MAC);
  /* a camera, checkpoint or station field: one whose values name sites or
   * devices, or one of short codes (P-3) beside what a sensor captured. A
   * column of short codes among names, ids and diagnoses is a room or a
   * ward ("Camera" 437 of a hotel register, "Station" B-27 of patients). */
  int place = has_place > 1 || (has_place && captured) ||
              HAS(AJAR_CAT_COORDINATES) || HAS(AJAR_CAT_ADDRESS);
  int device = HAS(AJAR_CAT_IMEI) || HAS(AJAR_CAT_IMSI) || HAS(AJAR_CAT_MAC);
  if (person && place && has_time)
    p |= AJAR_PROFILE_TRACKING;
  if (HAS(AJAR_CAT_FACE) && (has_time || place))
    p |= AJAR_PROFILE_FACIAL_RECOGNITION;
  if (device && place && has_time)
    p |= AJAR_PROFILE_DEVICE_CAPTURE;
  if ((HAS(AJAR_CAT_NATIONAL_ID) || HAS(AJAR_CAT_PASSPORT)) && HAS(AJAR_CAT_NAME))
    p |= AJAR_PROFILE_IDENTITY_DOCUMENT;
  if (HAS(AJAR_CAT_ETHNICITY) || HAS(AJAR_CAT_RELIGION) ||
      HAS(AJAR_CAT_POLITICAL) || HAS(AJAR_CAT_HEALTH))
    p |= AJAR_PROFILE_SPECIAL_CATEGORY;
  return p;
#undef HAS
}

/* Among numeric detectors of different categories that all passed on the
 * same whole values, keep the best supported one. */
static void resolve_numeric(const struct field *f, struct verdict *v, size_t n) {
  size_t i, j;
  for (i = 0; i < n; i++) {
    if (!v[i].confidence || !is_numeric_det(v[i].st->det) || !v[i].st->hits)
      continue;
    for (j = 0; j < n; j++) {
      const struct detector *di = &ajar_detectors[v[i].st->det];
      const struct detector *dj;
      int ai, aj;
      if (i == j || !v[j].confidence || !is_numeric_det(v[j].st->det) ||
          !v[j].st->hits)
        continue;
      dj = &ajar_detectors[v[j].st->det];
      /* the same kind of number: a check digit that holds for nearly
       * every value says which one it is. The US SSN's area rules pass
       * most nine-digit numbers, the BSN's 11-proof one in eleven: a
       * "bsn" column is BSNs, not SSNs. */
      if (di->category == dj->category) {
        if (check_digit(v[i].st->det) && !check_digit(v[j].st->det) &&
            v[i].st->hits * 10 >= f->values * 9) {
          if (v[j].confidence > v[i].confidence)
            v[i].confidence = v[j].confidence;
          v[j].confidence = AJAR_CONF_NONE;
        }
        continue;
      }
      ai = (f->hints & di->hint) != 0;
      aj = (f->hints & dj->hint) != 0;
      /* a check digit that holds for most values beats a name alone */
      if (dj->cls == CLS_CONTEXT && di->cls != CLS_CONTEXT &&
          v[i].st->hits * 10 >= (uint64_t)f->values * 8) {
        v[j].confidence = AJAR_CONF_NONE;
        continue;
      }
      /* j loses to i when i has the name, or clearly more hits */
      if ((ai && !aj) ||
          (ai == aj && v[i].st->hits * 10 > v[j].st->hits * 12) ||
          (ai == aj && v[i].st->hits == v[j].st->hits && di->cls < dj->cls))
        v[j].confidence = AJAR_CONF_NONE;
    }
  }
}

/* An age or gender estimated from a face is both biometric.face and
 * identity.demographic (docs/report.md, Categories): in a field whose name
 * says both (a face attribute that is an age or a gender) inside a face
 * record, the face-attribute and the age/gender verdicts stand together,
 * at the surer of the two confidences. */
static void face_estimate(const struct field *f, struct verdict *v, size_t n,
                          int face_record) {
  size_t i;
  int face = -1, demo = -1, conf;
  if (!(f->hints & AJAR_H_FACE_ATTR) || !(f->hints & (AJAR_H_AGE_DOB | AJAR_H_GENDER)) ||
      !((f->path_hints & AJAR_H_FACE) || face_record))
    return;
  for (i = 0; i < n; i++) {
    unsigned d = v[i].st->det;
    if (!v[i].st->hits)
      continue;
    if (d == DET_FACE_ATTRIBUTES)
      face = (int)i;
    else if ((d == DET_DOB || d == DET_GENDER) &&
             (demo < 0 || v[i].confidence > v[demo].confidence))
      demo = (int)i;
  }
  if (face < 0 || demo < 0)
    return;
  conf = v[face].confidence > v[demo].confidence ? v[face].confidence : v[demo].confidence;
  v[face].confidence = v[demo].confidence = conf;
}

/* "code.coding[].display" beside "code.coding[].code": the text or label
 * (display, text, description, Bezeichnung ...: ajar_lexicon_text_key)
 * of an object whose code is a diagnosis code is the diagnosis. The
 * field names nothing else and holds no times nor booleans; the code
 * beside it, reported as ICD-10 codes or as validated health values,
 * makes the verdict. */
static int beside_diagnosis_code(const struct ajar_collection *c, uint32_t fi,
                                 int face_record, int kind) {
  const struct field *f = &c->fields[fi];
  uint32_t i;
  uint16_t j;
  if (f->way != WAY_TEXT_LEAF || f->values < 5 || f->bools || f->time_values * 2 > f->values)
    return 0;
  for (i = 1; i < c->n_fields; i++) {
    const struct field *g = &c->fields[i];
    if (i == fi || g->parent != f->parent)
      continue;
    for (j = 0; j < g->n_stats; j++) {
      const struct det_stat *st = &g->stats[j];
      if ((st->det == DET_ICD10 ||
           (st->det == DET_HEALTH && st->valid * 2 >= g->values)) &&
          decide(g, st, face_record, kind) >= AJAR_CONF_MEDIUM)
        return 1;
    }
  }
  return 0;
}

/* "f4" of family names beside "f9" of given names: a name written in two
 * columns. Under a name that says nothing, nearly every value of f shaped
 * like a name, nearly all distinct (not makes or towns repeated: eight in
 * ten of up to 150 values, as far as the sketch can count), and one
 * in ten a name the vocabularies know (family names are many: the common
 * ones are a fraction of them), when a sibling of the same object is a
 * column of names of its own; towns and job titles beside a name are
 * seldom known names. */
static int beside_name_column(const struct ajar_collection *c, uint32_t fi,
                              const struct det_stat *st, int face_record, int kind) {
  const struct field *f = &c->fields[fi];
  uint32_t i;
  uint16_t j;
  if ((f->hints & ~(AJAR_H_NAME | AJAR_H_PERSON)) || f->values < 10 ||
      st->hits * 10 < f->values * 9 || st->valid * 10 < f->values || st->valid < 3 ||
      distinct_values(st) * 10 < (f->values < 150 ? (double)f->values : 150.0) * 8)
    return 0;
  for (i = 1; i < c->n_fields; i++) {
    const struct field *g = &c->fields[i];
    if (i == fi || g->parent != f->parent || !g->values)
      continue;
    for (j = 0; j < g->n_stats; j++)
      if (g->stats[j].det == DET_PERSON_NAME &&
          g->stats[j].hits * 10 >= g->values * 9 &&
          decide(g, &g->stats[j], face_record, kind) >= AJAR_CONF_MEDIUM)
        return 1;
  }
  return 0;
}

/* a new finding at the end of out (NULL without memory) */
static struct ajar_finding *new_finding(struct ajar_collection_result *out,
                                        size_t *cap) {
  struct ajar_finding *fd;
  if (out->n_findings == *cap) {
    size_t nc = *cap ? *cap * 2 : 8;
    struct ajar_finding *nf = realloc(out->findings, nc * sizeof *nf);
    if (!nf)
      return NULL;
    out->findings = nf;
    *cap = nc;
  }
  fd = &out->findings[out->n_findings++];
  memset(fd, 0, sizeof *fd);
  return fd;
}

int ajar_collection_finish(const struct ajar_collection *c, int open,
                           struct ajar_collection_result *out) {
  uint32_t i, cats = 0;
  int has_time = 0, has_place = 0;
  int face_record, kind;
  size_t cap = 0;

  if (!c || !out)
    return AJAR_EINVAL;
  memset(out, 0, sizeof *out);
  out->name = dupstr(c->name);
  out->records = -1;
  out->bytes = -1;
  out->sampled = c->records;
  out->malformed = c->malformed;
  out->first_malformed_line = c->first_malformed;
  if (!out->name)
    return AJAR_ENOMEM;
  face_record = count_face_attr_fields(c) >= 2;
  kind = record_kind(c);

  for (i = 1; i < c->n_fields; i++) {
    const struct field *f = &c->fields[i];
    struct verdict v[DET__COUNT];
    int best[AJAR_CAT__COUNT];
    uint16_t j;
    int k;

    if (f->time_values * 2 > f->values && f->values)
      has_time = 1;
    if ((f->hints & AJAR_H_PLACE) && f->values && has_place < 2)
      has_place = f->place_named || (f->hints & ~(AJAR_H_TIME | AJAR_H_PLACE)) ? 2 : 1;
    for (j = 0; j < f->n_stats; j++) {
      v[j].st = &f->stats[j];
      v[j].confidence = decide(f, &f->stats[j], face_record, kind);
      v[j].evidence = f->stats[j].hits + f->stats[j].embedded;
    }
    for (j = 0; j < f->n_stats; j++) {
      if (v[j].st->det == DET_CODE_TEXT)
        v[j].confidence = beside_diagnosis_code(c, i, face_record, kind)
                              ? AJAR_CONF_MEDIUM : AJAR_CONF_NONE;
      else if (v[j].st->det == DET_PERSON_NAME && !v[j].confidence &&
               beside_name_column(c, i, v[j].st, face_record, kind))
        v[j].confidence = AJAR_CONF_MEDIUM;
    }
    resolve_numeric(f, v, f->n_stats);
    face_estimate(f, v, f->n_stats, face_record);
    /* one finding per category: the best detector */
    for (k = 0; k < AJAR_CAT__COUNT; k++)
      best[k] = -1;
    for (j = 0; j < f->n_stats; j++) {
      int cat;
      if (!v[j].confidence)
        continue;
      cat = ajar_detectors[v[j].st->det].category;
      if (best[cat] < 0 || v[j].confidence > v[best[cat]].confidence ||
          (v[j].confidence == v[best[cat]].confidence &&
           v[j].evidence > v[best[cat]].evidence))
        best[cat] = j;
    }
    for (k = 0; k < AJAR_CAT__COUNT; k++) {
      const struct det_stat *st;
      struct ajar_finding *fd;
      uint16_t e;
      uint64_t matches = 0, records = 0;
      if (best[k] < 0)
        continue;
      /* matches and records: the most any reported detector of the
       * category saw (two detectors on one value count it once) */
      for (j = 0; j < f->n_stats; j++)
        if (v[j].confidence && ajar_detectors[v[j].st->det].category == k) {
          if (v[j].st->hits + v[j].st->embedded > matches)
            matches = v[j].st->hits + v[j].st->embedded;
          if (v[j].st->records > records)
            records = v[j].st->records;
        }
      st = v[best[k]].st;
      if (!(fd = new_finding(out, &cap)))
        return AJAR_ENOMEM;
      fd->field = dupstr(f->path[0] ? f->path : "$");
      fd->category = k;
      fd->detector = ajar_detectors[st->det].name;
      fd->matches = matches;
      fd->records = records;
      fd->confidence = v[best[k]].confidence;
      for (e = 0; e < st->n_examples; e++)
        fd->examples[fd->n_examples++] = dupstr(st->examples[e]);
      /* then the other reported detectors' of the category: a CN mobile
       * beside E.164 numbers in one text is shown, not only counted */
      for (j = 0; j < f->n_stats && fd->n_examples < AJAR_EXAMPLES_MAX; j++) {
        const struct det_stat *o = v[j].st;
        if (!v[j].confidence || (int)j == best[k] || ajar_detectors[o->det].category != k)
          continue;
        for (e = 0; e < o->n_examples && fd->n_examples < AJAR_EXAMPLES_MAX; e++)
          if (!has_example(fd, o->examples[e]))
            fd->examples[fd->n_examples++] = dupstr(o->examples[e]);
      }
      cats |= 1u << k;
    }
  }
  out->categories = cats;
  out->profiles = profiles_of(cats, has_time, has_place);
  out->severity = severity_of(cats, out->profiles, open);
  return 0;
}
