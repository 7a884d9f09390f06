/* Internal: SQLite database files (sqlite.c). */
#ifndef AJAR_RECORD_SQLITE_H
#define AJAR_RECORD_SQLITE_H
#include <stddef.h>
#include <stdint.h>
#include "record/walker.h"

struct sqlite_stats {
  uint64_t rows;
  uint32_t tables;        /* tables read */
  uint32_t tables_over;   /* past AJAR_SQL_MAX_TABLES, not read */
  uint32_t tables_capped; /* read up to AJAR_SQLITE_MAX_ROWS only */
  uint32_t tables_bad;    /* a table that could not be read to its end */
};

/* "SQLite format 3\0" */
int sqlite_sniff(const char *p, size_t n);

/* Every table of the database file at path into a collection opened
 * through top->open (named by the table). Read-only and immutable: the
 * file and its directory are never written. 0; AJAR_EPARSE when the file
 * is no database or a table is damaged (err: one line, the other tables
 * are still read); AJAR_ENOMEM. */
int sqlite_walk_file(const char *path, const struct rec_sink *top,
                     struct sqlite_stats *st, char *err, size_t errlen);
#endif
