/* MySQL and MariaDB, with libmariadb (MariaDB Connector/C).
 *
 * What this probe may send:
 *   - nothing, on a first plain TCP connection that only reads the server's
 *     greeting (protocol 10 handshake: version) and closes;
 *   - a login (mysql_real_connect) as `root` with an empty password, and,
 *     only when that is refused, as the user the credentials name;
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
 * MYSQL_PWD. Rows are streamed (mysql_use_result) and the bytes kept for
 * one sample are capped; each value is cut to AJAR_SQL_MAX_VALUE.
 *
 * Identification: the greeting must be a well-formed protocol-10 handshake
 * (or a MySQL error packet); an echo or HTTP server sends neither.
 * Records: one JSON object per row, the column names as fields (numbers
 * as numbers, NULL as null, values that are not UTF-8 left out).
 */
#include <jansson.h>
#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "probe/probe.h"

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
  if (st->password) {
    memset(st->password, 0, strlen(st->password));
    free(st->password);
  }
  free(st);
}

/* ---- the greeting, read without logging in ---------------------------- */
/* 0: a MySQL server (version set, may be ""); AJAR_EPROTO: not MySQL */
static int read_greeting(struct ajar_conn *c, char *version, size_t vn, int *err_pkt) {
  unsigned char buf[1024];
  size_t have = 0, got, len, i;
  int fd, rc = probe_connect_tcp(c, &fd);
  *err_pkt = 0;
  version[0] = 0;
  if (rc)
    return rc;
  while (have < 4 || have < 4 + (size_t)(buf[0] | buf[1] << 8 | buf[2] << 16)) {
    if ((rc = probe_recv(c, fd, buf + have, sizeof buf - have, &got)))
      break;
    if (!got) {
      rc = AJAR_EPROTO;
      break;
    }
    have += got;
    if (have >= 4 && (size_t)(buf[0] | buf[1] << 8 | buf[2] << 16) > sizeof buf - 4) {
      rc = AJAR_EPROTO; /* no greeting is that long */
      break;
    }
  }
  close(fd);
  if (rc)
    return rc;
  len = (size_t)(buf[0] | buf[1] << 8 | buf[2] << 16);
  if (buf[3] != 0 || len < 3)
    return AJAR_EPROTO;
  if (buf[4] == 0xff) { /* ERR: code, then "#HY000"-style state or the text */
    unsigned code = buf[5] | buf[6] << 8;
    if (code < 1000 || code > 5000)
      return AJAR_EPROTO;
    *err_pkt = 1;
    snprintf(c->err, sizeof c->err, "the server refused: %.*s", (int)(len - 3),
             (const char *)buf + 7);
    return 0;
  }
  if (buf[4] != 10)
    return AJAR_EPROTO;
  /* version, NUL, 4-byte thread id, 8 bytes of salt, a 0 filler */
  for (i = 5; i < 4 + len && buf[i]; i++)
    if (buf[i] < 0x20 || buf[i] > 0x7e)
      return AJAR_EPROTO;
  if (i == 5 || i - 5 > 60 || i + 14 > 4 + len || buf[i + 13] != 0)
    return AJAR_EPROTO;
  snprintf(version, vn, "%.*s", (int)(i - 5), (const char *)buf + 5);
  return 0;
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
    if (mysql_real_connect(m, addr, user, password ? password : "", NULL, c->ep->port,
                           NULL, 0)) {
      *out = m;
      c->answered = 1;
      return 0;
    }
    *errcode = mysql_errno(m);
    snprintf(c->err, sizeof c->err, "%s", mysql_error(m));
    mysql_close(m);
    if (*errcode == 1045 || *errcode == 1130 || *errcode == 1044 || *errcode == 1698 ||
        *errcode == 1251) {
      c->answered = 1;
      return AJAR_EAUTH;
    }
    rc = *errcode == 2003 ? AJAR_ECONNECT : *errcode == 2013 ? AJAR_ETIMEDOUT : AJAR_EPROTO;
  }
  return rc;
}

/* run a statement; 0 or AJAR_EPROTO with c->err */
static int my_run(struct ajar_conn *c, MYSQL *m, const char *sql) {
  if (mysql_query(m, sql)) {
    snprintf(c->err, sizeof c->err, "%s", mysql_error(m));
    return AJAR_EPROTO;
  }
  return 0;
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

static void my_end(struct my_state *st, int rc) {
  if (!st->m)
    return;
  if (rc || mysql_query(st->m, "COMMIT")) { /* a session in a bad state: drop it */
    mysql_close(st->m);
    st->m = NULL;
  }
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
    if ((rc = read_greeting(c, version, sizeof version, &err_pkt)))
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
      c->status = 401; /* the engine reports refused credentials */
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

static void quote_ident(const char *s, char *out, size_t cap) {
  size_t k = 0;
  out[k++] = '`';
  for (; *s && k + 4 < cap; s++) {
    if (*s == '`')
      out[k++] = '`';
    out[k++] = *s;
  }
  out[k++] = '`';
  out[k] = 0;
}

static int64_t cell_num(const char *s) {
  char *end;
  long long n;
  if (!s || !*s)
    return -1;
  n = strtoll(s, &end, 10);
  return *end || n < 0 ? -1 : (int64_t)n;
}

static int by_name(const void *a, const void *b) {
  const struct ajar_collection_result *x = a, *y = b;
  return strcmp(x->name, y->name);
}

static int my_enumerate(struct ajar_conn *c, struct ajar_target_result *t) {
  struct my_state *st = c->state;
  char sql[512];
  MYSQL_RES *res;
  MYSQL_ROW row;
  size_t cap = 0, i;
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
    my_end(st, rc);
    return rc;
  }
  if (!(res = mysql_store_result(st->m))) {
    snprintf(c->err, sizeof c->err, "%s", mysql_error(st->m));
    my_end(st, AJAR_EPROTO);
    return AJAR_EPROTO;
  }
  while ((row = mysql_fetch_row(res)) && !rc) {
    if (!row[0] || !row[1])
      continue;
    if (t->n_collections >= AJAR_MAX_COLLECTIONS) {
      rc = probe_set_str(&t->note, "more tables than the report lists: the rest not listed");
      break;
    }
    if (t->n_collections == cap) {
      size_t nc = cap ? cap * 2 : 16;
      struct ajar_collection_result *nn = realloc(t->collections, nc * sizeof *nn);
      if (!nn) {
        rc = AJAR_ENOMEM;
        break;
      }
      memset(nn + cap, 0, (nc - cap) * sizeof *nn);
      t->collections = nn;
      cap = nc;
    }
    {
      const char *parts[2] = {row[0], row[1]};
      if ((rc = probe_add_dotted(t, parts, 2, cell_num(row[2]), cell_num(row[3]))))
        break;
    }
  }
  mysql_free_result(res);
  my_end(st, 0);
  if (rc)
    return rc;
  if (t->n_collections > 1)
    qsort(t->collections, t->n_collections, sizeof *t->collections, by_name);
  /* exact counts for small tables */
  for (i = 0; i < t->n_collections && conn_left_ms(c) > 0; i++) {
    struct ajar_collection_result *cr = &t->collections[i];
    char name[200], db[200], tb[200], q[450];
    const char *dot = strchr(cr->name, '.');
    if (!dot || cr->bytes < 0 || cr->bytes >= (int64_t)MY_EXACT_COUNT_BYTES)
      continue;
    snprintf(name, sizeof name, "%.*s", (int)(dot - cr->name), cr->name);
    quote_ident(name, db, sizeof db);
    quote_ident(dot + 1, tb, sizeof tb);
    snprintf(q, sizeof q, "SELECT COUNT(*) FROM %s.%s", db, tb);
    if (my_begin(c, st) || my_run(c, st->m, q)) {
      my_end(st, 1);
      continue;
    }
    if ((res = mysql_store_result(st->m))) {
      if ((row = mysql_fetch_row(res)) && row[0])
        cr->records = cell_num(row[0]);
      mysql_free_result(res);
    }
    my_end(st, 0);
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

static int my_sample(struct ajar_conn *c, struct ajar_collection_result *coll,
                     ajar_record_cb cb, void *ctx) {
  struct my_state *st = c->state;
  char sql[700], name[200], db[200], tb[200];
  const char *dot = strchr(coll->name, '.');
  MYSQL_RES *res;
  MYSQL_ROW row;
  MYSQL_FIELD *fields;
  unsigned nf, got = 0;
  size_t bytes = 0;
  int rc, capped = 0;
  if (!st || !dot || !c->sample || coll->records == 0)
    return 0;
  snprintf(name, sizeof name, "%.*s", (int)(dot - coll->name), coll->name);
  quote_ident(name, db, sizeof db);
  quote_ident(dot + 1, tb, sizeof tb);
  snprintf(sql, sizeof sql, "SELECT * FROM %s.%s LIMIT %u", db, tb, c->sample);
  if ((rc = my_begin(c, st)) || (rc = my_run(c, st->m, sql))) {
    my_end(st, rc);
    return rc;
  }
  if (!(res = mysql_use_result(st->m))) {
    snprintf(c->err, sizeof c->err, "%s", mysql_error(st->m));
    my_end(st, 1);
    return AJAR_EPROTO;
  }
  nf = mysql_num_fields(res);
  fields = mysql_fetch_fields(res);
  while (!rc && got < c->sample && (row = mysql_fetch_row(res))) {
    unsigned long *lens = mysql_fetch_lengths(res);
    char *s;
    unsigned i;
    for (i = 0; i < nf; i++)
      bytes += lens[i];
    if (bytes > AJAR_MAX_RESPONSE || conn_left_ms(c) <= 0) {
      capped = 1;
      break;
    }
    if (!(s = row_json(fields, nf, row, lens))) {
      rc = AJAR_ENOMEM;
      break;
    }
    got++;
    rc = cb(ctx, s, strlen(s));
    free(s);
  }
  if (capped || rc) {
    /* the rest of the result is not read: cut the socket so freeing the
     * result does not drain it, and the session goes */
    shutdown(mysql_get_socket(st->m), SHUT_RDWR);
    mysql_free_result(res);
    mysql_close(st->m);
    st->m = NULL;
  } else {
    mysql_free_result(res);
    my_end(st, mysql_errno(st->m) ? 1 : 0);
  }
  if (capped && !rc)
    rc = probe_set_str(&coll->note, "sample truncated at the response cap or the deadline");
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
