/* Target specs, address sets and the lazy endpoint iterator (target.h).
 * Nothing here resolves a name or opens a socket. */
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "ajar/ajar.h"
#include "scan/target.h"

static int fail(char *err, size_t n, int rc, const char *fmt, ...) {
  va_list ap;
  if (err && n) {
    va_start(ap, fmt);
    vsnprintf(err, n, fmt, ap);
    va_end(ap);
  }
  return rc;
}

static char *dupn(const char *s, size_t n) {
  char *d = malloc(n + 1);
  if (d) {
    memcpy(d, s, n);
    d[n] = 0;
  }
  return d;
}

/* ---- ports ------------------------------------------------------------ */
static int port_num(const char *s, size_t n, uint16_t *out) {
  unsigned long v = 0;
  size_t i;
  if (!n || n > 5)
    return -1;
  for (i = 0; i < n; i++) {
    if (!isdigit((unsigned char)s[i]))
      return -1;
    v = v * 10 + (unsigned long)(s[i] - '0');
  }
  if (v < 1 || v > 65535)
    return -1;
  *out = (uint16_t)v;
  return 0;
}

int tgt_ports_parse(struct tgt_ports *p, const char *s, char *err, size_t errlen) {
  const char *item = s;
  memset(p, 0, sizeof *p);
  if (!s || !*s)
    return fail(err, errlen, AJAR_EINVAL, "-p: empty port list");
  for (;;) {
    const char *end = strchr(item, ',');
    size_t n = end ? (size_t)(end - item) : strlen(item);
    const char *dash = memchr(item, '-', n);
    uint16_t lo, hi;
    if (dash) {
      if (port_num(item, (size_t)(dash - item), &lo) ||
          port_num(dash + 1, n - (size_t)(dash - item) - 1, &hi) || hi < lo)
        return fail(err, errlen, AJAR_EINVAL,
                    "-p: '%.*s' is not a port range (LOW-HIGH, 1 to 65535)",
                    (int)n, item);
    } else if (port_num(item, n, &lo)) {
      return fail(err, errlen, AJAR_EINVAL,
                  "-p: '%.*s' is not a port (1 to 65535)", (int)n, item);
    } else {
      hi = lo;
    }
    if (p->n == AJAR_MAX_PORT_RANGES)
      return fail(err, errlen, AJAR_ETOOBIG, "-p: more than %d items",
                  AJAR_MAX_PORT_RANGES);
    p->lo[p->n] = lo;
    p->hi[p->n] = hi;
    p->n++;
    if (!end)
      break;
    item = end + 1;
  }
  return 0;
}

uint32_t tgt_ports_count(const struct tgt_ports *p) {
  uint32_t n = 0;
  size_t i;
  for (i = 0; i < p->n; i++)
    n += (uint32_t)(p->hi[i] - p->lo[i]) + 1;
  return n;
}

static uint16_t ports_at(const struct tgt_ports *p, uint32_t k) {
  size_t i;
  for (i = 0; i < p->n; i++) {
    uint32_t w = (uint32_t)(p->hi[i] - p->lo[i]) + 1;
    if (k < w)
      return (uint16_t)(p->lo[i] + k);
    k -= w;
  }
  return 0;
}

/* ---- addresses --------------------------------------------------------- */
static int addr_parse(struct tgt_addr *a, const char *s, size_t n) {
  char buf[INET6_ADDRSTRLEN + 1];
  memset(a, 0, sizeof *a);
  if (!n || n >= sizeof buf)
    return -1;
  memcpy(buf, s, n);
  buf[n] = 0;
  if (inet_pton(AF_INET, buf, a->a) == 1) {
    a->family = AF_INET;
    return 0;
  }
  if (inet_pton(AF_INET6, buf, a->a) == 1) {
    static const uint8_t mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    a->family = AF_INET6;
    if (!memcmp(a->a, mapped, 12)) { /* ::ffff:a.b.c.d is IPv4 */
      memmove(a->a, a->a + 12, 4);
      memset(a->a + 4, 0, 12);
      a->family = AF_INET;
    }
    return 0;
  }
  return -1;
}

static unsigned addr_bits(int family) { return family == AF_INET ? 32 : 128; }

static void addr_mask(struct tgt_addr *a, unsigned prefix) {
  unsigned i, bytes = addr_bits(a->family) / 8;
  for (i = 0; i < bytes; i++) {
    unsigned keep = prefix >= 8 * (i + 1) ? 8 : prefix > 8 * i ? prefix - 8 * i : 0;
    a->a[i] &= (uint8_t)(0xff00u >> keep);
  }
}

/* a + off, big-endian, within the family's width */
static void addr_add(struct tgt_addr *out, const struct tgt_addr *a, uint64_t off) {
  int i = (int)addr_bits(a->family) / 8 - 1;
  unsigned carry = 0;
  *out = *a;
  for (; i >= 0 && (off || carry); i--) {
    unsigned v = out->a[i] + (unsigned)(off & 0xff) + carry;
    out->a[i] = (uint8_t)v;
    carry = v >> 8;
    off >>= 8;
  }
}

void tgt_addr_str(const struct tgt_addr *a, char *buf, size_t n) {
  if (!inet_ntop(a->family, a->a, buf, (socklen_t)n) && n)
    snprintf(buf, n, "?");
}

int tgt_addr_from_sockaddr(struct tgt_addr *out, const struct sockaddr *sa) {
  memset(out, 0, sizeof *out);
  if (sa->sa_family == AF_INET) {
    out->family = AF_INET;
    memcpy(out->a, &((const struct sockaddr_in *)sa)->sin_addr, 4);
    return 0;
  }
  if (sa->sa_family == AF_INET6) {
    char s[INET6_ADDRSTRLEN];
    inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, s, sizeof s);
    return addr_parse(out, s, strlen(s)); /* folds IPv4-mapped */
  }
  return -1;
}

static int net_has(const struct tgt_net *net, const struct tgt_addr *a) {
  struct tgt_addr m;
  if (net->base.family != a->family)
    return 0;
  m = *a;
  addr_mask(&m, net->prefix);
  return !memcmp(m.a, net->base.a, 16);
}

/* "10.0.0.0/8", "2001:db8::/32", or a bare address (full prefix) */
static int cidr_parse(struct tgt_net *net, const char *s, char *err, size_t errlen) {
  const char *slash = strchr(s, '/');
  size_t alen = slash ? (size_t)(slash - s) : strlen(s);
  unsigned long prefix;
  char *end;
  if (addr_parse(&net->base, s, alen))
    return fail(err, errlen, AJAR_EINVAL, "'%s': not an IPv4 or IPv6 address", s);
  if (!slash) {
    net->prefix = addr_bits(net->base.family);
    return 0;
  }
  if (!isdigit((unsigned char)slash[1]))
    return fail(err, errlen, AJAR_EINVAL, "'%s': the prefix length is not a number", s);
  prefix = strtoul(slash + 1, &end, 10);
  if (*end || prefix > addr_bits(net->base.family))
    return fail(err, errlen, AJAR_EINVAL,
                "'%s': the prefix length must be 0 to %u", s,
                addr_bits(net->base.family));
  net->prefix = (unsigned)prefix;
  addr_mask(&net->base, net->prefix);
  return 0;
}

/* letters, digits, '-', '_' and dots; not all digits and dots */
static int host_ok(const char *s, size_t n) {
  size_t i, label = 0;
  int alpha = 0;
  if (!n || n > AJAR_MAX_HOSTNAME)
    return 0;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '.') {
      if (!label)
        return 0;
      label = 0;
      continue;
    }
    if (!isalnum(c) && c != '-' && c != '_')
      return 0;
    if (!isdigit(c))
      alpha = 1;
    if (++label > 63)
      return 0;
  }
  return alpha;
}

/* ---- specs ------------------------------------------------------------- */
static int pct_decode(char **out, const char *s, size_t n) {
  char *d = malloc(n + 1);
  size_t i, k = 0;
  if (!d)
    return AJAR_ENOMEM;
  for (i = 0; i < n; i++) {
    if (s[i] == '%' && i + 2 < n &&
        isxdigit((unsigned char)s[i + 1]) && isxdigit((unsigned char)s[i + 2])) {
      char hex[3] = {s[i + 1], s[i + 2], 0};
      d[k++] = (char)strtoul(hex, NULL, 16);
      i += 2;
    } else {
      d[k++] = s[i];
    }
  }
  d[k] = 0;
  *out = d;
  return 0;
}

/* host or [v6], with an optional :port, into out */
static int hostport_parse(struct tgt_spec *out, const char *s, size_t n,
                          const char *whole, char *err, size_t errlen) {
  const char *h = s, *colon = NULL;
  size_t hn = n;
  if (n && s[0] == '[') {
    const char *close = memchr(s, ']', n);
    if (!close)
      return fail(err, errlen, AJAR_EINVAL, "'%s': missing ']'", whole);
    h = s + 1;
    hn = (size_t)(close - h);
    if (close + 1 < s + n) {
      if (close[1] != ':')
        return fail(err, errlen, AJAR_EINVAL, "'%s': junk after ']'", whole);
      colon = close + 1;
    }
    if (addr_parse(&out->base, h, hn) || out->base.family != AF_INET6)
      return fail(err, errlen, AJAR_EINVAL, "'%s': not an IPv6 address in []", whole);
  } else {
    colon = memchr(s, ':', n);
    if (colon && memchr(colon + 1, ':', n - (size_t)(colon - s) - 1))
      return fail(err, errlen, AJAR_EINVAL,
                  "'%s': an IPv6 address with a port must be written [addr]:port", whole);
    if (colon)
      hn = (size_t)(colon - s);
  }
  if (colon && port_num(colon + 1, n - (size_t)(colon - s) - 1, &out->port))
    return fail(err, errlen, AJAR_EINVAL, "'%s': the port must be 1 to 65535", whole);
  if (h != s || !addr_parse(&out->base, h, hn)) {
    out->kind = TGT_RANGE;
    out->prefix = addr_bits(out->base.family);
    return 0;
  }
  if (!host_ok(h, hn))
    return fail(err, errlen, AJAR_EINVAL,
                "'%s': not an address, CIDR, host name or URL", whole);
  out->kind = TGT_HOST;
  out->host = dupn(h, hn);
  if (!out->host)
    return AJAR_ENOMEM;
  for (char *p = out->host; *p; p++)
    *p = (char)tolower((unsigned char)*p);
  return 0;
}

static const struct {
  const char *scheme;
  int tgt_scheme;
  const char *probe;
  uint16_t port;
} schemes[] = {
    {"http", TGT_SCHEME_HTTP, NULL, 80},
    {"https", TGT_SCHEME_HTTPS, NULL, 443},
    {"elasticsearch", TGT_SCHEME_NONE, "elasticsearch", 9200},
    {"es", TGT_SCHEME_NONE, "elasticsearch", 9200},
    {"opensearch", TGT_SCHEME_NONE, "opensearch", 9200},
    {"kibana", TGT_SCHEME_NONE, "kibana", 5601},
    {"postgresql", TGT_SCHEME_NONE, "postgresql", 5432},
    {"postgres", TGT_SCHEME_NONE, "postgresql", 5432},
    {"mysql", TGT_SCHEME_NONE, "mysql", 3306},
    {"mariadb", TGT_SCHEME_NONE, "mysql", 3306},
    {"couchdb", TGT_SCHEME_NONE, "couchdb", 5984},
    {"clickhouse", TGT_SCHEME_NONE, "clickhouse", 8123},
    {"etcd", TGT_SCHEME_NONE, "etcd", 2379},
    {"mongodb", TGT_SCHEME_NONE, "mongodb", 27017},
    {"redis", TGT_SCHEME_NONE, "redis", 6379},
    {"memcached", TGT_SCHEME_NONE, "memcached", 11211},
    {"s3", TGT_SCHEME_NONE, "s3", 443},
    {"azure", TGT_SCHEME_NONE, "azure_blob", 443},
    {"ftp", TGT_SCHEME_NONE, "ftp", 21},
};

/* the schemes whose URL may carry a path: a bucket, container or
 * directory to start at */
static int takes_path(const char *scheme_probe, int tgt_scheme, const char *path) {
  size_t n = strlen(path);
  if (tgt_scheme != TGT_SCHEME_NONE) /* http(s): a directory, for http_index */
    return path[n - 1] == '/';
  return scheme_probe && (!strcmp(scheme_probe, "s3") ||
                          !strcmp(scheme_probe, "azure_blob") ||
                          !strcmp(scheme_probe, "ftp"));
}

static int url_parse(struct tgt_spec *out, const char *s, const char *sep,
                     char *err, size_t errlen) {
  size_t i, sn = (size_t)(sep - s), an;
  const char *auth = sep + 3, *at, *rest;
  int rc;
  for (i = 0; i < sizeof schemes / sizeof schemes[0]; i++)
    if (strlen(schemes[i].scheme) == sn && !strncasecmp(s, schemes[i].scheme, sn))
      break;
  if (i == sizeof schemes / sizeof schemes[0])
    return fail(err, errlen, AJAR_EINVAL,
                "unknown scheme '%.*s' (http, https, elasticsearch, opensearch, "
                "kibana, postgresql, mysql, couchdb, clickhouse, etcd, mongodb, "
                "redis, memcached, s3, azure, ftp)",
                (int)sn, s);
  an = strcspn(auth, "/?#");
  rest = auth + an;
  /* SQL DSNs may name a database: postgresql://host/db */
  if (*rest == '/' && rest[1] && schemes[i].probe &&
      (!strcmp(schemes[i].probe, "postgresql") || !strcmp(schemes[i].probe, "mysql")) &&
      strspn(rest + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                       "0123456789_-$") == strlen(rest + 1) && strlen(rest + 1) < 64) {
    if (!(out->database = dupn(rest + 1, strlen(rest + 1))))
      return AJAR_ENOMEM;
  } else if (*rest == '/' && rest[1] && !strpbrk(rest, "?#") &&
             strlen(rest) < AJAR_MAX_TARGET_PATH &&
             takes_path(schemes[i].probe, schemes[i].tgt_scheme, rest)) {
    if ((rc = pct_decode(&out->path, rest, strlen(rest))))
      return rc;
  } else if (*rest && strcmp(rest, "/"))
    return fail(err, errlen, AJAR_EINVAL,
                "'%.*s://...': a path or query is not supported, give scheme://host:port "
                "(s3://, azure://, ftp://: a bucket, container or directory; "
                "http(s)://: a directory, ending in '/')",
                (int)sn, s);
  at = NULL;
  for (const char *p = auth; p < auth + an; p++)
    if (*p == '@')
      at = p;
  if (at) {
    const char *colon = memchr(auth, ':', (size_t)(at - auth));
    size_t un = colon ? (size_t)(colon - auth) : (size_t)(at - auth);
    rc = pct_decode(&out->user, auth, un);
    if (!rc && colon)
      rc = pct_decode(&out->password, colon + 1, (size_t)(at - colon - 1));
    if (rc)
      return rc;
    an -= (size_t)(at + 1 - auth);
    auth = at + 1;
  }
  /* never echo the userinfo back in an error: pass the scheme only */
  {
    char shown[32];
    snprintf(shown, sizeof shown, "%.*s://...", (int)(sn < 20 ? sn : 20), s);
    rc = hostport_parse(out, auth, an, at ? shown : s, err, errlen);
  }
  if (rc)
    return rc;
  out->scheme = schemes[i].tgt_scheme;
  out->probe = schemes[i].probe;
  /* s3://bucket@host:port names a bucket, not a user (no password) */
  if (out->probe && !strcmp(out->probe, "s3") && out->user && !out->password) {
    size_t bn = strlen(out->user);
    char *p = malloc(bn + 2);
    if (!p)
      return AJAR_ENOMEM;
    snprintf(p, bn + 2, "/%s", out->user);
    free(out->path);
    out->path = p;
    free(out->user);
    out->user = NULL;
  }
  if (!out->port)
    out->port = schemes[i].port;
  return 0;
}

int tgt_spec_parse(struct tgt_spec *out, const char *s, char *err, size_t errlen) {
  const char *sep;
  size_t n;
  int rc;
  memset(out, 0, sizeof *out);
  while (s && isspace((unsigned char)*s))
    s++;
  if (!s || !*s)
    return fail(err, errlen, AJAR_EINVAL, "empty target");
  n = strlen(s);
  while (n && isspace((unsigned char)s[n - 1]))
    n--;
  if (memchr(s, ' ', n) || memchr(s, '\t', n))
    return fail(err, errlen, AJAR_EINVAL, "'%s': a target has no spaces", s);
  sep = strstr(s, "://");
  if (!sep && memchr(s, '@', n)) /* never echo what may be a password */
    return fail(err, errlen, AJAR_EINVAL,
                "a target with user:password@ must be a URL or DSN "
                "(scheme://user:pass@host:port)");
  if (sep) {
    rc = url_parse(out, s, sep, err, errlen);
  } else if (memchr(s, '/', n)) {
    struct tgt_net net;
    char *c = dupn(s, n);
    if (!c)
      return AJAR_ENOMEM;
    rc = cidr_parse(&net, c, err, errlen);
    if (!rc && addr_bits(net.base.family) - net.prefix > AJAR_MAX_RANGE_BITS)
      rc = fail(err, errlen, AJAR_ETOOBIG,
                "'%s': range too large (2^%u addresses; the most is 2^%d, "
                "a /%u: split it)", c, addr_bits(net.base.family) - net.prefix,
                AJAR_MAX_RANGE_BITS,
                addr_bits(net.base.family) - AJAR_MAX_RANGE_BITS);
    free(c);
    if (!rc) {
      out->kind = TGT_RANGE;
      out->base = net.base;
      out->prefix = net.prefix;
    }
  } else {
    char *c = dupn(s, n);
    struct tgt_addr a;
    if (!c)
      return AJAR_ENOMEM;
    if (!addr_parse(&a, c, n)) { /* a bare IPv6 address has colons too */
      out->kind = TGT_RANGE;
      out->base = a;
      out->prefix = addr_bits(a.family);
      rc = 0;
    } else {
      rc = hostport_parse(out, c, n, c, err, errlen);
    }
    free(c);
  }
  if (rc)
    tgt_spec_clear(out);
  return rc;
}

void tgt_spec_clear(struct tgt_spec *s) {
  if (!s)
    return;
  free(s->host);
  free(s->database);
  free(s->path);
  if (s->password)
    memset(s->password, 0, strlen(s->password));
  free(s->password);
  free(s->user);
  memset(s, 0, sizeof *s);
}

uint64_t tgt_spec_addresses(const struct tgt_spec *s) {
  if (s->kind == TGT_HOST)
    return 1;
  return (uint64_t)1 << (addr_bits(s->base.family) - s->prefix);
}

void tgt_endpoint_host(const struct tgt_endpoint *e, char *buf, size_t n) {
  if (e->spec->kind == TGT_HOST)
    snprintf(buf, n, "%s", e->spec->host);
  else
    tgt_addr_str(&e->addr, buf, n);
}

void tgt_endpoint_name(const struct tgt_endpoint *e, char *buf, size_t n) {
  char h[AJAR_MAX_HOSTNAME + 1];
  /* the scheme as written (azure://), where it is not the probe's name */
  const char *scheme = e->spec->probe && !strcmp(e->spec->probe, "azure_blob") ? "azure"
                       : e->spec->probe ? e->spec->probe
                       : e->spec->scheme == TGT_SCHEME_HTTP  ? "http"
                       : e->spec->scheme == TGT_SCHEME_HTTPS ? "https"
                                                             : NULL;
  int v6 = e->spec->kind == TGT_RANGE && e->addr.family == AF_INET6;
  tgt_endpoint_host(e, h, sizeof h);
  snprintf(buf, n, "%s%s%s%s%s:%u", scheme ? scheme : "", scheme ? "://" : "",
           v6 ? "[" : "", h, v6 ? "]" : "", e->port);
}

/* ---- sets -------------------------------------------------------------- */
int tgt_netset_add_addr(struct tgt_netset *set, const struct tgt_addr *a) {
  if (set->n == set->cap) {
    size_t nc = set->cap ? set->cap * 2 : 8;
    struct tgt_net *nn;
    if (set->n >= AJAR_MAX_NETSET)
      return AJAR_ETOOBIG;
    nn = realloc(set->nets, nc * sizeof *nn);
    if (!nn)
      return AJAR_ENOMEM;
    set->nets = nn;
    set->cap = nc;
  }
  set->nets[set->n].base = *a;
  set->nets[set->n].prefix = addr_bits(a->family);
  set->n++;
  return 0;
}

int tgt_netset_add(struct tgt_netset *set, const char *s, int hosts_ok,
                   char *err, size_t errlen) {
  struct tgt_net net;
  size_t n;
  int rc;
  while (isspace((unsigned char)*s))
    s++;
  n = strlen(s);
  while (n && isspace((unsigned char)s[n - 1]))
    n--;
  if (!n)
    return fail(err, errlen, AJAR_EINVAL, "empty entry");
  {
    char *c = dupn(s, n);
    if (!c)
      return AJAR_ENOMEM;
    rc = cidr_parse(&net, c, NULL, 0);
    if (rc && hosts_ok && !strchr(c, '/') && host_ok(c, n)) {
      if (set->n_hosts == set->cap_hosts) {
        size_t nc = set->cap_hosts ? set->cap_hosts * 2 : 4;
        char **nh = set->n_hosts >= AJAR_MAX_NETSET
                        ? NULL : realloc(set->hosts, nc * sizeof *nh);
        if (!nh) {
          free(c);
          return set->n_hosts >= AJAR_MAX_NETSET ? AJAR_ETOOBIG : AJAR_ENOMEM;
        }
        set->hosts = nh;
        set->cap_hosts = nc;
      }
      for (char *p = c; *p; p++)
        *p = (char)tolower((unsigned char)*p);
      set->hosts[set->n_hosts++] = c;
      return 0;
    }
    if (rc) {
      rc = fail(err, errlen, AJAR_EINVAL, "'%s': not an address, CIDR%s", c,
                hosts_ok ? " or host name" : "");
      free(c);
      return rc;
    }
    free(c);
  }
  rc = tgt_netset_add_addr(set, &net.base);
  if (!rc)
    set->nets[set->n - 1].prefix = net.prefix;
  else if (rc == AJAR_ETOOBIG)
    fail(err, errlen, rc, "more than %d entries", AJAR_MAX_NETSET);
  return rc;
}

void tgt_netset_clear(struct tgt_netset *set) {
  size_t i;
  if (!set)
    return;
  for (i = 0; i < set->n_hosts; i++)
    free(set->hosts[i]);
  free(set->hosts);
  free(set->nets);
  memset(set, 0, sizeof *set);
}

int tgt_netset_has_addr(const struct tgt_netset *set, const struct tgt_addr *a) {
  size_t i;
  for (i = 0; i < set->n; i++)
    if (net_has(&set->nets[i], a))
      return 1;
  return 0;
}

int tgt_netset_has_host(const struct tgt_netset *set, const char *host) {
  size_t i;
  for (i = 0; i < set->n_hosts; i++)
    if (!strcasecmp(set->hosts[i], host))
      return 1;
  return 0;
}

/* ---- which addresses may be contacted ---------------------------------- */
/* loopback, private, shared (CGNAT) and link-local networks: "local" */
static const char *const local_nets[] = {
    "0.0.0.0/8",      "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
    "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16",
    "::/128",         "::1/128",    "fc00::/7",      "fe80::/10",
};

int tgt_addr_is_public(const struct tgt_addr *a) {
  size_t i;
  for (i = 0; i < sizeof local_nets / sizeof local_nets[0]; i++) {
    struct tgt_net net;
    if (!cidr_parse(&net, local_nets[i], NULL, 0) && net_has(&net, a))
      return 0;
  }
  return 1;
}

int tgt_policy_check(const struct tgt_policy *p, const struct tgt_addr *a,
                     char *why, size_t n) {
  char s[INET6_ADDRSTRLEN];
  if (!p)
    return 0;
  tgt_addr_str(a, s, sizeof s);
  if (p->exclude && tgt_netset_has_addr(p->exclude, a)) {
    snprintf(why, n, "%s is excluded (--exclude)", s);
    return AJAR_ESCOPE;
  }
  if (p->scope && !tgt_netset_has_addr(p->scope, a)) {
    snprintf(why, n, "%s is outside the scope", s);
    return AJAR_ESCOPE;
  }
  if (!p->scope && !p->authorized && tgt_addr_is_public(a)) {
    snprintf(why, n, "%s is a public address outside the scope: name it in "
             "a --scope file, or pass --authorized", s);
    return AJAR_ESCOPE;
  }
  return 0;
}

/* ---- the list and its iterator ---------------------------------------- */
int tgt_list_init(struct tgt_list *l, const char *const *specs, size_t n,
                  const char *ports, const char *const *exclude,
                  size_t n_exclude, const uint16_t *defaults,
                  char *err, size_t errlen) {
  size_t i;
  int rc = 0;
  memset(l, 0, sizeof *l);
  if (ports && (rc = tgt_ports_parse(&l->ports, ports, err, errlen)))
    return rc;
  for (i = 0; defaults && defaults[i] && l->defaults.n < AJAR_MAX_PORT_RANGES; i++) {
    size_t k;
    for (k = 0; k < l->defaults.n && l->defaults.lo[k] != defaults[i]; k++)
      ;
    if (k == l->defaults.n) {
      l->defaults.lo[k] = l->defaults.hi[k] = defaults[i];
      l->defaults.n++;
    }
  }
  for (i = 0; i < n_exclude; i++) {
    char e[AJAR_MAX_ERROR];
    if ((rc = tgt_netset_add(&l->exclude, exclude[i], 1, e, sizeof e))) {
      fail(err, errlen, rc, "--exclude: %s", e);
      goto out;
    }
  }
  l->specs = calloc(n ? n : 1, sizeof *l->specs);
  if (!l->specs) {
    rc = AJAR_ENOMEM;
    goto out;
  }
  for (i = 0; i < n; i++) {
    if ((rc = tgt_spec_parse(&l->specs[i], specs[i], err, errlen)))
      goto out;
    l->n++;
  }
out:
  if (rc)
    tgt_list_clear(l);
  return rc;
}

void tgt_list_clear(struct tgt_list *l) {
  size_t i;
  if (!l)
    return;
  for (i = 0; i < l->n; i++)
    tgt_spec_clear(&l->specs[i]);
  free(l->specs);
  tgt_netset_clear(&l->exclude);
  memset(l, 0, sizeof *l);
}

static const struct tgt_ports *spec_ports(const struct tgt_list *l,
                                          const struct tgt_spec *s,
                                          struct tgt_ports *one) {
  if (s->port) {
    one->n = 1;
    one->lo[0] = one->hi[0] = s->port;
    return one;
  }
  return l->ports.n ? &l->ports : &l->defaults;
}

uint64_t tgt_list_total(const struct tgt_list *l) {
  uint64_t total = 0;
  size_t i;
  for (i = 0; i < l->n; i++) {
    struct tgt_ports one;
    uint64_t k = tgt_spec_addresses(&l->specs[i]) *
                 tgt_ports_count(spec_ports(l, &l->specs[i], &one));
    total = total + k < total ? UINT64_MAX : total + k;
  }
  return total;
}

uint64_t tgt_spec_endpoints(const struct tgt_list *l, size_t i) {
  struct tgt_ports one;
  return tgt_spec_addresses(&l->specs[i]) *
         tgt_ports_count(spec_ports(l, &l->specs[i], &one));
}

int tgt_spec_endpoint(const struct tgt_list *l, size_t i, uint64_t k,
                      struct tgt_endpoint *e) {
  const struct tgt_spec *s = &l->specs[i];
  struct tgt_ports one;
  const struct tgt_ports *p = spec_ports(l, s, &one);
  uint64_t na = tgt_spec_addresses(s);
  memset(e, 0, sizeof *e);
  e->spec = s;
  if (s->kind == TGT_RANGE)
    addr_add(&e->addr, &s->base, k % na);
  e->port = ports_at(p, (uint32_t)(k / na));
  e->single = na == 1 && tgt_ports_count(p) == 1;
  return (s->kind == TGT_RANGE && tgt_netset_has_addr(&l->exclude, &e->addr)) ||
         (s->kind == TGT_HOST && tgt_netset_has_host(&l->exclude, s->host));
}

void tgt_iter_init(struct tgt_iter *it, const struct tgt_list *l) {
  memset(it, 0, sizeof *it);
  it->l = l;
}

int tgt_iter_next(struct tgt_iter *it, struct tgt_endpoint *e, uint64_t *skipped) {
  while (it->spec < it->l->n) {
    const struct tgt_spec *s = &it->l->specs[it->spec];
    struct tgt_ports one;
    const struct tgt_ports *p = spec_ports(it->l, s, &one);
    uint32_t np = tgt_ports_count(p);
    uint64_t na = tgt_spec_addresses(s);
    if (it->addr >= na || !np) {
      it->spec++;
      it->addr = 0;
      it->port = 0;
      continue;
    }
    memset(e, 0, sizeof *e);
    e->spec = s;
    if (s->kind == TGT_RANGE)
      addr_add(&e->addr, &s->base, it->addr);
    if ((s->kind == TGT_RANGE && tgt_netset_has_addr(&it->l->exclude, &e->addr)) ||
        (s->kind == TGT_HOST && tgt_netset_has_host(&it->l->exclude, s->host))) {
      if (skipped)
        *skipped += np - it->port;
      it->addr++;
      it->port = 0;
      continue;
    }
    e->port = ports_at(p, it->port);
    e->single = na == 1 && np == 1;
    if (++it->port == np) {
      it->port = 0;
      it->addr++;
    }
    return 1;
  }
  return 0;
}
