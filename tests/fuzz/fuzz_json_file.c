/* Fuzz target: ajar_files_scan on a .json file (see fuzz_file.h). */
#define FUZZ_FILE_EXT ".json"
#include "fuzz_file.h"
