/* Internal to the SQL dump reader: its state, shared by the lexer
 * (sqldump_lex.c), the grammar and rows (sqldump_gram.c) and the tables
 * and whole dumps (sqldump.c). */
#ifndef AJAR_RECORD_SQLDUMP_STATE_H
#define AJAR_RECORD_SQLDUMP_STATE_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
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
  int whex;              /* the number being read has had an x (0x41) */
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
  uint32_t *bind;        /* row position -> field of this statement's table
                          * (REC_NONE: not known yet), AJAR_SQL_MAX_COLUMNS */
  uint32_t nbind;
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

static inline int word_char(unsigned char c) { return word_byte[c]; }

static inline int ieq(const char *a, size_t n, const char *kw) {
  size_t k = strlen(kw);
  return n == k && !strncasecmp(a, kw, k);
}

/* the first byte at or after p that is a, b or c, or e (SSE2, 16 bytes a
 * step) */
static inline const char *find3(const char *p, const char *e, char a, char b, char c) {
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

/* the byte a MySQL backslash escape stands for */
static inline char mysql_escape(char c) {
  switch (c) {
  case '0': return 0;
  case 'n': return '\n';
  case 't': return '\t';
  case 'r': return '\r';
  case 'b': return '\b';
  case 'Z': return 0x1a;
  default: return c;
  }
}

static inline int hexv(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static inline void cap_put(struct sqldump *d, const char *p, size_t n) {
  if (d->cn < d->cmax) {
    size_t k = d->cmax - d->cn < n ? d->cmax - d->cn : n;
    memcpy(d->cb + d->cn, p, k);
  }
  d->cn += n; /* past cmax: counted, not kept */
}

static inline void cap_byte(struct sqldump *d, char c) {
  if (d->cn < d->cmax) d->cb[d->cn] = c;
  d->cn++;
}

/* the kept length, cut on a character boundary when it was cut */
static inline size_t cap_len(const struct sqldump *d) {
  size_t n = d->cn;
  if (n <= d->cmax) return n;
  n = d->cmax;
  while (n && ((unsigned char)d->cb[n] & 0xC0) == 0x80) n--;
  return n;
}

/* sqldump.c: tables and their columns */
/* the table named d->name (created on first use), or NULL past the caps */
struct table *table_get(struct sqldump *d);
/* t's sink, opened on first use */
void table_open(struct sqldump *d, struct table *t);
void table_reset_cols(struct sqldump *d, struct table *t);
/* the column named s (added on first use), or NO_COL past the caps */
uint32_t col_add(struct sqldump *d, struct table *t, const char *s, size_t n);
/* the column at pos (named by its position when the table has none) */
uint32_t col_at(struct sqldump *d, struct table *t, uint32_t pos);
/* the kind of values a column type holds */
enum ckind kind_of_type(const char *s, size_t n);

/* sqldump_gram.c: statements and rows */
/* the next token of the statement */
void gram(struct sqldump *d, enum tok ty);
void slot_done(struct sqldump *d);
void row_end(struct sqldump *d, int malformed);
/* The rows of an INSERT read without the token-by-token path, from p (in
 * G_ROW, at the start of an empty slot, lexer at L_NORMAL): plain values
 * (a quoted string with no escape, quote or line break inside, a decimal
 * number, NULL) each followed by ',' or ')', and the next row's "(".
 * Returns where the token-by-token path takes over (p itself: at once),
 * having done what it would have done with the bytes before. */
const char *rows_fast(struct sqldump *d, const char *p, const char *e);
/* a COPY data field is over (null: it was \N) */
void copy_field_done(struct sqldump *d, int null);

#endif
