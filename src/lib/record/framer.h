/* Internal: cutting a byte stream into records (see framer.c). */
#ifndef AJAR_FRAMER_H
#define AJAR_FRAMER_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* FMT_SQL and FMT_BSON are streamed whole through their walkers
 * (sqldump.c, bson.c), FMT_SQLITE is opened by path (sqlite.c): none of
 * them is framed. */
enum file_format { FMT_NDJSON, FMT_JSON_ARRAY, FMT_JSON_DOC, FMT_CSV, FMT_TSV,
                   FMT_TEXT, FMT_SQL, FMT_BSON, FMT_SQLITE };

struct framer {
  enum file_format fmt;
  size_t pos;        /* where scanning resumes */
  size_t rec_start;  /* start of the record being framed */
  uint64_t line;     /* current line (1-based) */
  uint64_t rec_line; /* line where the last record returned starts */
  uint64_t nl_inside;
  int in_str, esc, depth, in_elem, opened, array_done;
  int bom_checked;   /* a leading UTF-8 byte order mark was looked for */
};

void framer_init(struct framer *f, enum file_format fmt);

/* framer_next for FMT_NDJSON and FMT_TEXT once the byte order mark was
 * looked for (f->bom_checked): lines, [start, newline), a '\r' before the
 * newline dropped. Inline: a loop over the lines of a window makes no
 * call but memchr's per record. */
static inline int framer_next_line(struct framer *f, const char *b, size_t len,
                                   size_t *start, size_t *end) {
  const char *nl = (const char *)memchr(b + f->pos, '\n', len - f->pos);
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
/* next complete record in b[0, len): 1 with [start, end), or 0 (need more) */
int framer_next(struct framer *f, const char *b, size_t len, size_t *start,
                size_t *end);
/* at end of input: the unterminated last record, if any */
int framer_last(struct framer *f, const char *b, size_t len, size_t *start,
                size_t *end);
/* the caller moved b[by..] to b[0..] */
void framer_shift(struct framer *f, size_t by);
/* the caller dropped b[rec_start, len): the record is too large */
void framer_discard(struct framer *f, size_t len);
#endif
