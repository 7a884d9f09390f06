/* Internal: the CSV/TSV walker (RFC 4180 rows; the header row names the
 * fields). */
#ifndef AJAR_RECORD_CSV_H
#define AJAR_RECORD_CSV_H
#include "record/walker.h"

struct csv_header {
  char **names;
  size_t *lens;
  size_t n;
  char delim;
};

/* Read the header row p[0, n): its delimiter (tsv: a tab; else a comma,
 * or a semicolon when the row has semicolons and no comma) and names.
 * buf (cap bytes) is scratch for unquoting. */
void csv_header_read(struct csv_header *h, int tsv, const char *p, size_t n,
                     char *buf, size_t cap);
void csv_header_free(struct csv_header *h);

/* One walker per sink: the header it reads rows by, and the field of each
 * column in that sink, looked up once. */
struct csv_walker {
  const struct csv_header *hdr;
  uint32_t *cols; /* AJAR_MAX_CSV_COLUMNS entries, 0: not looked up yet */
  size_t known;   /* cols[0, known) are looked up */
};
int csv_walker_init(struct csv_walker *w, const struct csv_header *hdr);
void csv_walker_fini(struct csv_walker *w);

/* One data row as a record (the caller skips empty rows). */
void csv_walk_record(struct csv_walker *w, const struct rec_sink *k,
                     const char *p, size_t n);
#endif
