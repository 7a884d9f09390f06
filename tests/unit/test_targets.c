/* Unit tests for src/lib/scan/target.c: specs, ports, sets, the lazy
 * iterator. Nothing here resolves a name or opens a socket. */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "ajar/ajar.h"
#include "probe/probe.h"
#include "scan/target.h"
#include "unit.h"

struct spec_case {
  const char *in;
  int rc;                 /* 0 or the error */
  int kind;
  const char *addr;       /* base address, TGT_RANGE */
  unsigned prefix;
  const char *host;       /* TGT_HOST */
  unsigned port;
  int scheme;
  const char *probe;
  const char *user, *password;
  const char *path;       /* the URL's path, or NULL */
};

#define OK_RANGE(s, a, p, port) {s, 0, TGT_RANGE, a, p, NULL, port, 0, NULL, NULL, NULL}
#define OK_HOST(s, h, port) {s, 0, TGT_HOST, NULL, 0, h, port, 0, NULL, NULL, NULL}
#define BAD(s, rc) {s, rc, 0, NULL, 0, NULL, 0, 0, NULL, NULL, NULL}

static const struct spec_case specs[] = {
    OK_RANGE("127.0.0.1", "127.0.0.1", 32, 0),
    OK_RANGE("  10.1.2.3  ", "10.1.2.3", 32, 0),
    OK_RANGE("10.1.2.3:9200", "10.1.2.3", 32, 9200),
    OK_RANGE("10.1.2.3/24", "10.1.2.0", 24, 0),       /* host bits masked */
    OK_RANGE("127.0.0.0/16", "127.0.0.0", 16, 0),
    OK_RANGE("10.0.0.0/8", "10.0.0.0", 8, 0),          /* 2^24: the most */
    OK_RANGE("::1", "::1", 128, 0),
    OK_RANGE("[::1]:9200", "::1", 128, 9200),
    OK_RANGE("[::1]", "::1", 128, 0),
    OK_RANGE("2001:db8::/120", "2001:db8::", 120, 0),
    OK_RANGE("2001:db8::ff/104", "2001:db8::", 104, 0),
    OK_RANGE("fe80::1:2:3:4/126", "fe80::1:2:3:4", 126, 0),
    OK_RANGE("::ffff:192.0.2.7", "192.0.2.7", 32, 0),  /* mapped = IPv4 */
    OK_RANGE("::1:80", "::0.1.0.128", 128, 0),         /* an address, no port */
    OK_HOST("localhost", "localhost", 0),
    OK_HOST("DB-1.Example.org:9201", "db-1.example.org", 9201),
    OK_HOST("es_node", "es_node", 0),
    {"http://127.0.0.1:19200", 0, TGT_RANGE, "127.0.0.1", 32, NULL, 19200,
     TGT_SCHEME_HTTP, NULL, NULL, NULL},
    {"https://[::1]", 0, TGT_RANGE, "::1", 128, NULL, 443, TGT_SCHEME_HTTPS,
     NULL, NULL, NULL},
    {"http://es.example/", 0, TGT_HOST, NULL, 0, "es.example", 80,
     TGT_SCHEME_HTTP, NULL, NULL, NULL},
    {"elasticsearch://elastic:ch%40nge:me@10.0.0.5:9200", 0, TGT_RANGE,
     "10.0.0.5", 32, NULL, 9200, TGT_SCHEME_NONE, "elasticsearch", "elastic",
     "ch@nge:me"},
    {"opensearch://admin@h1", 0, TGT_HOST, NULL, 0, "h1", 9200,
     TGT_SCHEME_NONE, "opensearch", "admin", NULL},
    {"kibana://127.0.0.1", 0, TGT_RANGE, "127.0.0.1", 32, NULL, 5601,
     TGT_SCHEME_NONE, "kibana", NULL, NULL},
    {"https://u:p@w@127.0.0.1:9", 0, TGT_RANGE, "127.0.0.1", 32, NULL, 9,
     TGT_SCHEME_HTTPS, NULL, "u", "p@w"},              /* last '@' splits */
    /* object stores and file servers: a bucket, container or directory */
    {"s3://exports@127.0.0.1:9000", 0, TGT_RANGE, "127.0.0.1", 32, NULL, 9000,
     TGT_SCHEME_NONE, "s3", NULL, NULL, "/exports"},   /* bucket@, no password */
    {"s3://AKID:s3cr%2Ft@minio.example/exports", 0, TGT_HOST, NULL, 0,
     "minio.example", 443, TGT_SCHEME_NONE, "s3", "AKID", "s3cr/t", "/exports"},
    {"azure://127.0.0.1:10000/devstoreaccount1/pub", 0, TGT_RANGE, "127.0.0.1", 32,
     NULL, 10000, TGT_SCHEME_NONE, "azure_blob", NULL, NULL, "/devstoreaccount1/pub"},
    {"ftp://10.0.0.1/pub%20files", 0, TGT_RANGE, "10.0.0.1", 32, NULL, 21,
     TGT_SCHEME_NONE, "ftp", NULL, NULL, "/pub files"},
    {"http://10.0.0.1:8080/backup/", 0, TGT_RANGE, "10.0.0.1", 32, NULL, 8080,
     TGT_SCHEME_HTTP, NULL, NULL, NULL, "/backup/"},     /* a directory */
    BAD("", AJAR_EINVAL),
    BAD("   ", AJAR_EINVAL),
    BAD("0.0.0.0/0", AJAR_ETOOBIG),                     /* not streamed: refused */
    BAD("10.0.0.0/7", AJAR_ETOOBIG),
    BAD("::/0", AJAR_ETOOBIG),
    BAD("2001:db8::/103", AJAR_ETOOBIG),
    BAD("10.0.0.0/33", AJAR_EINVAL),
    BAD("10.0.0.0/", AJAR_EINVAL),
    BAD("10.0.0.0/-1", AJAR_EINVAL),
    BAD("10.0.0.0/8x", AJAR_EINVAL),
    BAD("::1/129", AJAR_EINVAL),
    BAD("256.1.1.1", AJAR_EINVAL),
    BAD("1.2.3", AJAR_EINVAL),                          /* no inet_aton shorthand */
    BAD("10.0.0.1:0", AJAR_EINVAL),
    BAD("10.0.0.1:65536", AJAR_EINVAL),
    BAD("10.0.0.1:", AJAR_EINVAL),
    BAD("host:http", AJAR_EINVAL),
    BAD("[::1", AJAR_EINVAL),
    BAD("[::1]x", AJAR_EINVAL),
    BAD("[10.0.0.1]:80", AJAR_EINVAL),
    BAD("a b", AJAR_EINVAL),
    BAD("bad!host", AJAR_EINVAL),
    BAD("gopher://10.0.0.1", AJAR_EINVAL),
    BAD("http://10.0.0.1/_cat/indices", AJAR_EINVAL),
    BAD("http://", AJAR_EINVAL),
    BAD("user:secret@10.0.0.1", AJAR_EINVAL),
    BAD("http://u:secret@10.0.0.1:99999", AJAR_EINVAL),
};

static void test_specs(void) {
  size_t i;
  for (i = 0; i < sizeof specs / sizeof specs[0]; i++) {
    const struct spec_case *c = &specs[i];
    struct tgt_spec s;
    char err[AJAR_MAX_ERROR] = "";
    int rc = tgt_spec_parse(&s, c->in, err, sizeof err);
    CHECKF(rc == c->rc, "'%s' rc %d want %d (%s)", c->in, rc, c->rc, err);
    if (rc) {
      /* one line, never the password */
      CHECKF(err[0] && !strchr(err, '\n'), "'%s' has a one-line error", c->in);
      CHECKF(!strstr(err, "secret"), "'%s' error echoes a password: %s", c->in, err);
      continue;
    }
    CHECKF(s.kind == c->kind, "'%s' kind %d", c->in, s.kind);
    if (c->kind == TGT_RANGE) {
      char a[64];
      tgt_addr_str(&s.base, a, sizeof a);
      CHECKF(!strcmp(a, c->addr), "'%s' base %s want %s", c->in, a, c->addr);
      CHECKF(s.prefix == c->prefix, "'%s' prefix %u", c->in, s.prefix);
    } else {
      CHECKF(s.host && !strcmp(s.host, c->host), "'%s' host %s", c->in, s.host);
    }
    CHECKF(s.port == c->port, "'%s' port %u want %u", c->in, s.port, c->port);
    CHECKF(s.scheme == c->scheme, "'%s' scheme %d", c->in, s.scheme);
    CHECKF((!s.probe && !c->probe) || (s.probe && c->probe && !strcmp(s.probe, c->probe)),
           "'%s' probe %s", c->in, s.probe ? s.probe : "-");
    CHECKF((!s.user && !c->user) || (s.user && c->user && !strcmp(s.user, c->user)),
           "'%s' user", c->in);
    CHECKF((!s.password && !c->password) ||
           (s.password && c->password && !strcmp(s.password, c->password)),
           "'%s' password", c->in);
    CHECKF((!s.path && !c->path) || (s.path && c->path && !strcmp(s.path, c->path)),
           "'%s' path %s", c->in, s.path ? s.path : "-");
    tgt_spec_clear(&s);
  }
}

static void test_ports(void) {
  struct tgt_ports p;
  char err[AJAR_MAX_ERROR];
  CHECK(!tgt_ports_parse(&p, "9200,19200,9000-9010", err, sizeof err));
  CHECK(p.n == 3 && tgt_ports_count(&p) == 13);
  CHECK(!tgt_ports_parse(&p, "1-65535", err, sizeof err) && tgt_ports_count(&p) == 65535);
  CHECK(tgt_ports_parse(&p, "", err, sizeof err) == AJAR_EINVAL);
  CHECK(tgt_ports_parse(&p, "80,", err, sizeof err) == AJAR_EINVAL);
  CHECK(tgt_ports_parse(&p, "80,,81", err, sizeof err) == AJAR_EINVAL);
  CHECK(tgt_ports_parse(&p, "-80", err, sizeof err) == AJAR_EINVAL);
  CHECK(tgt_ports_parse(&p, "90-80", err, sizeof err) == AJAR_EINVAL);
  CHECK(tgt_ports_parse(&p, "70000", err, sizeof err) == AJAR_EINVAL);
  CHECK(tgt_ports_parse(&p, "0", err, sizeof err) == AJAR_EINVAL);
  CHECK(tgt_ports_parse(&p, "80 ", err, sizeof err) == AJAR_EINVAL);
  CHECK(strstr(err, "'80 '") != NULL);
}

static struct tgt_addr A(const char *s) {
  struct tgt_addr a;
  memset(&a, 0, sizeof a);
  a.family = strchr(s, ':') ? AF_INET6 : AF_INET;
  inet_pton(a.family, s, a.a);
  return a;
}

static void test_sets(void) {
  struct tgt_netset set;
  struct tgt_addr a;
  char err[AJAR_MAX_ERROR];
  memset(&set, 0, sizeof set);
  CHECK(!tgt_netset_add(&set, "10.0.0.0/8", 0, err, sizeof err));
  CHECK(!tgt_netset_add(&set, "10.1.0.0/16", 0, err, sizeof err)); /* overlaps */
  CHECK(!tgt_netset_add(&set, "2001:db8::/32", 0, err, sizeof err));
  CHECK(!tgt_netset_add(&set, " 192.0.2.1 ", 0, err, sizeof err));
  CHECK(tgt_netset_add(&set, "db.example", 0, err, sizeof err) == AJAR_EINVAL);
  CHECK(!tgt_netset_add(&set, "db.example", 1, err, sizeof err));
  CHECK(tgt_netset_add(&set, "10.0.0.0/40", 1, err, sizeof err) == AJAR_EINVAL);
  a = A("10.255.255.255"); CHECK(tgt_netset_has_addr(&set, &a));
  a = A("11.0.0.0");       CHECK(!tgt_netset_has_addr(&set, &a));
  a = A("192.0.2.1");      CHECK(tgt_netset_has_addr(&set, &a));
  a = A("192.0.2.2");      CHECK(!tgt_netset_has_addr(&set, &a));
  a = A("2001:db8:ffff::1"); CHECK(tgt_netset_has_addr(&set, &a));
  a = A("2001:db9::1");    CHECK(!tgt_netset_has_addr(&set, &a));
  a = A("::a00:1");        CHECK(!tgt_netset_has_addr(&set, &a)); /* not 10.0.0.1 */
  CHECK(tgt_netset_has_host(&set, "DB.example"));
  CHECK(!tgt_netset_has_host(&set, "example"));
  tgt_netset_clear(&set);
  tgt_netset_clear(&set); /* twice is fine */
  memset(&set, 0, sizeof set);
  CHECK(!tgt_netset_add(&set, "0.0.0.0/0", 0, err, sizeof err)); /* a scope may be /0 */
  a = A("203.0.113.9");    CHECK(tgt_netset_has_addr(&set, &a));
  a = A("::1");            CHECK(!tgt_netset_has_addr(&set, &a));
  tgt_netset_clear(&set);
}

static const uint16_t defaults[] = {9200, 5601, 9200, 0};

static size_t count_all(const char *const *t, size_t n, const char *ports,
                        const char *const *ex, size_t nex, uint64_t *skipped,
                        char *first, char *last) {
  struct tgt_list l;
  struct tgt_iter it;
  struct tgt_endpoint e;
  char err[AJAR_MAX_ERROR];
  size_t got = 0;
  if (tgt_list_init(&l, t, n, ports, ex, nex, defaults, err, sizeof err))
    return (size_t)-1;
  tgt_iter_init(&it, &l);
  *skipped = 0;
  while (tgt_iter_next(&it, &e, skipped)) {
    if (!got && first)
      tgt_endpoint_name(&e, first, 64);
    if (last)
      tgt_endpoint_name(&e, last, 64);
    got++;
  }
  tgt_list_clear(&l);
  return got;
}

static void test_iterator(void) {
  uint64_t skipped;
  char first[64], last[64];
  const char *t1[] = {"127.0.0.0/16"};
  const char *t2[] = {"10.0.0.0/30", "10.0.0.2", "h.example:81"};
  const char *ex2[] = {"10.0.0.0/31", "10.0.0.1", "h.example"}; /* overlapping */
  const char *t3[] = {"2001:db8::fe/127", "[::1]:9"};
  const char *t4[] = {"elasticsearch://u:p@10.9.9.9"};
  const char *t5[] = {"10.0.0.255/31"};
  struct tgt_list l;
  char err[AJAR_MAX_ERROR];

  /* a /16 on two ports: streamed, address-major */
  CHECK(count_all(t1, 1, "9200,19200", NULL, 0, &skipped, first, last) == 131072);
  CHECK(!strcmp(first, "127.0.0.0:9200"));
  CHECK(!strcmp(last, "127.0.255.255:19200"));
  CHECK(skipped == 0);
  /* defaults, deduplicated: 9200 and 5601 */
  CHECK(count_all(t2, 1, NULL, NULL, 0, &skipped, first, NULL) == 8);
  /* excludes: 10.0.0.0-1 gone twice over, the host by name; explicit port */
  CHECK(count_all(t2, 3, "80", ex2, 3, &skipped, first, last) == 3);
  CHECK(!strcmp(first, "10.0.0.2:80") && !strcmp(last, "10.0.0.2:80"));
  CHECK(skipped == 3);
  /* IPv6 and its carry; the explicit port wins over -p */
  CHECK(count_all(t3, 2, "1,2", NULL, 0, &skipped, first, last) == 5);
  CHECK(!strcmp(first, "[2001:db8::fe]:1") && !strcmp(last, "[::1]:9"));
  /* a DSN: its own port, no userinfo in the name */
  CHECK(count_all(t4, 1, "1-100", NULL, 0, &skipped, first, NULL) == 1);
  CHECK(!strcmp(first, "elasticsearch://10.9.9.9:9200"));
  /* carry across an octet */
  CHECK(count_all(t5, 1, "1", NULL, 0, &skipped, first, last) == 2);
  CHECK(!strcmp(first, "10.0.0.254:1") && !strcmp(last, "10.0.0.255:1"));

  CHECK(!tgt_list_init(&l, t1, 1, "1-65535", NULL, 0, defaults, err, sizeof err));
  CHECK(tgt_list_total(&l) == 65536ull * 65535ull);
  tgt_list_clear(&l);
  /* bad input: one clear error, naming the entry */
  {
    const char *bad[] = {"10.0.0.1", "10.0.0.0/33"};
    const char *badex[] = {"nope/8"};
    CHECK(tgt_list_init(&l, bad, 2, NULL, NULL, 0, defaults, err, sizeof err) == AJAR_EINVAL);
    CHECK(strstr(err, "10.0.0.0/33") != NULL);
    CHECK(tgt_list_init(&l, bad, 1, NULL, badex, 1, defaults, err, sizeof err) == AJAR_EINVAL);
    CHECK(!strncmp(err, "--exclude: ", 11) && strstr(err, "nope/8"));
    CHECK(tgt_list_init(&l, bad, 1, "9200-", NULL, 0, defaults, err, sizeof err) == AJAR_EINVAL);
    CHECK(!strncmp(err, "-p:", 3));
  }
}

static void test_sockaddr(void) {
  struct sockaddr_in6 s6;
  struct tgt_addr a;
  char buf[64];
  memset(&s6, 0, sizeof s6);
  s6.sin6_family = AF_INET6;
  inet_pton(AF_INET6, "::ffff:127.0.0.1", &s6.sin6_addr);
  CHECK(!tgt_addr_from_sockaddr(&a, (struct sockaddr *)&s6));
  tgt_addr_str(&a, buf, sizeof buf);
  CHECK(a.family == AF_INET && !strcmp(buf, "127.0.0.1"));
}

static struct tgt_addr addr_of(const char *s) {
  struct tgt_netset set;
  struct tgt_addr a;
  char err[128];
  memset(&set, 0, sizeof set);
  memset(&a, 0, sizeof a);
  if (!tgt_netset_add(&set, s, 0, err, sizeof err) && set.n == 1)
    a = set.nets[0].base;
  tgt_netset_clear(&set);
  return a;
}

/* exact de-duplication: 10.0.0.1 is kept after 10.0.0.10 (a substring) */
static void test_dedup(void) {
  static const char *const in[] = {"10.0.0.10", "10.0.0.1", "10.0.0.10",
                                   "::1", "::10", "::1", "10.0.0.100"};
  struct tgt_addr out[4];
  size_t n = 0, i, added = 0;
  for (i = 0; i < sizeof in / sizeof in[0]; i++) {
    struct tgt_addr a = addr_of(in[i]);
    added += (size_t)tgt_addrs_add(out, 4, &n, &a);
  }
  CHECK(n == 4 && added == 4); /* 10.0.0.100 does not fit: cap 4 */
  for (i = 0; i < n; i++) {
    char buf[64];
    tgt_addr_str(&out[i], buf, sizeof buf);
    CHECKF(!strcmp(buf, (const char *[]){"10.0.0.10", "10.0.0.1", "::1", "::10"}[i]),
           "%zu: %s", i, buf);
  }
}

struct policy_case {
  const char *addr;
  int scoped, authorized, refused;
  const char *why; /* a part of the reason */
};

static void test_policy(void) {
  static const struct policy_case cases[] = {
      {"127.0.0.1", 0, 0, 0, NULL},
      {"10.1.2.3", 0, 0, 0, NULL},
      {"172.31.255.1", 0, 0, 0, NULL},
      {"172.32.0.1", 0, 0, 1, "public address"},
      {"192.168.1.1", 0, 0, 0, NULL},
      {"100.64.0.1", 0, 0, 0, NULL},
      {"169.254.169.254", 0, 0, 0, NULL},
      {"fd00::1", 0, 0, 0, NULL},
      {"fe80::1", 0, 0, 0, NULL},
      {"::1", 0, 0, 0, NULL},
      {"8.8.8.8", 0, 0, 1, "--authorized"},
      {"2001:4860::8888", 0, 0, 1, "public address"},
      {"8.8.8.8", 0, 1, 0, NULL},             /* --authorized */
      {"8.8.8.8", 1, 0, 1, "outside the scope"},
      {"192.0.2.7", 1, 0, 0, NULL},           /* named by the scope */
      {"10.9.9.9", 1, 0, 1, "outside the scope"}, /* local, not in scope */
      {"10.0.0.5", 0, 1, 1, "excluded"},      /* excluded beats all */
      {"192.0.2.5", 1, 0, 1, "excluded"},
  };
  struct tgt_netset scope, exclude;
  char err[128];
  size_t i;
  memset(&scope, 0, sizeof scope);
  memset(&exclude, 0, sizeof exclude);
  CHECK(!tgt_netset_add(&scope, "192.0.2.0/24", 0, err, sizeof err));
  CHECK(!tgt_netset_add(&exclude, "10.0.0.5", 0, err, sizeof err));
  CHECK(!tgt_netset_add(&exclude, "192.0.2.5", 0, err, sizeof err));
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const struct policy_case *c = &cases[i];
    struct tgt_policy p = {c->scoped ? &scope : NULL, &exclude, c->authorized};
    struct tgt_addr a = addr_of(c->addr);
    char why[160] = "";
    int rc = tgt_policy_check(&p, &a, why, sizeof why);
    CHECKF(rc == (c->refused ? AJAR_ESCOPE : 0), "%s: %d %s", c->addr, rc, why);
    CHECKF(!c->why || strstr(why, c->why), "%s: %s", c->addr, why);
    CHECKF(!c->refused || strstr(why, c->addr), "%s: %s", c->addr, why);
  }
  tgt_netset_clear(&scope);
  tgt_netset_clear(&exclude);
}

/* numeric names only: nothing here asks a DNS server */
static void test_resolve(void) {
  struct tgt_addr out[AJAR_MAX_RESOLVED];
  size_t n = 9;
  char err[128] = "", buf[64];
  CHECK(tgt_resolve("127.0.0.1", ajar_now_ms() + 5000, out, AJAR_MAX_RESOLVED,
                    &n, err, sizeof err) == 0);
  tgt_addr_str(&out[0], buf, sizeof buf);
  CHECKF(n == 1 && !strcmp(buf, "127.0.0.1"), "%zu %s", n, buf);
  CHECK(tgt_resolve("::1", ajar_now_ms() + 5000, out, AJAR_MAX_RESOLVED,
                    &n, err, sizeof err) == 0 && n == 1 && out[0].family == AF_INET6);
}

void test_targets(void) {
  test_specs();
  test_ports();
  test_sets();
  test_iterator();
  test_sockaddr();
  test_dedup();
  test_policy();
  test_resolve();
}
