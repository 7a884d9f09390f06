/* libajar, classification: the findings contract's names, the detector
 * set, classifying one value, and collections (field-level decisions).
 *
 * Conventions of the whole library (ajar/ajar.h includes every header):
 *  - functions return 0 or a negative AJAR_E* code; ajar_strerror() gives
 *    the text; details go into the result's `error` string, never stderr;
 *  - opaque types come in create/free pairs, every free accepts NULL;
 *  - option structs start with `size`: set it with the type's
 *    AJAR_*_OPTS_INIT or its *_opts_init() (see "Option structs" below);
 *  - the library never prints, never exits, and keeps no mutable globals.
 *
 * The shape copies Hyperscan's: compile the detector set once into an
 * immutable database (ajar_db_compile), give each thread its own scratch
 * (ajar_scratch_alloc), and classify without allocating.
 */
#ifndef AJAR_API_CLASSIFY_H
#define AJAR_API_CLASSIFY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "ajar/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Marks what libajar.so exports; everything else is hidden
 * (-fvisibility=hidden). */
#if defined(AJAR_BUILDING_LIBRARY) && defined(__GNUC__)
#define AJAR_API __attribute__((visibility("default")))
#else
#define AJAR_API
#endif

/* The version of the library loaded, e.g. "0.1.0" (AJAR_VERSION is the
 * version of the headers compiled against). */
AJAR_API const char *ajar_version(void);

/* ---- errors -------------------------------------------------------- */
enum ajar_error {
  AJAR_OK = 0,
  AJAR_ENOMEM = -1,    /* out of memory */
  AJAR_EINVAL = -2,    /* invalid argument (also: an option struct whose
                          size this library does not know) */
  AJAR_EIO = -3,       /* read or write failed */
  AJAR_ETOOBIG = -4,   /* input over a cap (src/lib/ajar_limits.h) */
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
AJAR_API const char *ajar_strerror(int rc);

/* ---- Option structs ---------------------------------------------------
 * Every options struct (ajar_collection_opts, ajar_files_opts,
 * ajar_scan_opts) begins with `size_t size`, which the caller sets to
 * sizeof the struct it was compiled (or, from another language, laid
 * out) with: the INIT macros and *_opts_init() do it. The library
 * accepts only the sizes of layouts it knows, and fails with AJAR_EINVAL
 * otherwise, so a binding whose layout lost or gained a field fails
 * loudly instead of reading one field as another. Fields are only ever
 * appended; a library that appends fields keeps accepting the older
 * sizes, and reads the fields they lack as zero (their defaults). */

/* ---- the findings contract (docs/report.md) -------------------------- */
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
AJAR_API const char *ajar_category_name(int category);
/* the category for a name, or -1 */
AJAR_API int ajar_category_from_name(const char *name);

enum ajar_profile {
  AJAR_PROFILE_TRACKING = 1u << 0,
  AJAR_PROFILE_FACIAL_RECOGNITION = 1u << 1,
  AJAR_PROFILE_DEVICE_CAPTURE = 1u << 2,
  AJAR_PROFILE_IDENTITY_DOCUMENT = 1u << 3,
  AJAR_PROFILE_SPECIAL_CATEGORY = 1u << 4,
};
#define AJAR_PROFILE__COUNT 5
/* name of the profile bit number i (0..AJAR_PROFILE__COUNT-1) */
AJAR_API const char *ajar_profile_name(int i);

enum ajar_confidence {
  AJAR_CONF_NONE = 0,
  AJAR_CONF_LOW,
  AJAR_CONF_MEDIUM,
  AJAR_CONF_HIGH
};
AJAR_API const char *ajar_confidence_name(int confidence);

enum ajar_severity {
  AJAR_SEV_INFO = 0,
  AJAR_SEV_LOW,
  AJAR_SEV_MEDIUM,
  AJAR_SEV_HIGH,
  AJAR_SEV_CRITICAL
};
AJAR_API const char *ajar_severity_name(int severity);
/* the severity for "info".."critical", or -1 */
AJAR_API int ajar_severity_from_name(const char *name);

/* ---- detectors ------------------------------------------------------- */
struct ajar_detector_info {
  const char *name;       /* "cn_resident_id" */
  int category;           /* enum ajar_category */
  const char *validation; /* "ISO 7064 MOD 11-2 check digit, birth date, region" */
  const char *needs;      /* "value", "value, or field name", "field name" */
};
AJAR_API size_t ajar_detector_count(void);
/* NULL when i is out of range */
AJAR_API const struct ajar_detector_info *ajar_detector_get(size_t i);

/* ---- the classifier -------------------------------------------------- */
struct ajar_db;      /* opaque: the compiled detector set */
struct ajar_scratch; /* opaque: one thread's working memory */

/* Compile every detector into an immutable database, shareable by any
 * number of threads. On failure, a message goes into err (may be NULL). */
AJAR_API int ajar_db_compile(struct ajar_db **out, char *err, size_t errlen);
AJAR_API void ajar_db_free(struct ajar_db *db);

/* One scratch per thread; scanning with it allocates nothing. */
AJAR_API int ajar_scratch_alloc(const struct ajar_db *db,
                                struct ajar_scratch **out);
AJAR_API void ajar_scratch_free(struct ajar_scratch *s);

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
AJAR_API int ajar_classify_value(const struct ajar_db *db,
                                 struct ajar_scratch *s, const char *field,
                                 size_t field_len, const char *value,
                                 size_t len, ajar_match_cb cb, void *ctx);

/* ---- collections: field-level aggregation --------------------------- */
struct ajar_collection; /* opaque: the evidence of one index or file */
/* the results a collection finishes into (ajar/report.h) */
struct ajar_collection_result;
struct ajar_target_result;

struct ajar_collection_opts {
  size_t size;           /* sizeof(struct ajar_collection_opts) */
  int reveal;            /* keep whole values as examples */
};
#define AJAR_COLLECTION_OPTS_INIT {sizeof(struct ajar_collection_opts), 0}

/* opts may be NULL (defaults) */
AJAR_API int ajar_collection_new(const struct ajar_db *db, const char *name,
                                 const struct ajar_collection_opts *opts,
                                 struct ajar_collection **out);
AJAR_API void ajar_collection_free(struct ajar_collection *c);

/* Classify one JSON record (object or array). AJAR_EPARSE when it is
 * malformed; the collection counts it and stays usable. */
AJAR_API int ajar_collection_add_json(struct ajar_collection *c,
                                      struct ajar_scratch *s,
                                      const char *json, size_t len);
/* Row-shaped records: add fields one by one, then end the record. */
AJAR_API int ajar_collection_add_field(struct ajar_collection *c,
                                       struct ajar_scratch *s,
                                       const char *field, size_t field_len,
                                       const char *value, size_t len);
AJAR_API int ajar_collection_end_record(struct ajar_collection *c);
/* Merge src's counts into dst (same db). src is left unchanged. */
AJAR_API int ajar_collection_merge(struct ajar_collection *dst,
                                   const struct ajar_collection *src);
/* Decide the findings. `open`: readable without authentication (files
 * are). Fills out (owned by the caller, free with the target/report). */
AJAR_API int ajar_collection_finish(const struct ajar_collection *c, int open,
                                    struct ajar_collection_result *out);

/* Partial states, for runs split across processes or machines (the
 * Spark job): export a collection's evidence (field paths, per-detector
 * counters, examples, record and malformed counts; not its name) into
 * buf. With buf NULL or cap too small, sets *len to the size needed and
 * returns AJAR_ETOOBIG. Never allocates. */
AJAR_API int ajar_collection_export(const struct ajar_collection *c,
                                    void *buf, size_t cap, size_t *len);
/* Merge exported bytes into dst, as ajar_collection_merge merges the
 * collection they came from. AJAR_EPARSE, with dst untouched, for bytes
 * that are not an export of this library version. */
AJAR_API int ajar_collection_import(struct ajar_collection *dst,
                                    const void *buf, size_t len);
/* Finish c into a target as ajar_files_scan makes one: store (NULL:
 * "file"), readable, one collection whose records are the records seen.
 * out is owned by the caller (ajar_target_result_clear). */
AJAR_API int ajar_collection_finish_target(const struct ajar_collection *c,
                                           const char *target,
                                           const char *store,
                                           struct ajar_target_result *out);

#ifdef __cplusplus
}
#endif
#endif
