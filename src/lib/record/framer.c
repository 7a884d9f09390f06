/* Framers: cut a byte stream into records without parsing them.
 * NDJSON and text: lines. CSV/TSV: rows, newlines inside quotes kept.
 * JSON: the elements of a top-level array, or one whole document.
 * State survives between calls, so a record may span reads. */
#include <string.h>
#include "framer.h"

void framer_init(struct framer *f, enum file_format fmt) {
  memset(f, 0, sizeof *f);
  f->fmt = fmt;
  f->line = 1;
  f->rec_line = 1;
}

static size_t count_nl(const char *p, size_t n) {
  size_t k = 0;
  const char *e = p + n;
  while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
    k++;
    p++;
  }
  return k;
}

/* Lines: records are [start, newline) */
static int next_line(struct framer *f, const char *b, size_t len, size_t *start,
                     size_t *end) {
  const char *nl = memchr(b + f->pos, '\n', len - f->pos);
  if (!nl)
    return 0;
  *start = f->rec_start;
  *end = (size_t)(nl - b);
  if (*end > *start && b[*end - 1] == '\r')
    (*end)--;
  f->rec_line = f->line;
  f->line++;
  f->pos = f->rec_start = (size_t)(nl - b) + 1;
  return 1;
}

static int next_csv(struct framer *f, const char *b, size_t len, size_t *start,
                    size_t *end) {
  size_t i;
  for (i = f->pos; i < len; i++) {
    char c = b[i];
    if (c == '"') {
      f->in_str = !f->in_str;
    } else if (c == '\n') {
      if (f->in_str) {
        f->nl_inside++;
        continue;
      }
      *start = f->rec_start;
      *end = i;
      if (*end > *start && b[*end - 1] == '\r')
        (*end)--;
      f->rec_line = f->line;
      f->line += 1 + f->nl_inside;
      f->nl_inside = 0;
      f->pos = f->rec_start = i + 1;
      return 1;
    }
  }
  f->pos = len;
  return 0;
}

static int is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

static int next_json_elem(struct framer *f, const char *b, size_t len,
                          size_t *start, size_t *end) {
  size_t i = f->pos;
  if (f->array_done)
    return 0;
  if (!f->in_elem) {
    /* between elements: whitespace, the opening '[', commas */
    for (; i < len; i++) {
      char c = b[i];
      if (c == '\n') f->line++;
      if (is_ws(c) || c == ',') continue;
      if (c == '[' && !f->opened) { f->opened = 1; continue; }
      if (c == ']' && f->depth == 0) {
        f->array_done = 1;
        f->pos = f->rec_start = i + 1;
        return 0;
      }
      break;
    }
    if (i == len) {
      f->pos = f->rec_start = len;
      return 0;
    }
    f->in_elem = 1;
    f->rec_start = i;
    f->rec_line = f->line;
    f->depth = 0;
  }
  for (; i < len; i++) {
    char c = b[i];
    if (f->in_str) {
      if (f->esc) f->esc = 0;
      else if (c == '\\') f->esc = 1;
      else if (c == '"') f->in_str = 0;
      else if (c == '\n') f->line++;
      continue;
    }
    switch (c) {
    case '"': f->in_str = 1; break;
    case '{': case '[': f->depth++; break;
    case '}': case ']':
      if (f->depth == 0 && c == '}')
        break; /* stray: part of a malformed element, which must not be
                  empty or framing would stop advancing */
      if (f->depth == 0) { /* end of the array after a scalar */
        *start = f->rec_start;
        *end = i;
        f->in_elem = 0;
        f->pos = i;
        return 1;
      }
      if (--f->depth == 0) {
        *start = f->rec_start;
        *end = i + 1;
        f->in_elem = 0;
        f->pos = f->rec_start = i + 1;
        return 1;
      }
      break;
    case ',':
      if (f->depth == 0) {
        *start = f->rec_start;
        *end = i;
        f->in_elem = 0;
        f->pos = f->rec_start = i + 1;
        return 1;
      }
      break;
    case '\n': f->line++; break;
    default: break;
    }
  }
  f->pos = len;
  return 0;
}

/* A UTF-8 byte order mark (Windows exports) is no part of the first
 * record; looked for once, at the very start of the stream. */
static void skip_bom(struct framer *f, const char *b, size_t len) {
  if (f->bom_checked || len - f->rec_start < 3)
    return;
  f->bom_checked = 1;
  if (f->line == 1 && f->pos == f->rec_start &&
      !memcmp(b + f->rec_start, "\xEF\xBB\xBF", 3))
    f->pos = f->rec_start += 3;
}

int framer_next(struct framer *f, const char *b, size_t len, size_t *start,
                size_t *end) {
  skip_bom(f, b, len);
  switch (f->fmt) {
  case FMT_CSV:
  case FMT_TSV:
    return next_csv(f, b, len, start, end);
  case FMT_JSON_ARRAY:
    return next_json_elem(f, b, len, start, end);
  case FMT_JSON_DOC:
    return 0; /* the whole input, at its end */
  default:
    return next_line(f, b, len, start, end);
  }
}

int framer_last(struct framer *f, const char *b, size_t len, size_t *start,
                size_t *end) {
  size_t s;
  skip_bom(f, b, len);
  s = f->rec_start;
  if (f->fmt == FMT_JSON_ARRAY) {
    if (!f->in_elem)
      return 0;
    f->in_elem = 0;
  }
  while (s < len && is_ws(b[s]) && f->fmt != FMT_TEXT) {
    if (b[s] == '\n') f->line++;
    s++;
  }
  if (s >= len)
    return 0;
  *start = s;
  *end = len;
  f->rec_line = f->line;
  f->line += count_nl(b + s, len - s);
  f->pos = f->rec_start = len;
  return 1;
}

void framer_shift(struct framer *f, size_t by) {
  f->pos -= by;
  f->rec_start -= by;
}

void framer_discard(struct framer *f, size_t len) {
  /* count the newlines of what is dropped, keep scanning state */
  f->pos = f->rec_start = len;
}
