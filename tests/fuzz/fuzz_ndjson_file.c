/* Fuzz target: ajar_files_scan on a .ndjson file (see fuzz_file.h). */
#define FUZZ_FILE_EXT ".ndjson"
#include "fuzz_file.h"
