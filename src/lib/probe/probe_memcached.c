/* memcached (text protocol over plain TCP).
 *
 * The requests this probe may send, nothing else (never a write, never
 * flush, never a SASL or `set`-based login):
 *   version        (padded with spaces to 16 bytes, which memcached
 *                   ignores: a framed protocol's server, MongoDB's with
 *                   its 16-byte header, then has a whole header to refuse
 *                   at once instead of waiting for the rest)
 *   stats
 *   lru_crawler metadump hash  (memcached >= 1.6.10: the hash table)
 *   lru_crawler metadump all   (when `hash` is refused: the LRUs)
 *     (either again, up to 20 times, while the crawler is BUSY)
 *   get KEY          (KEY from metadump: printable, no space, <= 250 bytes)
 *
 * Written by hand over net.c: no maintained C client (libmemcached is
 * unmaintained and has no call for metadump, and none takes a
 * whole-session deadline). Every line is at most AJAR_MAX_LINE bytes,
 * every value's length is checked against AJAR_MAX_RECORD before it is
 * read, every read waits at most the read timeout and never past the
 * deadline. `lru_crawler metadump` may never send END (memcached #667):
 * it is read until END, AJAR_MAX_MEMCACHED_KEYS lines, or half of what is
 * left of the deadline, and a note says when it stopped early. A peer
 * whose answer to `version` is not exactly "VERSION x.y..." is not
 * memcached (an echo server, HTTP, Redis: AJAR_EPROTO).
 */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "probe/keygroups.h"
#include "probe/listings.h"
#include "probe/lines.h"
#include "probe/probe_util.h"

static const uint16_t memcached_ports[] = {11211, 0};

struct mconn {
  struct ajar_conn *c;
  struct line_conn lc;  /* the text protocol's socket (lines.c) */
  struct kg_set kg;
  int partial;          /* metadump stopped before END */
  int no_metadump;
};

static void mconn_free(void *p) {
  struct mconn *m = p;
  if (!m)
    return;
  line_conn_close(&m->lc);
  kg_clear(&m->kg);
  free(m);
}

static int mc_identify(struct ajar_conn *c, struct ajar_target_result *t) {
  struct mconn *m = calloc(1, sizeof *m);
  char line[AJAR_MAX_LINE + 1], note[AJAR_MAX_ERROR];
  const char *v;
  int rc;
  if (!m)
    return AJAR_ENOMEM;
  m->c = c;
  m->lc.conn = c;
  m->lc.fd = -1;
  probe_state_set(c, m, mconn_free);
  c->http.status = 0;
  c->tls = 0;
  t->tls = 0;
  if ((rc = probe_connect_tcp(c, &m->lc.fd)) ||
      (rc = line_conn_send(&m->lc, "version       \r\n")) || /* 16 bytes */
      (rc = line_conn_read_line(&m->lc, line, sizeof line)))
    goto fail;
  /* exactly "VERSION <digit>...": an echo server sends "version" back */
  v = line + 8;
  if (strncmp(line, "VERSION ", 8) || !isdigit((unsigned char)*v) ||
      strspn(v, "0123456789.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_+~") !=
          strlen(v) || strlen(v) > 64) {
    snprintf(c->err, sizeof c->err, "not memcached: unexpected answer to version");
    rc = AJAR_EPROTO;
    goto fail;
  }
  if ((rc = probe_set_str(&t->store, "memcached")) || (rc = probe_set_str(&t->version, v)))
    goto fail;
  /* stats: SASL on means the text protocol refuses what follows */
  if ((rc = line_conn_send(&m->lc, "stats\r\n")))
    goto fail;
  for (;;) {
    char name[128], val[256];
    if ((rc = line_conn_read_line(&m->lc, line, sizeof line)))
      goto fail;
    if (!strcmp(line, "END"))
      break;
    if (!strncmp(line, "CLIENT_ERROR", 12) || !strcmp(line, "ERROR")) {
      t->auth_required = !strncmp(line, "CLIENT_ERROR unauthenticated", 28);
      break;
    }
    if (sscanf(line, "STAT %127s %255s", name, val) != 2) {
      snprintf(c->err, sizeof c->err, "not memcached: unexpected stats line");
      rc = AJAR_EPROTO;
      goto fail;
    }
    if (!strcmp(name, "auth_enabled_sasl") && !strcmp(val, "yes"))
      t->auth_required = 1;
    if (!strcmp(name, "curr_items")) {
      snprintf(note, sizeof note, "%.40s items (curr_items)", val);
      if ((rc = probe_set_str(&t->note, note)))
        goto fail;
    }
  }
  return 0;
fail:
  probe_state_set(c, NULL, NULL);
  return rc;
}

static int mc_enumerate(struct ajar_conn *c, struct ajar_target_result *t) {
  struct mconn *m = c->state;
  char line[AJAR_MAX_LINE + 1], key[MC_MAX_KEY + 1];
  int64_t stop_at = ajar_now_ms() + conn_left_ms(c) / 2;
  uint64_t lines = 0;
  size_t i;
  int rc, busy_retries = 0, all = 0;
  if (!m)
    return AJAR_EINVAL;
  if ((rc = line_conn_send(&m->lc, "lru_crawler metadump hash\r\n")))
    return rc;
  for (;;) {
    int64_t size;
    size_t kn;
    if (lines >= AJAR_MAX_MEMCACHED_KEYS || ajar_now_ms() >= stop_at) {
      m->partial = 1;
      break;
    }
    /* the metadump never ends on some servers: a read timeout ends it */
    rc = line_conn_read_line(&m->lc, line, sizeof line);
    if (rc == AJAR_ETIMEDOUT && m->kg.keys) {
      m->partial = 1;
      break;
    }
    if (rc)
      return rc;
    if (!strcmp(line, "END"))
      break;
    /* another client's crawl still running: wait for it, a few times */
    if (!lines && !strncmp(line, "BUSY", 4) && busy_retries++ < 20 &&
        conn_left_ms(c) > 500) {
      struct timespec ts = {0, 200 * 1000000L};
      nanosleep(&ts, NULL);
      if ((rc = line_conn_send(&m->lc, all ? "lru_crawler metadump all\r\n"
                                : "lru_crawler metadump hash\r\n")))
        return rc;
      continue;
    }
    /* `metadump hash` (1.6.10+) walks the hash table: every item once,
     * unlike the LRU walk of `metadump all`, which misses items the LRU
     * maintainer moves meanwhile */
    if (!lines && !all && (!strcmp(line, "ERROR") || !strncmp(line, "CLIENT_ERROR", 12))) {
      all = 1;
      if ((rc = line_conn_send(&m->lc, "lru_crawler metadump all\r\n")))
        return rc;
      continue;
    }
    if (!lines && (!strcmp(line, "ERROR") || !strncmp(line, "CLIENT_ERROR", 12) ||
                   !strncmp(line, "BUSY", 4))) {
      m->no_metadump = 1; /* < 1.4.31, crawler off, or busy */
      break;
    }
    lines++;
    if ((kn = listing_metadump_key(line, key, &size)))
      if ((rc = kg_add(&m->kg, 0, key, kn, size, c->sample)))
        return rc;
  }
  if (m->partial) { /* the rest of the dump would be read as replies */
    line_conn_close(&m->lc);
  }
  if ((rc = kg_collections(&m->kg, t)))
    return rc;
  for (i = 0; i < m->kg.n; i++) {
    const struct kg_group *g = &m->kg.g[i];
    struct ajar_collection_result *cr = &t->collections[i];
    if (probe_ransom_name(g->first_key) &&
        (rc = probe_set_str(&cr->note, "looks wiped or ransomed: a key name is a "
                                       "ransom note's")))
      return rc;
    if (m->partial && !cr->note &&
        (rc = probe_set_str(&cr->note, "records: the keys a partial metadump listed")))
      return rc;
  }
  return probe_note_add(
      &t->note, "%s",
           m->no_metadump ? "keys cannot be listed (no lru_crawler metadump: "
                            "memcached < 1.4.31, or the crawler is off)"
           : m->partial   ? "metadump stopped early (a cap or the deadline): "
                            "key counts are partial"
                   : all      ? "keys listed by lru_crawler metadump all (an LRU walk: "
                                "may miss keys moved meanwhile)"
                          : "keys listed by lru_crawler metadump hash");
}

static int mc_get(struct mconn *m, const char *key, ajar_record_cb cb, void *ctx,
                  unsigned *fed, int *too_big) {
  struct ajar_conn *c = m->c;
  char line[AJAR_MAX_LINE + 1], cmd[MC_MAX_KEY + 16], rkey[MC_MAX_KEY + 1];
  unsigned flags;
  unsigned long long bytes;
  int rc;
  if (m->lc.fd < 0 && (rc = probe_connect_tcp(c, &m->lc.fd)))
    return rc;
  snprintf(cmd, sizeof cmd, "get %s\r\n", key);
  if ((rc = line_conn_send(&m->lc, cmd)) || (rc = line_conn_read_line(&m->lc, line, sizeof line)))
    return rc;
  if (!strcmp(line, "END"))
    return 0; /* gone since the dump */
  if (sscanf(line, "VALUE %250s %u %llu", rkey, &flags, &bytes) != 3 || strcmp(rkey, key)) {
    snprintf(c->err, sizeof c->err, "unexpected answer to get");
    return AJAR_EPROTO;
  }
  if (bytes > AJAR_MAX_RECORD) {
    /* not read: the connection cannot be reused past it */
    *too_big = 1;
    line_conn_close(&m->lc);
    return 0;
  }
  {
    char *v = malloc((size_t)bytes + 2);
    json_t *j = NULL;
    if (!v)
      return AJAR_ENOMEM;
    if ((rc = line_conn_read_exact(&m->lc, v, (size_t)bytes + 2)) || (rc = line_conn_read_line(&m->lc, line, sizeof line))) {
      free(v);
      return rc;
    }
    if (strcmp(line, "END")) {
      free(v);
      snprintf(c->err, sizeof c->err, "unexpected end of a get reply");
      return AJAR_EPROTO;
    }
    if (bytes && (v[0] == '{' || v[0] == '['))
      j = json_loadb(v, (size_t)bytes, 0, NULL);
    if (j) {
      json_decref(j);
      (*fed)++;
      rc = cb(ctx, v, (size_t)bytes); /* a JSON value is the record itself */
    } else {
      char *s;
      j = json_pack("{s:s,s:s#}", "_key", key, "value", v, (int)bytes);
      s = j ? json_dumps(j, JSON_COMPACT) : NULL;
      json_decref(j);
      if (!s) { /* not UTF-8: binary, not classified */
        free(v);
        return 0;
      }
      (*fed)++;
      rc = cb(ctx, s, strlen(s));
      free(s);
    }
    free(v);
  }
  return rc;
}

static int mc_sample(struct ajar_conn *c, struct ajar_collection_result *coll,
                     ajar_record_cb cb, void *ctx) {
  struct mconn *m = c->state;
  const struct kg_group *g = NULL;
  unsigned fed = 0;
  int rc = 0, too_big = 0;
  size_t i;
  if (!m)
    return 0;
  g = kg_find(&m->kg, coll->name);
  for (i = 0; g && i < g->n_sample && fed < c->sample && !rc; i++)
    rc = mc_get(m, g->sample[i], cb, ctx, &fed, &too_big);
  if (!rc && too_big)
    rc = probe_note_add(&coll->note, "values over the size cap were skipped");
  return rc;
}

const struct ajar_probe ajar_probe_memcached = {
    .name = "memcached",
    .ports = memcached_ports,
    .identify = mc_identify,
    .enumerate = mc_enumerate,
    .sample = mc_sample,
    .help = "memcached: version, stats, keys by lru_crawler metadump (bounded) "
            "grouped by prefix, a get of a sample (no writes)",
    .flags = AJAR_PROBE_NATIVE | AJAR_PROBE_LINE,
};
