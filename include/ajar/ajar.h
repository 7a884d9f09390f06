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
};

struct ajar_report {
  char *started_at;
  char *finished_at;
  struct ajar_target_result *targets;
  size_t n_targets;
  size_t cap_targets;
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

/* ---- output ---------------------------------------------------------- */
enum ajar_out_flags {
  AJAR_OUT_COLOR = 1u << 0,
};
int ajar_report_write_json(const struct ajar_report *r, FILE *f);
int ajar_report_write_text(const struct ajar_report *r, FILE *f,
                           unsigned flags);
/* Redact a value for display ("1101**********123X"); writes at most
 * outlen bytes including the NUL. Returns the length written. */
size_t ajar_redact(const char *v, size_t n, char *out, size_t outlen);

#ifdef __cplusplus
}
#endif
#endif
