/* ajar_classify_value: one value, outside any collection. The field
 * path is read component by component the way a collection reads it. */
#include <string.h>
#include "classify.h"

struct value_cb {
  ajar_match_cb cb;
  void *ctx;
};

static int to_match(void *p, const struct candidate *c) {
  struct value_cb *v = p;
  struct ajar_match m;
  if (c->column)
    return 0; /* one value says nothing of its column */
  m.detector = c->det;
  m.category = ajar_detectors[c->det].category;
  m.validated = c->validated;
  m.from = c->from;
  m.to = c->to;
  return v->cb(&m, v->ctx);
}

uint32_t classify_adjust_hints(uint32_t own, uint32_t ancestors) {
  if ((own & AJAR_H_NAME) && (ancestors & AJAR_H_PERSON))
    own |= AJAR_H_PERSON; /* "passenger.name" */
  if ((ancestors & AJAR_H_PLACE) && !(own & ~AJAR_H_NAME))
    own &= ~AJAR_H_NAME; /* "camera.name" is no person */
  /* "nationality.name", "citizenship.name": a country's name */
  if (own == AJAR_H_NAME && (ancestors & AJAR_H_DEMOGRAPHIC) &&
      !(ancestors & (AJAR_H_PERSON | AJAR_H_GENDER | AJAR_H_AGE_DOB)))
    own = AJAR_H_DEMOGRAPHIC;
  /* "passport.number", "idCard.value": a leaf that names nothing holds the
   * document its object is named for (the value must still fit its format) */
  if (!own)
    own = ancestors & (AJAR_H_PASSPORT | AJAR_H_NATIONAL_ID);
  if (ancestors & AJAR_H_FACE) { /* "face.age" is an estimate: a face
                                  * attribute, and still an age
                                  * (collection_finish.c) */
    if (own & (AJAR_H_AGE_DOB | AJAR_H_GENDER | AJAR_H_DEMOGRAPHIC))
      own |= AJAR_H_FACE_ATTR;
    if (own & (AJAR_H_EMBEDDING | AJAR_H_PHOTO))
      own |= AJAR_H_FACE;
  }
  return own;
}

uint32_t classify_key_hints(const char *key, size_t n, uint32_t ancestors) {
  uint32_t own = ajar_lexicon_field_hints(key, n);
  /* "address.state", "endereco.uf": the state of an address is part of it */
  if (!(own & ~AJAR_H_NAME) && (ancestors & AJAR_H_ADDRESS) &&
      ajar_lexicon_region_key(key, n))
    own = AJAR_H_ADDRESS;
  /* "diagnosis.display", "condition.text", "Krankheit.Bezeichnung": the
   * text of a diagnosis is one; "patient.name" stays a person's */
  if ((ancestors & AJAR_H_HEALTH) && !(ancestors & AJAR_H_PLACE) &&
      (!own || (own == AJAR_H_NAME && !(ancestors & AJAR_H_PERSON))) &&
      ajar_lexicon_text_key(key, n))
    own = AJAR_H_HEALTH;
  return own;
}

/* hints of the last component, adjusted by its ancestors */
static uint32_t path_hints(const char *f, size_t n) {
  uint32_t ctx = 0, own = 0;
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && f[j] != '.')
      j++;
    {
      size_t k = j;
      while (k > i && (f[k - 1] == ']' || f[k - 1] == '['))
        k--; /* "items[]" -> "items" */
      ctx |= own;
      own = k > i ? classify_key_hints(f + i, k - i, ctx) : 0;
    }
    i = j + 1;
  }
  return classify_adjust_hints(own, ctx);
}

int ajar_classify_value(const struct ajar_db *db, struct ajar_scratch *s,
                        const char *field, size_t field_len,
                        const char *value, size_t len, ajar_match_cb cb,
                        void *ctx) {
  struct value_cb v = {cb, ctx};
  uint32_t hints;
  if (!db || !s || !cb || (!value && len) || (!field && field_len))
    return AJAR_EINVAL;
  hints = field ? path_hints(field, field_len) : 0;
  classify_scalar(db, s, hints, VK_STRING, value ? value : "", len, to_match, &v);
  return 0;
}
