/* libajar, reports: the report model (the JSON report of docs/report.md
 * and docs/report.schema.json), its output formats, reading a saved
 * report back, comparing two reports, and baselines. */
#ifndef AJAR_API_REPORT_H
#define AJAR_API_REPORT_H

#include "ajar/classify.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- results: the report model --------------------------------------- */
#define AJAR_EXAMPLES_MAX 3

struct ajar_finding {
  char *field;
  int category;
  const char *detector;   /* static name */
  uint64_t matches;
  uint64_t records;
  int confidence;
  size_t n_examples;
  char *examples[AJAR_EXAMPLES_MAX]; /* redacted unless reveal was asked */
};

struct ajar_collection_result {
  char *name;
  int64_t records;        /* as the store reports; -1 when unknown */
  int64_t bytes;          /* -1 when unknown */
  uint64_t sampled;       /* records classified */
  int severity;
  uint32_t categories;    /* bit i: category i present */
  uint32_t profiles;      /* enum ajar_profile bits */
  struct ajar_finding *findings;
  size_t n_findings;
  uint64_t malformed;     /* records that did not parse */
  uint64_t first_malformed_line; /* 0 when none */
  char *note;             /* e.g. "looks wiped: ransom note" or NULL */
};

struct ajar_target_result {
  char *target;
  char *store;            /* "file", "elasticsearch", ... */
  char *version;          /* NULL when unknown */
  int reachable;
  int auth_required;
  int tls;
  char *error;            /* one line, or NULL */
  int severity;
  struct ajar_collection_result *collections;
  size_t n_collections;
  char *note;             /* about the whole target (cluster name, an open
                             console, truncation), or NULL */
};

/* A zeroed struct is an empty report; targets are added only with
 * ajar_report_add (the array grows as the library sees fit). */
struct ajar_report {
  char *started_at;
  char *finished_at;
  struct ajar_target_result *targets;
  size_t n_targets;
  char *scope;            /* what the run covered: the command's operands,
                             space-separated, never credentials; or NULL */
  int interrupted;        /* the run was stopped (Ctrl-C) before its end:
                             the targets are those finished by then */
};

AJAR_API void ajar_target_result_clear(struct ajar_target_result *t);
AJAR_API void ajar_report_clear(struct ajar_report *r);
/* Append a target (moved in: t is zeroed) */
AJAR_API int ajar_report_add(struct ajar_report *r,
                             struct ajar_target_result *t);
/* Worst severity of the report's targets */
AJAR_API int ajar_report_worst(const struct ajar_report *r);

/* Merge reports of parts of one scan (ajar scan --shard K/N, the Spark
 * job) into dst: every target of src is moved into dst (src is left
 * empty), started_at becomes the earliest and finished_at the latest of
 * the two, and scope is kept from dst (else taken from src). A target
 * present in both (the same target name) is kept once, the one that
 * answered. Targets end sorted by name. 0 or AJAR_ENOMEM. */
AJAR_API int ajar_report_merge(struct ajar_report *dst,
                               struct ajar_report *src);

/* ---- output ---------------------------------------------------------- */
enum ajar_out_flags {
  AJAR_OUT_COLOR = 1u << 0,
};
AJAR_API int ajar_report_write_json(const struct ajar_report *r, FILE *f);
/* Terminal-safe text: s with every character that could act on a
 * terminal or hide text shown as an escape (docs/report.md, "Text
 * output"): C0 controls, DEL and bytes that are not UTF-8 as \xHH; C1
 * controls, bidi controls and invisible format characters as \uXXXX.
 * Writes at most n bytes with the NUL, never half an escape, and returns
 * the length of the whole escaped text (as snprintf does). The text
 * output, the HTML report and the ajar tool's messages use it. */
AJAR_API size_t ajar_text_escape(const char *s, char *out, size_t n);
/* s written to f escaped as ajar_text_escape does; 0 or AJAR_EIO */
AJAR_API int ajar_text_fputs(const char *s, FILE *f);
/* --format text: names, versions, notes and errors terminal-safe */
AJAR_API int ajar_report_write_text(const struct ajar_report *r, FILE *f,
                                    unsigned flags);
/* --format html: one self-contained page (inline CSS, SVG and a small
 * script; no request leaves the page). Every string from data is
 * HTML-escaped. */
AJAR_API int ajar_report_write_html(const struct ajar_report *r, FILE *f);
/* --format sarif: SARIF 2.1.0, one rule per detector, one result per
 * finding; files as artifact locations, stores as logical locations. */
AJAR_API int ajar_report_write_sarif(const struct ajar_report *r, FILE *f);
/* --format ndjson: one target as one line of JSON (the target object of
 * the JSON report), flushed, so a caller can stream targets as they end. */
AJAR_API int ajar_target_write_ndjson(const struct ajar_target_result *t,
                                      FILE *f);

/* Read a JSON report (as ajar_report_write_json writes it) back into r,
 * which the caller frees with ajar_report_clear (also on failure).
 * Returns 0, AJAR_EPARSE (not JSON, or not a report: one line in err
 * saying where), AJAR_ETOOBIG or AJAR_ENOMEM. */
AJAR_API int ajar_report_read_json(FILE *f, struct ajar_report *r, char *err,
                                   size_t errlen);

/* ---- comparing reports ------------------------------------------------ */
enum ajar_change_kind {
  AJAR_CHANGE_STORE_OPENED,       /* readable without authentication now */
  AJAR_CHANGE_STORE_CLOSED,       /* was open, is not any more */
  AJAR_CHANGE_TARGET_ADDED,
  AJAR_CHANGE_TARGET_REMOVED,
  AJAR_CHANGE_COLLECTION_ADDED,
  AJAR_CHANGE_COLLECTION_REMOVED,
  AJAR_CHANGE_CATEGORY_ADDED,     /* a category newly exposed */
  AJAR_CHANGE_CATEGORY_REMOVED,
  AJAR_CHANGE_SEVERITY,           /* of a target, or of a collection */
};
/* "store_opened", "collection_added", ...; NULL when out of range */
AJAR_API const char *ajar_change_kind_name(int kind);

struct ajar_change {
  int kind;
  const char *target;     /* borrowed from the reports compared */
  const char *collection; /* NULL for a change of the whole target */
  int category;           /* CATEGORY_*: the category, else -1 */
  int old_severity;       /* -1 when there is no old side */
  int new_severity;       /* -1 when there is no new side */
  int worse;              /* 1: newly open, a new collection with findings,
                             a new category, or severity up */
};

/* Filled by ajar_report_diff from a zeroed struct. */
struct ajar_diff {
  struct ajar_change *changes;
  size_t n_changes;
  size_t n_worse;
};

/* What changed from old to new, target by target (keyed by target), then
 * collection by collection. Strings in d are borrowed from old and new:
 * keep both alive while d is used. Free d with ajar_diff_clear. Returns
 * 0 or AJAR_ENOMEM. */
AJAR_API int ajar_report_diff(const struct ajar_report *old,
                              const struct ajar_report *new_,
                              struct ajar_diff *d);
AJAR_API void ajar_diff_clear(struct ajar_diff *d);

/* Baselines (like gitleaks' --baseline-path): drop from t every finding
 * whose (target, collection, field, category) is in base, and every
 * collection and target left with nothing new; re-rate what stays, so an
 * exit code follows only what is new. A new collection without findings,
 * a store newly open, or a target with an error stays. Returns 1 when
 * nothing new is left in t (the caller drops it), else 0. */
AJAR_API int ajar_target_subtract_baseline(struct ajar_target_result *t,
                                           const struct ajar_report *base);
/* The same for every target of r; removes the targets left empty. */
AJAR_API int ajar_report_subtract_baseline(struct ajar_report *r,
                                           const struct ajar_report *base);

/* Redact a value for display ("1101**********123X"); writes at most
 * outlen bytes including the NUL. Returns the length written. */
AJAR_API size_t ajar_redact(const char *v, size_t n, char *out, size_t outlen);

#ifdef __cplusplus
}
#endif
#endif
