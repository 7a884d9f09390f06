/* Fuzz target: ajar_files_scan on a .sql file (see fuzz_file.h). */
#define FUZZ_FILE_EXT ".sql"
#include "fuzz_file.h"
