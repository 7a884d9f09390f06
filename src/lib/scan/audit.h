/* Internal: audit one endpoint with the probes (audit.c). */
#ifndef AJAR_SCAN_AUDIT_H
#define AJAR_SCAN_AUDIT_H

#include <stdint.h>
#include "ajar/ajar.h"
#include "scan/creds.h"
#include "scan/target.h"

struct audit_cfg {
  const struct ajar_db *db;
  const struct tgt_netset *scope;   /* NULL: no scope */
  struct tgt_policy policy;         /* scope, --exclude, --authorized */
  int connect_timeout_ms, read_timeout_ms, target_deadline_ms;
  int64_t run_deadline;             /* monotonic ms; 0: none */
  unsigned sample;
  int include_system, reveal;
  int probe_all;                    /* native probes on any port (--probe-all) */
  const char *user, *password;      /* --user/--password, or NULL: for
                                       the targets named singly only */
  const struct cred_set *creds;     /* --credentials: bound to targets */
  int allow_cleartext;              /* a password may cross in clear */
  const char *cacert;               /* verify TLS with this CA file */
  int insecure;                     /* credentials over unverified TLS */
};

/* Audit e into out (zeroed first; the caller owns it after). Failures of
 * the endpoint become out->error. *report is set when the result is worth
 * reporting for an endpoint of a range (something answered); *refused
 * when an address was refused (scope, --exclude, a public address:
 * nothing was sent to it). Returns 0, or AJAR_ENOMEM. */
int audit_endpoint(const struct audit_cfg *cfg, struct ajar_scratch *s,
                   const struct tgt_endpoint *e, struct ajar_target_result *out,
                   int *report, int *refused);

#endif
