/* Internal interface of the classifier: the compiled database, the
 * per-thread scratch, and value classification. */
#ifndef AJAR_CLASSIFY_H
#define AJAR_CLASSIFY_H

#include <stddef.h>
#include <stdint.h>
#include <hs/hs.h>
#include "ajar/ajar.h"
#include "detectors.h"
#include "lexicon.h"
#include "ajar_limits.h"
#include "value_kind.h"

struct ajar_db {
  hs_database_t *text;      /* detectors embedded in free text */
};

struct ajar_scratch {
  hs_scratch_t *hs;
  char buf[AJAR_MAX_VALUE_SCAN]; /* unescaped strings */
  char path[AJAR_MAX_PATH];      /* field path being built */
};

/* A candidate found in one value. `embedded`: found inside free text
 * rather than being the whole value. `column`: evidence only among a
 * column's values (a word shaped like a name under a name that says
 * nothing, collection_finish.c decides on the whole field);
 * ajar_classify_value, which sees one value, does not report it. */
struct candidate {
  unsigned det;
  int validated;
  int embedded;
  size_t from, to;
  int column;
};
typedef int (*candidate_fn)(void *ctx, const struct candidate *c);

/* Signals that are not categories but make profiles */
enum signal {
  SIG_TIME = 1u << 0,   /* a timestamp or date-time */
  SIG_PLACE = 1u << 1,  /* a value of a field named for a camera,
                         * checkpoint or site (and nothing else) that can
                         * name a site or a device (not "437", "C-7") */
  SIG_BOOL = 1u << 2,   /* boolean value */
};

/* A field named for a time or a place (camera, checkpoint) and nothing
 * else holds no personal data itself: classify_scalar gives no candidate
 * for its values, only the signals of classify_time_place. */
static inline int hints_time_place_only(uint32_t hints) {
  return hints && !(hints & ~(AJAR_H_TIME | AJAR_H_PLACE));
}
/* classify_scalar for such a field (hints_time_place_only): SIG_BOOL for
 * a boolean, SIG_TIME for any other value that is not blank (a time
 * hint), SIG_PLACE for one that can name a site or a device (a place
 * hint) */
unsigned classify_time_place(uint32_t hints, enum value_kind kind, const char *v,
                             size_t n);

/* What classify_scalar decides on before it reads a byte: no value in a
 * null, and most numbers are short and under a name that says nothing
 * (no epoch, date, id or phone is under 8 bytes). Inline, so a caller
 * can spare such a value the call: classify_scalar gives it no candidate
 * and no signal. */
static inline int classify_scalar_nothing(uint32_t hints, enum value_kind kind,
                                          size_t n) {
  return kind == VK_NULL || (kind == VK_NUMBER && !hints && n < 8);
}
/* Classify one scalar value of a field with these lexicon hints.
 * Returns signal bits seen (SIG_*). */
unsigned classify_scalar(const struct ajar_db *db, struct ajar_scratch *s,
                         uint32_t hints, enum value_kind kind,
                         const char *v, size_t n, candidate_fn fn, void *ctx);
/* classify_scalar for a string (VK_STRING) and for a number (VK_NUMBER,
 * not one of classify_scalar_nothing's), for a caller that knows the
 * kind: the call they spare is a tenth of the way from a walker to the
 * checks of a short value */
unsigned classify_string(const struct ajar_db *db, struct ajar_scratch *s,
                         uint32_t hints, const char *v, size_t n, candidate_fn fn,
                         void *ctx);
unsigned classify_number(uint32_t hints, const char *v, size_t n, candidate_fn fn,
                         void *ctx);
/* What the pieces of classify_scalar share (value.h): the candidates go
 * to fn with ctx */
struct emit_ctx {
  uint32_t hints;
  candidate_fn fn;
  void *ctx;
  uint64_t seen; /* detectors already emitted for this value */
  int stop;      /* the callback asked to stop */
};
/* Where classify_string_to reports: the candidates to e.fn, the value's
 * signals (when it has any) to signals, both with e.ctx. A caller keeps
 * one, sets e.fn and e.ctx once and what changes per value itself: four
 * arguments, so a caller with no work after the call reaches it by a
 * jump, with no frame; the classifier sets e's hints, seen and stop for
 * each value, so it builds no context of its own */
struct value_sink {
  struct emit_ctx e;
  const struct ajar_db *db;
  struct ajar_scratch *s;
  void (*signals)(void *ctx, unsigned sig);
};
/* classify_string and classify_number, their signals handed to
 * k->signals: the same candidates and signals (tests/unit/test_scalar.c) */
void classify_string_to(struct value_sink *k, uint32_t hints, const char *v, size_t n);
void classify_number_to(struct value_sink *k, uint32_t hints, const char *v, size_t n);
/* The same with every check of the general way in turn, none skipped by
 * the value's shape: what tests/unit/test_scalar.c holds classify_scalar to */
unsigned classify_scalar_general(const struct ajar_db *db, struct ajar_scratch *s,
                                 uint32_t hints, enum value_kind kind,
                                 const char *v, size_t n, candidate_fn fn,
                                 void *ctx);

/* An array of numbers classified as one value (embedding, [lon, lat]). */
void classify_numarray(uint32_t hints, size_t count, double first,
                       double second, double absmax, candidate_fn fn,
                       void *ctx);
/* The counts at which classify_numarray reads first, second and absmax
 * (a [lon, lat] pair, the widths of face models): a walker parses the
 * first two elements only then, and passes 0 otherwise. */
static inline int numarray_wants_values(size_t count) {
  return count == 2 || count == 128 || count == 256 || count == 512 || count == 1024;
}

/* Free-text scan with the Vectorscan database, over the windows of the
 * text where a pattern can match (text.c). */
void classify_text(const struct ajar_db *db, struct ajar_scratch *s,
                   uint32_t hints, const char *v, size_t n, candidate_fn fn,
                   void *ctx);
/* The same as one scan over the whole text: what tests/unit/test_text.c
 * holds classify_text to. */
void classify_text_whole(const struct ajar_db *db, struct ajar_scratch *s,
                         uint32_t hints, const char *v, size_t n, candidate_fn fn,
                         void *ctx);

/* What a field's own hints mean below its ancestors' hints */
uint32_t classify_adjust_hints(uint32_t own, uint32_t ancestors);
/* The lexicon's hints of one path component (no dots, no "[]") and what
 * its ancestors add to them: "address.state" is part of the address */
uint32_t classify_key_hints(const char *key, size_t n, uint32_t ancestors);

/* Whether a value is an empty placeholder ("", "N/A", "null", "-") */
int value_is_empty(const char *v, size_t n);
/* The first bytes of those placeholders and of white space: a bit a
 * group of placeholders, EMPTY_BLANK for white space, 0 for any other
 * byte (empty.c) */
#define EMPTY_BLANK 0x01u
extern const unsigned char value_empty_group[256];
/* 0 when value_is_empty is 0 for its first byte alone, with no call:
 * most values start with a byte no placeholder starts with */
static inline int value_may_be_empty(const char *v, size_t n) {
  return !n || value_empty_group[(unsigned char)v[0]];
}
/* The same for its first two bytes, for a value value_may_be_empty let
 * through: most of those go on with a byte no placeholder that starts
 * alike goes on with ("0.36", "-12", "Nguyen", "ut"). value_empty_group
 * gives the placeholders a first byte can begin (a bit a group of them,
 * EMPTY_BLANK for white space), value_empty_next the groups whose
 * placeholders have a byte second, all of them a blank (trimmed after
 * "0", "-", "?") (empty.c). tests/unit/test_empty.c holds it to
 * value_is_empty. */
extern const unsigned char value_empty_next[256];
static inline int value_may_be_empty2(const char *v, size_t n) {
  unsigned g;
  if (n < 2)
    return 1;
  g = value_empty_group[(unsigned char)v[0]];
  return (g & (EMPTY_BLANK | value_empty_next[(unsigned char)v[1]])) != 0;
}

/* Parse a decimal number; returns 1 when v is a plain JSON-style number */
int parse_double(const char *v, size_t n, double *out);
/* 1 when v is [-]digits[.digits] and shorter than 64 bytes: parse_double
 * then takes it, and this costs less than parsing it */
int plain_decimal(const char *v, size_t n);

#endif
