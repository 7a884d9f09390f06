/* Internal to report/: what the output formats share. */
#ifndef AJAR_REPORT_INTERNAL_H
#define AJAR_REPORT_INTERNAL_H

#include <jansson.h>
#include "ajar/ajar.h"

/* The counts of the JSON report's "summary", and more for the HTML page */
struct report_summary {
  size_t targets, open, collections, findings;
  size_t severity[AJAR_SEV_CRITICAL + 1];      /* targets per severity */
  uint32_t categories;                          /* every category found */
  /* collections holding category c, by the collection's severity */
  size_t by_category[AJAR_CAT__COUNT][AJAR_SEV_CRITICAL + 1];
  int worst;
};

/* Make room for element n of *arr (elements of `elem` bytes) when n is
 * 0, REPORT_GROW_MIN or a power of two above it: public structs carry
 * no capacity, it follows from the count (an array only ever shrinks in
 * place). 0 or AJAR_ENOMEM. */
#define REPORT_GROW_MIN 8
int report_grow(void **arr, size_t n, size_t elem);

void report_summarize(const struct ajar_report *r, struct report_summary *s);
/* 1 when the target answered without authentication */
int report_target_open(const struct ajar_target_result *t);

/* Replace bytes of *s that are no UTF-8 with U+FFFD (reallocates when
 * needed). 0 or AJAR_ENOMEM. */
int report_utf8_fix(char **s);

/* A JSON string for text from outside; invalid UTF-8 bytes become
 * U+FFFD. NULL only on ENOMEM. */
json_t *report_json_text(const char *s);

/* Write o to f with jansson's flags, then a newline; takes o (decrefs
 * it). 0, or AJAR_EIO when the dump or f failed. The JSON, SARIF and
 * NDJSON writers end with it. */
int report_json_write(json_t *o, FILE *f, size_t flags);

/* The target object of the JSON report of docs/report.md (out_json.c); NULL on ENOMEM */
json_t *report_target_json(const struct ajar_target_result *t);

/* Lookups for diff.c and baseline.c: report_index gives r's targets
 * sorted by name (free() it; NULL on ENOMEM), report_find_target
 * bsearches it; report_find_collection looks a collection up by name. */
const struct ajar_target_result **report_index(const struct ajar_report *r);
const struct ajar_target_result *
report_find_target(const struct ajar_target_result **ix, size_t n,
                   const char *name);
const struct ajar_collection_result *
report_find_collection(const struct ajar_target_result *t, const char *name);

#endif
