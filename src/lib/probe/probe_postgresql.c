/* PostgreSQL, with libpq.
 *
 * The statements this probe may send, each in its own read-only
 * transaction ("BEGIN TRANSACTION READ ONLY; ...; COMMIT"), on sessions
 * opened with default_transaction_read_only=on and a statement_timeout:
 *   SELECT version()
 *   SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate
 *     ORDER BY datname LIMIT AJAR_SQL_MAX_DATABASES + 1
 *   SELECT n.nspname, c.relname, c.reltuples::bigint, pg_total_relation_size(c.oid),
 *     c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 *     WHERE c.relkind IN ('r','p','m') AND NOT c.relispartition
 *     [AND n.nspname NOT IN ('pg_catalog','information_schema')
 *      AND n.nspname NOT LIKE 'pg\_toast%'] ORDER BY 1, 2 LIMIT MAXC
 *   SELECT count(*) FROM S.T     (only tables under AJAR_PG_EXACT_COUNT_BYTES,
 *                                 whose reltuples is unknown or an estimate)
 *   SELECT CASE WHEN octet_length(j) <= AJAR_SQL_MAX_ROW THEN j END FROM
 *     (SELECT row_to_json(t)::text AS j FROM S.T t [TABLESAMPLE SYSTEM (P)]
 *      LIMIT N) x
 * (S, T quoted with PQescapeIdentifier; N the sample size; TABLESAMPLE only
 * for tables far larger than N, and LIMIT alone when it gives too few.)
 *
 * Connections go to the endpoint's checked numeric address (hostaddr=);
 * host= carries the target's name only for TLS (SNI), so libpq never
 * resolves a name. sslmode=prefer; no GSSAPI; no .pgpass, service file or
 * client certificate (whatever PG* variables say). First as `postgres`
 * with no password (a `trust` rule lets it in); the user's credentials
 * only when that is refused. Without TLS their password goes only by
 * SCRAM: a server that asks for it in cleartext or as MD5 gets nothing
 * unless --allow-cleartext-password (its request is peeked on the socket
 * before libpq reads it; libpq 15 has no require_auth). So a password
 * goes over TLS only when --cacert verifies it (sslmode=verify-full),
 * else over plain TCP (sslmode=disable) where that guard can read, unless
 * --insecure (sslmode=prefer, the guard on plain sessions only). Every wait is bounded by the read timeout and
 * the endpoint's deadline; the bytes read for one statement are capped at
 * AJAR_MAX_RESPONSE (counted by the kernel, so a hostile server cannot make
 * libpq buffer more than that).
 *
 * Identification: a session, or a refusal libpq got from the server itself
 * (it asked for a password, or sent a FATAL error). An echo server or an
 * HTTP server fails libpq's handshake and is not PostgreSQL. Tried by
 * fingerprint (a port not PostgreSQL's), the probe first sends, on a
 * connection of its own, one more request:
 *   a StartupMessage of protocol version 0.0 (19 bytes: user "ajar"),
 * which a PostgreSQL server refuses at once with an error ('E': since 7.4
 * the earliest protocol it takes is 2.0); anything else (a close, other
 * bytes, silence for a fingerprint wait) is not PostgreSQL, and libpq is
 * not started. libpq's own first request, an 8-byte SSLRequest, leaves a
 * framed protocol's server with a longer header (MongoDB's 16 bytes)
 * waiting for the rest; those 19 bytes it refuses at once (docs/scan.md).
 */
#include <jansson.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "probe/probe_util.h"

static const uint16_t pg_ports[] = {5432, 0};

#define AJAR_SQL_MAX_ROW (1u << 20)              /* bytes of one sampled row */
#define AJAR_PG_EXACT_COUNT_BYTES (64u << 20)    /* count(*) below this size */
#define PG_NO_FILE "/nonexistent/ajar-none"      /* .pgpass, client certs: none */

struct pg_state {
  PGconn *conn;
  char db[128];         /* database of conn */
  char user[128];       /* who got in */
  char *password;       /* what let them in (NULL: none) */
  int addr;             /* index in c->addrs that answered */
};

static void pg_state_free(void *p) {
  struct pg_state *st = p;
  if (!st)
    return;
  if (st->conn)
    PQfinish(st->conn);
  probe_secret_free(st->password);
  free(st);
}

static int wait_ms(const struct ajar_conn *c) {
  return probe_read_wait_ms(c);
}

static uint64_t bytes_in(int fd) {
  uint64_t n;
  probe_bytes_in(fd, &n); /* 0 on an old kernel: the deadline still bounds it */
  return n;
}

/* libpq's own words for "the server is PostgreSQL, and said no" */
static int server_refused(PGconn *pg) {
  const char *m = PQerrorMessage(pg);
  return PQconnectionNeedsPassword(pg) || PQconnectionUsedPassword(pg) ||
         strstr(m, "FATAL:") || strstr(m, "password authentication failed") ||
         strstr(m, "no pg_hba.conf entry");
}

static void one_line(char *out, size_t n, const char *m) {
  size_t k = 0;
  const char *p = strstr(m, "FATAL:");
  if (p)
    m = p;
  for (; *m && k + 1 < n; m++) {
    char ch = *m == '\n' || *m == '\r' || *m == '\t' ? ' ' : *m;
    if (ch != ' ' || (k && out[k - 1] != ' ')) /* libpq indents with tabs */
      out[k++] = ch;
  }
  while (k && out[k - 1] == ' ')
    k--;
  out[k] = 0;
}

/* The authentication request waiting on fd, before libpq reads it: 3
 * (cleartext password) or 5 (MD5), the ones that would put the password,
 * or a hash as good as it, on an unencrypted wire; 0 for anything else;
 * -1 when the first message has not fully arrived (wait for it: libpq
 * must not read a part). Peeked, so libpq still reads every byte itself. */
static int cleartext_request_waiting(int fd) {
  unsigned char b[512];
  ssize_t n = recv(fd, b, sizeof b, MSG_PEEK | MSG_DONTWAIT);
  size_t off = 0;
  if (n > 0 && n < 9)
    return -1;
  while (n > 0 && off + 9 <= (size_t)n) {
    uint32_t len = (uint32_t)b[off + 1] << 24 | (uint32_t)b[off + 2] << 16 |
                   (uint32_t)b[off + 3] << 8 | b[off + 4];
    if (b[off] == 'R' && len >= 8) {
      uint32_t code = (uint32_t)b[off + 5] << 24 | (uint32_t)b[off + 6] << 16 |
                      (uint32_t)b[off + 7] << 8 | b[off + 8];
      if (code == 3 || code == 5)
        return (int)code;
    }
    if (len < 4 || len > sizeof b)
      break;
    off += 1 + len;
  }
  return 0;
}

/* Open a session as user (password may be NULL) to db, on the checked
 * addresses. 0 with *out; AJAR_EAUTH (the server refused: *out still set,
 * for the caller to read the reason, then PQfinish); AJAR_ECONNECT,
 * AJAR_ETIMEDOUT, AJAR_EPROTO (not PostgreSQL), AJAR_ESCOPE. */
static int pg_open(struct ajar_conn *c, const char *user, const char *password,
                   const char *db, PGconn **out, int *addr_used) {
  size_t i;
  int rc = AJAR_ECONNECT;
  *out = NULL;
  for (i = 0; i < c->n_addrs; i++) {
    char addr[64], port[8], timeout[16], options[160];
    const char *kw[] = {"hostaddr", "host", "port", "user", "password", "dbname",
                        "connect_timeout", "sslmode", "gssencmode", "sslcert", "sslkey",
                        "passfile", "options", "application_name", "client_encoding",
                        "target_session_attrs", "sslrootcert", NULL};
    const char *val[sizeof kw / sizeof kw[0]];
    PGconn *pg;
    PostgresPollingStatusType st = PGRES_POLLING_WRITING;
    /* a password goes in clear or as MD5 only over TLS, or when allowed */
    int guard = password && *password && !c->allow_cleartext;
    if (c->scope && !tgt_netset_has_addr(c->scope, &c->addrs[i])) {
      tgt_addr_str(&c->addrs[i], c->refused_addr, sizeof c->refused_addr);
      c->scope_refused = 1;
      snprintf(c->err, sizeof c->err, "refused: %s is outside the scope", c->refused_addr);
      rc = AJAR_ESCOPE;
      continue;
    }
    tgt_addr_str(&c->addrs[i], addr, sizeof addr);
    snprintf(port, sizeof port, "%u", c->ep->port);
    snprintf(timeout, sizeof timeout, "%d",
             c->connect_timeout_ms < 2000 ? 2 : (c->connect_timeout_ms + 999) / 1000);
    snprintf(options, sizeof options,
             "-c default_transaction_read_only=on -c statement_timeout=%d "
             "-c lock_timeout=%d", AJAR_SQL_STATEMENT_MS, AJAR_SQL_STATEMENT_MS / 4);
    val[0] = addr;
    val[1] = c->host_name ? c->host_name : addr;
    val[2] = port;
    val[3] = user;
    val[4] = password ? password : "";
    val[5] = db;
    val[6] = timeout;
    val[7] = "prefer";
    val[8] = "disable";
    val[9] = PG_NO_FILE;
    val[10] = PG_NO_FILE;
    val[11] = PG_NO_FILE;
    val[12] = options;
    val[13] = "ajar";
    val[14] = "UTF8";
    val[15] = "any";
    val[16] = c->cacert ? c->cacert : PG_NO_FILE;
    val[17] = NULL;
    /* a password: over TLS verified with --cacert, else on a plain socket
     * where the guard below sees the server's request (an unverified TLS
     * would hide it), unless --insecure or --allow-cleartext-password */
    if (password && *password && !c->allow_cleartext && !c->insecure)
      val[7] = c->cacert ? "verify-full" : "disable";
    pg = PQconnectStartParams(kw, val, 0);
    if (!pg)
      return AJAR_ENOMEM;
    if (PQstatus(pg) == CONNECTION_BAD) {
      one_line(c->err, sizeof c->err, PQerrorMessage(pg));
      PQfinish(pg);
      rc = AJAR_EPROTO;
      continue;
    }
    while (st != PGRES_POLLING_OK && st != PGRES_POLLING_FAILED) {
      struct pollfd p = {PQsocket(pg), st == PGRES_POLLING_READING ? POLLIN : POLLOUT, 0};
      int w = wait_ms(c), r;
      if (p.fd < 0)
        break;
      r = w > 0 ? poll(&p, 1, w) : 0;
      if (r <= 0) {
        snprintf(c->err, sizeof c->err, "%s", w > 0 ? "timed out in the PostgreSQL handshake"
                                                    : "the target deadline passed");
        PQfinish(pg);
        return c->answered ? AJAR_ETIMEDOUT : AJAR_ECONNECT;
      }
      if (guard && st == PGRES_POLLING_READING &&
          PQstatus(pg) == CONNECTION_AWAITING_RESPONSE && !PQsslInUse(pg)) {
        int code = cleartext_request_waiting(p.fd);
        if (code < 0) {
          struct timespec ts = {0, 5 * 1000 * 1000};
          nanosleep(&ts, NULL);
          continue;
        }
        if (code) {
          PQfinish(pg);
          c->answered = 1;
          return probe_cleartext_ok(c, code == 3 ? "PostgreSQL cleartext password "
                                                   "authentication without TLS"
                                                 : "PostgreSQL MD5 password "
                                                   "authentication without TLS");
        }
      }
      if (!c->heard && bytes_in(p.fd))
        c->heard = 1; /* the peer said something: the read timeout from now */
      st = PQconnectPoll(pg);
      if (PQstatus(pg) != CONNECTION_STARTED && PQstatus(pg) != CONNECTION_MADE &&
          PQstatus(pg) != CONNECTION_BAD)
        c->answered = 1; /* past the TCP connect: something spoke */
    }
    if (PQstatus(pg) == CONNECTION_OK) {
      *out = pg;
      *addr_used = (int)i;
      c->answered = 1;
      return 0;
    }
    one_line(c->err, sizeof c->err, PQerrorMessage(pg));
    if (server_refused(pg)) {
      *out = pg;
      c->answered = 1;
      return AJAR_EAUTH;
    }
    if (strstr(PQerrorMessage(pg), "Connection refused") ||
        strstr(PQerrorMessage(pg), "No route to host")) {
      rc = AJAR_ECONNECT;
    } else {
      rc = strstr(PQerrorMessage(pg), "timeout expired") ? AJAR_ETIMEDOUT : AJAR_EPROTO;
    }
    PQfinish(pg);
  }
  return rc;
}

static int exec_on(struct ajar_conn *c, PGconn *pg, const char *sql, PGresult **res);

/* Run sql in a read-only transaction on the state's session; *res: the
 * result of its SELECT. A session left mid-result (a timeout, the cap) is
 * closed: the next use opens another. */
static int pg_exec(struct ajar_conn *c, struct pg_state *st, const char *sql,
                   PGresult **res) {
  int rc;
  *res = NULL;
  if (!st->conn) {
    snprintf(c->err, sizeof c->err, "no session");
    return AJAR_EPROTO;
  }
  rc = exec_on(c, st->conn, sql, res);
  if (rc == AJAR_ETIMEDOUT || rc == AJAR_ETOOBIG || PQstatus(st->conn) != CONNECTION_OK) {
    PQfinish(st->conn);
    st->conn = NULL;
  }
  return rc;
}

static int exec_on(struct ajar_conn *c, PGconn *pg, const char *sql, PGresult **res) {
  char *full;
  size_t n = strlen(sql) + 64;
  PGresult *r;
  uint64_t start;
  int fd = PQsocket(pg), rc = 0;
  *res = NULL;
  if (!(full = malloc(n)))
    return AJAR_ENOMEM;
  snprintf(full, n, "BEGIN TRANSACTION READ ONLY; %s; COMMIT", sql);
  start = bytes_in(fd);
  if (!PQsendQuery(pg, full)) {
    free(full);
    one_line(c->err, sizeof c->err, PQerrorMessage(pg));
    return AJAR_EPROTO;
  }
  free(full);
  PQsetnonblocking(pg, 1);
  while (PQflush(pg) == 1) {
    struct pollfd p = {fd, POLLOUT, 0};
    if (poll(&p, 1, wait_ms(c)) <= 0) {
      snprintf(c->err, sizeof c->err, "timed out sending a query");
      return AJAR_ETIMEDOUT;
    }
  }
  for (;;) {
    while (PQisBusy(pg)) {
      struct pollfd p = {fd, POLLIN, 0};
      int w = wait_ms(c);
      if (w <= 0 || poll(&p, 1, w) <= 0) {
        snprintf(c->err, sizeof c->err, "timed out reading a result");
        return AJAR_ETIMEDOUT; /* the session is unusable: the caller drops it */
      }
      if (!PQconsumeInput(pg)) {
        one_line(c->err, sizeof c->err, PQerrorMessage(pg));
        return AJAR_EPROTO;
      }
      if (bytes_in(fd) - start > AJAR_MAX_RESPONSE) {
        snprintf(c->err, sizeof c->err, "a result was over the %u MiB cap",
                 AJAR_MAX_RESPONSE >> 20);
        return AJAR_ETOOBIG;
      }
    }
    if (!(r = PQgetResult(pg)))
      break;
    if (PQresultStatus(r) == PGRES_TUPLES_OK && !*res) {
      *res = r;
      continue;
    }
    if (PQresultStatus(r) == PGRES_FATAL_ERROR && !rc) {
      one_line(c->err, sizeof c->err, PQresultErrorMessage(r));
      rc = AJAR_EPROTO;
    }
    PQclear(r);
  }
  if (rc || !*res) {
    PQclear(*res);
    *res = NULL;
    if (!rc) {
      snprintf(c->err, sizeof c->err, "a query returned no rows");
      rc = AJAR_EPROTO;
    }
  }
  return rc;
}

/* By fingerprint, before libpq: is the peer PostgreSQL at all? (top of
 * file) 0, AJAR_EPROTO (no), or the connection's error. */
static int pg_recognise(struct ajar_conn *c) {
  static const unsigned char v0[19] = {0, 0, 0, 19, 0, 0, 0, 0,    /* length, 0.0 */
                                       'u', 's', 'e', 'r', 0, 'a', 'j', 'a', 'r', 0, 0};
  unsigned char b[64];
  size_t got = 0;
  int fd, rc = probe_connect_tcp(c, &fd);
  if (rc)
    return rc;
  if (!(rc = probe_send_all(c, fd, v0, sizeof v0)))
    rc = probe_recv(c, fd, b, sizeof b, &got);
  close(fd);
  if (!rc && (!got || b[0] != 'E')) {
    snprintf(c->err, sizeof c->err, "not PostgreSQL: %s", got ? "no error for protocol 0.0"
                                                              : "the peer closed the connection");
    rc = AJAR_EPROTO;
  }
  return rc;
}

static int pg_identify(struct ajar_conn *c, struct ajar_target_result *t) {
  const char *user = c->use_creds && c->user ? c->user : "postgres";
  const char *password = c->use_creds ? c->password : NULL;
  const char *db = c->ep->spec->database ? c->ep->spec->database : "postgres";
  struct pg_state *st;
  PGconn *pg;
  PGresult *res;
  int addr = 0, rc = c->by_fingerprint && !c->use_creds ? pg_recognise(c) : 0;
  char note[AJAR_MAX_ERROR];
  if (rc)
    return rc;
  rc = pg_open(c, user, password, db, &pg, &addr);
  if (rc == AJAR_EAUTH && strstr(PQerrorMessage(pg), "database \"") &&
      strstr(PQerrorMessage(pg), "does not exist")) {
    PQfinish(pg); /* the user got in, the database is not there */
    rc = pg_open(c, user, password, "template1", &pg, &addr);
    db = "template1";
  }
  if (rc == AJAR_EAUTH) {
    /* the refusal came over TLS or not: this probe's own answer, never
     * what an HTTP probe tried on the port before */
    c->tls = PQsslInUse(pg);
    PQfinish(pg);
    t->auth_required = 1;
    if (c->use_creds)
      c->http.status = 401; /* the engine reports refused credentials */
    return probe_set_str(&t->store, "postgresql");
  }
  if (rc)
    return rc;
  c->tls = t->tls = PQsslInUse(pg); /* the engine reports c->tls */
  if (!(st = calloc(1, sizeof *st))) {
    PQfinish(pg);
    return AJAR_ENOMEM;
  }
  st->conn = pg;
  st->addr = addr;
  snprintf(st->db, sizeof st->db, "%s", db);
  snprintf(st->user, sizeof st->user, "%s", user);
  if (password && !(st->password = strdup(password))) {
    pg_state_free(st);
    return AJAR_ENOMEM;
  }
  probe_set_str(&t->store, "postgresql");
  probe_state_set(c, st, pg_state_free);
  {
    const char *v = PQparameterStatus(pg, "server_version");
    char ver[48];
    snprintf(ver, sizeof ver, "%.*s", v ? (int)strcspn(v, " ") : 0, v ? v : "");
    if (ver[0] && (rc = probe_set_str(&t->version, ver)))
      return rc;
  }
  if (!pg_exec(c, st, "SELECT version()", &res)) {
    if (!t->version && PQntuples(res) == 1) {
      const char *v = PQgetvalue(res, 0, 0), *sp;
      if (!strncmp(v, "PostgreSQL ", 11) && (sp = strchr(v + 11, ' ')))
        snprintf(note, sizeof note, "%.*s", (int)(sp - v - 11), v + 11);
      else
        note[0] = 0;
      if (note[0] && (rc = probe_set_str(&t->version, note))) {
        PQclear(res);
        return rc;
      }
    }
    PQclear(res);
  }
  if (!c->use_creds) {
    snprintf(note, sizeof note, "user %.64s logged in without a password (trust)%s",
             user, t->tls ? "" : "; no TLS");
    return probe_set_str(&t->note, note);
  }
  snprintf(note, sizeof note, "logged in as %.64s with the credentials given%s", user,
           t->tls ? "" : "; no TLS");
  return probe_set_str(&t->note, note);
}

/* a session on db for the state's user */
static int pg_use_db(struct ajar_conn *c, struct pg_state *st, const char *db) {
  PGconn *pg;
  int addr, rc;
  if (st->conn && !strcmp(st->db, db) && PQstatus(st->conn) == CONNECTION_OK)
    return 0;
  if (st->conn)
    PQfinish(st->conn);
  st->conn = NULL;
  rc = pg_open(c, st->user, st->password, db, &pg, &addr);
  if (rc == AJAR_EAUTH) {
    PQfinish(pg);
    return rc;
  }
  if (rc)
    return rc;
  st->conn = pg;
  snprintf(st->db, sizeof st->db, "%s", db);
  return 0;
}

/* a cell's text, NULL for SQL NULL */
static const char *cell(PGresult *r, int row, int col) {
  return PQgetisnull(r, row, col) ? NULL : PQgetvalue(r, row, col);
}

static int add_coll(struct ajar_target_result *t, size_t *cap, const char *db,
                    const char *schema, const char *table, int64_t rows, int64_t bytes) {
  const char *parts[3] = {db, schema, table};
  int rc = probe_collection_room(t, cap);
  return rc ? rc : probe_add_dotted(t, parts, 3, rows, bytes);
}

/* "S.T" quoted for SQL, into out (n bytes); 0 or AJAR_ETOOBIG */
static int qualified(PGconn *pg, const char *schema, const char *table, char *out,
                     size_t n) {
  char *s = PQescapeIdentifier(pg, schema, strlen(schema));
  char *t = s ? PQescapeIdentifier(pg, table, strlen(table)) : NULL;
  int k = s && t ? snprintf(out, n, "%s.%s", s, t) : -1;
  PQfreemem(s);
  PQfreemem(t);
  return k < 0 || (size_t)k >= n ? AJAR_ETOOBIG : 0;
}

static int list_tables(struct ajar_conn *c, struct pg_state *st,
                       struct ajar_target_result *t, size_t *cap, const char *db) {
  char sql[1024];
  PGresult *res;
  int i, n, rc;
  snprintf(sql, sizeof sql,
           "SELECT n.nspname, c.relname, c.reltuples::bigint, "
           "pg_total_relation_size(c.oid), c.relkind FROM pg_class c JOIN pg_namespace n "
           "ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p','m') AND NOT "
           "c.relispartition%s ORDER BY 1, 2 LIMIT %d",
           c->include_system ? "" : " AND n.nspname NOT IN ('pg_catalog', "
                                    "'information_schema') AND n.nspname NOT LIKE "
                                    "'pg\\_toast%'",
           AJAR_MAX_COLLECTIONS + 1);
  if ((rc = pg_use_db(c, st, db)) || (rc = pg_exec(c, st, sql, &res)))
    return rc;
  n = PQntuples(res);
  for (i = 0; i < n && !rc && t->n_collections < AJAR_MAX_COLLECTIONS; i++) {
    const char *schema = PQgetvalue(res, i, 0), *table = PQgetvalue(res, i, 1);
    int64_t rows = probe_count_str(cell(res, i, 2)),
            bytes = probe_count_str(cell(res, i, 3));
    /* reltuples is -1 before the first ANALYZE and an estimate after it:
     * count small tables exactly */
    if (bytes >= 0 && bytes < AJAR_PG_EXACT_COUNT_BYTES && conn_left_ms(c) > 0 &&
        !pg_use_db(c, st, db)) {
      char q[400], cnt[450];
      PGresult *cr;
      if (!qualified(st->conn, schema, table, q, sizeof q)) {
        snprintf(cnt, sizeof cnt, "SELECT count(*) FROM %s", q);
        if (!pg_exec(c, st, cnt, &cr)) {
          rows = probe_count_str(cell(cr, 0, 0));
          PQclear(cr);
        }
      }
    }
    rc = add_coll(t, cap, db, schema, table, rows, bytes);
  }
  PQclear(res);
  return rc;
}

static int pg_enumerate(struct ajar_conn *c, struct ajar_target_result *t) {
  struct pg_state *st = c->state;
  PGresult *res;
  char (*dbs)[128] = NULL;
  size_t cap = 0;
  int i, n, rc, skipped = 0;
  if (!st || !st->conn)
    return AJAR_EPROTO;
  rc = pg_exec(c, st,
               "SELECT datname FROM pg_database WHERE datallowconn AND NOT "
               "datistemplate ORDER BY datname LIMIT 65",
               &res);
  if (rc) {
    /* no pg_database to read: this database alone */
    char db[128];
    snprintf(db, sizeof db, "%s", st->db);
    return list_tables(c, st, t, &cap, db);
  }
  n = PQntuples(res);
  if (n > AJAR_SQL_MAX_DATABASES) {
    skipped = n - AJAR_SQL_MAX_DATABASES;
    n = AJAR_SQL_MAX_DATABASES;
  }
  if (n && !(dbs = calloc((size_t)n, sizeof *dbs))) {
    PQclear(res);
    return AJAR_ENOMEM;
  }
  for (i = 0; i < n; i++)
    snprintf(dbs[i], sizeof dbs[i], "%s", PQgetvalue(res, i, 0));
  PQclear(res);
  for (i = 0; i < n && conn_left_ms(c) > 0; i++) {
    rc = list_tables(c, st, t, &cap, dbs[i]);
    if (rc == AJAR_ENOMEM)
      break;
    if (rc) { /* a database we may not enter: say so, go on */
      rc = probe_note_add(&t->note, "database %.64s not listed: %.100s", dbs[i], c->err);
      if (rc)
        break;
    }
  }
  free(dbs);
  if (!rc && skipped) {
    rc = probe_note_add(&t->note, "only the first %d databases listed",
                        AJAR_SQL_MAX_DATABASES);
  }
  if (!rc)
    probe_sort_collections(t);
  return rc;
}

static int feed_rows(PGresult *res, ajar_record_cb cb, void *ctx, unsigned max,
                     unsigned *got, unsigned *skipped) {
  int i, rc = 0;
  for (i = 0; i < PQntuples(res) && *got < max && !rc; i++) {
    if (PQgetisnull(res, i, 0)) {
      (*skipped)++; /* over AJAR_SQL_MAX_ROW */
      continue;
    }
    (*got)++;
    rc = cb(ctx, PQgetvalue(res, i, 0), (size_t)PQgetlength(res, i, 0));
  }
  return rc;
}

static int pg_sample(struct ajar_conn *c, struct ajar_collection_result *coll,
                     ajar_record_cb cb, void *ctx) {
  struct pg_state *st = c->state;
  char db[128], schema[128], table[256], q[400], sql[800];
  const char *d1, *d2;
  PGresult *res;
  unsigned got = 0, skipped = 0;
  int rc;
  if (!st || !c->sample || coll->records == 0)
    return 0;
  /* db.schema.table: names with dots are split at the first two */
  if (!(d1 = strchr(coll->name, '.')) || !(d2 = strchr(d1 + 1, '.')))
    return 0;
  snprintf(db, sizeof db, "%.*s", (int)(d1 - coll->name), coll->name);
  snprintf(schema, sizeof schema, "%.*s", (int)(d2 - d1 - 1), d1 + 1);
  snprintf(table, sizeof table, "%s", d2 + 1);
  if ((rc = pg_use_db(c, st, db)))
    return rc;
  if ((rc = qualified(st->conn, schema, table, q, sizeof q)))
    return 0;
  if (coll->records > (int64_t)c->sample * 20) {
    double pct = 100.0 * c->sample * 4 / (double)coll->records;
    snprintf(sql, sizeof sql,
             "SELECT CASE WHEN octet_length(j) <= %u THEN j END FROM (SELECT "
             "row_to_json(t)::text AS j FROM %s t TABLESAMPLE SYSTEM (%.4f) LIMIT %u) x",
             AJAR_SQL_MAX_ROW, q, pct < 0.0001 ? 0.0001 : pct, c->sample);
    if (!pg_exec(c, st, sql, &res)) {
      if ((unsigned)PQntuples(res) >= c->sample) {
        rc = feed_rows(res, cb, ctx, c->sample, &got, &skipped);
        PQclear(res);
        goto out;
      }
      PQclear(res);
    }
    if ((rc = pg_use_db(c, st, db)))
      return rc;
  }
  snprintf(sql, sizeof sql,
           "SELECT CASE WHEN octet_length(j) <= %u THEN j END FROM (SELECT "
           "row_to_json(t)::text AS j FROM %s t LIMIT %u) x",
           AJAR_SQL_MAX_ROW, q, c->sample);
  if ((rc = pg_exec(c, st, sql, &res)))
    return rc;
  rc = feed_rows(res, cb, ctx, c->sample, &got, &skipped);
  PQclear(res);
out:
  if (!rc && skipped)
    rc = probe_set_str(&coll->note, "sample truncated: rows over 1 MiB were skipped");
  return rc;
}

const struct ajar_probe ajar_probe_postgresql = {
    .name = "postgresql",
    .ports = pg_ports,
    .identify = pg_identify,
    .enumerate = pg_enumerate,
    .sample = pg_sample,
    .help = "PostgreSQL (libpq): the postgres user without a password (trust), "
            "version, TLS, databases, tables with rows and sizes, a TABLESAMPLE or "
            "LIMIT sample as JSON rows (read-only transactions)",
    .flags = AJAR_PROBE_NATIVE,
};
