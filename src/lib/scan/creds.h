/* Internal: credentials bound to targets (ajar scan --credentials,
 * --user/--password, a URL's user:pass@), and which of them go to an
 * endpoint (creds.c; docs/scan.md, "Credentials"). */
#ifndef AJAR_SCAN_CREDS_H
#define AJAR_SCAN_CREDS_H

#include <stddef.h>
#include "ajar/scan.h"
#include "scan/target.h"

struct cred_entry {
  struct tgt_spec *targets;   /* parsed */
  size_t n_targets;
  const char *store;          /* NULL: any store a probe recognises */
  const char *user, *password;
};

struct cred_set {
  struct cred_entry *v;
  size_t n;
};

/* Parse the caller's entries (the strings stay the caller's). 0, or
 * AJAR_EINVAL with err naming the bad entry, or AJAR_ENOMEM. */
int creds_init(struct cred_set *set, const struct ajar_credential *c, size_t n,
               char *err, size_t errlen);
void creds_clear(struct cred_set *set);

/* The credentials that may go to endpoint e, and the store they are for
 * (NULL: any a probe recognises). In order: the target's own user:pass@;
 * user/password (the command line's) when the target names e singly (a
 * URL, a DSN, host:port: never an endpoint of a range or a port list);
 * the first entry of set with a target naming e. 0 when none. */
int creds_for(const struct cred_set *set, const char *user, const char *password,
              const struct tgt_endpoint *e, const char **user_out,
              const char **password_out, const char **store_out);

#endif
