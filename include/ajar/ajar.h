/* libajar: find personal data in records, files and open data stores.
 *
 * The whole public surface of the library. Conventions:
 *  - functions return 0 or a negative AJAR_E* code; ajar_strerror() gives
 *    the text; details go into the result's `error` string, never stderr;
 *  - opaque types come in create/free pairs, every free accepts NULL;
 *  - the library never prints, never exits, and keeps no mutable globals.
 *
 * The shape copies Hyperscan's: compile the detector set once into an
 * immutable database (ajar_db_compile), give each thread its own scratch
 * (ajar_scratch_alloc), and classify without allocating.
 */
#ifndef AJAR_AJAR_H
#define AJAR_AJAR_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AJAR_VERSION "0.1.0"

/* ---- errors -------------------------------------------------------- */
enum ajar_error {
  AJAR_OK = 0,
  AJAR_ENOMEM = -1,    /* out of memory */
  AJAR_EINVAL = -2,    /* invalid argument */
  AJAR_EIO = -3,       /* read or write failed */
  AJAR_ETOOBIG = -4,   /* input over a cap in limits.h */
  AJAR_EPARSE = -5,    /* malformed input */
  AJAR_ECOMPILE = -6,  /* detector database did not compile */
  AJAR_EFORMAT = -7,   /* unknown or unsupported format */
  AJAR_ETIMEDOUT = -8, /* a deadline passed */
  AJAR_ECONNECT = -9,  /* could not connect */
  AJAR_EAUTH = -10,    /* authentication required or refused */
  AJAR_ESCOPE = -11,   /* target outside the given scope */
  AJAR_EPROTO = -12,   /* peer spoke an unexpected protocol */
};

/* A static string for rc; never NULL. */
const char *ajar_strerror(int rc);

/* ---- the findings contract (REPORT.md) ------------------------------ */
enum ajar_category {
  AJAR_CAT_NAME,            /* identity.name */
  AJAR_CAT_NATIONAL_ID,     /* identity.national_id */
  AJAR_CAT_PASSPORT,        /* identity.passport */
  AJAR_CAT_DEMOGRAPHIC,     /* identity.demographic */
  AJAR_CAT_EMAIL,           /* contact.email */
  AJAR_CAT_PHONE,           /* contact.phone */
  AJAR_CAT_ADDRESS,         /* contact.address */
  AJAR_CAT_IMEI,            /* device.imei */
  AJAR_CAT_IMSI,            /* device.imsi */
  AJAR_CAT_MAC,             /* device.mac */
  AJAR_CAT_IP,              /* device.ip */
  AJAR_CAT_ADVERTISING_ID,  /* device.advertising_id */
  AJAR_CAT_COORDINATES,     /* location.coordinates */
  AJAR_CAT_PLATE,           /* vehicle.plate */
  AJAR_CAT_VIN,             /* vehicle.vin */
  AJAR_CAT_CARD,            /* financial.card */
  AJAR_CAT_IBAN,            /* financial.iban */
  AJAR_CAT_FACE,            /* biometric.face */
  AJAR_CAT_ETHNICITY,       /* special.ethnicity */
  AJAR_CAT_RELIGION,        /* special.religion */
  AJAR_CAT_POLITICAL,       /* special.political */
  AJAR_CAT_HEALTH,          /* special.health */
  AJAR_CAT_SECRET,          /* credential.secret */
  AJAR_CAT__COUNT
};

/* "identity.national_id" etc.; NULL for an out-of-range value. */
const char *ajar_category_name(int category);
/* the category for a name, or -1 */
int ajar_category_from_name(const char *name);

enum ajar_profile {
  AJAR_PROFILE_TRACKING = 1u << 0,
  AJAR_PROFILE_FACIAL_RECOGNITION = 1u << 1,
  AJAR_PROFILE_DEVICE_CAPTURE = 1u << 2,
  AJAR_PROFILE_IDENTITY_DOCUMENT = 1u << 3,
  AJAR_PROFILE_SPECIAL_CATEGORY = 1u << 4,
};
#define AJAR_PROFILE__COUNT 5
/* name of the profile bit number i (0..AJAR_PROFILE__COUNT-1) */
const char *ajar_profile_name(int i);

enum ajar_confidence {
  AJAR_CONF_NONE = 0,
  AJAR_CONF_LOW,
  AJAR_CONF_MEDIUM,
  AJAR_CONF_HIGH
};
const char *ajar_confidence_name(int confidence);

enum ajar_severity {
  AJAR_SEV_INFO = 0,
  AJAR_SEV_LOW,
  AJAR_SEV_MEDIUM,
  AJAR_SEV_HIGH,
  AJAR_SEV_CRITICAL
};
const char *ajar_severity_name(int severity);
/* the severity for "info".."critical", or -1 */
int ajar_severity_from_name(const char *name);

/* ---- detectors ------------------------------------------------------- */
struct ajar_detector_info {
  const char *name;       /* "cn_resident_id" */
  int category;           /* enum ajar_category */
  const char *validation; /* "ISO 7064 MOD 11-2 check digit, birth date, region" */
  const char *needs;      /* "value", "value, or field name", "field name" */
};
size_t ajar_detector_count(void);
/* NULL when i is out of range */
const struct ajar_detector_info *ajar_detector_get(size_t i);

/* ---- the classifier -------------------------------------------------- */
struct ajar_db;
struct ajar_scratch;

/* Compile every detector into an immutable database, shareable by any
 * number of threads. On failure, a message goes into err (may be NULL). */
int ajar_db_compile(struct ajar_db **out, char *err, size_t errlen);
void ajar_db_free(struct ajar_db *db);

/* One scratch per thread; scanning with it allocates nothing. */
int ajar_scratch_alloc(const struct ajar_db *db, struct ajar_scratch **out);
void ajar_scratch_free(struct ajar_scratch *s);

/* One classified value. from/to are byte offsets into the value. */
struct ajar_match {
  unsigned detector;   /* index for ajar_detector_get() */
  int category;        /* enum ajar_category */
  int validated;       /* 1 when a check digit or strict format held */
  size_t from, to;
};
/* Return nonzero to stop the scan of this value. */
typedef int (*ajar_match_cb)(const struct ajar_match *m, void *ctx);

/* Classify one value as if it stood in `field` (a dotted path, may be
 * NULL/empty). Calls cb for each candidate. Never allocates. Returns 0,
 * or AJAR_EINVAL. Field-level decisions (how many values of a field
 * must agree) are made by a collection, not here. */
int ajar_classify_value(const struct ajar_db *db, struct ajar_scratch *s,
                        const char *field, size_t field_len,
                        const char *value, size_t len,
                        ajar_match_cb cb, void *ctx);

/* ---- results: the report model (REPORT.md section 4) ----------------- */
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

struct ajar_report {
  char *started_at;
  char *finished_at;
  struct ajar_target_result *targets;
  size_t n_targets;
  size_t cap_targets;
  char *scope;            /* what the run covered: the command's operands,
                             space-separated, never credentials; or NULL */
};

void ajar_target_result_clear(struct ajar_target_result *t);
void ajar_report_clear(struct ajar_report *r);
/* Append a target (moved in: t is zeroed) */
int ajar_report_add(struct ajar_report *r, struct ajar_target_result *t);
/* Worst severity of the report's targets */
int ajar_report_worst(const struct ajar_report *r);

/* ---- collections: field-level aggregation --------------------------- */
struct ajar_collection;

struct ajar_collection_opts {
  int reveal;            /* keep whole values as examples */
};

int ajar_collection_new(const struct ajar_db *db, const char *name,
                        const struct ajar_collection_opts *opts,
                        struct ajar_collection **out);
void ajar_collection_free(struct ajar_collection *c);

/* Classify one JSON record (object or array). AJAR_EPARSE when it is
 * malformed; the collection counts it and stays usable. */
int ajar_collection_add_json(struct ajar_collection *c, struct ajar_scratch *s,
                             const char *json, size_t len);
/* Row-shaped records: add fields one by one, then end the record. */
int ajar_collection_add_field(struct ajar_collection *c, struct ajar_scratch *s,
                              const char *field, size_t field_len,
                              const char *value, size_t len);
int ajar_collection_end_record(struct ajar_collection *c);
/* Merge src's counts into dst (same db). src is left unchanged. */
int ajar_collection_merge(struct ajar_collection *dst,
                          const struct ajar_collection *src);
/* Decide the findings. `open`: readable without authentication (files
 * are). Fills out (owned by the caller, free with the target/report). */
int ajar_collection_finish(const struct ajar_collection *c, int open,
                           struct ajar_collection_result *out);

/* Partial states, for runs split across processes or machines (the
 * Spark job): export a collection's evidence (field paths, per-detector
 * counters, examples, record and malformed counts; not its name) into
 * buf. With buf NULL or cap too small, sets *len to the size needed and
 * returns AJAR_ETOOBIG. Never allocates. */
int ajar_collection_export(const struct ajar_collection *c, void *buf,
                           size_t cap, size_t *len);
/* Merge exported bytes into dst, as ajar_collection_merge merges the
 * collection they came from. AJAR_EPARSE, with dst untouched, for bytes
 * that are not an export of this library version. */
int ajar_collection_import(struct ajar_collection *dst, const void *buf,
                           size_t len);
/* Finish c into a target as ajar_files_scan makes one: store (NULL:
 * "file"), readable, one collection whose records are the records seen.
 * out is owned by the caller (ajar_target_result_clear). */
int ajar_collection_finish_target(const struct ajar_collection *c,
                                  const char *target, const char *store,
                                  struct ajar_target_result *out);

/* ---- files ----------------------------------------------------------- */
struct ajar_files_opts {
  int threads;           /* <= 0: all cores */
  int reveal;
  const char *format;    /* NULL: by content; "ndjson","json","csv","tsv","text" */
};

/* Classify one file ("-" for stdin). Never fails for bad content: the
 * target carries `error` and what could be read is still classified.
 * Returns 0, or AJAR_ENOMEM. */
int ajar_files_scan(const struct ajar_db *db, const char *path,
                    const struct ajar_files_opts *opts,
                    struct ajar_target_result *out);

/* ---- scan: open data stores ----------------------------------------- */
/* A target is an address, a CIDR ("10.0.0.0/24", "fd00::/120"), a host
 * name, host:port, "[v6]:port", a URL ("https://host:9200") or a DSN
 * ("elasticsearch://user:pass@host:9200", "opensearch://", "kibana://").
 * Each target with the ports that apply to it (its own port, else
 * opts.ports, else the default ports of every probe) spans endpoints; an
 * endpoint is one address (or host name) and one port. */

struct ajar_scan_progress {
  uint64_t done;          /* endpoints finished or skipped by --exclude */
  uint64_t total;         /* endpoints the targets span */
  uint64_t answered;      /* endpoints where something answered */
  uint64_t open;          /* stores readable without authentication */
  double rate;            /* endpoints per second so far */
  double eta_s;           /* seconds left at that rate; -1 when unknown */
  int final;              /* 1 on the last call */
  int cut_short;          /* max_runtime_ms stopped the scan early */
};
/* Called from the thread that called ajar_scan_run, every
 * AJAR_PROGRESS_MS and once more at the end (final = 1). */
typedef void (*ajar_progress_cb)(const struct ajar_scan_progress *p, void *ctx);

/* Called once per reported target, from a worker thread; calls are
 * serialised (never two at once). The callback owns *t: move it into a
 * report (ajar_report_add) or ajar_target_result_clear it. Return nonzero
 * to stop the scan: targets in flight finish, no new ones start. */
typedef int (*ajar_target_cb)(struct ajar_target_result *t, void *ctx);

struct ajar_scan_opts {
  const char *ports;        /* "9200,9000-9010"; NULL: the probes' defaults */
  const char *const *exclude; /* addresses, CIDRs, host names never touched */
  size_t n_exclude;
  const char *const *scope; /* when n_scope > 0: addresses, CIDRs or host
                               names; every address a target resolves to
                               must fall inside, checked again on the
                               address each connection actually uses */
  size_t n_scope;
  int concurrency;          /* workers; <= 0: AJAR_DEFAULT_CONCURRENCY */
  double rate;              /* endpoints started per second; <= 0: no limit */
  int connect_timeout_ms;   /* <= 0: the defaults in limits.h */
  int read_timeout_ms;      /* a response idle this long fails */
  int target_deadline_ms;   /* everything for one endpoint */
  int max_runtime_ms;       /* the whole scan; <= 0: no limit */
  unsigned sample;          /* records per collection; 0: AJAR_DEFAULT_SAMPLE */
  int include_system;       /* also system/hidden indices ('.' names) */
  int reveal;               /* whole values as examples */
  int report_all;           /* also report endpoints of ranges and port
                               lists that did not answer */
  int probe_all;            /* a port that is no probe's default is also
                               tried with the native-protocol probes
                               (PostgreSQL, MySQL, ...) by fingerprint;
                               HTTP probes are tried on every port */
  const char *user;         /* credentials for stores that require them; */
  const char *password;     /* a URL's or DSN's own user:pass wins */
  ajar_progress_cb progress;
  void *progress_ctx;
};

/* Check every target, opts.ports, opts.exclude and opts.scope without
 * touching the network. Returns 0, or AJAR_EINVAL/AJAR_ETOOBIG with one
 * line in err naming the bad entry (never a password). */
int ajar_scan_validate(const char *const *targets, size_t n,
                       const struct ajar_scan_opts *o, char *err, size_t errlen);

/* Audit targets (n == 0: 127.0.0.1 on every probe's default ports) with
 * read-only requests (each probe lists its requests at the top of its
 * file), and hand every finished target to cb. Endpoints are generated
 * lazily, so memory grows with concurrency, not with the number of
 * targets. A target that fails is a result with `error` set; the scan
 * goes on. Endpoints of a range or port list that did not answer are not
 * reported unless o->report_all; a single endpoint always is. Host names
 * in o->scope are resolved once at the start. Returns 0; AJAR_EINVAL
 * (bad targets: call ajar_scan_validate for the message); AJAR_ETIMEDOUT
 * when max_runtime_ms cut the scan short (results so far were delivered);
 * AJAR_ENOMEM. Never prints, never follows redirects, never writes to a
 * store. */
int ajar_scan_run(const struct ajar_db *db, const char *const *targets,
                  size_t n, const struct ajar_scan_opts *o,
                  ajar_target_cb cb, void *ctx);

/* The probes compiled in: name and one line of help; NULL past the end. */
const char *ajar_probe_name(size_t i);
const char *ajar_probe_help(size_t i);

/* ---- output ---------------------------------------------------------- */
enum ajar_out_flags {
  AJAR_OUT_COLOR = 1u << 0,
};
int ajar_report_write_json(const struct ajar_report *r, FILE *f);
/* Terminal-safe text: s with every character that could act on a
 * terminal or hide text shown as an escape (docs/report.md, "Text
 * output"): C0 controls, DEL and bytes that are not UTF-8 as \xHH; C1
 * controls, bidi controls and invisible format characters as \uXXXX.
 * Writes at most n bytes with the NUL, never half an escape, and returns
 * the length of the whole escaped text (as snprintf does). The text
 * output, the HTML report and the ajar tool's messages use it. */
size_t ajar_text_escape(const char *s, char *out, size_t n);
/* s written to f escaped as ajar_text_escape does; 0 or AJAR_EIO */
int ajar_text_fputs(const char *s, FILE *f);
/* --format text: names, versions, notes and errors terminal-safe */
int ajar_report_write_text(const struct ajar_report *r, FILE *f,
                           unsigned flags);
/* --format html: one self-contained page (inline CSS, SVG and a small
 * script; no request leaves the page). Every string from data is
 * HTML-escaped. */
int ajar_report_write_html(const struct ajar_report *r, FILE *f);
/* --format sarif: SARIF 2.1.0, one rule per detector, one result per
 * finding; files as artifact locations, stores as logical locations. */
int ajar_report_write_sarif(const struct ajar_report *r, FILE *f);
/* --format ndjson: one target as one line of JSON (the target object of
 * the JSON report), flushed, so a caller can stream targets as they end. */
int ajar_target_write_ndjson(const struct ajar_target_result *t, FILE *f);

/* Read a JSON report (as ajar_report_write_json writes it) back into r,
 * which the caller frees with ajar_report_clear (also on failure).
 * Returns 0, AJAR_EPARSE (not JSON, or not a report: one line in err
 * saying where), AJAR_ETOOBIG or AJAR_ENOMEM. */
int ajar_report_read_json(FILE *f, struct ajar_report *r, char *err,
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
const char *ajar_change_kind_name(int kind);

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

struct ajar_diff {
  struct ajar_change *changes;
  size_t n_changes;
  size_t cap_changes;
  size_t n_worse;
};

/* What changed from old to new, target by target (keyed by target), then
 * collection by collection. Strings in d are borrowed from old and new:
 * keep both alive while d is used. Free d with ajar_diff_clear. Returns
 * 0 or AJAR_ENOMEM. */
int ajar_report_diff(const struct ajar_report *old,
                     const struct ajar_report *new_, struct ajar_diff *d);
void ajar_diff_clear(struct ajar_diff *d);

/* Baselines (like gitleaks' --baseline-path): drop from t every finding
 * whose (target, collection, field, category) is in base, and every
 * collection and target left with nothing new; re-rate what stays, so an
 * exit code follows only what is new. A new collection without findings,
 * a store newly open, or a target with an error stays. Returns 1 when
 * nothing new is left in t (the caller drops it), else 0. */
int ajar_target_subtract_baseline(struct ajar_target_result *t,
                                  const struct ajar_report *base);
/* The same for every target of r; removes the targets left empty. */
int ajar_report_subtract_baseline(struct ajar_report *r,
                                  const struct ajar_report *base);

/* Redact a value for display ("1101**********123X"); writes at most
 * outlen bytes including the NUL. Returns the length written. */
size_t ajar_redact(const char *v, size_t n, char *out, size_t outlen);

#ifdef __cplusplus
}
#endif
#endif
