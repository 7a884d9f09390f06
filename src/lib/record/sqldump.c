/* SQL dump walker: the rows of a dump as records, a collection per table,
 * fields by column name.
 *
 * One byte-stream state machine, fed chunks cut anywhere, in two layers:
 * a lexer (words, quoted identifiers `x` "x" [x], string literals with
 * '' doubling and, for MySQL and E'' strings, backslash escapes, comments
 * -- # and block, PostgreSQL $tag$ quoting, and COPY ... FROM stdin data
 * lines with their escapes) and a statement grammar that knows only what
 * carries rows:
 *   CREATE TABLE name (col type, ...)    column names and kinds
 *   INSERT|REPLACE [INTO] name [(cols)] VALUES (...),(...)   rows
 *   COPY name [(cols)] FROM stdin; ... \.                    rows
 *   USE db; \connect db                  the database of unqualified names
 * Everything else is skipped to its ';' (or to a line that starts a
 * statement, for scripts without semicolons such as MSSQL's with GO).
 * A row value is the first literal of its slot: 'text', 42, -1.5, NULL,
 * TRUE, X'..'/0x.. (hex, kept when it decodes to text), _binary '..'
 * (kept when text), N'..'; CAST('x' AS ..) gives 'x'.
 *
 * Memory is constant in the dump's size: one value buffer
 * (AJAR_SQL_MAX_VALUE, longer values are cut), one token buffer, and the
 * table and column names (AJAR_SQL_MAX_TABLES, AJAR_SQL_MAX_COLUMNS,
 * AJAR_SQL_MAX_NAMES bytes in all).
 *
 * Which dialect: backslash escapes in '' strings once the dump shows it
 * is MySQL's (a backquote, a conditional comment, slash star bang), PostgreSQL
 * once it shows pg_catalog or standard_conforming_strings or COPY FROM
 * stdin ([ is then no identifier quote); otherwise standard SQL.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "record/sqldump_state.h"

int value_is_text(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    size_t k, need;
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return 0;
      i++;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c >= 0xE0 && c <= 0xEF) need = 2;
    else if (c >= 0xF0 && c <= 0xF4) need = 3;
    else return 0;
    for (k = 1; k <= need; k++)
      if (i + k >= n || ((unsigned char)s[i + k] & 0xC0) != 0x80) return 0;
    i += need + 1;
  }
  return 1;
}

/* ---- tables ------------------------------------------------------------------ */
static uint32_t name_hash(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  size_t i;
  for (i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static int tables_grow(struct sqldump *d) {
  uint32_t nc = d->tcap ? d->tcap * 2 : 64, i;
  struct table *nt = calloc(nc, sizeof *nt);
  if (!nt) return AJAR_ENOMEM;
  for (i = 0; i < d->tcap; i++) {
    struct table *t = &d->tables[i];
    uint32_t h;
    if (!t->name) continue;
    h = name_hash(t->name, t->len) & (nc - 1);
    while (nt[h].name) h = (h + 1) & (nc - 1);
    nt[h] = *t;
  }
  free(d->tables);
  d->tables = nt;
  d->tcap = nc;
  return 0;
}

/* the table named d->name (db-prefixed when unqualified), or NULL past
 * the caps; opened through top at its first use */
struct table *table_get(struct sqldump *d) {
  char full[2 * AJAR_SQL_MAX_NAME + 8];
  size_t n;
  uint32_t h;
  struct table *t;
  if (!d->name_len) return NULL;
  n = 0; /* memcpy, not printf: a name may hold a NUL byte */
  if (d->db_len && (d->db_always || !memchr(d->name, '.', d->name_len))) {
    memcpy(full, d->db, d->db_len);
    full[d->db_len] = '.';
    n = d->db_len + 1;
  }
  memcpy(full + n, d->name, d->name_len);
  n += d->name_len;
  if (n > AJAR_SQL_MAX_NAME) n = AJAR_SQL_MAX_NAME;
  if (d->tcap) {
    h = name_hash(full, n) & (d->tcap - 1);
    while (d->tables[h].name) {
      t = &d->tables[h];
      if (t->len == n && !memcmp(t->name, full, n)) return t;
      h = (h + 1) & (d->tcap - 1);
    }
  }
  if (d->ntables >= AJAR_SQL_MAX_TABLES || d->name_bytes + n > AJAR_SQL_MAX_NAMES) {
    d->st.tables_over++;
    return NULL;
  }
  if ((d->ntables + 1) * 2 > d->tcap && tables_grow(d)) return NULL;
  h = name_hash(full, n) & (d->tcap - 1);
  while (d->tables[h].name) h = (h + 1) & (d->tcap - 1);
  t = &d->tables[h];
  if (!(t->name = malloc(n + 1))) return NULL;
  memcpy(t->name, full, n);
  t->name[n] = 0;
  t->len = n;
  d->ntables++;
  d->st.tables++;
  d->name_bytes += n;
  return t;
}

void table_open(struct sqldump *d, struct table *t) {
  if (!t || t->opened) return;
  t->opened = 1;
  /* SQLite's own bookkeeping (sqlite_sequence, sqlite_stat1) */
  if (t->len > 7 && !strncasecmp(t->name, "sqlite_", 7)) return;
  t->sink = rec_open(d->top, t->name, t->len);
}

void table_reset_cols(struct sqldump *d, struct table *t) {
  uint32_t i;
  for (i = 0; i < t->ncols; i++) {
    d->name_bytes -= t->cols[i].len;
    free(t->cols[i].name);
  }
  t->ncols = 0;
}

/* the index of column name in t, added when new; NO_COL past the caps */
uint32_t col_add(struct sqldump *d, struct table *t, const char *s,
                 size_t n) {
  uint32_t i;
  struct column *c;
  for (i = 0; i < t->ncols; i++)
    if (t->cols[i].len == n && !memcmp(t->cols[i].name, s, n)) return i;
  if (t->ncols >= AJAR_SQL_MAX_COLUMNS || d->name_bytes + n > AJAR_SQL_MAX_NAMES)
    return NO_COL;
  if (t->ncols == t->capcols) {
    uint32_t nc = t->capcols ? t->capcols * 2 : 16;
    struct column *ncols = realloc(t->cols, nc * sizeof *ncols);
    if (!ncols) return NO_COL;
    t->cols = ncols;
    t->capcols = nc;
  }
  c = &t->cols[t->ncols];
  if (!(c->name = malloc(n + 1))) return NO_COL;
  memcpy(c->name, s, n);
  c->name[n] = 0;
  c->len = (uint32_t)n;
  c->field = REC_NONE;
  c->kind = CK_STRING;
  d->name_bytes += n;
  return t->ncols++;
}

/* the table column of row position pos: the statement's column list, or
 * the table's own columns, "columnN" past them */
uint32_t col_at(struct sqldump *d, struct table *t, uint32_t pos) {
  if (d->has_smap) return pos < d->nsmap ? d->smap[pos] : NO_COL;
  while (t->ncols <= pos) {
    char nm[32];
    int k = snprintf(nm, sizeof nm, "column%u", t->ncols + 1);
    uint32_t before = t->ncols;
    if (col_add(d, t, nm, (size_t)k) == NO_COL || t->ncols == before)
      return NO_COL;
  }
  return pos;
}

enum ckind kind_of_type(const char *s, size_t n) {
  static const char *const num[] = {
      "int", "integer", "bigint", "smallint", "mediumint", "tinyint", "int2",
      "int4", "int8", "serial", "bigserial", "smallserial", "real", "double",
      "float", "float4", "float8", "numeric", "decimal", "dec", "number", NULL};
  size_t i, k = 0;
  while (k < n && (isalnum((unsigned char)s[k]) || s[k] == '_')) k++;
  for (i = 0; num[i]; i++)
    if (ieq(s, k, num[i])) return CK_NUMBER;
  if (ieq(s, k, "boolean") || ieq(s, k, "bool")) return CK_BOOL;
  return CK_STRING;
}

/* ---- whole dumps ---------------------------------------------------------------- */
int sqldump_new(const struct rec_sink *top, struct sqldump **out) {
  struct sqldump *d = calloc(1, sizeof *d);
  if (!d) return AJAR_ENOMEM;
  d->vbuf = malloc(AJAR_SQL_MAX_VALUE + 8);
  d->smap = malloc(AJAR_SQL_MAX_COLUMNS * sizeof *d->smap);
  d->bind = malloc(AJAR_SQL_MAX_COLUMNS * sizeof *d->bind);
  if (!d->vbuf || !d->smap || !d->bind) {
    sqldump_free(d);
    return AJAR_ENOMEM;
  }
  d->top = top;
  d->line = 1;
  d->bol = 1;
  d->cb = d->tok;
  *out = d;
  return 0;
}

int sqldump_finish(struct sqldump *d) {
  enum lex lx;
  /* a last token without a byte after it */
  if (d->lx == L_WORD || d->lx == L_QID_Q || d->lx == L_STR_Q || d->lx == L_MINUS ||
      d->lx == L_SLASH || d->lx == L_DTAG)
    sqldump_feed(d, "\n", 1);
  lx = d->lx;
  if (lx == L_STR || lx == L_STR_ESC || lx == L_QID || lx == L_DBODY ||
      lx == L_DCLOSE) {
    snprintf(d->err, sizeof d->err,
             "the SQL dump ends inside a quoted %s opened at line %llu",
             lx == L_QID ? "name" : "string", (unsigned long long)d->sline);
    if (d->row_open) row_end(d, 1);
    return AJAR_EPARSE;
  }
  if (lx == L_BCOMMENT || lx == L_BCOMMENT_STAR) {
    snprintf(d->err, sizeof d->err, "the SQL dump ends inside a comment");
    return AJAR_EPARSE;
  }
  if (lx >= L_COPY_SKIP && lx <= L_COPY_HEX && lx != L_COPY_DOT) {
    if (lx != L_COPY_LS && lx != L_COPY_SKIP && d->row_open) {
      copy_field_done(d, 0);
      row_end(d, 1);
    }
    snprintf(d->err, sizeof d->err,
             "the SQL dump ends inside COPY data (no \\. line)");
    return AJAR_EPARSE;
  }
  if (d->g == G_ROW) {
    slot_done(d);
    row_end(d, 1);
    snprintf(d->err, sizeof d->err, "the SQL dump ends inside a row of an INSERT");
    return AJAR_EPARSE;
  }
  return 0;
}

const char *sqldump_error(const struct sqldump *d) { return d->err; }
const struct sqldump_stats *sqldump_stats(const struct sqldump *d) { return &d->st; }

void sqldump_free(struct sqldump *d) {
  uint32_t i;
  if (!d) return;
  for (i = 0; i < d->tcap; i++) {
    struct table *t = &d->tables[i];
    if (!t->name) continue;
    table_reset_cols(d, t);
    free(t->cols);
    free(t->name);
  }
  free(d->tables);
  free(d->vbuf);
  free(d->smap);
  free(d->bind);
  free(d);
}

int sqldump_sniff(const char *p, size_t n) {
  static const char *const kw[] = {
      "CREATE", "INSERT", "DROP", "SET", "BEGIN", "PRAGMA", "COPY", "USE",
      "LOCK", "START", "REPLACE", "ALTER", "SELECT", "GO", NULL};
  const char *e = p + n;
  int i;
  for (;;) {
    while (p < e && isspace((unsigned char)*p)) p++;
    if (e - p >= 2 && p[0] == '-' && p[1] == '-') {
      if ((e - p >= 13 && !memcmp(p, "-- MySQL dump", 13)) ||
          (e - p >= 15 && !memcmp(p, "-- MariaDB dump", 15)) ||
          (e - p >= 27 && !memcmp(p, "-- PostgreSQL database dump", 27)))
        return 1;
      p = memchr(p, '\n', (size_t)(e - p));
      if (!p) return 0;
      continue;
    }
    if (e - p >= 2 && p[0] == '/' && p[1] == '*') {
      const char *q = p + 2;
      while (q + 1 < e && !(q[0] == '*' && q[1] == '/')) q++;
      if (q + 1 >= e) return 0;
      p = q + 2;
      continue;
    }
    break;
  }
  for (i = 0; kw[i]; i++) {
    size_t k = strlen(kw[i]);
    if ((size_t)(e - p) > k && !strncasecmp(p, kw[i], k) &&
        !word_char((unsigned char)p[k]))
      return 1;
  }
  return 0;
}
