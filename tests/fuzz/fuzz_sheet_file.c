/* Fuzz target: ajar_files_scan on an .xlsx file: the workbook's zip,
 * its XML parts (libxml2's streaming reader) and the rows as records; ODS
 * too, by its mimetype (see fuzz_file.h). */
#define FUZZ_FILE_EXT ".xlsx"
#include "fuzz_file.h"
