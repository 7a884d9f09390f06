/* The SQL dump reader's lexer (sqldump.c says what it reads): words,
 * quoted identifiers, strings, comments, $tag$ bodies and COPY data
 * lines, cut from chunks cut anywhere; each token goes to gram()
 * (sqldump_gram.c). */
#include <ctype.h>
#include <string.h>
#include <emmintrin.h>
#include "record/sqldump_state.h"

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

static uint64_t count_nl(const char *p, const char *e) {
  uint64_t k = 0;
  while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
    k++;
    p++;
  }
  return k;
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

int sqldump_feed(struct sqldump *d, const char *p, size_t n) {
  const char *e = p + n, *q;
  while (p < e) {
    unsigned char c = (unsigned char)*p;
    switch (d->lx) {
    case L_NORMAL:
      if (d->g == G_ROW && d->slot == SLOT_EMPTY && d->depth == 1 &&
          !(d->intro_hex | d->intro_bin | d->intro_bits | d->intro_nl)) {
        q = rows_fast(d, p, e);
        if (q != p) { p = q; break; }
      }
      if (c == '\n') { d->line++; d->bol = 1; p++; break; }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') { p++; break; }
      if (word_char(c) && !(c == '$' && !d->mysql)) {
        tok_begin(d);
        d->is_num = c >= '0' && c <= '9';
        d->wlast = 0;
        d->whex = 0;
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
      if (d->is_num) { /* 12, -1.5e-3, 0x4142; state kept across chunks */
        while (q < e) {
          unsigned char x = (unsigned char)*q;
          if (x == 'x' || x == 'X') d->whex = 1;
          if (word_char(x) || x == '.' ||
              ((x == '+' || x == '-') && !d->whex && (d->wlast == 'e' || d->wlast == 'E'))) {
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
      cap_byte(d, mysql_escape((char)c));
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
        d->wlast = 0;
        d->whex = 0;
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
