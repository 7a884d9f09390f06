/* MySQL and MariaDB, with libmariadb (MariaDB Connector/C).
 *
 * What this probe may send:
 *   - nothing, on a first plain TCP connection that only reads the server's
 *     greeting (protocol 10 handshake: version) and closes;
 *   - a login (mysql_real_connect) as `root` with an empty password, and,
 *     only when that is refused, as the user the credentials name
 *     (their password only through mysql_native_password,
 *     caching_sha2_password or client_ed25519, which never send it in
 *     clear, unless --allow-cleartext-password);
 *   - on a session: SET SESSION TRANSACTION READ ONLY, then each of these
 *     inside START TRANSACTION READ ONLY ... COMMIT:
 *       SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_ROWS, DATA_LENGTH + INDEX_LENGTH
 *         FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE'
 *         [AND TABLE_SCHEMA NOT IN ('mysql', 'information_schema',
 *          'performance_schema', 'sys')] ORDER BY 1, 2 LIMIT MAXC
 *       SELECT COUNT(*) FROM `DB`.`T`   (tables under 64 MiB: InnoDB's
 *                                        TABLE_ROWS is an estimate)
 *       SELECT * FROM `DB`.`T` LIMIT N
 * (identifiers in backquotes, a backquote doubled; N the sample size.)
 *
 * Connections go to the endpoint's checked numeric address only (a
 * numeric host is never resolved), over TCP, with connect/read/write
 * timeouts cut to the endpoint's deadline, max_allowed_packet capped at
 * AJAR_MAX_RESPONSE, LOAD DATA LOCAL off (a hostile server cannot ask for
 * a local file), the cleartext auth plugin off, no option files, no
 * MYSQL_PWD. Every call runs in libmariadb's non-blocking mode and waits
 * here, in poll(), at most the per-read timeout and never past the
 * endpoint's deadline: a server that trickles a byte at a time is cut at
 * the deadline (its socket shut down, the session dropped), not kept
 * alive by per-read timeouts. Every result is streamed (mysql_use_result)
 * and counted while read: at most the rows asked for (LIMIT; a row more
 * is a server ignoring it, and the read stops there), at most
 * AJAR_MAX_RESPONSE bytes of values, so a server streaming endless rows
 * is cut too; a result not read to its end is never drained (freeing it
 * would read on), the session is dropped instead. Each value is cut to
 * AJAR_SQL_MAX_VALUE.
 *
 * Identification: the greeting must be a well-formed protocol-10 handshake
 * (or a MySQL error packet); an echo or HTTP server sends neither.
 * Records: one JSON object per row, the column names as fields (numbers
 * as numbers, NULL as null, values that are not UTF-8 left out).
 */
#include <jansson.h>
#include <errmsg.h>
#include <mysql.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "probe/mysql_greeting.h"
#include "probe/probe_util.h"

static const uint16_t my_ports[] = {3306, 0};

#define MY_EXACT_COUNT_BYTES (64u << 20)

struct my_state {
  MYSQL *m;
  char user[128];
  char *password;
};

static void my_state_free(void *p) {
  struct my_state *st = p;
  if (!st)
    return;
  if (st->m)
    mysql_close(st->m);
  probe_secret_free(st->password);
  free(st);
}

/* ---- non-blocking calls, within the deadline ---------------------------- */
/* Wait for what a non-blocking call asked (status), at most per_op ms and
 * never past the deadline; returns the status for its _cont. Past the
 * deadline, or idle for per_op, the socket is shut down (*cut set) so the
 * call ends at once with an error instead of waiting on. */
static int my_wait(struct ajar_conn *c, MYSQL *m, int status, int per_op, int *cut) {
  struct pollfd p = {mysql_get_socket(m), 0, 0};
  int64_t left = conn_left_ms(c);
  int ms = left < per_op ? (int)left : per_op, r;
  if (status & MYSQL_WAIT_READ)
    p.events |= POLLIN;
  if (status & MYSQL_WAIT_WRITE)
    p.events |= POLLOUT;
  if (status & MYSQL_WAIT_EXCEPT)
    p.events |= POLLPRI;
  r = ms > 0 && p.fd >= 0 ? poll(&p, 1, ms) : 0;
  if (r <= 0 || *cut) {
    *cut = 1;
    if (p.fd >= 0)
      shutdown(p.fd, SHUT_RDWR);
    return status & (MYSQL_WAIT_READ | MYSQL_WAIT_WRITE | MYSQL_WAIT_EXCEPT);
  }
  return ((p.revents & (POLLIN | POLLHUP | POLLERR)) ? MYSQL_WAIT_READ : 0) |
         ((p.revents & (POLLOUT | POLLHUP | POLLERR)) ? MYSQL_WAIT_WRITE : 0) |
         ((p.revents & POLLPRI) ? MYSQL_WAIT_EXCEPT : 0);
}

/* the reason for c->err once a call was cut */
static int my_cut(struct ajar_conn *c) {
  snprintf(c->err, sizeof c->err, conn_left_ms(c) <= 0
           ? "the target deadline passed (MySQL)" : "timed out reading the response");
  return AJAR_ETIMEDOUT;
}

/* mysql_query: 0, AJAR_ETIMEDOUT (cut) or AJAR_EPROTO, with c->err */
static int my_query(struct ajar_conn *c, MYSQL *m, const char *sql) {
  int err = 0, cut = 0;
  int st = mysql_real_query_start(&err, m, sql, strlen(sql));
  while (st)
    st = mysql_real_query_cont(&err, m, my_wait(c, m, st, c->read_timeout_ms, &cut));
  if (cut)
    return my_cut(c);
  if (err) {
    snprintf(c->err, sizeof c->err, "%s", mysql_error(m));
    return AJAR_EPROTO;
  }
  return 0;
}

/* the next row of a mysql_use_result result: 0 with *row (NULL at the
 * end, or on an error: mysql_errno says), or AJAR_ETIMEDOUT (cut) */
static int my_fetch(struct ajar_conn *c, MYSQL *m, MYSQL_RES *res, MYSQL_ROW *row) {
  int cut = 0;
  int st = mysql_fetch_row_start(row, res);
  while (st)
    st = mysql_fetch_row_cont(row, res, my_wait(c, m, st, c->read_timeout_ms, &cut));
  return cut ? my_cut(c) : 0;
}

/* a streamed result: the rows of a query, counted */
static MYSQL_RES *my_use(struct ajar_conn *c, MYSQL *m) {
  MYSQL_RES *res = mysql_use_result(m);
  if (!res)
    snprintf(c->err, sizeof c->err, "%s", mysql_error(m));
  return res;
}

/* ---- sessions ---------------------------------------------------------- */
static unsigned secs(int ms) {
  return ms < 1000 ? 1 : (unsigned)((ms + 999) / 1000);
}

static int my_open(struct ajar_conn *c, const char *user, const char *password,
                   MYSQL **out, unsigned *errcode) {
  size_t i;
  int rc = AJAR_ECONNECT;
  *out = NULL;
  *errcode = 0;
  for (i = 0; i < c->n_addrs; i++) {
    char addr[64];
    MYSQL *m = mysql_init(NULL);
    unsigned ct = secs(c->connect_timeout_ms), rt, proto = MYSQL_PROTOCOL_TCP;
    unsigned long maxp = AJAR_MAX_RESPONSE;
    my_bool off = 0;
    int64_t left = conn_left_ms(c);
    if (!m)
      return AJAR_ENOMEM;
    if (left <= 0) {
      mysql_close(m);
      snprintf(c->err, sizeof c->err, "the target deadline passed");
      return AJAR_ETIMEDOUT;
    }
    if (c->scope && !tgt_netset_has_addr(c->scope, &c->addrs[i])) {
      mysql_close(m);
      tgt_addr_str(&c->addrs[i], c->refused_addr, sizeof c->refused_addr);
      c->scope_refused = 1;
      snprintf(c->err, sizeof c->err, "refused: %s is outside the scope", c->refused_addr);
      rc = AJAR_ESCOPE;
      continue;
    }
    rt = secs(left < c->read_timeout_ms ? (int)left : c->read_timeout_ms);
    tgt_addr_str(&c->addrs[i], addr, sizeof addr);
    mysql_optionsv(m, MYSQL_OPT_CONNECT_TIMEOUT, &ct);
    mysql_optionsv(m, MYSQL_OPT_READ_TIMEOUT, &rt);
    mysql_optionsv(m, MYSQL_OPT_WRITE_TIMEOUT, &rt);
    mysql_optionsv(m, MYSQL_OPT_PROTOCOL, &proto);
    mysql_optionsv(m, MYSQL_OPT_MAX_ALLOWED_PACKET, &maxp);
    mysql_optionsv(m, MYSQL_OPT_LOCAL_INFILE, &off);
    mysql_optionsv(m, MYSQL_ENABLE_CLEARTEXT_PLUGIN, &off);
    mysql_optionsv(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    /* a password only through plugins that never send it in clear (the
     * server picks the plugin: a hostile one asks for mysql_clear_password
     * or dialog) */
    if (password && *password && !c->allow_cleartext)
      mysql_optionsv(m, MARIADB_OPT_RESTRICTED_AUTH,
                     "mysql_native_password,caching_sha2_password,client_ed25519");
    mysql_optionsv(m, MYSQL_OPT_NONBLOCK, 0);
    {
      MYSQL *ok = NULL;
      int cut = 0;
      int st = mysql_real_connect_start(&ok, m, addr, user, password ? password : "",
                                        NULL, c->ep->port, NULL, 0);
      while (st)
        st = mysql_real_connect_cont(&ok, m, my_wait(c, m, st, c->connect_timeout_ms +
                                                                   c->read_timeout_ms, &cut));
      if (ok && !cut) {
        *out = m;
        c->answered = 1;
        return 0;
      }
      if (cut) {
        mysql_close(m);
        return my_cut(c);
      }
    }
    *errcode = mysql_errno(m);
    snprintf(c->err, sizeof c->err, "%s", mysql_error(m));
    mysql_close(m);
    if (*errcode == CR_PLUGIN_NOT_ALLOWED) { /* nothing was sent */
      c->answered = 1;
      return probe_cleartext_ok(c, "the authentication plugin the server asked for");
    }
    if (*errcode == 1045 || *errcode == 1130 || *errcode == 1044 || *errcode == 1698 ||
        *errcode == 1251) {
      c->answered = 1;
      return AJAR_EAUTH;
    }
    rc = *errcode == 2003 ? AJAR_ECONNECT : *errcode == 2013 ? AJAR_ETIMEDOUT : AJAR_EPROTO;
  }
  return rc;
}

/* run a statement; 0, AJAR_ETIMEDOUT or AJAR_EPROTO with c->err */
static int my_run(struct ajar_conn *c, MYSQL *m, const char *sql) {
  return my_query(c, m, sql);
}

/* drop the session: after a cut or an error, never drained */
static void my_drop(struct my_state *st) {
  if (!st->m)
    return;
  shutdown(mysql_get_socket(st->m), SHUT_RDWR);
  mysql_close(st->m);
  st->m = NULL;
}

typedef int (*my_row_fn)(void *ctx, MYSQL_RES *res, MYSQL_ROW row,
                         unsigned long *lens);

/* Read the result of the query just run, streamed: each row to fn, at
 * most max_rows of them (one more is a server ignoring LIMIT) and at
 * most AJAR_MAX_RESPONSE bytes of values. 0: read to its end, the
 * session goes on. Else the read stopped and the session is dropped:
 * AJAR_ETOOBIG (*over: "rows" or "bytes"), AJAR_ETIMEDOUT (the deadline,
 * c->err), AJAR_EPROTO (the server's error, c->err) or fn's code. */
static int my_rows(struct ajar_conn *c, struct my_state *st, unsigned long max_rows,
                   my_row_fn fn, void *ctx, const char **over) {
  MYSQL_RES *res = my_use(c, st->m);
  MYSQL_ROW row = NULL;
  unsigned long n = 0;
  size_t bytes = 0;
  int rc = 0;
  *over = NULL;
  if (!res) {
    my_drop(st);
    return AJAR_EPROTO;
  }
  while (!(rc = my_fetch(c, st->m, res, &row)) && row) {
    unsigned long *lens = mysql_fetch_lengths(res);
    unsigned i, nf = mysql_num_fields(res);
    for (i = 0; i < nf; i++)
      bytes += lens[i];
    if (++n > max_rows || bytes > AJAR_MAX_RESPONSE) {
      *over = n > max_rows ? "rows" : "bytes";
      rc = AJAR_ETOOBIG;
      break;
    }
    if ((rc = fn(ctx, res, row, lens)))
      break;
  }
  if (!rc && mysql_errno(st->m)) {
    snprintf(c->err, sizeof c->err, "%s", mysql_error(st->m));
    rc = AJAR_EPROTO;
  }
  if (rc) /* not read to its end: freeing it must not read the rest */
    shutdown(mysql_get_socket(st->m), SHUT_RDWR);
  mysql_free_result(res);
  if (rc)
    my_drop(st);
  return rc;
}

/* a session of the state's user, read-only, in a read-only transaction */
static int my_begin(struct ajar_conn *c, struct my_state *st) {
  unsigned code;
  int rc;
  if (!st->m) {
    if ((rc = my_open(c, st->user, st->password, &st->m, &code)))
      return rc;
    if ((rc = my_run(c, st->m, "SET SESSION TRANSACTION READ ONLY")))
      return rc;
  }
  return my_run(c, st->m, "START TRANSACTION READ ONLY");
}

static void my_end(struct ajar_conn *c, struct my_state *st, int rc) {
  if (!st->m)
    return;
  if (rc || my_query(c, st->m, "COMMIT")) /* a session in a bad state */
    my_drop(st);
}

static int my_identify(struct ajar_conn *c, struct ajar_target_result *t) {
  char version[64], note[AJAR_MAX_ERROR];
  const char *user = c->use_creds && c->user ? c->user : "root";
  const char *password = c->use_creds ? c->password : NULL;
  struct my_state *st;
  MYSQL *m;
  unsigned code;
  int err_pkt, rc;
  if (!c->use_creds) {
    if ((rc = mysql_greeting_read(c, version, sizeof version, &err_pkt)))
      return rc;
    c->answered = 1;
    if ((rc = probe_set_str(&t->store, "mysql")))
      return rc;
    if (version[0]) {
      const char *v = !strncmp(version, "5.5.5-", 6) ? version + 6 : version;
      if ((rc = probe_set_str(&t->version, v)))
        return rc;
    }
    if (err_pkt) { /* e.g. "Host ... is not allowed to connect" */
      t->auth_required = 1;
      return 0;
    }
  }
  rc = my_open(c, user, password, &m, &code);
  if (rc == AJAR_EAUTH) {
    t->auth_required = 1;
    if (c->use_creds)
      c->http.status = 401; /* the engine reports refused credentials */
    return probe_set_str(&t->store, "mysql");
  }
  if (rc)
    return rc;
  c->tls = t->tls = mysql_get_ssl_cipher(m) != NULL; /* the engine reports c->tls */
  if (!t->version) {
    const char *v = mysql_get_server_info(m);
    if (v && (rc = probe_set_str(&t->version, !strncmp(v, "5.5.5-", 6) ? v + 6 : v))) {
      mysql_close(m);
      return rc;
    }
  }
  if (!(st = calloc(1, sizeof *st)) || (password && !(st->password = strdup(password)))) {
    free(st);
    mysql_close(m);
    return AJAR_ENOMEM;
  }
  st->m = m;
  snprintf(st->user, sizeof st->user, "%s", user);
  probe_state_set(c, st, my_state_free);
  if ((rc = my_run(c, m, "SET SESSION TRANSACTION READ ONLY")))
    return rc;
  if (strstr(mysql_get_server_info(m), "MariaDB"))
    snprintf(note, sizeof note, "MariaDB; ");
  else
    note[0] = 0;
  snprintf(note + strlen(note), sizeof note - strlen(note),
           c->use_creds ? "logged in as %.64s with the credentials given%s"
                        : "user %.64s logged in with an empty password%s",
           user, t->tls ? "" : "; no TLS");
  return probe_set_str(&t->note, note);
}

struct tables_ctx {
  struct ajar_target_result *t;
  size_t cap;
};

static int add_table(void *ctx, MYSQL_RES *res, MYSQL_ROW row, unsigned long *lens) {
  struct tables_ctx *x = ctx;
  const char *parts[2] = {row[0], row[1]};
  int rc;
  (void)res;
  (void)lens;
  if (!row[0] || !row[1] || x->t->n_collections >= AJAR_MAX_COLLECTIONS)
    return 0;
  if ((rc = probe_collection_room(x->t, &x->cap)))
    return rc;
  return probe_add_dotted(x->t, parts, 2, probe_count_str(row[2]),
                          probe_count_str(row[3]));
}

static int first_count(void *ctx, MYSQL_RES *res, MYSQL_ROW row, unsigned long *lens) {
  (void)res;
  (void)lens;
  *(int64_t *)ctx = row[0] ? probe_count_str(row[0]) : -1;
  return 0;
}

static int my_enumerate(struct ajar_conn *c, struct ajar_target_result *t) {
  struct my_state *st = c->state;
  struct tables_ctx x = {t, 0};
  char sql[512];
  const char *over;
  size_t i;
  int rc;
  if (!st)
    return AJAR_EPROTO;
  snprintf(sql, sizeof sql,
           "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_ROWS, DATA_LENGTH + INDEX_LENGTH "
           "FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE'%s "
           "ORDER BY 1, 2 LIMIT %d",
           c->include_system ? "" : " AND TABLE_SCHEMA NOT IN ('mysql', "
                                    "'information_schema', 'performance_schema', 'sys')",
           AJAR_MAX_COLLECTIONS + 1);
  if ((rc = my_begin(c, st)) || (rc = my_run(c, st->m, sql))) {
    my_end(c, st, rc);
    return rc;
  }
  rc = my_rows(c, st, AJAR_MAX_COLLECTIONS + 1, add_table, &x, &over);
  if (rc == AJAR_ETOOBIG)
    rc = probe_set_str(&t->note, !strcmp(over, "rows")
                       ? "the server sent more tables than asked for: the rest not read"
                       : "the table list was over the response cap: the rest not read");
  else if (!rc && t->n_collections >= AJAR_MAX_COLLECTIONS)
    rc = probe_set_str(&t->note, "more tables than the report lists: the rest not listed");
  my_end(c, st, 0);
  if (rc)
    return rc;
  probe_sort_collections(t);
  /* exact counts for small tables */
  for (i = 0; i < t->n_collections && conn_left_ms(c) > 0; i++) {
    struct ajar_collection_result *cr = &t->collections[i];
    char name[200], db[200], tb[200], q[450];
    const char *dot = strchr(cr->name, '.');
    int64_t n = -1;
    if (!dot || cr->bytes < 0 || cr->bytes >= (int64_t)MY_EXACT_COUNT_BYTES)
      continue;
    snprintf(name, sizeof name, "%.*s", (int)(dot - cr->name), cr->name);
    probe_quote_ident(name, strlen(name), PROBE_QUOTE_DOUBLED, db, sizeof db);
    probe_quote_ident(dot + 1, strlen(dot + 1), PROBE_QUOTE_DOUBLED, tb, sizeof tb);
    snprintf(q, sizeof q, "SELECT COUNT(*) FROM %s.%s", db, tb);
    if (my_begin(c, st) || my_run(c, st->m, q)) {
      my_end(c, st, 1);
      continue;
    }
    if (!my_rows(c, st, 1, first_count, &n, &over) && n >= 0)
      cr->records = n;
    my_end(c, st, 0);
  }
  return 0;
}

/* a row as a JSON object; NULL when out of memory */
static char *row_json(MYSQL_FIELD *fields, unsigned nf, MYSQL_ROW row,
                      unsigned long *lens) {
  json_t *o = json_object();
  unsigned i;
  char *s;
  if (!o)
    return NULL;
  for (i = 0; i < nf; i++) {
    json_t *v = NULL;
    size_t n = lens[i] > AJAR_SQL_MAX_VALUE ? AJAR_SQL_MAX_VALUE : lens[i];
    if (!row[i]) {
      v = json_null();
    } else if (IS_NUM(fields[i].type) && fields[i].type != MYSQL_TYPE_DECIMAL &&
               fields[i].type != MYSQL_TYPE_NEWDECIMAL) {
      v = json_loadb(row[i], lens[i], JSON_DECODE_ANY, NULL);
      if (v && !json_is_number(v)) {
        json_decref(v);
        v = NULL;
      }
    }
    if (!v && row[i]) {
      while (n < lens[i] && n && ((unsigned char)row[i][n] & 0xc0) == 0x80)
        n--; /* cut on a character boundary */
      v = json_stringn(row[i], n);
    }
    if (v)
      json_object_set_new(o, fields[i].name, v);
  }
  s = json_dumps(o, JSON_COMPACT);
  json_decref(o);
  return s;
}

struct sample_ctx {
  ajar_record_cb cb;
  void *ctx;
};

static int feed_row(void *ctx, MYSQL_RES *res, MYSQL_ROW row, unsigned long *lens) {
  struct sample_ctx *x = ctx;
  char *js = row_json(mysql_fetch_fields(res), mysql_num_fields(res), row, lens);
  int rc;
  if (!js)
    return AJAR_ENOMEM;
  rc = x->cb(x->ctx, js, strlen(js));
  free(js);
  return rc;
}

static int my_sample(struct ajar_conn *c, struct ajar_collection_result *coll,
                     ajar_record_cb cb, void *ctx) {
  struct my_state *st = c->state;
  struct sample_ctx x = {cb, ctx};
  char sql[700], name[200], db[200], tb[200];
  const char *dot = strchr(coll->name, '.'), *over;
  int rc;
  if (!st || !dot || !c->sample || coll->records == 0)
    return 0;
  snprintf(name, sizeof name, "%.*s", (int)(dot - coll->name), coll->name);
  probe_quote_ident(name, strlen(name), PROBE_QUOTE_DOUBLED, db, sizeof db);
  probe_quote_ident(dot + 1, strlen(dot + 1), PROBE_QUOTE_DOUBLED, tb, sizeof tb);
  snprintf(sql, sizeof sql, "SELECT * FROM %s.%s LIMIT %u", db, tb, c->sample);
  if ((rc = my_begin(c, st)) || (rc = my_run(c, st->m, sql))) {
    my_end(c, st, rc);
    return rc;
  }
  rc = my_rows(c, st, c->sample, feed_row, &x, &over);
  if (rc == AJAR_ETOOBIG)
    return probe_set_str(&coll->note, !strcmp(over, "rows")
                         ? "the server sent more rows than LIMIT: the rest not read"
                         : "sample truncated at the response cap");
  if (!rc)
    my_end(c, st, 0);
  return rc;
}

const struct ajar_probe ajar_probe_mysql = {
    .name = "mysql",
    .ports = my_ports,
    .identify = my_identify,
    .enumerate = my_enumerate,
    .sample = my_sample,
    .help = "MySQL and MariaDB (libmariadb): version from the greeting, root with an "
            "empty password, tables with rows and sizes, a LIMIT sample as JSON rows "
            "(read-only session and transactions)",
    .flags = AJAR_PROBE_NATIVE | AJAR_PROBE_GREETING,
};
