/* Fuzz target: ajar_files_scan on a .bson file (see fuzz_file.h). */
#define FUZZ_FILE_EXT ".bson"
#include "fuzz_file.h"
