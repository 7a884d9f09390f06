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
#include <emmintrin.h>
#include "ajar_limits.h"
#include "record/sqldump.h"

enum lex {
  L_NORMAL, L_WORD, L_QID, L_QID_Q, L_STR, L_STR_Q, L_STR_ESC, L_MINUS,
  L_SLASH, L_LCOMMENT, L_BCOMMENT, L_BCOMMENT_STAR, L_DTAG, L_DBODY,
  L_DCLOSE, L_COPY_SKIP, L_COPY_LS, L_COPY_LS_BSL, L_COPY_DOT, L_COPY_FIELD,
  L_COPY_ESC, L_COPY_N, L_COPY_OCT, L_COPY_HEX
};

enum gram {
  G_START, G_SKIP, G_INS, G_COLS, G_INS_VALUES, G_ROW, G_AFTER_ROW,
  G_CT, G_CT_NAME, G_CT_DEFS, G_COPY, G_COPY_REST, G_USE,
  G_META, G_META_DB
};

enum tok { T_WORD, T_QID, T_STR, T_PUNCT };
enum ckind { CK_STRING, CK_NUMBER, CK_BOOL };
/* a row slot */
enum { SLOT_EMPTY, SLOT_VALUE, SLOT_NONE };

#define NO_COL UINT32_MAX
#define TOK_CAP AJAR_SQL_MAX_NAME
#define DTAG_CAP 64

struct column {
  char *name;
  uint32_t len;
  uint32_t field; /* REC_NONE until first used */
  uint8_t kind;
};

struct table {
  char *name;
  size_t len;
  const struct rec_sink *sink; /* NULL: not opened, or not to be read */
  int opened;
  struct column *cols;
  uint32_t ncols, capcols;
};

struct sqldump {
  const struct rec_sink *top;
  struct sqldump_stats st;
  char err[160];
  /* lexer */
  enum lex lx;
  uint64_t line;
  int bol, tbol;         /* at the start of a line; the token was */
  int mysql, pg;
  int e_prefix;          /* the word just before a quote was E */
  char sq;               /* closing quote of the string or identifier */
  int sbsl;              /* backslash escapes in this string */
  uint64_t sline;        /* line the open string started on */
  char *cb;              /* where the token's bytes go (tok or vbuf) */
  size_t cn, cmax;
  int is_num;
  char wlast;            /* the last byte of the word being read */
  int bc_first;          /* at the first byte of a block comment */
  char tok[TOK_CAP + 8];
  char *vbuf;            /* AJAR_SQL_MAX_VALUE + 8 */
  char punct;
  char dtag[DTAG_CAP];
  size_t dtag_len, dmatch;
  unsigned esc_acc, esc_digits;
  /* grammar */
  enum gram g;
  enum gram after_cols;  /* where a column list leads */
  int depth;
  int skip_set;          /* skipping a SET statement */
  int create_kw_seen;
  char name[AJAR_SQL_MAX_NAME + 8];
  size_t name_len;
  int name_dot;          /* the last name token was '.' */
  char db[AJAR_SQL_MAX_NAME + 8];
  size_t db_len;
  int db_always;         /* \connect: a database over schema.table names */
  struct table *cur;
  uint32_t *smap;        /* statement column list -> table column */
  uint32_t nsmap;
  int has_smap;
  uint32_t col;          /* current column of the row */
  int slot;
  enum value_kind slot_kind;
  size_t slot_len;
  uint32_t type_col;     /* the column whose type comes next */
  int intro_hex, intro_bin, intro_bits;
  int intro_nl;           /* sqlite3 .dump's replace('a\nb','\n',char(10)) */
  int row_open;
  int def_start, want_type;
  int copy_stdin, copy_other;
  /* tables */
  struct table *tables;  /* hash of names */
  uint32_t tcap, ntables;
  size_t name_bytes;
};

/* ---- small helpers --------------------------------------------------------- */
/* letters, digits, '_', '$' and every byte of a UTF-8 sequence */
static const unsigned char word_byte[256] = {
    ['0' ... '9'] = 1, ['A' ... 'Z'] = 1, ['a' ... 'z'] = 1, ['_'] = 1,
    ['$'] = 1, [0x80 ... 0xFF] = 1,
};

static int word_char(unsigned char c) { return word_byte[c]; }

static int ieq(const char *a, size_t n, const char *kw) {
  size_t k = strlen(kw);
  return n == k && !strncasecmp(a, kw, k);
}

static int hexv(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

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

/* the first byte at or after p that is a or b (SSE2, 16 bytes a step) */
static const char *find2(const char *p, const char *e, char a, char b) {
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
  while (p + 16 <= e) {
    __m128i x = _mm_loadu_si128((const __m128i *)p);
    unsigned m = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)));
    if (m) return p + __builtin_ctz(m);
    p += 16;
  }
  while (p < e && *p != a && *p != b) p++;
  return p;
}

static const char *find3(const char *p, const char *e, char a, char b, char c) {
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
  while (p + 16 <= e) {
    __m128i x = _mm_loadu_si128((const __m128i *)p);
    unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
        _mm_cmpeq_epi8(x, vc)));
    if (m) return p + __builtin_ctz(m);
    p += 16;
  }
  while (p < e && *p != a && *p != b && *p != c) p++;
  return p;
}

static uint64_t count_nl(const char *p, const char *e) {
  uint64_t k = 0;
  while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
    k++;
    p++;
  }
  return k;
}

static void cap_put(struct sqldump *d, const char *p, size_t n) {
  if (d->cn < d->cmax) {
    size_t k = d->cmax - d->cn < n ? d->cmax - d->cn : n;
    memcpy(d->cb + d->cn, p, k);
  }
  d->cn += n; /* past cmax: counted, not kept */
}

static void cap_byte(struct sqldump *d, char c) {
  if (d->cn < d->cmax) d->cb[d->cn] = c;
  d->cn++;
}

/* the kept length, cut on a character boundary when it was cut */
static size_t cap_len(const struct sqldump *d) {
  size_t n = d->cn;
  if (n <= d->cmax) return n;
  n = d->cmax;
  while (n && ((unsigned char)d->cb[n] & 0xC0) == 0x80) n--;
  return n;
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
static struct table *table_get(struct sqldump *d) {
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

static void table_open(struct sqldump *d, struct table *t) {
  if (!t || t->opened) return;
  t->opened = 1;
  /* SQLite's own bookkeeping (sqlite_sequence, sqlite_stat1) */
  if (t->len > 7 && !strncasecmp(t->name, "sqlite_", 7)) return;
  t->sink = rec_open(d->top, t->name, t->len);
}

static void table_reset_cols(struct sqldump *d, struct table *t) {
  uint32_t i;
  for (i = 0; i < t->ncols; i++) {
    d->name_bytes -= t->cols[i].len;
    free(t->cols[i].name);
  }
  t->ncols = 0;
}

/* the index of column name in t, added when new; NO_COL past the caps */
static uint32_t col_add(struct sqldump *d, struct table *t, const char *s,
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
static uint32_t col_at(struct sqldump *d, struct table *t, uint32_t pos) {
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

static enum ckind kind_of_type(const char *s, size_t n) {
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

/* ---- rows -------------------------------------------------------------------- */
static void row_begin(struct sqldump *d) {
  d->col = 0;
  d->slot = SLOT_EMPTY;
  d->intro_hex = d->intro_bin = d->intro_bits = d->intro_nl = 0;
  d->row_open = 1;
  d->cb = d->vbuf;
  d->cn = 0;
  d->cmax = AJAR_SQL_MAX_VALUE;
}

static void emit_value(struct sqldump *d, enum value_kind kind, const char *v,
                       size_t n) {
  struct table *t = d->cur;
  uint32_t ci;
  struct column *c;
  if (!t || !t->sink) return;
  ci = col_at(d, t, d->col);
  if (ci == NO_COL) return;
  c = &t->cols[ci];
  if (c->field == REC_NONE)
    c->field = rec_child(t->sink, REC_ROOT, c->name, c->len, 0);
  rec_value(t->sink, c->field, kind, v, n);
}

/* the slot of an INSERT row is complete */
static void slot_done(struct sqldump *d) {
  if (d->slot == SLOT_VALUE) emit_value(d, d->slot_kind, d->vbuf, d->slot_len);
  d->slot = SLOT_EMPTY;
  d->intro_hex = d->intro_bin = d->intro_bits = d->intro_nl = 0;
  d->cn = 0;
}

static void row_end(struct sqldump *d, int malformed) {
  struct table *t = d->cur;
  d->row_open = 0;
  if (malformed) {
    d->st.malformed++;
    if (!d->st.first_malformed_line) d->st.first_malformed_line = d->line;
  }
  if (!t || !t->sink) return;
  d->st.rows++;
  rec_end(t->sink, malformed);
}

/* a COPY field is complete: its text, typed by the column */
static void copy_field_done(struct sqldump *d, int null) {
  if (!null) {
    size_t n = cap_len(d);
    struct table *t = d->cur;
    uint32_t ci = t && t->sink ? col_at(d, t, d->col) : NO_COL;
    enum ckind k = ci == NO_COL ? CK_STRING : (enum ckind)t->cols[ci].kind;
    if (k == CK_BOOL && n == 1 && (d->vbuf[0] == 't' || d->vbuf[0] == 'f'))
      emit_value(d, VK_BOOL, d->vbuf[0] == 't' ? "true" : "false",
                 d->vbuf[0] == 't' ? 4 : 5);
    else
      emit_value(d, k == CK_NUMBER ? VK_NUMBER : VK_STRING, d->vbuf, n);
  }
  d->cn = 0;
}

/* the literal just read fills the slot (if it is still empty) */
static void slot_literal(struct sqldump *d, enum tok ty) {
  size_t n, i;
  if (d->slot != SLOT_EMPTY) return;
  n = cap_len(d);
  if (ty == T_STR) {
    if (d->intro_bits) {
      d->slot = SLOT_NONE;
      return;
    }
    if (d->intro_hex) {
      for (i = 0; i + 1 < n; i += 2) {
        int a = hexv((unsigned char)d->vbuf[i]), b = hexv((unsigned char)d->vbuf[i + 1]);
        if (a < 0 || b < 0) break;
        d->vbuf[i / 2] = (char)(a << 4 | b);
      }
      n = i / 2;
    }
    if (d->intro_nl) { /* \n and \r stand for the line breaks */
      size_t k = 0;
      for (i = 0; i < n; i++) {
        if (d->vbuf[i] == '\\' && i + 1 < n && (d->vbuf[i + 1] == 'n' || d->vbuf[i + 1] == 'r')) {
          d->vbuf[k++] = d->vbuf[i + 1] == 'n' ? '\n' : '\r';
          i++;
        } else {
          d->vbuf[k++] = d->vbuf[i];
        }
      }
      n = k;
    }
    if ((d->intro_hex || d->intro_bin) && !value_is_text(d->vbuf, n)) {
      d->slot = SLOT_NONE;
      return;
    }
    d->slot = SLOT_VALUE;
    d->slot_kind = VK_STRING;
    d->slot_len = n;
    return;
  }
  /* a word */
  if (d->is_num && !(n > 2 && d->vbuf[0] == '0' && (d->vbuf[1] == 'x' || d->vbuf[1] == 'X'))) {
    d->slot = SLOT_VALUE;
    d->slot_kind = VK_NUMBER;
    d->slot_len = n;
  } else if (ieq(d->vbuf, n, "NULL") || ieq(d->vbuf, n, "DEFAULT")) {
    d->slot = SLOT_NONE;
  } else if (ieq(d->vbuf, n, "TRUE") || ieq(d->vbuf, n, "FALSE")) {
    int t = d->vbuf[0] == 't' || d->vbuf[0] == 'T';
    d->slot = SLOT_VALUE;
    d->slot_kind = VK_BOOL;
    memcpy(d->vbuf, t ? "true" : "false", t ? 4 : 5);
    d->slot_len = t ? 4 : 5;
  } else if (d->is_num && n > 2 && (d->vbuf[0] == '0') &&
             (d->vbuf[1] == 'x' || d->vbuf[1] == 'X')) {
    for (i = 2; i + 1 < n; i += 2) {
      int a = hexv((unsigned char)d->vbuf[i]), b = hexv((unsigned char)d->vbuf[i + 1]);
      if (a < 0 || b < 0) break;
      d->vbuf[(i - 2) / 2] = (char)(a << 4 | b);
    }
    n = (i - 2) / 2;
    if (!value_is_text(d->vbuf, n)) {
      d->slot = SLOT_NONE;
    } else {
      d->slot = SLOT_VALUE;
      d->slot_kind = VK_STRING;
      d->slot_len = n;
    }
  } else {
    /* an introducer or a function name: the literal comes next */
    if (ieq(d->vbuf, n, "x")) d->intro_hex = 1;
    else if (ieq(d->vbuf, n, "b")) d->intro_bits = 1;
    else if (ieq(d->vbuf, n, "_binary")) d->intro_bin = 1;
    else if (ieq(d->vbuf, n, "replace")) d->intro_nl = 1;
  }
}

/* ---- the grammar ------------------------------------------------------------- */
static int stmt_keyword(const char *s, size_t n) {
  return ieq(s, n, "INSERT") || ieq(s, n, "REPLACE") || ieq(s, n, "CREATE") ||
         ieq(s, n, "COPY") || ieq(s, n, "GO") || ieq(s, n, "USE");
}

static int constraint_word(const char *s, size_t n) {
  static const char *const kw[] = {
      "PRIMARY", "KEY", "INDEX", "UNIQUE", "CONSTRAINT", "FOREIGN", "CHECK",
      "FULLTEXT", "SPATIAL", "EXCLUDE", "LIKE", "PERIOD", NULL};
  size_t i;
  for (i = 0; kw[i]; i++)
    if (ieq(s, n, kw[i])) return 1;
  return 0;
}

static void name_reset(struct sqldump *d) {
  d->name_len = 0;
  d->name_dot = 0;
}

/* a name token: part of a (qualified) name being read? 1 if taken */
static int name_part(struct sqldump *d, enum tok ty) {
  if (ty == T_PUNCT) {
    if (d->punct == '.' && d->name_len && !d->name_dot) {
      if (d->name_len < AJAR_SQL_MAX_NAME) d->name[d->name_len++] = '.';
      d->name_dot = 1;
      return 1;
    }
    return 0;
  }
  if (ty != T_WORD && ty != T_QID) return 0;
  if (d->name_len && !d->name_dot) return 0;
  {
    size_t n = cap_len(d), room = AJAR_SQL_MAX_NAME - d->name_len;
    if (n > room) n = room;
    memcpy(d->name + d->name_len, d->cb, n);
    d->name_len += n;
  }
  d->name_dot = 0;
  return 1;
}

static void smap_reset(struct sqldump *d) {
  d->nsmap = 0;
  d->has_smap = 0;
}

static void smap_add(struct sqldump *d) {
  uint32_t ci = NO_COL;
  if (d->cur) ci = col_add(d, d->cur, d->cb, cap_len(d));
  if (d->nsmap < AJAR_SQL_MAX_COLUMNS) d->smap[d->nsmap++] = ci;
}

static void to_skip(struct sqldump *d) {
  d->g = G_SKIP;
  d->depth = 0;
}

static void gram(struct sqldump *d, enum tok ty) {
  const char *s = d->cb;
  size_t n = ty == T_PUNCT ? 1 : cap_len(d);
  char p = ty == T_PUNCT ? d->punct : 0;
again:
  switch (d->g) {
  case G_START:
    d->skip_set = 0;
    d->cur = NULL;
    if (ty == T_PUNCT) {
      if (p == '\\' && d->tbol) d->g = G_META;
      else if (p != ';') to_skip(d);
      break;
    }
    if (ty != T_WORD) { to_skip(d); break; }
    name_reset(d);
    smap_reset(d);
    if (ieq(s, n, "INSERT") || ieq(s, n, "REPLACE")) d->g = G_INS;
    else if (ieq(s, n, "CREATE")) d->g = G_CT;
    else if (ieq(s, n, "COPY")) { d->g = G_COPY; d->copy_stdin = d->copy_other = 0; }
    else if (ieq(s, n, "USE")) d->g = G_USE;
    else if (ieq(s, n, "GO")) break;
    else {
      d->skip_set = ieq(s, n, "SET");
      to_skip(d);
    }
    break;

  case G_SKIP:
    if (ty == T_PUNCT) {
      if (p == '(') d->depth++;
      else if (p == ')') d->depth--;
      else if (p == ';' && d->depth <= 0) d->g = G_START;
      break;
    }
    if (ty == T_WORD) {
      if (ieq(s, n, "pg_catalog") ||
          (d->skip_set && ieq(s, n, "standard_conforming_strings")))
        d->pg = 1;
      if (d->tbol && d->depth <= 0 && stmt_keyword(s, n)) {
        d->g = G_START;
        goto again;
      }
    }
    break;

  case G_USE:
    if (ty == T_WORD || ty == T_QID) {
      d->db_len = n < AJAR_SQL_MAX_NAME ? n : AJAR_SQL_MAX_NAME;
      memcpy(d->db, s, d->db_len);
      d->db_always = 0;
    }
    to_skip(d);
    if (ty == T_PUNCT && p == ';') d->g = G_START;
    break;

  case G_META: /* psql: \connect db, the rest of the line */
    d->g = ty == T_WORD && (ieq(s, n, "connect") || ieq(s, n, "c")) ? G_META_DB
                                                                     : G_START;
    break;
  case G_META_DB:
    if (ty == T_WORD && n && s[0] == '-') break; /* -reuse-previous=on */
    if (ty == T_WORD || ty == T_QID) {
      d->db_len = n < AJAR_SQL_MAX_NAME ? n : AJAR_SQL_MAX_NAME;
      memcpy(d->db, s, d->db_len);
      d->db_always = 1;
    }
    d->g = G_START;
    break;

  case G_INS:
    if (!d->name_len && ty == T_WORD &&
        (ieq(s, n, "INTO") || ieq(s, n, "IGNORE") || ieq(s, n, "LOW_PRIORITY") ||
         ieq(s, n, "DELAYED") || ieq(s, n, "HIGH_PRIORITY")))
      break;
    /* fall through */
  case G_COPY:
    if (name_part(d, ty)) break;
    if (!d->name_len) { to_skip(d); goto again; }
    d->cur = table_get(d);
    d->after_cols = d->g == G_INS ? G_INS_VALUES : G_COPY_REST;
    if (d->g == G_INS) table_open(d, d->cur); /* COPY: at its data */
    if (ty == T_PUNCT && p == '(') { d->g = G_COLS; d->has_smap = 1; break; }
    d->g = d->after_cols;
    goto again;

  case G_COLS: /* (col, ...) of an INSERT or a COPY */
    if (ty == T_WORD || ty == T_QID) smap_add(d);
    else if (ty == T_PUNCT && p == ')') d->g = d->after_cols;
    else if (ty == T_PUNCT && p == ';') d->g = G_START;
    break;

  case G_INS_VALUES:
    if (ty == T_WORD && (ieq(s, n, "VALUES") || ieq(s, n, "VALUE") ||
                         ieq(s, n, "OVERRIDING") || ieq(s, n, "SYSTEM") ||
                         ieq(s, n, "USER")))
      break;
    if (ty == T_PUNCT && p == '(') {
      d->g = G_ROW;
      d->depth = 1;
      row_begin(d);
      break;
    }
    to_skip(d); /* INSERT ... SELECT, SET, DEFAULT VALUES */
    goto again;

  case G_ROW:
    if (ty == T_PUNCT) {
      if (p == '(') {
        d->depth++;
      } else if (p == ')') {
        if (--d->depth == 0) {
          slot_done(d);
          row_end(d, 0);
          d->g = G_AFTER_ROW;
        }
      } else if (p == ',' && d->depth == 1) {
        slot_done(d);
        d->col++;
      } else if (p == ';') { /* a row that never closed */
        slot_done(d);
        row_end(d, 1);
        d->g = G_START;
      }
      break;
    }
    if (ty == T_STR || ty == T_WORD) slot_literal(d, ty);
    break;

  case G_AFTER_ROW:
    if (ty == T_PUNCT && p == ',') { d->g = G_INS_VALUES; break; }
    if (ty == T_PUNCT && p == ';') { d->g = G_START; break; }
    if (ty == T_WORD && d->tbol && stmt_keyword(s, n)) d->g = G_START;
    else to_skip(d); /* ON DUPLICATE KEY UPDATE ..., RETURNING ... */
    goto again;

  case G_CT:
    if (ty == T_WORD && (ieq(s, n, "OR") || ieq(s, n, "REPLACE") ||
                         ieq(s, n, "TEMPORARY") || ieq(s, n, "TEMP") ||
                         ieq(s, n, "UNLOGGED") || ieq(s, n, "GLOBAL") ||
                         ieq(s, n, "LOCAL")))
      break;
    if (ty == T_WORD && ieq(s, n, "TABLE")) { d->g = G_CT_NAME; break; }
    to_skip(d);
    goto again;

  case G_CT_NAME:
    if (!d->name_len && ty == T_WORD &&
        (ieq(s, n, "IF") || ieq(s, n, "NOT") || ieq(s, n, "EXISTS")))
      break;
    if (name_part(d, ty)) break;
    if (ty == T_PUNCT && p == '(' && d->name_len) {
      d->cur = table_get(d);
      if (d->cur) table_reset_cols(d, d->cur);
      table_open(d, d->cur);
      d->g = G_CT_DEFS;
      d->depth = 1;
      d->def_start = 1;
      d->want_type = 0;
      break;
    }
    to_skip(d); /* AS SELECT, LIKE, PARTITION OF */
    goto again;

  case G_CT_DEFS:
    if (ty == T_PUNCT) {
      if (p == '(') d->depth++;
      else if (p == ')' && --d->depth == 0) to_skip(d);
      else if (p == ',' && d->depth == 1) { d->def_start = 1; d->want_type = 0; }
      else if (p == ';') d->g = G_START;
      break;
    }
    if (d->depth != 1) break;
    if (d->def_start) {
      d->def_start = 0;
      if (ty == T_QID || (ty == T_WORD && !constraint_word(s, n))) {
        d->type_col = d->cur ? col_add(d, d->cur, s, n) : NO_COL;
        d->want_type = d->type_col != NO_COL;
      }
      break;
    }
    if (d->want_type && ty == T_WORD) {
      d->cur->cols[d->type_col].kind = (uint8_t)kind_of_type(s, n);
      d->want_type = 0;
    }
    break;

  case G_COPY_REST:
    if (ty == T_WORD && ieq(s, n, "stdin")) d->copy_stdin = 1;
    else if (ty == T_WORD && (ieq(s, n, "csv") || ieq(s, n, "binary")))
      d->copy_other = 1;
    else if (ty == T_PUNCT && p == ';') {
      d->g = G_START;
      if (d->copy_stdin) {
        d->pg = 1;
        /* CSV or binary data is read as text and thrown away */
        if (d->copy_other) d->cur = NULL;
        table_open(d, d->cur);
        d->lx = L_COPY_SKIP;
      }
    }
    break;
  }
}

/* ---- the lexer ----------------------------------------------------------------- */
/* a token starts: its bytes go to the value buffer when they may be a
 * row's value, else to the token buffer (other_cap bytes of it kept) */
static void tok_to(struct sqldump *d, size_t other_cap) {
  d->tbol = d->bol;
  if (d->g == G_ROW && d->slot == SLOT_EMPTY) {
    d->cb = d->vbuf;
    d->cmax = AJAR_SQL_MAX_VALUE;
  } else {
    d->cb = d->tok;
    d->cmax = other_cap;
  }
  d->cn = 0;
}

static void tok_begin(struct sqldump *d) { tok_to(d, TOK_CAP); }

static void emit(struct sqldump *d, enum tok ty) {
  d->lx = L_NORMAL;
  gram(d, ty);
  d->bol = 0;
}

static void emit_punct(struct sqldump *d, char c) {
  d->punct = c;
  d->e_prefix = 0;
  d->cb = d->tok;
  d->cn = 0;
  emit(d, T_PUNCT);
}

static void str_begin(struct sqldump *d, char q, int bsl) {
  tok_to(d, 0); /* strings outside rows are not needed */
  d->sq = q;
  d->sbsl = bsl;
  d->sline = d->line;
  d->lx = L_STR;
  d->e_prefix = 0;
}

static void qid_begin(struct sqldump *d, char close) {
  d->tbol = d->bol;
  d->cb = d->tok;
  d->cmax = TOK_CAP;
  d->cn = 0;
  d->sq = close;
  d->sline = d->line;
  d->lx = L_QID;
  d->e_prefix = 0;
}

static void copy_row_begin(struct sqldump *d) {
  d->col = 0;
  d->row_open = 1;
  d->cb = d->vbuf;
  d->cn = 0;
  d->cmax = AJAR_SQL_MAX_VALUE;
}

static const char *mysql_escape(char c, char *out) {
  switch (c) {
  case '0': *out = 0; break;
  case 'n': *out = '\n'; break;
  case 't': *out = '\t'; break;
  case 'r': *out = '\r'; break;
  case 'b': *out = '\b'; break;
  case 'Z': *out = 0x1a; break;
  default: *out = c; break;
  }
  return out;
}

int sqldump_feed(struct sqldump *d, const char *p, size_t n) {
  const char *e = p + n, *q;
  char ch;
  while (p < e) {
    unsigned char c = (unsigned char)*p;
    switch (d->lx) {
    case L_NORMAL:
      if (c == '\n') { d->line++; d->bol = 1; p++; break; }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') { p++; break; }
      if (word_char(c) && !(c == '$' && !d->mysql)) {
        tok_begin(d);
        d->is_num = c >= '0' && c <= '9';
        d->wlast = 0;
        d->lx = L_WORD;
        break; /* the word loop takes c */
      }
      switch (c) {
      case '\'':
        str_begin(d, '\'', d->mysql || d->e_prefix);
        p++;
        break;
      case '"':
        if (d->mysql && d->g == G_ROW) str_begin(d, '"', 1);
        else qid_begin(d, '"');
        p++;
        break;
      case '`':
        d->mysql = 1;
        qid_begin(d, '`');
        p++;
        break;
      case '[':
        if (!d->pg) qid_begin(d, ']');
        else { d->tbol = d->bol; emit_punct(d, '['); }
        p++;
        break;
      case '-':
        d->tbol = d->bol;
        d->lx = L_MINUS;
        p++;
        break;
      case '/':
        d->tbol = d->bol;
        d->lx = L_SLASH;
        p++;
        break;
      case '#':
        p++;
        if (d->mysql) d->lx = L_LCOMMENT;
        else { d->tbol = d->bol; emit_punct(d, '#'); }
        break;
      case '$':
        d->tbol = d->bol;
        d->dtag_len = 0;
        d->lx = L_DTAG;
        p++;
        break;
      default:
        d->tbol = d->bol;
        p++;
        emit_punct(d, (char)c);
        break;
      }
      break;

    case L_WORD: {
      q = p;
      if (d->is_num) { /* 12, -1.5e-3, 0x4142 */
        int hex = 0;
        while (q < e) {
          unsigned char x = (unsigned char)*q;
          if (x == 'x' || x == 'X') hex = 1;
          if (word_char(x) || x == '.' ||
              ((x == '+' || x == '-') && !hex && (d->wlast == 'e' || d->wlast == 'E'))) {
            d->wlast = (char)x;
            q++;
            continue;
          }
          break;
        }
      } else {
        while (q < e && word_char((unsigned char)*q)) q++;
      }
      cap_put(d, p, (size_t)(q - p));
      p = q;
      if (p == e) break; /* the word may go on in the next chunk */
      d->e_prefix = *p == '\'' && d->cn == 1 && (d->cb[0] == 'E' || d->cb[0] == 'e');
      {
        int ep = d->e_prefix;
        emit(d, T_WORD);
        d->e_prefix = ep;
      }
      break;
    }

    case L_QID:
      q = memchr(p, d->sq, (size_t)(e - p));
      if (!q) q = e;
      d->line += count_nl(p, q);
      cap_put(d, p, (size_t)(q - p));
      p = q;
      if (p < e) { d->lx = L_QID_Q; p++; }
      break;
    case L_QID_Q:
      if ((char)c == d->sq) { cap_byte(d, (char)c); d->lx = L_QID; p++; break; }
      emit(d, T_QID);
      break;

    case L_STR:
      q = d->sbsl ? find2(p, e, d->sq, '\\') : memchr(p, d->sq, (size_t)(e - p));
      if (!q) q = e;
      d->line += count_nl(p, q);
      if (d->cmax) cap_put(d, p, (size_t)(q - p));
      p = q;
      if (p < e) {
        d->lx = *p == d->sq ? L_STR_Q : L_STR_ESC;
        p++;
      }
      break;
    case L_STR_Q:
      if ((char)c == d->sq) { cap_byte(d, (char)c); d->lx = L_STR; p++; break; }
      d->e_prefix = 0;
      emit(d, T_STR);
      break;
    case L_STR_ESC:
      if (c == '\n') d->line++;
      cap_byte(d, *mysql_escape((char)c, &ch));
      d->lx = L_STR;
      p++;
      break;

    case L_MINUS:
      if (c == '-') { d->lx = L_LCOMMENT; p++; break; }
      if ((c >= '0' && c <= '9') || c == '.') {
        int tb = d->tbol;
        tok_begin(d);
        d->tbol = tb;
        d->is_num = 1;
        cap_byte(d, '-');
        d->lx = L_WORD;
        break;
      }
      emit_punct(d, '-');
      break;
    case L_SLASH:
      if (c == '*') { d->lx = L_BCOMMENT; d->bc_first = 1; p++; break; }
      emit_punct(d, '/');
      break;
    case L_LCOMMENT:
      q = memchr(p, '\n', (size_t)(e - p));
      if (!q) { p = e; break; }
      p = q;
      d->lx = L_NORMAL;
      break;
    case L_BCOMMENT:
      if (d->bc_first && c == '!') d->mysql = 1; /* MySQL's conditional code */
      d->bc_first = 0;
      q = memchr(p, '*', (size_t)(e - p));
      if (!q) q = e;
      d->line += count_nl(p, q);
      p = q;
      if (p < e) { d->lx = L_BCOMMENT_STAR; p++; }
      break;
    case L_BCOMMENT_STAR:
      if (c == '/') d->lx = L_NORMAL;
      else if (c != '*') { if (c == '\n') d->line++; d->lx = L_BCOMMENT; }
      p++;
      break;

    case L_DTAG: /* $tag$ opens a dollar-quoted string; else a word or $1 */
      if (c == '$') { d->lx = L_DBODY; d->sline = d->line; p++; break; }
      if ((isalnum(c) || c == '_') && d->dtag_len < DTAG_CAP) {
        d->dtag[d->dtag_len++] = (char)c;
        p++;
        break;
      }
      tok_begin(d);
      cap_byte(d, '$');
      cap_put(d, d->dtag, d->dtag_len);
      d->is_num = 0;
      emit(d, T_WORD);
      break;
    case L_DBODY:
      q = memchr(p, '$', (size_t)(e - p));
      if (!q) q = e;
      d->line += count_nl(p, q);
      p = q;
      if (p < e) { d->lx = L_DCLOSE; d->dmatch = 0; p++; }
      break;
    case L_DCLOSE:
      if (d->dmatch < d->dtag_len && (char)c == d->dtag[d->dmatch]) {
        d->dmatch++;
        p++;
      } else if (d->dmatch == d->dtag_len && c == '$') {
        p++;
        d->cb = d->tok;
        d->cn = 0;
        d->cmax = 0;
        emit(d, T_STR);
      } else {
        d->lx = L_DBODY; /* c may open the closing tag itself */
      }
      break;

    case L_COPY_SKIP: /* the rest of the COPY statement's line */
      q = memchr(p, '\n', (size_t)(e - p));
      if (!q) { p = e; break; }
      p = q + 1;
      d->line++;
      d->lx = L_COPY_LS;
      break;
    case L_COPY_LS:
      if (c == '\\') { d->lx = L_COPY_LS_BSL; p++; break; }
      copy_row_begin(d);
      d->lx = L_COPY_FIELD;
      break;
    case L_COPY_LS_BSL:
      if (c == '.') { d->lx = L_COPY_DOT; p++; break; }
      copy_row_begin(d);
      d->lx = L_COPY_ESC;
      break;
    case L_COPY_DOT:
      if (c == '\r') { p++; break; }
      if (c == '\n') {
        d->line++;
        d->bol = 1;
        d->lx = L_NORMAL;
        d->g = G_START;
        p++;
        break;
      }
      copy_row_begin(d);
      cap_byte(d, '.');
      d->lx = L_COPY_FIELD;
      break;
    case L_COPY_FIELD:
      q = find3(p, e, '\t', '\n', '\\');
      cap_put(d, p, (size_t)(q - p));
      p = q;
      if (p == e) break;
      if (*p == '\t') {
        copy_field_done(d, 0);
        d->col++;
      } else if (*p == '\n') {
        copy_field_done(d, 0);
        row_end(d, 0);
        d->line++;
        d->lx = L_COPY_LS;
      } else {
        d->lx = L_COPY_ESC;
      }
      p++;
      break;
    case L_COPY_ESC:
      p++;
      d->lx = L_COPY_FIELD;
      switch (c) {
      case 'N': /* NULL when the field is \N alone */
        if (d->cn == 0) d->lx = L_COPY_N;
        else cap_byte(d, 'N');
        break;
      case 'b': cap_byte(d, '\b'); break;
      case 'f': cap_byte(d, '\f'); break;
      case 'n': cap_byte(d, '\n'); break;
      case 'r': cap_byte(d, '\r'); break;
      case 't': cap_byte(d, '\t'); break;
      case 'v': cap_byte(d, '\v'); break;
      case 'x': d->esc_acc = 0; d->esc_digits = 0; d->lx = L_COPY_HEX; break;
      default:
        if (c >= '0' && c <= '7') {
          d->esc_acc = c - '0';
          d->esc_digits = 1;
          d->lx = L_COPY_OCT;
        } else {
          cap_byte(d, (char)c);
        }
      }
      break;
    case L_COPY_N:
      if (c == '\t' || c == '\n') {
        p++;
        copy_field_done(d, 1);
        if (c == '\t') {
          d->col++;
          d->lx = L_COPY_FIELD;
        } else {
          row_end(d, 0);
          d->line++;
          d->lx = L_COPY_LS;
        }
        break;
      }
      cap_byte(d, 'N');
      d->lx = L_COPY_FIELD;
      break;
    case L_COPY_OCT:
      if (c >= '0' && c <= '7' && d->esc_digits < 3) {
        d->esc_acc = d->esc_acc * 8 + (c - '0');
        d->esc_digits++;
        p++;
        break;
      }
      cap_byte(d, (char)(d->esc_acc & 0xff));
      d->lx = L_COPY_FIELD;
      break;
    case L_COPY_HEX:
      if (hexv(c) >= 0 && d->esc_digits < 2) {
        d->esc_acc = d->esc_acc * 16 + (unsigned)hexv(c);
        d->esc_digits++;
        p++;
        break;
      }
      cap_byte(d, d->esc_digits ? (char)d->esc_acc : 'x');
      d->lx = L_COPY_FIELD;
      break;
    }
  }
  return 0;
}

/* ---- whole dumps ---------------------------------------------------------------- */
int sqldump_new(const struct rec_sink *top, struct sqldump **out) {
  struct sqldump *d = calloc(1, sizeof *d);
  if (!d) return AJAR_ENOMEM;
  d->vbuf = malloc(AJAR_SQL_MAX_VALUE + 8);
  d->smap = malloc(AJAR_SQL_MAX_COLUMNS * sizeof *d->smap);
  if (!d->vbuf || !d->smap) {
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
