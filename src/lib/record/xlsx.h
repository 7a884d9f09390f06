/* Internal: the spreadsheet walker (XLSX, ODS). */
#ifndef AJAR_RECORD_XLSX_H
#define AJAR_RECORD_XLSX_H
#include "record/walker.h"

/* Whether the zip zip[0, len) is an XLSX or ODS workbook */
int sheet_is_workbook(const void *zip, size_t len);

/* Walk the workbook zip[0, len) (held whole: its parts are read in the
 * order they are needed): each sheet a collection of its own,
 * rec_open(k, sheet name); the first non-empty row names the fields,
 * every other row is a record. Memory is bounded: shared strings up to
 * AJAR_SHEET_MAX_STRINGS bytes, sheets streamed. 0, or AJAR_EPARSE with
 * a one-line reason in err (what was read before stays). */
int sheet_walk(const void *zip, size_t len, const struct rec_sink *k, char *err,
               size_t errlen);
#endif
