/* SQLite database files: every table's rows as records, a collection per
 * table, fields by column name (libsqlite3).
 *
 * The file is opened as "file:PATH?immutable=1" with SQLITE_OPEN_READONLY
 * | SQLITE_OPEN_URI: nothing is written, no journal or WAL is looked for
 * or made, no lock is taken. The only statements run are
 *   SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE
 *     'sqlite\_%' ESCAPE '\' ORDER BY name LIMIT AJAR_SQL_MAX_TABLES + 1
 *   SELECT * FROM "TABLE" LIMIT AJAR_SQLITE_MAX_ROWS   (per table)
 * A file from anywhere is untrusted: the defensive configuration is on,
 * the schema is not trusted (no functions or virtual tables run from
 * it), cell sizes are checked, no memory map, and one value is at most
 * AJAR_MAX_RECORD bytes. Values: INTEGER and REAL as numbers, TEXT as
 * strings (cut to AJAR_SQL_MAX_VALUE), a BLOB only when it is text
 * (value_is_text), NULL skipped, as the dump reader does.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ajar_limits.h"
#include "record/sqldump.h"
#include "record/sqlite.h"

int sqlite_sniff(const char *p, size_t n) {
  return n >= 16 && !memcmp(p, "SQLite format 3", 16);
}

/* "file:" and path, with every byte a URI could read otherwise escaped */
static int file_uri(const char *path, char *out, size_t cap) {
  static const char hex[] = "0123456789ABCDEF";
  size_t k = 0;
  const unsigned char *p = (const unsigned char *)path;
  const char *pre = "file:", *post = "?immutable=1";
  if (cap < strlen(pre) + strlen(post) + 1) return -1;
  k = (size_t)snprintf(out, cap, "%s", pre);
  for (; *p; p++) {
    if (k + 4 + strlen(post) >= cap) return -1;
    if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
        (*p >= '0' && *p <= '9') || *p == '/' || *p == '.' || *p == '_' ||
        *p == '-') {
      out[k++] = (char)*p;
    } else {
      out[k++] = '%';
      out[k++] = hex[*p >> 4];
      out[k++] = hex[*p & 15];
    }
  }
  snprintf(out + k, cap - k, "%s", post);
  return 0;
}

static int harden(sqlite3 *db) {
  int on = 1, off = 0;
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, (int)AJAR_MAX_RECORD);
  sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 1 << 16);
  sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
  if (sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, on, NULL) != SQLITE_OK ||
      sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, off, NULL) != SQLITE_OK ||
      sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, off, NULL) != SQLITE_OK ||
      sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, off, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_exec(db, "PRAGMA cell_size_check=ON; PRAGMA mmap_size=0;", NULL,
                   NULL, NULL) != SQLITE_OK)
    return -1;
  return 0;
}

/* SQLite's message for db as the file's error, on one line: a malformed
 * schema's message quotes the file's own bytes, line ends included */
static void sqlite_error(char *err, size_t errlen, sqlite3 *db) {
  size_t k;
  snprintf(err, errlen, "SQLite: %s", db ? sqlite3_errmsg(db) : "out of memory");
  for (k = 0; err[k]; k++)
    if ((unsigned char)err[k] < 0x20 || err[k] == 0x7f)
      err[k] = ' ';
}

/* one table's rows into its collection; SQLite's result code */
static int read_table(sqlite3 *db, const char *name, const struct rec_sink *k,
                      struct sqlite_stats *st) {
  char sql[AJAR_SQL_MAX_NAME * 2 + 64];
  size_t q = 0, i;
  sqlite3_stmt *s = NULL;
  uint32_t fields[AJAR_SQL_MAX_COLUMNS];
  int rc, ncols, c;
  uint64_t rows = 0;
  q = (size_t)snprintf(sql, sizeof sql, "SELECT * FROM \"");
  for (i = 0; name[i] && q + 2 < sizeof sql - 32; i++) {
    if (name[i] == '"') sql[q++] = '"';
    sql[q++] = name[i];
  }
  snprintf(sql + q, sizeof sql - q, "\" LIMIT %u", AJAR_SQLITE_MAX_ROWS);
  rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
  if (rc != SQLITE_OK) return rc;
  ncols = sqlite3_column_count(s);
  if (ncols > AJAR_SQL_MAX_COLUMNS) ncols = AJAR_SQL_MAX_COLUMNS;
  for (c = 0; c < ncols; c++) {
    const char *cn = sqlite3_column_name(s, c);
    size_t n = cn ? strlen(cn) : 0;
    if (n > AJAR_SQL_MAX_NAME) n = AJAR_SQL_MAX_NAME;
    fields[c] = rec_child(k, REC_ROOT, cn ? cn : "", n, 0);
  }
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    for (c = 0; c < ncols; c++) {
      int ty = sqlite3_column_type(s, c);
      const char *v;
      size_t n;
      if (ty == SQLITE_NULL) continue;
      if (ty == SQLITE_BLOB) {
        v = sqlite3_column_blob(s, c);
        n = (size_t)sqlite3_column_bytes(s, c);
        if (n > AJAR_SQL_MAX_VALUE) n = AJAR_SQL_MAX_VALUE;
        if (v && value_is_text(v, n)) rec_value(k, fields[c], VK_STRING, v, n);
        continue;
      }
      v = (const char *)sqlite3_column_text(s, c);
      n = (size_t)sqlite3_column_bytes(s, c);
      if (!v) continue;
      if (n > AJAR_SQL_MAX_VALUE) {
        n = AJAR_SQL_MAX_VALUE;
        while (n && ((unsigned char)v[n] & 0xC0) == 0x80) n--;
      }
      rec_value(k, fields[c],
               ty == SQLITE_INTEGER || ty == SQLITE_FLOAT ? VK_NUMBER : VK_STRING,
               v, n);
    }
    rec_end(k, 0);
    rows++;
  }
  st->rows += rows;
  if (rows == AJAR_SQLITE_MAX_ROWS) st->tables_capped++;
  sqlite3_finalize(s);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int sqlite_walk_file(const char *path, const struct rec_sink *top,
                     struct sqlite_stats *st, char *err, size_t errlen) {
  char uri[4200];
  sqlite3 *db = NULL;
  sqlite3_stmt *list = NULL;
  int rc, ret = 0;
  uint32_t n = 0;
  memset(st, 0, sizeof *st);
  if (file_uri(path, uri, sizeof uri)) {
    snprintf(err, errlen, "path too long for SQLite");
    return AJAR_EINVAL;
  }
  rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK || harden(db)) {
    sqlite_error(err, errlen, db);
    sqlite3_close(db);
    return rc == SQLITE_NOMEM ? AJAR_ENOMEM : AJAR_EPARSE;
  }
  rc = sqlite3_prepare_v2(db,
                          "SELECT name FROM sqlite_schema WHERE type = 'table' "
                          "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name "
                          "LIMIT ?1",
                          -1, &list, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int(list, 1, AJAR_SQL_MAX_TABLES + 1);
  while (rc == SQLITE_OK && (rc = sqlite3_step(list)) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(list, 0);
    const struct rec_sink *k;
    size_t len;
    int trc;
    rc = SQLITE_OK;
    if (!name) continue;
    if (++n > AJAR_SQL_MAX_TABLES) {
      st->tables_over++;
      continue;
    }
    len = strlen(name);
    if (len > AJAR_SQL_MAX_NAME) len = AJAR_SQL_MAX_NAME;
    st->tables++;
    k = rec_open(top, name, len);
    if (!k) continue;
    trc = read_table(db, name, k, st);
    if (trc != SQLITE_OK && !ret) {
      /* a damaged table: say so once, read the others */
      snprintf(err, errlen, "SQLite: table %u of the file: %s", n,
               sqlite3_errstr(trc));
      ret = trc == SQLITE_NOMEM ? AJAR_ENOMEM : AJAR_EPARSE;
      st->tables_bad++;
    } else if (trc != SQLITE_OK) {
      st->tables_bad++;
    }
  }
  if (rc != SQLITE_DONE && rc != SQLITE_OK && !ret) {
    sqlite_error(err, errlen, db);
    ret = rc == SQLITE_NOMEM ? AJAR_ENOMEM : AJAR_EPARSE;
  }
  sqlite3_finalize(list);
  sqlite3_close(db);
  return ret;
}
