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
 * for a greeting) are asked to identify it too, without credentials,
 * each with its own state, within one read timeout in all. If one of
 * them recognises a different store, the endpoint answers like several
 * stores: it is reported with the note "answers like several stores (A,
 * B): likely a honeypot; not read", no store, no collections, no
 * findings, severity info. The cost, on identified endpoints only: one
 * identification per remaining probe of the family (a GET or two each),
 * never more than one read timeout.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "collection.h"
#include "files.h"
#include "probe/probe.h"
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
static int resolve_host(struct ajar_conn *c, const struct tgt_endpoint *e,
                        struct ajar_target_result *t, int *refused) {
  char entry[AJAR_MAX_HOSTNAME + 16 + AJAR_MAX_RESOLVED * 48];
  char err[AJAR_MAX_ERROR], why[AJAR_MAX_ERROR / 2];
  int64_t deadline = ajar_now_ms() + AJAR_DNS_TIMEOUT_MS;
  size_t k, i;
  int rc;
  if (deadline > c->deadline)
    deadline = c->deadline;
  rc = tgt_resolve(e->spec->host, deadline, c->addrs, AJAR_MAX_RESOLVED,
                   &c->n_addrs, err, sizeof err);
  if (rc == AJAR_ENOMEM)
    return rc;
  if (rc)
    return set_err(t, "%s%s", err, "");
  k = (size_t)snprintf(entry, sizeof entry, "%s:%u:", e->spec->host, e->port);
  for (i = 0; i < c->n_addrs; i++) {
    const struct tgt_addr *a = &c->addrs[i];
    char s[INET6_ADDRSTRLEN];
    tgt_addr_str(a, s, sizeof s);
    if (tgt_policy_check(c->policy, a, why, sizeof why)) {
      c->n_addrs = 0;
      *refused = 1;
      snprintf(err, sizeof err, "refused: %s: %s", e->spec->host, why);
      return set_err(t, "%s%s", err, "");
    }
    k += (size_t)snprintf(entry + k, sizeof entry - k, "%s%s%s%s", i ? "," : "",
                          a->family == AF_INET6 ? "[" : "", s,
                          a->family == AF_INET6 ? "]" : "");
  }
  c->resolve = curl_slist_append(NULL, entry);
  return c->resolve ? 0 : AJAR_ENOMEM;
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

static int append_note(char **note, const char *add) {
  char line[AJAR_MAX_ERROR];
  snprintf(line, sizeof line, "%s%s%s", *note ? *note : "", *note ? "; " : "", add);
  return probe_set_str(note, line);
}

/* An object store's object: its bounded prefix, classified like a file
 * of that name; the note says how many bytes were read. */
static int read_object(struct ajar_conn *c, const struct ajar_probe *p,
                       struct ajar_collection_result *cr, struct feed *f,
                       uint64_t *malformed) {
  const char *buf = NULL, *base;
  size_t len = 0;
  int cut = 0, rc;
  char err[AJAR_MAX_ERROR], note[AJAR_MAX_ERROR];
  if ((rc = p->read_object(c, cr, &buf, &len, &cut)) || !buf)
    return rc;
  base = strrchr(cr->name, '/');
  base = base ? base + 1 : cr->name;
  if ((rc = files_classify_buffer(f->col, f->s, base, buf, len, cut, malformed,
                                  err, sizeof err)))
    return rc;
  if (cut)
    snprintf(note, sizeof note, "read the first %zu bytes (the prefix cap)", len);
  else
    snprintf(note, sizeof note, "read whole (%zu bytes)", len);
  /* a compressed prefix ends mid-stream: expected, not an error */
  if (err[0] && !(cut && strstr(err, "truncated")))
    snprintf(note + strlen(note), sizeof note - strlen(note), "; %.150s", err);
  return append_note(&cr->note, note);
}

/* Sample and classify every listed collection of t. */
static int read_collections(const struct audit_cfg *cfg, struct ajar_scratch *s,
                            struct ajar_conn *c, const struct ajar_probe *p,
                            struct ajar_target_result *t, int open) {
  struct ajar_collection_opts copts = AJAR_COLLECTION_OPTS_INIT;
  size_t i;
  int rc = 0, stopped = 0;
  copts.reveal = cfg->reveal;
  for (i = 0; i < t->n_collections; i++) {
    struct ajar_collection_result *cr = &t->collections[i], fin;
    struct feed f = {NULL, s, cfg->sample};
    uint64_t malformed = 0;
    int prc = 0;
    if ((rc = ajar_collection_new(cfg->db, cr->name, &copts, &f.col)))
      return rc;
    if (!stopped && p->read_object)
      prc = read_object(c, p, cr, &f, &malformed);
    else if (!stopped && p->sample)
      prc = p->sample(c, cr, feed_record, &f);
    if (prc == AJAR_ENOMEM) {
      ajar_collection_free(f.col);
      return prc;
    }
    if (prc && !stopped) {
      char line[AJAR_MAX_ERROR];
      snprintf(line, sizeof line, "sampling %.80s: %.120s", cr->name, c->err);
      if (probe_set_str(&t->error, line)) {
        ajar_collection_free(f.col);
        return AJAR_ENOMEM;
      }
      stopped = prc == AJAR_ETIMEDOUT || prc == AJAR_ECONNECT ||
                prc == AJAR_ESCOPE || conn_left_ms(c) <= 0;
    }
    rc = ajar_collection_finish(f.col, open, &fin);
    ajar_collection_free(f.col);
    if (rc)
      return rc;
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
      int arc = p->annotate(c, cr, open);
      if (arc == AJAR_ENOMEM)
        return arc;
    }
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

/* The honeypot rule (top of file): does a probe after order[from] also
 * recognise the endpoint, as a store other than `store`? Writes its store
 * into other. The chosen probe's state and the connection's scheme are
 * kept aside and put back. */
static int answers_like_another(struct ajar_conn *c, const struct ajar_probe *const *order,
                                size_t n, size_t from, const char *store,
                                char *other, size_t olen) {
  void *state = c->state;
  void (*state_free)(void *) = c->state_free;
  int tls = c->tls, settled = c->tls_settled, fp = c->by_fingerprint, found = 0;
  int creds = c->use_creds;
  unsigned native = order[from]->flags & AJAR_PROBE_NATIVE;
  int64_t deadline = c->deadline;
  size_t i;
  c->state = NULL;
  c->state_free = NULL;
  c->use_creds = 0;
  /* the whole check gets one read timeout at most */
  if (c->deadline > ajar_now_ms() + c->read_timeout_ms)
    c->deadline = ajar_now_ms() + c->read_timeout_ms;
  for (i = from + 1; i < n && !found && conn_left_ms(c) > 0; i++) {
    struct ajar_target_result tmp;
    int rc;
    /* the same family only: HTTP probes after an HTTP store, native ones
     * after a native store (a silent HTTP server would cost every native
     * probe a read timeout) */
    if ((order[i]->flags & AJAR_PROBE_GREETING) ||
        (order[i]->flags & AJAR_PROBE_NATIVE) != native)
      continue;
    memset(&tmp, 0, sizeof tmp);
    c->by_fingerprint = 1;
    rc = order[i]->identify(c, &tmp);
    if (!rc && tmp.store && strcmp(tmp.store, store)) {
      snprintf(other, olen, "%s", tmp.store);
      found = 1;
    }
    ajar_target_result_clear(&tmp);
    probe_state_set(c, NULL, NULL);
    c->tls = tls;
    c->tls_settled = settled;
  }
  c->state = state;
  c->state_free = state_free;
  c->by_fingerprint = fp;
  c->use_creds = creds; /* the chosen probe reads with what it identified with */
  c->deadline = deadline;
  return found;
}

int audit_endpoint(const struct audit_cfg *cfg, struct ajar_scratch *s,
                   const struct tgt_endpoint *e, struct ajar_target_result *out,
                   int *report, int *refused) {
  struct ajar_conn c;
  char why[AJAR_MAX_ERROR] = ""; /* the first reason a probe gave up */
  const struct ajar_probe *order[32], *chosen = NULL;
  char name[AJAR_MAX_HOSTNAME + 64];
  size_t n, i, owners, chosen_at = 0;
  int rc = 0, auth_seen = 0, failed = 0;

  memset(out, 0, sizeof *out);
  memset(&c, 0, sizeof c);
  *report = *refused = 0;
  tgt_endpoint_name(e, name, sizeof name);
  if (!(out->target = strdup(name)))
    return AJAR_ENOMEM;
  c.ep = e;
  c.scope = cfg->scope;
  c.policy = &cfg->policy;
  c.deadline = ajar_now_ms() + cfg->target_deadline_ms;
  if (cfg->run_deadline && cfg->run_deadline < c.deadline)
    c.deadline = cfg->run_deadline;
  c.connect_timeout_ms = cfg->connect_timeout_ms;
  c.read_timeout_ms = cfg->read_timeout_ms;
  c.sample = cfg->sample;
  c.include_system = cfg->include_system;
  c.user = e->spec->user ? e->spec->user : cfg->user;
  c.password = e->spec->user ? e->spec->password : cfg->password;
  c.tls = e->spec->scheme == TGT_SCHEME_HTTPS ||
          (e->spec->scheme == TGT_SCHEME_NONE && tls_port(e->port));
  c.tls_settled = e->spec->scheme != TGT_SCHEME_NONE;

  if (e->spec->kind == TGT_HOST) {
    snprintf(c.url_host, sizeof c.url_host, "%s", e->spec->host);
    c.host_name = e->spec->host;
    if ((rc = resolve_host(&c, e, out, refused)) || out->error)
      goto out;
  } else {
    char a[INET6_ADDRSTRLEN];
    tgt_addr_str(&e->addr, a, sizeof a);
    snprintf(c.url_host, sizeof c.url_host, e->addr.family == AF_INET6 ? "[%s]" : "%s", a);
    if (tgt_policy_check(&cfg->policy, &e->addr, c.refused_why,
                         sizeof c.refused_why)) {
      *refused = 1;
      rc = set_err(out, "refused: %s%s", c.refused_why, "");
      goto out;
    }
    c.addrs[0] = e->addr; /* a host name's are set by resolve_host */
    c.n_addrs = 1;
  }

  n = probe_order(e, cfg->probe_all, order, &owners);
  for (i = 0; i < n && !chosen && !failed; i++) {
    const struct ajar_probe *p = order[i];
    c.use_creds = 0;
    c.by_fingerprint = i >= owners;
    probe_state_set(&c, NULL, NULL); /* never another probe's state */
    out->auth_required = 0;
    rc = p->identify(&c, out);
    /* by fingerprint, a peer that stays silent to one protocol, or
     * answers it with nonsense, may still speak another */
    if (c.by_fingerprint && conn_left_ms(&c) > 0 &&
        (rc == AJAR_ETIMEDOUT || rc == AJAR_ETOOBIG || rc == AJAR_EPARSE)) {
      if (!why[0]) /* keep the first real reason for the final line */
        snprintf(why, sizeof why, "%s", c.err);
      rc = AJAR_EPROTO;
    }
    if (rc == AJAR_EAUTH || (!rc && out->auth_required)) {
      int recognised = !rc;
      auth_seen = 1;
      rc = AJAR_EAUTH;
      if (c.user) {
        c.use_creds = 1;
        rc = p->identify(&c, out);
        if (c.status == 401 || c.status == 403) {
          set_err(out, "the credentials given were refused%s%s",
                  p->flags & AJAR_PROBE_NATIVE ? ""
                  : c.status == 401 ? " (HTTP 401)" : " (HTTP 403)", "");
          rc = recognised ? 0 : AJAR_EAUTH;
        }
      } else if (recognised) {
        rc = 0;
      }
      out->auth_required = 1;
    }
    if (rc == AJAR_EPROTO) { /* not this store: forget what it said */
      free(out->store);
      free(out->version);
      free(out->note);
      out->store = out->version = out->note = NULL;
    }
    if (!rc) {
      chosen = p;
      chosen_at = i;
    } else if (rc == AJAR_ENOMEM) {
      goto out;
    } else if (rc != AJAR_EPROTO && rc != AJAR_EAUTH) {
      set_err(out, "%s%s", c.err, "");
      failed = 1;
    }
  }
  rc = 0;
  out->reachable = c.answered;
  out->tls = c.answered && c.tls;
  if (!chosen) {
    out->auth_required = auth_seen;
    if (auth_seen && e->spec->probe)
      probe_set_str(&out->store, e->spec->probe);
    if (!out->error && !auth_seen && !c.answered && !cfg->probe_all &&
        !e->spec->probe)
      rc = probe_set_str(&out->error, "no HTTP store answered (--probe-all also "
                                      "tries the native protocols)");
    if (!out->error && !auth_seen && (c.answered || e->spec->probe)) {
      char line[AJAR_MAX_ERROR];
      if (why[0])
        snprintf(line, sizeof line, "no known data store answered: %.200s", why);
      else if (c.status)
        snprintf(line, sizeof line, "no known data store answered (HTTP %ld)",
                 c.status);
      else /* a native exchange, or no HTTP answer: say what went wrong */
        snprintf(line, sizeof line, "no known data store answered%s%.180s",
                 c.err[0] ? ": " : "", c.err);
      rc = probe_set_str(&out->error, line);
    }
    goto out;
  }
  if (out->store) {
    char other[64], note[AJAR_MAX_ERROR];
    if (answers_like_another(&c, order, n, chosen_at, out->store, other, sizeof other)) {
      snprintf(note, sizeof note, "answers like several stores (%.40s, %.40s): "
               "likely a honeypot; not read", out->store, other);
      free(out->store);
      free(out->version);
      free(out->note);
      out->store = out->version = NULL;
      out->note = NULL;
      out->auth_required = 0;
      rc = probe_set_str(&out->note, note);
      out->severity = AJAR_SEV_INFO;
      goto out;
    }
  }
  if (e->spec->probe && !strcmp(e->spec->probe, "opensearch") && !out->store)
    probe_set_str(&out->store, "opensearch");
  if (!out->error && (!out->auth_required || c.use_creds)) {
    int open = !out->auth_required;
    rc = chosen->enumerate(&c, out);
    if (rc && rc != AJAR_ENOMEM) {
      set_err(out, "%s%s", c.err, "");
      rc = 0;
    }
    if (!rc)
      rc = read_collections(cfg, s, &c, chosen, out, open);
  }
  rate(out, !out->auth_required);
out:
  if (!out->reachable)
    out->reachable = c.answered;
  if (c.scope_refused)
    *refused = 1;
  /* refusals: the scheduler reports one per target spec */
  *report = c.answered;
  curl_easy_cleanup(c.curl);
  curl_slist_free_all(c.resolve);
  free(c.body);
  probe_state_set(&c, NULL, NULL);
  return rc;
}
