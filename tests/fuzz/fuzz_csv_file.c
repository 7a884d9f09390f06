/* Fuzz target: ajar_files_scan on a .csv file (see fuzz_file.h). */
#define FUZZ_FILE_EXT ".csv"
#include "fuzz_file.h"
