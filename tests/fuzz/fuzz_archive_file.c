/* Fuzz target: ajar_files_scan on a file named by no extension, so the
 * content decides: archives and compressed streams (libarchive: zip, tar,
 * 7z, gzip, bzip2, xz, lz4, zstd, nested), their members walked as
 * collections, within the bomb caps (see fuzz_file.h). */
#define FUZZ_FILE_EXT ".bin"
#include "fuzz_file.h"
