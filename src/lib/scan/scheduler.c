/* ajar_scan_run: the pool's workers (pool.c) pull endpoints one at a time
 * in the scan's pseudo-random order (scan/order.h: a permutation of the
 * target space in constant memory, so a /16 is never in memory; --shard
 * K/N takes part of it), each with its own classifier scratch; starts are
 * paced by --rate, and an endpoint whose host already has max_per_host
 * endpoints in flight waits aside (a bounded list) while others go ahead;
 * the calling thread only reports progress. Memory grows with the number
 * of workers. */
#include <curl/curl.h>
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "opts.h"
#include "pool.h"
#include "probe/probe.h"
#include "scan/audit.h"
#include "scan/order.h"
#include "scan/target.h"

/* a host with endpoints in flight */
struct busy_host {
  char name[AJAR_MAX_HOSTNAME + 1];
  int n;
};

struct run {
  const struct ajar_scan_opts *o;
  struct tgt_list list;
  struct tgt_netset scope;
  struct cred_set creds;     /* o->credentials, parsed */
  struct audit_cfg cfg;
  ajar_target_cb cb;
  void *ctx;

  pthread_mutex_t mu;        /* everything below */
  pthread_cond_t host_free;  /* a busy host has one endpoint fewer */
  struct scan_order order;
  int max_per_host, exhausted;
  struct busy_host busy[AJAR_MAX_CONCURRENCY];
  size_t n_busy;
  struct tgt_endpoint *deferred; /* waiting for their host */
  size_t n_deferred;
  unsigned char *refusal_told; /* per spec: its refusal was reported */
  uint64_t done, answered, open;
  double next_start;         /* ms, for --rate */
  int stop, cut_short, rc;
  pthread_mutex_t cb_mu;     /* serialises cb */
};

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static void curl_init(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }

static void probe_ports(uint16_t *out, size_t cap) {
  size_t i, j, n = 0;
  for (i = 0; ajar_probes[i]; i++)
    for (j = 0; ajar_probes[i]->ports[j] && n + 1 < cap; j++)
      out[n++] = ajar_probes[i]->ports[j];
  out[n] = 0;
}

static const char *const local_target[] = {"127.0.0.1"};

static int init_list(struct tgt_list *l, const char *const *targets, size_t n,
                     const struct ajar_scan_opts *o, char *err, size_t errlen) {
  uint16_t defaults[64];
  probe_ports(defaults, sizeof defaults / sizeof defaults[0]);
  if (!n) {
    targets = local_target;
    n = 1;
  }
  return tgt_list_init(l, targets, n, o ? o->ports : NULL,
                       o ? o->exclude : NULL, o ? o->n_exclude : 0, defaults,
                       err, errlen);
}

void ajar_scan_opts_init(struct ajar_scan_opts *o) {
  memset(o, 0, sizeof *o);
  o->size = sizeof *o;
}

int ajar_scan_validate(const char *const *targets, size_t n,
                       const struct ajar_scan_opts *o, char *err, size_t errlen) {
  struct tgt_list l;
  struct tgt_netset scope;
  size_t i;
  int rc;
  if (o && !opts_size_known(o->size, sizeof *o)) {
    if (err)
      snprintf(err, errlen, "struct ajar_scan_opts of %zu bytes: this "
               "library knows %zu (set size with ajar_scan_opts_init)",
               o->size, sizeof *o);
    return AJAR_EINVAL;
  }
  if (o && o->shard_count > 1 &&
      (o->shard_index < 1 || o->shard_index > o->shard_count)) {
    if (err)
      snprintf(err, errlen, "shard %u of %u: K must be 1 to N", o->shard_index,
               o->shard_count);
    return AJAR_EINVAL;
  }
  rc = init_list(&l, targets, n, o, err, errlen);
  if (rc)
    return rc;
  tgt_list_clear(&l);
  memset(&scope, 0, sizeof scope);
  for (i = 0; o && i < o->n_scope && !rc; i++) {
    char e[AJAR_MAX_ERROR];
    if ((rc = tgt_netset_add(&scope, o->scope[i], 1, e, sizeof e)) && err)
      snprintf(err, errlen, "--scope: %s", e);
  }
  tgt_netset_clear(&scope);
  if (!rc && o) {
    struct cred_set creds;
    char e[AJAR_MAX_ERROR];
    if ((rc = creds_init(&creds, o->credentials, o->n_credentials, e, sizeof e)) && err)
      snprintf(err, errlen, "--credentials: %s", e);
    creds_clear(&creds);
  }
  return rc;
}

/* the addresses of the host names in set, added to it (each name within
 * AJAR_DNS_TIMEOUT_MS); a name that does not resolve adds nothing */
static int resolve_names(struct tgt_netset *set) {
  size_t h, i, n_hosts = set->n_hosts;
  int rc = 0;
  for (h = 0; h < n_hosts && !rc; h++) {
    struct tgt_addr a[AJAR_MAX_RESOLVED];
    char e[AJAR_MAX_ERROR];
    size_t n = 0;
    int g = tgt_resolve(set->hosts[h], ajar_now_ms() + AJAR_DNS_TIMEOUT_MS, a,
                        AJAR_MAX_RESOLVED, &n, e, sizeof e);
    if (g == AJAR_ENOMEM)
      return g;
    for (i = 0; i < n && !rc; i++)
      rc = tgt_netset_add_addr(set, &a[i]);
  }
  return rc;
}

/* --scope: names are resolved once, here; the addresses are what count.
 * --exclude names too: excluded by name, and by every address they have */
static int load_scope(struct run *r, char *err, size_t errlen) {
  const struct ajar_scan_opts *o = r->o;
  size_t i;
  int rc = 0;
  for (i = 0; i < o->n_scope && !rc; i++)
    rc = tgt_netset_add(&r->scope, o->scope[i], 1, err, errlen);
  if (!rc)
    rc = resolve_names(&r->scope);
  if (!rc)
    rc = resolve_names(&r->list.exclude);
  return rc;
}

/* endpoints of host h in flight (r->mu held) */
static struct busy_host *busy_find(struct run *r, const char *h) {
  size_t i;
  for (i = 0; i < r->n_busy; i++)
    if (!strcmp(r->busy[i].name, h))
      return &r->busy[i];
  return NULL;
}

static int host_has_room(struct run *r, const char *h) {
  struct busy_host *b = busy_find(r, h);
  return !b || b->n < r->max_per_host;
}

static void host_take(struct run *r, const char *h) {
  struct busy_host *b = busy_find(r, h);
  if (!b) { /* a slot per worker: never full */
    b = &r->busy[r->n_busy++];
    snprintf(b->name, sizeof b->name, "%s", h);
    b->n = 0;
  }
  b->n++;
}

static void host_give(struct run *r, const char *h) {
  struct busy_host *b = busy_find(r, h);
  if (b && !--b->n)
    *b = r->busy[--r->n_busy];
  pthread_cond_broadcast(&r->host_free);
}

/* The next endpoint a worker may start (r->mu held; may wait on
 * host_free): one set aside whose host has room, else the next of the
 * order, set aside while its host is full. 1, or 0 when none is left. */
static int pick(struct run *r, struct tgt_endpoint *e, uint64_t *skipped) {
  char h[AJAR_MAX_HOSTNAME + 1];
  for (;;) {
    size_t i;
    if (r->stop)
      return 0;
    for (i = 0; i < r->n_deferred; i++) {
      tgt_endpoint_host(&r->deferred[i], h, sizeof h);
      if (host_has_room(r, h)) {
        *e = r->deferred[i];
        memmove(&r->deferred[i], &r->deferred[i + 1],
                (r->n_deferred - i - 1) * sizeof *r->deferred);
        r->n_deferred--;
        host_take(r, h);
        return 1;
      }
    }
    while (!r->exhausted && r->n_deferred < AJAR_MAX_DEFERRED) {
      if (!scan_order_next(&r->order, e, skipped)) {
        r->exhausted = 1;
        break;
      }
      tgt_endpoint_host(e, h, sizeof h);
      if (host_has_room(r, h)) {
        host_take(r, h);
        return 1;
      }
      r->deferred[r->n_deferred++] = *e;
    }
    if (r->exhausted && !r->n_deferred)
      return 0;
    pthread_cond_wait(&r->host_free, &r->mu); /* a busy host frees up */
  }
}

/* A refused range is reported once, under its first endpoint, whichever
 * of its endpoints the scan order met first: when that first endpoint is
 * refused as well (the policy alone says so: nothing is sent), t becomes
 * its result. 0, or audit_endpoint's error. */
static int tell_first_endpoint(struct run *r, struct ajar_scratch *s,
                               const struct tgt_endpoint *e,
                               struct ajar_target_result *t) {
  struct tgt_endpoint first;
  char why[AJAR_MAX_ERROR];
  int report = 0, refused = 0;
  if (e->spec->kind != TGT_RANGE ||
      tgt_spec_endpoint(&r->list, (size_t)(e->spec - r->list.specs), 0, &first) ||
      (first.port == e->port && !memcmp(&first.addr, &e->addr, sizeof e->addr)) ||
      !tgt_policy_check(&r->cfg.policy, &first.addr, why, sizeof why))
    return 0;
  ajar_target_result_clear(t);
  return audit_endpoint(&r->cfg, s, &first, t, &report, &refused);
}

static void worker(void *arg, int i) {
  struct run *r = arg;
  struct ajar_scratch *s = NULL;
  int rc = ajar_scratch_alloc(r->cfg.db, &s);
  (void)i;
  for (;;) {
    struct tgt_endpoint e;
    struct ajar_target_result t;
    char host[AJAR_MAX_HOSTNAME + 1];
    uint64_t skipped = 0;
    double wait = 0;
    int got, report = 0, refused = 0, tell;
    pthread_mutex_lock(&r->mu);
    if (rc && !r->rc)
      r->rc = rc;
    if (r->cfg.run_deadline && ajar_now_ms() >= r->cfg.run_deadline && !r->stop)
      r->stop = r->cut_short = 1;
    got = !r->stop && !rc && pick(r, &e, &skipped);
    r->done += skipped;
    if (got && r->o->rate > 0) {
      double now = (double)ajar_now_ms();
      if (r->next_start < now)
        r->next_start = now;
      wait = r->next_start - now;
      r->next_start += 1000.0 / r->o->rate;
    }
    pthread_mutex_unlock(&r->mu);
    if (!got)
      break;
    tgt_endpoint_host(&e, host, sizeof host);
    if (wait > 0) {
      struct timespec ts = {(time_t)(wait / 1000), (long)((long long)wait % 1000) * 1000000L};
      nanosleep(&ts, NULL);
    }
    rc = audit_endpoint(&r->cfg, s, &e, &t, &report, &refused);
    pthread_mutex_lock(&r->mu);
    host_give(r, host);
    /* a refused target is always reported: once per spec (the first of
     * its endpoints refused), each endpoint with --all or when single */
    tell = refused && !r->refusal_told[e.spec - r->list.specs];
    if (tell)
      r->refusal_told[e.spec - r->list.specs] = 1;
    r->done++;
    r->answered += t.reachable != 0;
    r->open += t.store && t.reachable && !t.auth_required;
    pthread_mutex_unlock(&r->mu);
    if (!rc && tell && !r->o->report_all)
      rc = tell_first_endpoint(r, s, &e, &t);
    if (!rc && (report || tell || e.single || r->o->report_all)) {
      int stop;
      pthread_mutex_lock(&r->cb_mu);
      stop = r->cb(&t, r->ctx);
      pthread_mutex_unlock(&r->cb_mu);
      if (stop) {
        pthread_mutex_lock(&r->mu);
        r->stop = 1;
        pthread_cond_broadcast(&r->host_free);
        pthread_mutex_unlock(&r->mu);
      }
    } else {
      ajar_target_result_clear(&t);
    }
  }
  ajar_scratch_free(s);
  pthread_mutex_lock(&r->mu);
  pthread_cond_broadcast(&r->host_free); /* the others may be done too */
  pthread_mutex_unlock(&r->mu);
}

static void progress(struct run *r, uint64_t total, int64_t t0, int final) {
  struct ajar_scan_progress p;
  double secs = (double)(ajar_now_ms() - t0) / 1000.0;
  if (!r->o->progress)
    return;
  memset(&p, 0, sizeof p);
  p.done = r->done;
  p.total = total;
  p.answered = r->answered;
  p.open = r->open;
  p.rate = secs > 0 ? (double)p.done / secs : 0;
  p.eta_s = p.rate > 0 && total >= p.done ? (double)(total - p.done) / p.rate : -1;
  p.final = final;
  p.cut_short = r->cut_short;
  r->o->progress(&p, r->o->progress_ctx);
}

static int get_ms(int v, int def) { return v > 0 ? v : def; }

int ajar_scan_run(const struct ajar_db *db, const char *const *targets,
                  size_t n, const struct ajar_scan_opts *o,
                  ajar_target_cb cb, void *ctx) {
  static const struct ajar_scan_opts none = AJAR_SCAN_OPTS_INIT;
  struct run r;
  struct pool pool;
  uint64_t total;
  int64_t t0 = ajar_now_ms();
  int nw, rc;
  char err[AJAR_MAX_ERROR];

  if (!db || !cb || (n && !targets) ||
      (o && !opts_size_known(o->size, sizeof *o)))
    return AJAR_EINVAL;
  if (!o)
    o = &none;
  pthread_once(&curl_once, curl_init);
  memset(&r, 0, sizeof r);
  r.o = o;
  r.cb = cb;
  r.ctx = ctx;
  if ((rc = init_list(&r.list, targets, n, o, err, sizeof err)))
    return rc;
  if ((rc = load_scope(&r, err, sizeof err)) ||
      (rc = creds_init(&r.creds, o->credentials, o->n_credentials, err, sizeof err)))
    goto out;
  if (!(r.refusal_told = calloc(r.list.n ? r.list.n : 1, 1))) {
    rc = AJAR_ENOMEM;
    goto out;
  }
  r.cfg.db = db;
  r.cfg.scope = o->n_scope ? &r.scope : NULL;
  r.cfg.policy.scope = r.cfg.scope;
  r.cfg.policy.exclude = &r.list.exclude;
  r.cfg.policy.authorized = o->authorized;
  r.cfg.connect_timeout_ms = get_ms(o->connect_timeout_ms, AJAR_CONNECT_TIMEOUT_MS);
  r.cfg.read_timeout_ms = get_ms(o->read_timeout_ms, AJAR_READ_TIMEOUT_MS);
  r.cfg.target_deadline_ms = get_ms(o->target_deadline_ms, AJAR_TARGET_DEADLINE_MS);
  r.cfg.run_deadline = o->max_runtime_ms > 0 ? t0 + o->max_runtime_ms : 0;
  r.cfg.sample = o->sample ? (o->sample > AJAR_MAX_SAMPLE ? AJAR_MAX_SAMPLE : o->sample)
                           : AJAR_DEFAULT_SAMPLE;
  r.cfg.include_system = o->include_system;
  r.cfg.reveal = o->reveal;
  r.cfg.probe_all = o->probe_all;
  r.cfg.user = o->user;
  r.cfg.password = o->password;
  r.cfg.creds = &r.creds;
  r.cfg.allow_cleartext = o->allow_cleartext_password;
  r.cfg.cacert = o->cacert;
  r.cfg.insecure = o->insecure;
  r.max_per_host = o->max_per_host > 0 ? o->max_per_host : AJAR_DEFAULT_MAX_PER_HOST;
  if (!(r.deferred = malloc(AJAR_MAX_DEFERRED * sizeof *r.deferred))) {
    rc = AJAR_ENOMEM;
    goto out;
  }
  if ((rc = scan_order_init(&r.order, &r.list, AJAR_ORDER_KEY,
                            o->shard_count > 1 ? o->shard_index : 1,
                            o->shard_count > 1 ? o->shard_count : 1)))
    goto out;
  total = scan_order_count(&r.order);
  nw = o->concurrency > 0 ? o->concurrency : AJAR_DEFAULT_CONCURRENCY;
  if (nw > AJAR_MAX_CONCURRENCY)
    nw = AJAR_MAX_CONCURRENCY;
  if ((uint64_t)nw > total)
    nw = total ? (int)total : 1;
  pthread_mutex_init(&r.mu, NULL);
  pthread_mutex_init(&r.cb_mu, NULL);
  pthread_cond_init(&r.host_free, NULL);
  if (!pool_start(&pool, nw, worker, &r))
    rc = AJAR_ENOMEM;
  while (pool_wait(&pool, AJAR_PROGRESS_MS) > 0) {
    pthread_mutex_lock(&r.mu);
    progress(&r, total, t0, 0);
    pthread_mutex_unlock(&r.mu);
  }
  pthread_mutex_lock(&r.mu);
  progress(&r, total, t0, 1);
  pthread_mutex_unlock(&r.mu);
  pool_join(&pool);
  if (!rc)
    rc = r.rc ? r.rc : r.cut_short ? AJAR_ETIMEDOUT : 0;
  pthread_cond_destroy(&r.host_free);
  pthread_mutex_destroy(&r.cb_mu);
  pthread_mutex_destroy(&r.mu);
out:
  scan_order_clear(&r.order);
  free(r.deferred);
  free(r.refusal_told);
  tgt_netset_clear(&r.scope);
  tgt_list_clear(&r.list);
  creds_clear(&r.creds);
  return rc;
}
