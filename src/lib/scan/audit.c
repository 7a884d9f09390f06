/* Audit one endpoint: resolve and scope-check it, find which probe's store
 * answers, read what it lets anyone read (or what the credentials given
 * let the owner read), classify a sample of every collection, rate it.
 *
 * Credentials (docs/report.md, Severity): the first request of every probe goes
 * without them; they are sent only after a 401/403, and data read with
 * them is rated as if the store were closed (collections finished with
 * open = 0; the target is `low` when the store is closed over plain HTTP,
 * a weakness, else `info`).
 *
 * Honeypots (issue #6; docs/scan.md): a real store speaks one protocol
 * and answers like one store. After a probe identifies the endpoint, the
 * probes after it in the order (probe_order) of the same family (HTTP
 * after an HTTP store, native after a native one; not those that wait
 * for a greeting, nor framed ones after a line protocol's store:
 * AJAR_PROBE_LINE) are asked to identify it too, without credentials,
 * each with its own state, within one read timeout in all (after a
 * native store, one fingerprint wait: AJAR_FINGERPRINT_WAIT_MS). If one of
 * them recognises a different store, the endpoint answers like several
 * stores: it is reported with the note "answers like several stores (A,
 * B): likely a honeypot; not read", no store, no collections, no
 * findings, severity info. The cost, on identified endpoints only: one
 * identification per remaining probe of the family (a GET or two each),
 * never more than one read timeout.
 *
 * Fingerprints (docs/scan.md, "Fingerprinting"): a native probe tried on
 * a port not its own waits AJAR_FINGERPRINT_WAIT_MS at most for the peer's
 * first byte, so an endpoint costs round trips, not read timeouts.
 */
#define _GNU_SOURCE /* strcasestr */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "collection.h"
#include "files.h"
#include "probe/objects.h"
#include "probe/probe_util.h"
#include "scan/audit.h"

static int set_err(struct ajar_target_result *t, const char *fmt, const char *a,
                   const char *b) {
  char line[AJAR_MAX_ERROR];
  snprintf(line, sizeof line, fmt, a, b);
  return probe_set_str(&t->error, line);
}

static int tls_port(uint16_t port) {
  return port == 443 || port == 8443 || port == 9243;
}

/* Resolve a host name ourselves (within AJAR_DNS_TIMEOUT_MS and the
 * endpoint's deadline), check every address against the scope, --exclude
 * and the public-address rule, and pin curl to exactly the addresses
 * checked. *refused: an address was refused. */
static int resolve_host(struct ajar_conn *conn, const struct tgt_endpoint *e,
                        struct ajar_target_result *t, int *refused) {
  char entry[AJAR_MAX_HOSTNAME + 16 + AJAR_MAX_RESOLVED * 48];
  char err[AJAR_MAX_ERROR], why[AJAR_MAX_ERROR / 2];
  int64_t deadline = ajar_now_ms() + AJAR_DNS_TIMEOUT_MS;
  size_t k, i;
  int rc;
  if (deadline > conn->deadline)
    deadline = conn->deadline;
  rc = tgt_resolve(e->spec->host, deadline, conn->addrs, AJAR_MAX_RESOLVED,
                   &conn->n_addrs, err, sizeof err);
  if (rc == AJAR_ENOMEM)
    return rc;
  if (rc)
    return set_err(t, "%s%s", err, "");
  k = (size_t)snprintf(entry, sizeof entry, "%s:%u:", e->spec->host, e->port);
  for (i = 0; i < conn->n_addrs; i++) {
    const struct tgt_addr *a = &conn->addrs[i];
    char s[INET6_ADDRSTRLEN];
    tgt_addr_str(a, s, sizeof s);
    if (tgt_policy_check(conn->policy, a, why, sizeof why)) {
      conn->n_addrs = 0;
      *refused = 1;
      snprintf(err, sizeof err, "refused: %s: %s", e->spec->host, why);
      return set_err(t, "%s%s", err, "");
    }
    k += (size_t)snprintf(entry + k, sizeof entry - k, "%s%s%s%s", i ? "," : "",
                          a->family == AF_INET6 ? "[" : "", s,
                          a->family == AF_INET6 ? "]" : "");
  }
  conn->http.resolve = curl_slist_append(NULL, entry);
  return conn->http.resolve ? 0 : AJAR_ENOMEM;
}

/* the probe a DSN names; else those whose default ports hold the port
 * first, then the HTTP probes, then (probe_all) the native-protocol
 * probes, the ones that wait for a greeting last (probe.h).
 * *owners: how many of out[] claim the port. */
static size_t probe_order(const struct tgt_endpoint *e, int probe_all,
                          const struct ajar_probe **out, size_t *owners) {
  size_t i, j, n = 0, pass;
  *owners = 0;
  if (e->spec->probe) {
    out[0] = ajar_probe_find(e->spec->probe);
    *owners = out[0] ? 1 : 0;
    return *owners;
  }
  for (i = 0; ajar_probes[i]; i++)
    for (j = 0; ajar_probes[i]->ports[j]; j++)
      if (ajar_probes[i]->ports[j] == e->port) {
        out[n++] = ajar_probes[i];
        break;
      }
  *owners = n;
  for (pass = 0; pass < 3; pass++)
    for (i = 0; ajar_probes[i]; i++) {
      unsigned f = ajar_probes[i]->flags;
      int want = pass == 0   ? !(f & AJAR_PROBE_NATIVE)
                 : pass == 1 ? (f & AJAR_PROBE_NATIVE) && !(f & AJAR_PROBE_GREETING)
                             : (f & AJAR_PROBE_NATIVE) && (f & AJAR_PROBE_GREETING);
      if (!want || (pass && !probe_all))
        continue;
      for (j = 0; j < n && out[j] != ajar_probes[i]; j++)
        ;
      if (j == n)
        out[n++] = ajar_probes[i];
    }
  return n;
}

struct feed {
  struct ajar_collection *col;
  struct ajar_scratch *s;
  unsigned left; /* records still wanted: the sample size, whatever a
                    server sends, so sampled never exceeds it */
};

static int feed_record(void *ctx, const char *json, size_t len) {
  struct feed *f = ctx;
  int rc;
  if (!f->left)
    return 0;
  f->left--;
  rc = ajar_collection_add_json(f->col, f->s, json, len);
  return rc == AJAR_ENOMEM ? rc : 0; /* a malformed record is counted */
}

/* An object store's object: its bounded prefix, classified like a file
 * of that name (its members, tables, sheets into parts as collections
 * `bucket/key!part`); the note says how many bytes were read. */
static int read_object(struct ajar_conn *conn, const struct ajar_probe *p,
                       struct ajar_collection_result *cr, struct feed *f, int open,
                       struct ajar_target_result *parts, uint64_t *malformed) {
  const char *buf = NULL;
  size_t len = 0;
  int cut = 0, rc;
  char err[AJAR_MAX_ERROR], note[AJAR_MAX_ERROR];
  if ((rc = p->read_object(conn, cr, &buf, &len, &cut)) || !buf)
    return rc;
  if ((rc = files_classify_object(f->col, f->s, cr->name, buf, len, cut, open, parts,
                                  malformed, err, sizeof err)))
    return rc;
  if (cut)
    snprintf(note, sizeof note, "read the first %zu bytes (the prefix cap)", len);
  else
    snprintf(note, sizeof note, "read whole (%zu bytes)", len);
  /* a compressed prefix ends mid-stream: expected, not an error */
  if (err[0] && !(cut && strcasestr(err, "truncated")))
    snprintf(note + strlen(note), sizeof note - strlen(note), "; %.150s", err);
  return probe_note_add(&cr->note, "%s", note);
}

/* Move the collections of parts into t right after t->collections[at]
 * (parts is left empty). 0 or AJAR_ENOMEM. */
static int insert_parts(struct ajar_target_result *t, size_t at,
                        struct ajar_target_result *parts) {
  size_t n = parts->n_collections;
  struct ajar_collection_result *nc;
  if (!n)
    return 0;
  nc = realloc(t->collections, (t->n_collections + n) * sizeof *nc);
  if (!nc)
    return AJAR_ENOMEM;
  t->collections = nc;
  memmove(nc + at + 1 + n, nc + at + 1, (t->n_collections - at - 1) * sizeof *nc);
  memcpy(nc + at + 1, parts->collections, n * sizeof *nc);
  t->n_collections += n;
  parts->n_collections = 0;
  return 0;
}

/* Sample and classify every listed collection of t. */
static int read_collections(const struct audit_cfg *cfg, struct ajar_scratch *s,
                            struct ajar_conn *conn, const struct ajar_probe *p,
                            struct ajar_target_result *t, int open) {
  struct ajar_collection_opts copts = AJAR_COLLECTION_OPTS_INIT;
  size_t i, n_parts;
  int rc = 0, stopped = 0;
  copts.reveal = cfg->reveal;
  for (i = 0; i < t->n_collections; i++) {
    struct ajar_collection_result *cr = &t->collections[i], fin;
    struct feed f = {NULL, s, cfg->sample};
    struct ajar_target_result parts;
    uint64_t malformed = 0;
    int prc = 0;
    memset(&parts, 0, sizeof parts);
    if ((rc = ajar_collection_new(cfg->db, cr->name, &copts, &f.col)))
      return rc;
    if (!stopped && p->read_object)
      prc = read_object(conn, p, cr, &f, open, &parts, &malformed);
    else if (!stopped && p->sample)
      prc = p->sample(conn, cr, feed_record, &f);
    if (prc == AJAR_ENOMEM) {
      ajar_collection_free(f.col);
      ajar_target_result_clear(&parts);
      return prc;
    }
    if (prc && !stopped) {
      char line[AJAR_MAX_ERROR];
      snprintf(line, sizeof line, "sampling %.80s: %.120s", cr->name, conn->err);
      if (probe_set_str(&t->error, line)) {
        ajar_collection_free(f.col);
        ajar_target_result_clear(&parts);
        return AJAR_ENOMEM;
      }
      stopped = prc == AJAR_ETIMEDOUT || prc == AJAR_ECONNECT ||
                prc == AJAR_ESCOPE || conn_left_ms(conn) <= 0;
    }
    rc = ajar_collection_finish(f.col, open, &fin);
    ajar_collection_free(f.col);
    if (rc) {
      ajar_target_result_clear(&parts);
      return rc;
    }
    fin.records = cr->records;
    /* what was read counts at least that many records */
    if (fin.records >= 0 && (int64_t)fin.sampled > fin.records)
      fin.records = (int64_t)fin.sampled;
    fin.bytes = cr->bytes;
    fin.note = cr->note;
    if (malformed)
      fin.malformed = malformed;
    if (stopped && (p->sample || p->read_object) && !fin.note && !prc)
      fin.note = strdup("not sampled: the target deadline passed");
    free(cr->name);
    *cr = fin;
    if (!stopped && p->annotate) {
      int arc = p->annotate(conn, cr, open);
      if (arc == AJAR_ENOMEM) {
        ajar_target_result_clear(&parts);
        return arc;
      }
    }
    /* an object's members, tables, sheets follow it, already finished */
    n_parts = parts.n_collections;
    rc = insert_parts(t, i, &parts);
    ajar_target_result_clear(&parts);
    if (rc)
      return rc;
    i += n_parts;
  }
  return 0;
}

static void rate(struct ajar_target_result *t, int readable_open) {
  size_t i;
  int sev = AJAR_SEV_INFO;
  for (i = 0; i < t->n_collections; i++)
    if (t->collections[i].severity > sev)
      sev = t->collections[i].severity;
  if (readable_open && sev < AJAR_SEV_MEDIUM)
    sev = AJAR_SEV_MEDIUM;
  /* closed, but the credentials would cross the network in clear */
  if (t->store && t->auth_required && !t->tls && sev < AJAR_SEV_LOW)
    sev = AJAR_SEV_LOW;
  t->severity = sev;
}

/* A native probe tried by fingerprint waits AJAR_FINGERPRINT_WAIT_MS at
 * most for the peer's first byte (net.c): a peer silent to its first
 * request speaks another protocol, and the next probe is tried at once
 * instead of after a read timeout. */
static void fingerprint_wait(struct ajar_conn *conn, const struct ajar_probe *p) {
  conn->heard = 0;
  conn->first_wait_ms =
      conn->by_fingerprint && (p->flags & AJAR_PROBE_NATIVE) ? AJAR_FINGERPRINT_WAIT_MS : 0;
}

/* The honeypot rule (top of file): does a probe after order[from] also
 * recognise the endpoint, as a store other than `store`? Writes its store
 * into other. The chosen probe's state and the connection's scheme are
 * kept aside and put back. */
static int answers_like_another(struct ajar_conn *conn, const struct ajar_probe *const *order,
                                size_t n, size_t from, const char *store,
                                char *other, size_t olen) {
  void *state = conn->state;
  void (*state_free)(void *) = conn->state_free;
  int tls = conn->tls, settled = conn->http.tls_settled, fp = conn->by_fingerprint, found = 0;
  int creds = conn->use_creds;
  const char *sigv4 = conn->http.sigv4; /* how the chosen probe signs */
  unsigned native = order[from]->flags & AJAR_PROBE_NATIVE;
  int check_ms = native && AJAR_FINGERPRINT_WAIT_MS < conn->read_timeout_ms
                     ? AJAR_FINGERPRINT_WAIT_MS : conn->read_timeout_ms;
  int64_t deadline = conn->deadline;
  size_t i;
  conn->state = NULL;
  conn->state_free = NULL;
  conn->use_creds = 0;
  /* the whole check gets one read timeout at most; after a native store,
   * whose peer answered its own protocol, one fingerprint wait */
  if (conn->deadline > ajar_now_ms() + check_ms)
    conn->deadline = ajar_now_ms() + check_ms;
  for (i = from + 1; i < n && !found && conn_left_ms(conn) > 0; i++) {
    struct ajar_target_result tmp;
    int rc;
    /* the same family only: HTTP probes after an HTTP store, native ones
     * after a native store (a silent HTTP server would cost every native
     * probe a read timeout) */
    if ((order[i]->flags & AJAR_PROBE_GREETING) ||
        (order[i]->flags & AJAR_PROBE_NATIVE) != native)
      continue;
    /* after a line protocol's store, no framed request: a real server of
     * it waits for a newline that never comes (the check would spend its
     * whole time on every real Redis); a honeypot that answers
     * everything answers the line requests too */
    if ((order[from]->flags & AJAR_PROBE_LINE) && !(order[i]->flags & AJAR_PROBE_LINE))
      continue;
    memset(&tmp, 0, sizeof tmp);
    conn->by_fingerprint = 1;
    conn->http.sigv4 = NULL; /* a probe that signs says so itself */
    fingerprint_wait(conn, order[i]);
    rc = order[i]->identify(conn, &tmp);
    conn->first_wait_ms = 0;
    if (!rc && tmp.store && strcmp(tmp.store, store)) {
      snprintf(other, olen, "%s", tmp.store);
      found = 1;
    }
    ajar_target_result_clear(&tmp);
    probe_state_set(conn, NULL, NULL);
    conn->tls = tls;
    conn->http.tls_settled = settled;
  }
  conn->state = state;
  conn->state_free = state_free;
  conn->by_fingerprint = fp;
  conn->use_creds = creds; /* the chosen probe reads with what it identified with */
  conn->http.sigv4 = sigv4;
  conn->deadline = deadline;
  return found;
}

/* The connection's settings for endpoint e: deadlines, timeouts, the
 * credentials that may go to it, the first scheme to try. */
static void conn_init(const struct audit_cfg *cfg, const struct tgt_endpoint *e,
                      struct ajar_conn *conn) {
  memset(conn, 0, sizeof *conn);
  conn->ep = e;
  conn->scope = cfg->scope;
  conn->policy = &cfg->policy;
  conn->deadline = ajar_now_ms() + cfg->target_deadline_ms;
  if (cfg->run_deadline && cfg->run_deadline < conn->deadline)
    conn->deadline = cfg->run_deadline;
  conn->connect_timeout_ms = cfg->connect_timeout_ms;
  conn->read_timeout_ms = cfg->read_timeout_ms;
  conn->sample = cfg->sample;
  conn->include_system = cfg->include_system;
  creds_for(cfg->creds, cfg->user, cfg->password, e, &conn->user, &conn->password,
            &conn->cred_store);
  conn->allow_cleartext = cfg->allow_cleartext;
  conn->cacert = cfg->cacert;
  conn->insecure = cfg->insecure;
  conn->tls = e->spec->scheme == TGT_SCHEME_HTTPS ||
              (e->spec->scheme == TGT_SCHEME_NONE && tls_port(e->port));
  conn->http.tls_settled = e->spec->scheme != TGT_SCHEME_NONE;
  conn->http.defer_tls = cfg->probe_all;
}

/* The addresses the connection may use, each checked against the scope,
 * --exclude and the public-address rule: a host name's from the resolver,
 * else the endpoint's own. A refusal sets out->error and *refused (rc 0). */
static int conn_addresses(const struct audit_cfg *cfg, const struct tgt_endpoint *e,
                          struct ajar_conn *conn, struct ajar_target_result *out,
                          int *refused) {
  char a[INET6_ADDRSTRLEN];
  if (e->spec->kind == TGT_HOST) {
    snprintf(conn->url_host, sizeof conn->url_host, "%s", e->spec->host);
    conn->host_name = e->spec->host;
    return resolve_host(conn, e, out, refused);
  }
  tgt_addr_str(&e->addr, a, sizeof a);
  snprintf(conn->url_host, sizeof conn->url_host,
           e->addr.family == AF_INET6 ? "[%s]" : "%s", a);
  if (tgt_policy_check(&cfg->policy, &e->addr, conn->refused_why,
                       sizeof conn->refused_why)) {
    *refused = 1;
    return set_err(out, "refused: %s%s", conn->refused_why, "");
  }
  conn->addrs[0] = e->addr;
  conn->n_addrs = 1;
  return 0;
}

/* The credentials bound to the endpoint are for store (NULL: any): is
 * that what probe p speaks to? ("opensearch" is the elasticsearch probe.) */
static int store_bound(const char *store, const struct ajar_probe *p,
                       const struct ajar_target_result *out) {
  return !store || !strcmp(store, p->name) || (out->store && !strcmp(store, out->store)) ||
         ajar_probe_find(store) == p;
}

/* Probe p refused without credentials (rc AJAR_EAUTH, or 0 with
 * out->auth_required): try again with the credentials bound to the
 * endpoint, if any, and only when p recognised its store in the refusal
 * or the credentials name p's store (a server that answers 401 to
 * everything gets none). The transports refuse to send a password in
 * clear unless allowed (probe_cleartext_ok); such a refusal becomes
 * out->error. The answer as identify's: 0 when p recognised its store,
 * AJAR_EAUTH when not. */
static int identify_with_credentials(struct ajar_conn *conn, const struct ajar_probe *p,
                                     struct ajar_target_result *out, int rc) {
  int recognised = !rc;
  rc = AJAR_EAUTH;
  if (conn->user && store_bound(conn->cred_store, p, out) &&
      (recognised || conn->cred_store)) {
    conn->use_creds = 1;
    conn->creds_refused = 0;
    rc = p->identify(conn, out);
    if (conn->creds_refused) {
      set_err(out, "%s%s", conn->err, "");
      conn->use_creds = 0;
      rc = recognised ? 0 : AJAR_EAUTH;
    } else if (conn->http.status == 401 || conn->http.status == 403) {
      set_err(out, "the credentials given were refused%s%s",
              p->flags & AJAR_PROBE_NATIVE ? ""
              : conn->http.status == 401 ? " (HTTP 401)" : " (HTTP 403)", "");
      rc = recognised ? 0 : AJAR_EAUTH;
    }
  } else if (recognised) {
    rc = 0;
  }
  out->auth_required = 1;
  return rc;
}

/* What the probes found out when none identified the store. */
struct identify_outcome {
  int auth_seen;                 /* some probe met a refusal */
  int failed;                    /* the endpoint failed: out->error says why */
  int silent;                    /* no greeting within a fingerprint wait */
  int http_silent;               /* not a byte for an HTTP request within
                                    the read timeout */
  char why[AJAR_MAX_ERROR];      /* the first reason a probe gave up */
};

/* Ask probe p whether it is the store (by fingerprint: p is not the
 * port's own). 0: it is; AJAR_ENOMEM; else it is not (how->failed when
 * the endpoint failed, out->error saying why). */
static int try_probe(struct ajar_conn *conn, const struct ajar_probe *p, int by_fingerprint,
                     struct ajar_target_result *out, struct identify_outcome *how) {
  int rc;
  conn->use_creds = 0;
  conn->http.sigv4 = NULL; /* a probe that signs says so itself */
  conn->by_fingerprint = by_fingerprint;
  probe_state_set(conn, NULL, NULL); /* never another probe's state */
  out->auth_required = 0;
  fingerprint_wait(conn, p);
  rc = p->identify(conn, out);
  conn->first_wait_ms = 0;
  if (by_fingerprint && (p->flags & AJAR_PROBE_GREETING) && rc == AJAR_ETIMEDOUT &&
      !conn->heard)
    how->silent = 1;
  if (by_fingerprint && !(p->flags & AJAR_PROBE_NATIVE) && rc == AJAR_ETIMEDOUT &&
      !conn->answered && !conn->http.bytes_in)
    how->http_silent = 1;
  /* by fingerprint, a peer that stays silent to one protocol, or
   * answers it with nonsense, may still speak another */
  if (by_fingerprint && conn_left_ms(conn) > 0 &&
      (rc == AJAR_ETIMEDOUT || rc == AJAR_ETOOBIG || rc == AJAR_EPARSE)) {
    if (!how->why[0]) /* keep the first real reason for the final line */
      snprintf(how->why, sizeof how->why, "%s", conn->err);
    rc = AJAR_EPROTO;
  }
  if (rc == AJAR_EAUTH || (!rc && out->auth_required)) {
    how->auth_seen = 1;
    rc = identify_with_credentials(conn, p, out, rc);
  }
  if (rc == AJAR_EPROTO) { /* not this store: forget what it said */
    free(out->store);
    free(out->version);
    free(out->note);
    out->store = out->version = out->note = NULL;
  }
  if (rc && rc != AJAR_ENOMEM && rc != AJAR_EPROTO && rc != AJAR_EAUTH) {
    set_err(out, "%s%s", conn->err, "");
    how->failed = 1;
  }
  return rc;
}

/* The TLS retry a peer's silent close of a plain HTTP request earned,
 * deferred until the native probes that need no greeting said no
 * (http.c, tls_deferred): the HTTP probes among order[0, upto) once more,
 * over TLS; the first handshake gets one fingerprint wait, and when it
 * goes unanswered the others are not tried. The index of the probe that
 * identified the store, or n (none; *rc AJAR_ENOMEM or 0). */
static size_t identify_over_tls(struct ajar_conn *conn, const struct ajar_probe *const *order,
                                size_t upto, size_t n, size_t owners,
                                struct ajar_target_result *out,
                                struct identify_outcome *how, int *rc) {
  size_t j;
  conn->http.tls_deferred = 0;
  conn->http.tls_settled = 0;
  conn->http.tls_pass = 1;
  conn->tls = 1;
  for (j = 0; j < upto && !how->failed && conn->tls; j++) {
    if (order[j]->flags & AJAR_PROBE_NATIVE)
      continue;
    *rc = try_probe(conn, order[j], j >= owners, out, how);
    if (!*rc)
      return j;
    if (*rc == AJAR_ENOMEM)
      return n;
  }
  *rc = 0;
  return n;
}

/* Try the probes of order[] in turn until one identifies the store: its
 * index into *chosen_at, the probe returned (NULL: none). rc AJAR_ENOMEM
 * only. */
static const struct ajar_probe *identify_store(struct ajar_conn *conn,
                                               const struct ajar_probe *const *order,
                                               size_t n, size_t owners,
                                               struct ajar_target_result *out,
                                               size_t *chosen_at,
                                               struct identify_outcome *how, int *rc_out) {
  size_t i;
  int rc = 0;
  *rc_out = 0;
  for (i = 0; i <= n && !how->failed; i++) {
    const struct ajar_probe *p = i < n ? order[i] : NULL;
    /* the TLS retry comes after the native probes that need no greeting
     * (a Redis or MongoDB port closes a plain request and never answers
     * a ClientHello) and before those that wait for one */
    if (conn->http.tls_deferred && (!p || (p->flags & AJAR_PROBE_GREETING))) {
      size_t j = identify_over_tls(conn, order, i, n, owners, out, how, &rc);
      if (j < n) {
        *chosen_at = j;
        return order[j];
      }
      if (rc) {
        *rc_out = rc;
        return NULL;
      }
      continue;
    }
    if (!p)
      break;
    /* by fingerprint, a peer that sent no greeting within a fingerprint
     * wait to one probe that waits for it will send none to the next:
     * MySQL's silence spares FTP's; and an HTTP server, which answered
     * an HTTP request, sends none at all (docs/scan.md) */
    if ((how->silent || conn->spoke_http) && i >= owners && (p->flags & AJAR_PROBE_GREETING))
      continue;
    /* a peer that greeted an HTTP request with "220" speaks first: none
     * of the stores of the probes that send first does (their servers
     * wait for a request), so only those that wait for a greeting are
     * asked (docs/scan.md) */
    if (conn->greeted && i >= owners && !(p->flags & AJAR_PROBE_GREETING))
      continue;
    /* a peer that took an HTTP request and sent not a byte for a read
     * timeout will send none to the next HTTP probe's either; nor is it
     * a store of a native probe's, each of which answers such a request,
     * closes on it or greets before it at once (docs/scan.md) */
    if (how->http_silent && i >= owners)
      continue;
    rc = try_probe(conn, p, i >= owners, out, how);
    if (!rc) {
      *chosen_at = i;
      return p;
    } else if (rc == AJAR_ENOMEM) {
      *rc_out = rc;
      return NULL;
    }
  }
  return NULL;
}

/* No probe identified the store: say why on the target, unless a refusal
 * or an error already does. */
static int explain_no_store(const struct audit_cfg *cfg, const struct tgt_endpoint *e,
                            const struct ajar_conn *conn,
                            const struct identify_outcome *how,
                            struct ajar_target_result *out) {
  char line[AJAR_MAX_ERROR];
  out->auth_required = how->auth_seen;
  if (how->auth_seen && e->spec->probe)
    probe_set_str(&out->store, e->spec->probe);
  if (!out->error && !how->auth_seen && !conn->answered && !cfg->probe_all &&
      !e->spec->probe)
    return probe_set_str(&out->error, "no HTTP store answered (--probe-all also "
                                      "tries the native protocols)");
  if (out->error || how->auth_seen || !(conn->answered || e->spec->probe))
    return 0;
  if (how->why[0])
    snprintf(line, sizeof line, "no known data store answered: %.200s", how->why);
  else if (conn->http.status)
    snprintf(line, sizeof line, "no known data store answered (HTTP %ld)",
             conn->http.status);
  else /* a native exchange, or no HTTP answer: say what went wrong */
    snprintf(line, sizeof line, "no known data store answered%s%.180s",
             conn->err[0] ? ": " : "", conn->err);
  return probe_set_str(&out->error, line);
}

/* The honeypot rule (top of file): 1 when another probe recognises a
 * different store; out then says so and holds nothing else. */
static int reported_as_honeypot(struct ajar_conn *conn, const struct ajar_probe *const *order,
                                size_t n, size_t chosen_at, struct ajar_target_result *out,
                                int *rc) {
  char other[64], note[AJAR_MAX_ERROR];
  if (!out->store ||
      !answers_like_another(conn, order, n, chosen_at, out->store, other, sizeof other))
    return 0;
  snprintf(note, sizeof note, "answers like several stores (%.40s, %.40s): "
           "likely a honeypot; not read", out->store, other);
  free(out->store);
  free(out->version);
  free(out->note);
  out->store = out->version = NULL;
  out->note = NULL;
  out->auth_required = 0;
  *rc = probe_set_str(&out->note, note);
  out->severity = AJAR_SEV_INFO;
  return 1;
}

/* List the store's collections and classify a sample of each. */
static int read_store(const struct audit_cfg *cfg, struct ajar_scratch *s,
                      struct ajar_conn *conn, const struct ajar_probe *chosen,
                      struct ajar_target_result *out) {
  int open = !out->auth_required || (conn->listing_open && !conn->use_creds);
  int rc = chosen->enumerate(conn, out);
  if (rc && rc != AJAR_ENOMEM) {
    set_err(out, "%s%s", conn->err, "");
    rc = 0;
  }
  if (!rc)
    rc = read_collections(cfg, s, conn, chosen, out, open);
  /* buckets whose objects list for anyone but refuse reads say so
   * (docs/report.md) */
  if (!rc && chosen->read_object && !conn->use_creds)
    rc = obj_note_refused(out);
  return rc;
}

int audit_endpoint(const struct audit_cfg *cfg, struct ajar_scratch *s,
                   const struct tgt_endpoint *e, struct ajar_target_result *out,
                   int *report, int *refused) {
  struct ajar_conn conn;
  struct identify_outcome how;
  const struct ajar_probe *order[32], *chosen;
  char name[AJAR_MAX_HOSTNAME + 64];
  size_t n, owners, chosen_at = 0;
  int rc;

  memset(out, 0, sizeof *out);
  memset(&how, 0, sizeof how);
  *report = *refused = 0;
  tgt_endpoint_name(e, name, sizeof name);
  if (!(out->target = strdup(name)))
    return AJAR_ENOMEM;
  conn_init(cfg, e, &conn);
  if ((rc = conn_addresses(cfg, e, &conn, out, refused)) || out->error)
    goto out;

  n = probe_order(e, cfg->probe_all, order, &owners);
  chosen = identify_store(&conn, order, n, owners, out, &chosen_at, &how, &rc);
  if (rc)
    goto out;
  out->reachable = conn.answered;
  out->tls = conn.answered && conn.tls;
  if (!chosen) {
    rc = explain_no_store(cfg, e, &conn, &how, out);
    goto out;
  }
  if (reported_as_honeypot(&conn, order, n, chosen_at, out, &rc))
    goto out;
  if (e->spec->probe && !strcmp(e->spec->probe, "opensearch") && !out->store)
    probe_set_str(&out->store, "opensearch");
  if (!out->error && (!out->auth_required || conn.use_creds || conn.listing_open))
    rc = read_store(cfg, s, &conn, chosen, out);
  /* listing open, reading closed (docs/report.md): names anyone can read
   * are an open store's, whatever the reads say */
  rate(out, !out->auth_required || (conn.listing_open && !conn.use_creds));
out:
  if (!out->reachable)
    out->reachable = conn.answered;
  if (conn.scope_refused)
    *refused = 1;
  /* refusals: the scheduler reports one per target spec */
  *report = conn.answered;
  conn_release(&conn);
  return rc;
}
