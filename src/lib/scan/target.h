/* Internal: target specs, address sets and the lazy endpoint iterator.
 *
 * A spec is what the user wrote (an address, a CIDR, a host name, a
 * host:port, a URL or a DSN). The iterator walks spec x address x port
 * one endpoint at a time, so a /16 never exists in memory. Parsing never
 * resolves names and never touches the network. */
#ifndef AJAR_SCAN_TARGET_H
#define AJAR_SCAN_TARGET_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include "ajar_limits.h"

enum tgt_kind { TGT_RANGE, TGT_HOST };
enum tgt_scheme { TGT_SCHEME_NONE, TGT_SCHEME_HTTP, TGT_SCHEME_HTTPS };

struct tgt_addr {
  int family;            /* AF_INET or AF_INET6 */
  uint8_t a[16];         /* network order; IPv4 in a[0..3] */
};

struct tgt_spec {
  int kind;              /* enum tgt_kind */
  struct tgt_addr base;  /* TGT_RANGE: the network address */
  unsigned prefix;       /* TGT_RANGE: prefix length */
  char *host;            /* TGT_HOST: the name, lower case */
  uint16_t port;         /* 0: from -p, the scheme or the probes' ports */
  int scheme;            /* enum tgt_scheme */
  const char *probe;     /* DSN: "elasticsearch", "opensearch", "kibana",
                            "postgresql", "mysql", ... (a probe's name) */
  char *user, *password; /* userinfo of a URL or DSN (decoded), or NULL */
  char *database;        /* postgresql:// or mysql:// DSN path, or NULL */
  char *path;            /* s3://, azure://, ftp://, http(s):// URL path
                            (decoded, with its leading '/'): the bucket,
                            container or directory to start at, or NULL */
};

struct tgt_ports {
  uint16_t lo[AJAR_MAX_PORT_RANGES], hi[AJAR_MAX_PORT_RANGES];
  size_t n;
};

struct tgt_net {
  struct tgt_addr base;
  unsigned prefix;
};

/* A set of networks (and, for --exclude, host names): --exclude, --scope */
struct tgt_netset {
  struct tgt_net *nets;
  size_t n, cap;
  char **hosts;
  size_t n_hosts, cap_hosts;
};

struct tgt_list {
  struct tgt_spec *specs;
  size_t n;
  struct tgt_ports ports;     /* -p; n == 0 when not given */
  struct tgt_ports defaults;  /* every probe's default ports */
  struct tgt_netset exclude;
};

/* one endpoint to audit */
struct tgt_endpoint {
  const struct tgt_spec *spec;
  struct tgt_addr addr;       /* TGT_RANGE */
  uint16_t port;
  int single;                 /* the spec names exactly this endpoint */
};

struct tgt_iter {
  const struct tgt_list *l;
  size_t spec;
  uint64_t addr;              /* offset inside the spec's range */
  uint32_t port;              /* offset inside the spec's port list */
};

/* Parse "9200,19200,9000-9010" into p. 0, or AJAR_EINVAL with err set. */
int tgt_ports_parse(struct tgt_ports *p, const char *s, char *err, size_t errlen);
uint32_t tgt_ports_count(const struct tgt_ports *p);

/* Parse one spec. 0, or AJAR_EINVAL / AJAR_ETOOBIG with a one-line err.
 * Fills out (free its strings with tgt_spec_clear). */
int tgt_spec_parse(struct tgt_spec *out, const char *s, char *err, size_t errlen);
void tgt_spec_clear(struct tgt_spec *s);
/* addresses the spec spans (1 for a host name) */
uint64_t tgt_spec_addresses(const struct tgt_spec *s);
/* "host:port" / "[v6]:port" / "https://host:port", never userinfo */
void tgt_endpoint_name(const struct tgt_endpoint *e, char *buf, size_t n);
/* the address or host part alone ("10.0.0.1", "::1", "db.example") */
void tgt_endpoint_host(const struct tgt_endpoint *e, char *buf, size_t n);

/* Add an address, CIDR or (when hosts_ok) host name to a set. */
int tgt_netset_add(struct tgt_netset *set, const char *s, int hosts_ok,
                   char *err, size_t errlen);
int tgt_netset_add_addr(struct tgt_netset *set, const struct tgt_addr *a);
void tgt_netset_clear(struct tgt_netset *set);
int tgt_netset_has_addr(const struct tgt_netset *set, const struct tgt_addr *a);
int tgt_netset_has_host(const struct tgt_netset *set, const char *host);
/* a sockaddr as a tgt_addr (IPv4-mapped IPv6 becomes IPv4); -1 if neither */
int tgt_addr_from_sockaddr(struct tgt_addr *out, const struct sockaddr *sa);
void tgt_addr_str(const struct tgt_addr *a, char *buf, size_t n);

/* Which addresses a connection may use: not in exclude; inside scope
 * when there is one; with no scope, only local addresses (loopback,
 * private, shared and link-local networks) unless authorized. */
struct tgt_policy {
  const struct tgt_netset *scope;   /* NULL: no scope */
  const struct tgt_netset *exclude; /* NULL: nothing excluded */
  int authorized;                   /* the user says public targets are theirs */
};
/* 0 when a may be contacted, else AJAR_ESCOPE with why (one line, "A is
 * outside the scope") */
int tgt_policy_check(const struct tgt_policy *p, const struct tgt_addr *a,
                     char *why, size_t n);
/* 1 when a is outside loopback, private, shared and link-local networks */
int tgt_addr_is_public(const struct tgt_addr *a);

/* Resolve host by the monotonic deadline (ms, ajar_now_ms) into out:
 * every address once (exact comparison), at most cap. 0; AJAR_ETIMEDOUT,
 * AJAR_ECONNECT (no such name, no address) with err set; AJAR_ENOMEM. */
int tgt_resolve(const char *host, int64_t deadline, struct tgt_addr *out,
                size_t cap, size_t *n, char *err, size_t errlen);
/* add a to out[*n] unless it is there (exact) or out is full: 1 if added */
int tgt_addrs_add(struct tgt_addr *out, size_t cap, size_t *n,
                  const struct tgt_addr *a);

/* Parse every spec. defaults: the probes' ports, 0-terminated. */
int tgt_list_init(struct tgt_list *l, const char *const *specs, size_t n,
                  const char *ports, const char *const *exclude,
                  size_t n_exclude, const uint16_t *defaults,
                  char *err, size_t errlen);
void tgt_list_clear(struct tgt_list *l);
/* endpoints the list spans before exclusions (saturates at UINT64_MAX) */
uint64_t tgt_list_total(const struct tgt_list *l);

/* Random access, for scan/order.c: the endpoints of spec i (addresses x
 * ports), and its endpoint number k of them (addresses vary fastest).
 * tgt_spec_endpoint returns 1 when that endpoint is excluded, else 0. */
uint64_t tgt_spec_endpoints(const struct tgt_list *l, size_t i);
int tgt_spec_endpoint(const struct tgt_list *l, size_t i, uint64_t k,
                      struct tgt_endpoint *e);

void tgt_iter_init(struct tgt_iter *it, const struct tgt_list *l);
/* The next endpoint not excluded: 1, or 0 at the end. *skipped counts
 * the excluded endpoints passed over (for progress). */
int tgt_iter_next(struct tgt_iter *it, struct tgt_endpoint *e, uint64_t *skipped);

#endif
