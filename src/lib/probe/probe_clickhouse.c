/* ClickHouse over its HTTP interface (8123, or 8443 with TLS).
 *
 * The requests this probe may send, all GET (ClickHouse runs a GET query
 * read-only, so even a mistaken query could not write), nothing else:
 *   GET /?query=SELECT version()
 *   GET /ping
 *   GET /?query=SELECT database, name, engine FROM system.tables
 *       [WHERE database NOT IN ('system','INFORMATION_SCHEMA','information_schema')]
 *       LIMIT MAXC FORMAT JSONEachRow
 *   GET /?query=SELECT database, table, sum(rows), sum(bytes_on_disk)
 *       FROM system.parts WHERE active GROUP BY database, table
 *       FORMAT JSONEachRow                 (`bytes` on servers before 18.x)
 *   GET /?query=SELECT * FROM `DB`.`TABLE` LIMIT N FORMAT JSONEachRow
 *       (only on a table whose engine holds its own data: the MergeTree
 *       family, the Log family (Log, TinyLog, StripeLog) and Memory)
 * (each query percent-escaped; identifiers in backquotes, a backquote or
 * backslash in a name escaped; MAXC = AJAR_MAX_COLLECTIONS + 1.)
 *
 * Every other table is listed with a note saying why it was not read: a
 * SELECT on a Kafka, RabbitMQ, NATS or FileLog table consumes messages; on
 * URL, S3, HDFS, MySQL, PostgreSQL, MongoDB, Redis, ODBC, JDBC, Distributed
 * and the like the server connects out, beyond the scope; a View, Merge,
 * Buffer, Dictionary or materialized view reads other tables (whose data,
 * when it is ClickHouse's own, is listed and read as those tables).
 * The `default` user goes first with no password; credentials, when given,
 * go as HTTP basic auth and only after a refusal (never in the URL).
 *
 * Identification needs ClickHouse's own markers: an X-ClickHouse-* header,
 * or a version-shaped answer to SELECT version() together with the exact
 * "Ok.\n" of /ping; a refusal counts only with ClickHouse's exception text
 * (Code: 192/193/194/516, DB::Exception) or header. Any other HTTP 200 is
 * not ClickHouse.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "probe/probe_util.h"

static const uint16_t ch_ports[] = {8123, 8443, 0};

/* GET /?query=SQL (escaped here) */
static int ch_query(struct ajar_conn *c, const char *sql) {
  char path[4096];
  static const char pre[] = "/?query=";
  memcpy(path, pre, sizeof pre);
  conn_escape(sql, path + sizeof pre - 1, sizeof path - sizeof pre);
  return conn_get(c, path);
}

static int version_shape(const char *s, size_t n) {
  size_t i, dots = 0;
  while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
    n--;
  if (!n || n > 40 || !isdigit((unsigned char)s[0]))
    return 0;
  for (i = 0; i < n; i++) {
    if (s[i] == '.')
      dots++;
    else if (!isdigit((unsigned char)s[i]))
      return 0;
  }
  return dots >= 1 && s[n - 1] != '.';
}

/* ClickHouse marks its answers with X-ClickHouse-* headers: the server's
 * display name, else "yes" for another of them, else "" */
static const char *ch_marker(const struct ajar_conn *c) {
  const char *name = conn_header(c, "X-ClickHouse-Server-Display-Name");
  if (name && *name)
    return name;
  return conn_header(c, "X-ClickHouse-*") ? "yes" : "";
}

/* ClickHouse's own refusal: "Code: 194, e.displayText() = DB::Exception:
 * Password required for user default" */
static int ch_auth_error(const struct ajar_conn *c) {
  static const char *const codes[] = {"Code: 192", "Code: 193", "Code: 194",
                                      "Code: 516", "Code: 497", NULL};
  size_t i;
  if (!c->http.body || !strstr(c->http.body, "DB::Exception"))
    return ch_marker(c)[0] && (c->http.status == 401 || c->http.status == 403);
  for (i = 0; codes[i]; i++)
    if (strstr(c->http.body, codes[i]))
      return 1;
  return c->http.status == 401 || c->http.status == 403;
}

static int ch_identify(struct ajar_conn *c, struct ajar_target_result *t) {
  char version[48];
  int marked, rc = ch_query(c, "SELECT version()");
  if (rc)
    return rc;
  t->tls = c->tls;
  if (ch_auth_error(c)) {
    t->auth_required = 1;
    return probe_set_str(&t->store, "clickhouse");
  }
  if (c->http.status == 401 || c->http.status == 403)
    return AJAR_EAUTH;
  if (c->http.status != 200 || !version_shape(c->http.body, c->http.len))
    return AJAR_EPROTO;
  marked = ch_marker(c)[0] != 0;
  snprintf(version, sizeof version, "%.*s", (int)strcspn(c->http.body, "\r\n"), c->http.body);
  if ((rc = conn_get(c, "/ping")))
    return rc == AJAR_ETOOBIG ? AJAR_EPROTO : rc;
  if (!marked && !(c->http.status == 200 && !strcmp(c->http.body, "Ok.\n")))
    return AJAR_EPROTO;
  rc = probe_set_str(&t->store, "clickhouse");
  if (!rc)
    rc = probe_set_str(&t->version, version);
  if (!rc && ch_marker(c)[0] && strcmp(ch_marker(c), "yes")) {
    char note[AJAR_MAX_ERROR];
    snprintf(note, sizeof note, "server \"%.64s\"", ch_marker(c));
    rc = probe_set_str(&t->note, note);
  }
  return rc;
}

/* Calls fn for each JSONEachRow line of the last body. */
static int each_row(struct ajar_conn *c, int (*fn)(void *, json_t *, const char *, size_t),
                    void *ctx) {
  char *p = c->http.body, *end = c->http.body + c->http.len;
  int rc = 0;
  while (p < end && !rc) {
    char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
    if (n) {
      json_t *row = json_loadb(p, n, 0, NULL);
      rc = fn(ctx, row, p, n);
      json_decref(row);
    }
    p += n + 1;
  }
  return rc;
}

/* an engine whose table holds its own data, on the server: 1 */
static int engine_holds_data(const char *e) {
  static const char *const own[] = {"Log", "TinyLog", "StripeLog", "Memory"};
  size_t i, n = strlen(e);
  if (n >= 9 && !strcmp(e + n - 9, "MergeTree")) /* Replicated*, Summing*, ... */
    return 1;
  for (i = 0; i < sizeof own / sizeof own[0]; i++)
    if (!strcmp(e, own[i]))
      return 1;
  return 0;
}

/* why a table of engine e is not read */
static const char *engine_why(const char *e) {
  static const char *const queues[] = {"Kafka", "RabbitMQ", "NATS", "FileLog"};
  static const char *const others[] = {"View", "MaterializedView", "LiveView",
                                       "WindowView", "Merge", "Buffer", "Dictionary",
                                       "Set", "Join", "Null"};
  size_t i;
  for (i = 0; i < sizeof queues / sizeof queues[0]; i++)
    if (!strcmp(e, queues[i]))
      return "reading it would consume the queue's messages";
  for (i = 0; i < sizeof others / sizeof others[0]; i++)
    if (!strcmp(e, others[i]))
      return "it holds no data of its own (reads other tables or none)";
  return "its data is outside ClickHouse: the server would connect out to read it";
}

static int add_table(void *ctx, json_t *row, const char *line, size_t n) {
  struct ajar_target_result *t = ctx;
  const char *db = json_string_value(json_object_get(row, "database"));
  const char *name = json_string_value(json_object_get(row, "name"));
  const char *engine = json_string_value(json_object_get(row, "engine"));
  const char *parts[2];
  struct ajar_collection_result *cr;
  char note[AJAR_MAX_ERROR];
  int rc;
  (void)line;
  (void)n;
  if (!db || !name || t->n_collections >= AJAR_MAX_COLLECTIONS)
    return 0;
  parts[0] = db;
  parts[1] = name;
  if ((rc = probe_add_dotted(t, parts, 2, -1, -1)))
    return rc;
  cr = &t->collections[t->n_collections - 1];
  if (engine && engine_holds_data(engine))
    return 0;
  /* "not read:" first: ch_sample skips on it */
  snprintf(note, sizeof note, "not read: engine %.60s, %s%s%s",
           engine ? engine : "unknown", engine ? engine_why(engine)
                                               : "the server did not say which",
           cr->note ? "; " : "", cr->note ? cr->note : "");
  return probe_set_str(&cr->note, note);
}

struct parts_ctx {
  struct ajar_target_result *t;
};

static int add_parts(void *ctx, json_t *row, const char *line, size_t n) {
  struct parts_ctx *p = ctx;
  const char *db = json_string_value(json_object_get(row, "database"));
  const char *table = json_string_value(json_object_get(row, "table"));
  size_t i, dn;
  (void)line;
  (void)n;
  if (!db || !table)
    return 0;
  dn = strlen(db);
  for (i = 0; i < p->t->n_collections; i++) {
    struct ajar_collection_result *cr = &p->t->collections[i];
    if (!strncmp(cr->name, db, dn) && cr->name[dn] == '.' &&
        !strcmp(cr->name + dn + 1, table)) {
      cr->records = probe_count_json(json_object_get(row, "rows"));
      cr->bytes = probe_count_json(json_object_get(row, "bytes"));
      break;
    }
  }
  return 0;
}

static int ch_enumerate(struct ajar_conn *c, struct ajar_target_result *t) {
  char sql[512];
  struct parts_ctx pc = {t};
  size_t lines = 0, i;
  int rc;
  snprintf(sql, sizeof sql,
           "SELECT database, name, engine FROM system.tables%s LIMIT %d "
           "FORMAT JSONEachRow",
           c->include_system ? "" : " WHERE database NOT IN ('system', "
                                    "'INFORMATION_SCHEMA', 'information_schema')",
           AJAR_MAX_COLLECTIONS + 1);
  if ((rc = ch_query(c, sql)))
    return rc;
  if (c->http.status != 200) {
    snprintf(c->err, sizeof c->err, "listing tables was refused (HTTP %ld)", c->http.status);
    return c->http.status == 401 || c->http.status == 403 ? AJAR_EAUTH : AJAR_EPROTO;
  }
  for (i = 0; i < c->http.len; i++)
    lines += c->http.body[i] == '\n';
  t->collections = calloc(lines + 1, sizeof *t->collections);
  if (!t->collections)
    return AJAR_ENOMEM;
  if ((rc = each_row(c, add_table, t)))
    return rc;
  if (lines > AJAR_MAX_COLLECTIONS) {
    char note[96];
    snprintf(note, sizeof note, "more than %d tables: the rest not listed",
             AJAR_MAX_COLLECTIONS);
    if ((rc = probe_set_str(&t->note, note)))
      return rc;
  }
  probe_sort_collections(t);
  /* rows and bytes of MergeTree tables, from their active parts */
  rc = ch_query(c, "SELECT database, table, sum(rows) AS rows, sum(bytes_on_disk) "
                   "AS bytes FROM system.parts WHERE active GROUP BY database, "
                   "table FORMAT JSONEachRow");
  if (!rc && c->http.status != 200)
    rc = ch_query(c, "SELECT database, table, sum(rows) AS rows, sum(bytes) AS "
                     "bytes FROM system.parts WHERE active GROUP BY database, "
                     "table FORMAT JSONEachRow");
  if (!rc && c->http.status == 200)
    rc = each_row(c, add_parts, &pc);
  else if (rc == AJAR_ETOOBIG)
    rc = 0;
  return rc;
}

struct sample_ctx {
  ajar_record_cb cb;
  void *ctx;
  unsigned left;
};

static int feed_row(void *ctx, json_t *row, const char *line, size_t n) {
  struct sample_ctx *s = ctx;
  (void)row;
  if (!s->left)
    return 0;
  s->left--;
  return s->cb(s->ctx, line, n);
}

static int ch_sample(struct ajar_conn *c, struct ajar_collection_result *coll,
                     ajar_record_cb cb, void *ctx) {
  char sql[1500], db[600], table[600];
  const char *dot;
  struct sample_ctx s = {cb, ctx, c->sample};
  int rc;
  if (!c->sample || coll->records == 0 || !(dot = strchr(coll->name, '.')) ||
      (coll->note && !strncmp(coll->note, "not read:", 9)))
    return 0;
  probe_quote_ident(coll->name, (size_t)(dot - coll->name), PROBE_QUOTE_BACKSLASH, db,
                    sizeof db);
  probe_quote_ident(dot + 1, strlen(dot + 1), PROBE_QUOTE_BACKSLASH, table, sizeof table);
  snprintf(sql, sizeof sql, "SELECT * FROM %s.%s LIMIT %u FORMAT JSONEachRow", db,
           table, c->sample);
  if ((rc = ch_query(c, sql))) {
    if (rc == AJAR_ETOOBIG) {
      rc = probe_set_str(&coll->note, "not sampled: the rows were over the "
                                      "response cap");
    }
    return rc;
  }
  if (c->http.status != 200) {
    snprintf(c->err, sizeof c->err, "SELECT refused (HTTP %ld)", c->http.status);
    return AJAR_EPROTO;
  }
  return each_row(c, feed_row, &s);
}

static const char *const ch_headers[] = {"X-ClickHouse-Server-Display-Name",
                                         "X-ClickHouse-*", NULL};

const struct ajar_probe ajar_probe_clickhouse = {
    .name = "clickhouse",
    .ports = ch_ports,
    .identify = ch_identify,
    .enumerate = ch_enumerate,
    .sample = ch_sample,
    .help = "ClickHouse (HTTP interface): version, the default user without a "
            "password, tables, rows and bytes from active parts, a LIMIT sample "
            "(GET only: ClickHouse runs GET queries read-only)",
    .headers = ch_headers,
};
