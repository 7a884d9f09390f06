/* Internal: SQL dumps (mysqldump/MariaDB, pg_dump plain, sqlite3 .dump,
 * MSSQL-style scripts) read as a byte stream (sqldump.c). */
#ifndef AJAR_RECORD_SQLDUMP_H
#define AJAR_RECORD_SQLDUMP_H
#include <stddef.h>
#include <stdint.h>
#include "record/walker.h"

struct sqldump;

struct sqldump_stats {
  uint64_t rows;          /* rows handed to a table's sink */
  uint64_t malformed;     /* rows that could not be read to their end */
  uint64_t first_malformed_line;
  uint32_t tables;        /* tables seen (CREATE TABLE, INSERT, COPY) */
  uint32_t tables_over;   /* tables past AJAR_SQL_MAX_TABLES, not read */
};

/* A reader whose tables open collections through top->open (named by the
 * table's name as the dump writes it, `db.` prefixed after a USE or a
 * \connect). Owns nothing of top. 0, or AJAR_ENOMEM. */
int sqldump_new(const struct rec_sink *top, struct sqldump **out);
/* The next n bytes of the dump, cut anywhere. Memory stays what
 * sqldump_new allocated plus the table and column names (capped). */
int sqldump_feed(struct sqldump *d, const char *p, size_t n);
/* End of input: 0, or AJAR_EPARSE when the dump ends inside a string, a
 * row or a COPY block (sqldump_error says which, one line, no bytes of
 * the dump in it). */
int sqldump_finish(struct sqldump *d);
const char *sqldump_error(const struct sqldump *d);
const struct sqldump_stats *sqldump_stats(const struct sqldump *d);
void sqldump_free(struct sqldump *d);

/* Whether the first n bytes of a file look like an SQL dump: after
 * comments and white space, a statement keyword (CREATE, INSERT, COPY,
 * SET, ...) or a dump tool's header comment. */
int sqldump_sniff(const char *p, size_t n);

/* Whether a binary value (a BLOB, X'..', _binary '..', BSON binary) is
 * text worth classifying: valid UTF-8 with no control bytes but tab, CR
 * and LF. Shared by the dump and database-file readers. */
int value_is_text(const char *s, size_t n);
#endif
