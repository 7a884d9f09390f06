/* libajar, scanning: files and dumps (ajar_files_scan), and data stores
 * on the network (ajar_scan_run). Both hand back the targets of the
 * report model (ajar/report.h). */
#ifndef AJAR_API_SCAN_H
#define AJAR_API_SCAN_H

#include "ajar/classify.h"
#include "ajar/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Called once per reported target, from a worker thread; calls are
 * serialised (never two at once). The callback owns *t: move it into a
 * report (ajar_report_add) or ajar_target_result_clear it. Return nonzero
 * to stop the scan (or the files run): targets in flight finish, no new
 * ones start. */
typedef int (*ajar_target_cb)(struct ajar_target_result *t, void *ctx);

/* ---- files ----------------------------------------------------------- */
/* A file ajar_files_run leaves out, with a one-line reason: binary data
 * no reader reads, or a file it cannot open, found in a directory. */
typedef void (*ajar_files_skip_cb)(const char *path, const char *why, void *ctx);

struct ajar_files_opts {
  size_t size;           /* sizeof(struct ajar_files_opts) */
  int threads;           /* <= 0: all cores */
  int reveal;
  const char *format;    /* NULL: by content; "ndjson","json","csv","tsv","text" */
  /* ajar_files_run, for the files found in directories: read only those
   * matching one of include (none: all), and none of exclude. A glob
   * (fnmatch) matches the path below the directory or the file's name;
   * exclude also prunes directories. */
  const char *const *include;
  size_t n_include;
  const char *const *exclude;
  size_t n_exclude;
  ajar_files_skip_cb skipped; /* may be NULL */
  void *skipped_ctx;
};
#define AJAR_FILES_OPTS_INIT \
  {sizeof(struct ajar_files_opts), 0, 0, NULL, NULL, 0, NULL, 0, NULL, NULL}

/* Classify one file ("-" for stdin). Never fails for bad content: the
 * target carries `error` and what could be read is still classified.
 * opts may be NULL (defaults). Returns 0, AJAR_EINVAL (an opts size this
 * library does not know), or AJAR_ENOMEM. */
AJAR_API int ajar_files_scan(const struct ajar_db *db, const char *path,
                             const struct ajar_files_opts *opts,
                             struct ajar_target_result *out);

/* Classify every file of paths: files, "-" (stdin) and directories,
 * walked recursively in name order (regular files; a symbolic link to a
 * file is followed, one to a directory is not; devices, fifos and sockets
 * are left out). cb gets one target per file, in that order, one call at
 * a time (from any thread); it owns the target (as ajar_scan_run's
 * callback does) and returns nonzero to stop. With several files,
 * opts.threads files are read at once, one thread each; a single file
 * gets every thread. A file found in a directory that holds binary data
 * no reader reads is left out with opts.skipped. Returns 0, AJAR_EINVAL
 * or AJAR_ENOMEM. */
AJAR_API int ajar_files_run(const struct ajar_db *db, const char *const *paths,
                            size_t n, const struct ajar_files_opts *opts,
                            ajar_target_cb cb, void *ctx);

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


/* Start from AJAR_SCAN_OPTS_INIT or ajar_scan_opts_init(); zero is every
 * field's default. New fields are appended at the end (and mirrored in
 * python/ajar/_lib.py). */
/* Credentials for some targets only (ajar scan --credentials; docs/scan.md,
 * "Credentials"): they go to an endpoint only when one of targets names
 * it, and, when store is set, only to that store. */
struct ajar_credential {
  const char *const *targets; /* host, host:port, address, CIDR, URL or DSN */
  size_t n_targets;
  const char *store;          /* a probe's name ("opensearch", "postgresql",
                                 ...), or NULL: any store a probe recognises */
  const char *user;
  const char *password;       /* may be NULL: an empty password */
};

struct ajar_scan_opts {
  size_t size;              /* sizeof(struct ajar_scan_opts) */
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
  int connect_timeout_ms;   /* <= 0: the defaults in src/lib/ajar_limits.h */
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
  const char *user;         /* credentials for the targets named singly (a
                               URL, a DSN, host:port), never for the
                               endpoints of a range or a port list; */
  const char *password;     /* a URL's or DSN's own user:pass wins */
  ajar_progress_cb progress;
  void *progress_ctx;
  int authorized;           /* with no scope, public addresses (outside
                               loopback, private, shared and link-local
                               networks) are refused unless this is set:
                               the caller states they may scan them */
  int max_per_host;         /* endpoints of one address (or host name)
                               audited at once; <= 0: AJAR_DEFAULT_MAX_PER_HOST */
  unsigned shard_index;     /* with shard_count > 1: scan only part K */
  unsigned shard_count;     /* (1-based) of N disjoint parts whose union
                               is the whole scan; 0 or 1: all of it */
  /* Credentials bound to targets (see struct ajar_credential); the first
   * entry naming an endpoint is used, after a URL's own and user/password. */
  const struct ajar_credential *credentials;
  size_t n_credentials;
  int allow_cleartext_password; /* send a password where it would cross the
                                   network in clear (HTTP Basic over http,
                                   Redis AUTH, etcd over http, PostgreSQL
                                   cleartext/MD5 without TLS, MySQL
                                   cleartext plugins); 0: refuse, and say
                                   so on the target */
  const char *cacert;       /* CA file for verifying TLS certificates when
                               credentials are sent; NULL: the system's */
  int insecure;             /* send credentials over TLS without verifying
                               the certificate */
};
#define AJAR_SCAN_OPTS_INIT {sizeof(struct ajar_scan_opts)}

/* Zero *o and set its size. */
AJAR_API void ajar_scan_opts_init(struct ajar_scan_opts *o);

/* Check every target, opts.ports, opts.exclude and opts.scope without
 * touching the network. Returns 0, or AJAR_EINVAL/AJAR_ETOOBIG with one
 * line in err naming the bad entry (never a password). */
AJAR_API int ajar_scan_validate(const char *const *targets, size_t n,
                                const struct ajar_scan_opts *o, char *err,
                                size_t errlen);

/* Endpoints are audited in a pseudo-random order over the whole target
 * space (a keyed permutation in constant memory, as zmap walks a cyclic
 * group), so consecutive connections go to different hosts, and at most
 * max_per_host of them to one host at a time. */

/* Audit targets (n == 0: 127.0.0.1 on every probe's default ports) with
 * read-only requests (each probe lists its requests at the top of its
 * file), and hand every finished target to cb. Endpoints are generated
 * lazily, so memory grows with concurrency, not with the number of
 * targets. A target that fails is a result with `error` set; the scan
 * goes on. Endpoints of a range or port list that did not answer are not
 * reported unless o->report_all; a single endpoint always is. Every
 * address a connection would use (after DNS, within AJAR_DNS_TIMEOUT_MS)
 * is checked against o->scope, o->exclude and the public-address rule
 * (o->authorized); a refused target is always reported, once per target
 * as written, with an error starting "refused:". Host names in o->scope
 * and o->exclude are resolved once at the start. Returns 0; AJAR_EINVAL
 * (bad targets: call ajar_scan_validate for the message; or an opts size
 * this library does not know); AJAR_ETIMEDOUT when max_runtime_ms cut
 * the scan short (results so far were delivered); AJAR_ENOMEM. Never
 * prints, never follows redirects, never writes to a store. */
AJAR_API int ajar_scan_run(const struct ajar_db *db,
                           const char *const *targets, size_t n,
                           const struct ajar_scan_opts *o, ajar_target_cb cb,
                           void *ctx);

/* The probes compiled in: name and one line of help; NULL past the end. */
AJAR_API const char *ajar_probe_name(size_t i);
AJAR_API const char *ajar_probe_help(size_t i);

#ifdef __cplusplus
}
#endif
#endif
