/* Fuzz target: ajar_files_scan on a .sqlite file (see fuzz_file.h). */
#define FUZZ_FILE_EXT ".sqlite"
#include "fuzz_file.h"
