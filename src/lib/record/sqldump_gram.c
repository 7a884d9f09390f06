/* The SQL dump reader's grammar (sqldump.c says what it reads): the
 * statements that carry rows, and the rows' values into the tables'
 * sinks. Fed one token at a time by the lexer (sqldump_lex.c). */
#include <stdlib.h>
#include <string.h>
#include <tmmintrin.h>
#include <immintrin.h>
#include "classify/shape.h" /* ajar_have_avx2 */
#include "record/sqldump_state.h"

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

/* the value of the row's current column into its field; the field, or
 * REC_NONE when the value went nowhere */
static uint32_t emit_value(struct sqldump *d, enum value_kind kind,
                           const char *v, size_t n) {
  struct table *t = d->cur;
  uint32_t ci;
  struct column *c;
  if (!t || !t->sink) return REC_NONE;
  ci = !d->has_smap && d->col < t->ncols ? d->col : col_at(d, t, d->col);
  if (ci == NO_COL) return REC_NONE;
  c = &t->cols[ci];
  if (c->field == REC_NONE)
    c->field = rec_child(t->sink, REC_ROOT, c->name, c->len, 0);
  rec_value(t->sink, c->field, kind, v, n);
  return c->field;
}

/* emit_value, and the field remembered for the row position (d->bind,
 * reset at each statement): the next value there needs no lookup */
static void emit_bind(struct sqldump *d, enum value_kind kind, const char *v,
                      size_t n) {
  uint32_t f = emit_value(d, kind, v, n);
  if (f == REC_NONE || d->col >= AJAR_SQL_MAX_COLUMNS) return;
  while (d->nbind < d->col) d->bind[d->nbind++] = REC_NONE;
  d->bind[d->col] = f;
  if (d->nbind == d->col) d->nbind++;
}

/* the slot of an INSERT row is complete */
void slot_done(struct sqldump *d) {
  if (d->slot == SLOT_VALUE) emit_value(d, d->slot_kind, d->vbuf, d->slot_len);
  d->slot = SLOT_EMPTY;
  d->intro_hex = d->intro_bin = d->intro_bits = d->intro_nl = 0;
  d->cn = 0;
}

void row_end(struct sqldump *d, int malformed) {
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
void copy_field_done(struct sqldump *d, int null) {
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

/* ---- rows at speed (rows_fast) --------------------------------------------- */
static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* white space between tokens, lines counted as the lexer counts them */
static const char *blank(struct sqldump *d, const char *p, const char *e) {
  for (; p < e; p++) {
    if (*p == '\n') {
      d->line++;
      d->bol = 1;
    } else if (*p != ' ' && *p != '\t' && *p != '\r') {
      break;
    }
  }
  return p;
}

/* one bit for each of the 16 bytes at p that is a digit or '.' */
static inline unsigned digits_dots16(const char *p) {
  __m128i x = _mm_loadu_si128((const __m128i *)p);
  __m128i t = _mm_sub_epi8(x, _mm_set1_epi8('0'));
  __m128i dig = _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(9)), t);
  return (unsigned)_mm_movemask_epi8(
      _mm_or_si128(dig, _mm_cmpeq_epi8(x, _mm_set1_epi8('.'))));
}

/* the end of the run of digits and dots at p: 16 bytes a step */
static inline const char *digits_end(const char *p, const char *e) {
  for (; e - p >= 16; p += 16) {
    unsigned m = digits_dots16(p) ^ 0xFFFFu;
    if (m) return p + __builtin_ctz(m);
  }
  while (p < e && (is_digit(*p) || *p == '.')) p++;
  return p;
}

/* the first quote, backslash or newline at or after p (what ends a
 * plain string, or sends it to the token path), or e: 32 bytes a step,
 * one pshufb and one compare per 16 (the table holds each of the three
 * bytes at its low nibble, and 0xFF, which no byte under 0x80 equals,
 * elsewhere; pshufb gives 0 for a byte of 0x80 or more) */
static inline const char *string_stop(const char *p, const char *e) {
  const __m128i tbl = _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, '\'', -1, -1,
                                    '\n', -1, '\\', -1, -1, -1);
  while (e - p >= 32) {
    __m128i a = _mm_loadu_si128((const __m128i *)p);
    __m128i b = _mm_loadu_si128((const __m128i *)(p + 16));
    uint32_t m =
        (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(a, _mm_shuffle_epi8(tbl, a))) |
        (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(b, _mm_shuffle_epi8(tbl, b))) << 16;
    if (m) return p + __builtin_ctz(m);
    p += 32;
  }
  return find3(p, e, '\'', '\\', '\n');
}

/* A string from v, past its opening quote, to q, its first backslash:
 * with bsl (MySQL's, E'') its escapes unescaped into d->vbuf (*n bytes),
 * else the backslashes kept. Returns past its closing quote, or NULL for
 * the token path (a line break, the end of the chunk, the value cap
 * near). */
__attribute__((noinline)) static const char *string_escaped(struct sqldump *d, const char *v,
                                  const char *q, const char *e, int bsl,
                                  size_t *n) {
  size_t k = 0;
  for (;;) {
    size_t run = (size_t)(q - v);
    if (q == e || *q == '\n' || k + run >= AJAR_SQL_MAX_VALUE)
      return NULL;
    memcpy(d->vbuf + k, v, run);
    k += run;
    if (*q == '\'') {
      *n = k;
      return q + 1;
    }
    if (e - q < 2 || q[1] == '\n') /* a backslash: the byte after it */
      return NULL;
    if (bsl) {
      d->vbuf[k++] = mysql_escape(q[1]);
      v = q + 2;
    } else {
      d->vbuf[k++] = '\\';
      v = q + 1;
    }
    q = string_stop(v, e);
  }
}

/* NULL in any case: four bytes compared at once (| 0x20 lowers each
 * letter and maps no other byte onto n, u or l) */
static inline int is_null4(const char *p) {
  uint32_t w;
  memcpy(&w, p, 4);
  return (w | 0x20202020u) == ('n' | 'u' << 8 | 'l' << 16 | (uint32_t)'l' << 24);
}

/* the ',' or ')' after a value at q (blanks before it skipped), or NULL
 * when anything else comes first (a doubled quote, a number that goes on
 * as a word, NULLx: the token path reads them) */
static inline const char *value_end(const char *q, const char *e) {
  if (q < e && *q != ',' && *q != ')')
    while (q < e && (*q == ' ' || *q == '\t' || *q == '\r'))
      q++;
  return q == e || (*q != ',' && *q != ')') ? NULL : q;
}

/* string_stop for AVX2: 32 bytes a step in one load, one vpshufb and one
 * compare (the table in both 16-byte lanes) */
__attribute__((always_inline, target("avx2"))) static inline const char *
string_stop_avx2(const char *p, const char *e) {
  const __m256i tbl = _mm256_setr_epi8(
      -1, -1, -1, -1, -1, -1, -1, '\'', -1, -1, '\n', -1, '\\', -1, -1, -1,
      -1, -1, -1, -1, -1, -1, -1, '\'', -1, -1, '\n', -1, '\\', -1, -1, -1);
  while (e - p >= 32) {
    __m256i a = _mm256_loadu_si256((const __m256i *)p);
    uint32_t m =
        (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, _mm256_shuffle_epi8(tbl, a)));
    if (m) return p + __builtin_ctz(m);
    p += 32;
  }
  return find3(p, e, '\'', '\\', '\n');
}

#define ROWS_RUN rows_run
#define ROWS_TARGET
#define STRING_STOP string_stop
#include "record/sqldump_rows.h"
#undef ROWS_RUN
#undef ROWS_TARGET
#undef STRING_STOP
#define ROWS_RUN rows_run_avx2
#define ROWS_TARGET __attribute__((target("avx2")))
#define STRING_STOP string_stop_avx2
#include "record/sqldump_rows.h"
#undef ROWS_RUN
#undef ROWS_TARGET
#undef STRING_STOP

const char *rows_fast(struct sqldump *d, const char *p, const char *e) {
  const char *q = ajar_have_avx2 ? rows_run_avx2(d, p, e) : rows_run(d, p, e);
  if (q != p) { /* as the token path leaves them after a token */
    d->e_prefix = 0;
    d->cn = 0;
  }
  return q;
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

void gram(struct sqldump *d, enum tok ty) {
  const char *s = d->cb;
  size_t n = ty == T_PUNCT ? 1 : cap_len(d);
  char p = ty == T_PUNCT ? d->punct : 0;
again:
  switch (d->g) {
  case G_START:
    d->skip_set = 0;
    d->cur = NULL;
    d->nbind = 0;
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
