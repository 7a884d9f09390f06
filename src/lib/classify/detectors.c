/* The detector table. docs/detectors.md and `ajar detectors` are both
 * generated from it, so they cannot drift. */
#include "detectors.h"
#include "lexicon.h"

#define CLS(c) CLS_##c
#define HINT(h) AJAR_H_##h

const struct detector ajar_detectors[DET__COUNT] = {
#define X(id, nm, cat, cls, hint, val) {nm, cat, CLS(cls), HINT(hint), val},
  DETECTORS(X)
#undef X
};

#define NEEDS_STRONG "value"
#define NEEDS_WEAK "most values of a field, or value and field name"
#define NEEDS_VOCAB "most values of a field, or field name"
#define NEEDS_CONTEXT "field name and value"

static const struct ajar_detector_info infos[DET__COUNT] = {
#define X(id, nm, cat, cls, hint, val) {nm, cat, val, NEEDS_##cls},
  DETECTORS(X)
#undef X
};

size_t ajar_detector_count(void) { return DET__COUNT; }

const struct ajar_detector_info *ajar_detector_get(size_t i) {
  return i < DET__COUNT ? &infos[i] : NULL;
}
