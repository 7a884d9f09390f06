/* Internal: what `ajar files` lends to the object-store probes. */
#ifndef AJAR_FILES_H
#define AJAR_FILES_H
#include <stddef.h>
#include <stdint.h>
#include "collection.h"

/* Classify a file held in memory (an object's bounded prefix) into col,
 * as `ajar files` would the file `name`: the format by the name and the
 * first bytes, gzip/zstd inflated (at most AJAR_OBJ_MAX_INFLATE bytes),
 * CSV headers, one thread. cut: buf is a prefix, so its last unfinished
 * record is dropped. 0 (err then holds a one-line reason when not all
 * could be read: binary data, a truncated stream) or AJAR_ENOMEM. */
int files_classify_buffer(struct ajar_collection *col, struct ajar_scratch *s,
                          const char *name, const char *buf, size_t len, int cut,
                          uint64_t *malformed, char *err, size_t errlen);
/* files_classify_buffer for an object store's object (docs/report.md):
 * the records outside any part into col, and each part a walker opened
 * (an archive's member, a dump's table, a sheet) appended to
 * parts->collections as a collection of its own, named "name!part",
 * records -1 (a prefix tells no count), rated with open. At most
 * AJAR_OBJ_MAX_PARTS parts: those past it are not read, and err says so;
 * err also says where an archive cut by the prefix stopped. 0 or
 * AJAR_ENOMEM (parts then holds what it got: ajar_target_result_clear
 * frees it). */
struct ajar_target_result;
int files_classify_object(struct ajar_collection *col, struct ajar_scratch *s,
                          const char *name, const char *buf, size_t len, int cut,
                          int open, struct ajar_target_result *parts,
                          uint64_t *malformed, char *err, size_t errlen);
/* opts (NULL: defaults) as this library's layout, older layouts
 * included: 0, or AJAR_EINVAL for a size it does not know */
int files_opts_read(const struct ajar_files_opts *in,
                    struct ajar_files_opts *out);

/* ajar_files_scan; *binary (may be NULL): the file held binary data no
 * walker reads, so nothing was classified: 1, or 2 for a format that is
 * named in out->error as unsupported (legacy .xls) */
int files_scan_path(const struct ajar_db *db, const char *path,
                    const struct ajar_files_opts *opts,
                    struct ajar_target_result *out, int *binary);
/* the threads opts asks for (<= 0: the cores), within AJAR_MAX_THREADS */
int files_threads(const struct ajar_files_opts *o);
#endif
