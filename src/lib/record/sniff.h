/* Internal: which walker reads a file. */
#ifndef AJAR_RECORD_SNIFF_H
#define AJAR_RECORD_SNIFF_H
#include <stddef.h>
#include "record/framer.h"

#define FMT_SNIFF -1       /* decide by content */
#define FMT_SNIFF_JSON -2  /* JSON: array or document, by content */
#define FMT_UNKNOWN -3     /* a --input-format no walker reads */

/* A format from --input-format (forced, may be NULL) or else the file
 * name's extension, as a hint: a FMT_* or one of the values above. */
int sniff_hint(const char *path, const char *forced);

/* The format of the data starting with b[0, n) (decompressed), given the
 * hint. */
enum file_format sniff_format(const char *b, size_t n, int hint);

/* Whether b[0, n) starts an archive or a compressed stream libarchive
 * reads: zip, 7z, rar, tar, gzip, zstd, bzip2, xz, lz4 */
int sniff_container(const char *b, size_t n);

/* Whether b[0, n) is binary data no walker reads */
int sniff_binary(const char *b, size_t n);

/* An OLE2 compound file (legacy Office: .xls BIFF workbooks, .doc, .msg):
 * a format ajar does not read (docs/formats.md says why) */
int sniff_ole2(const char *b, size_t n);
#endif
