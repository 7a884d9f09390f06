/* Internal: decompressing byte source for `ajar files`. */
#ifndef AJAR_READER_H
#define AJAR_READER_H
#include <stddef.h>
#include <sys/types.h>
#include "ajar/ajar.h"

struct reader;
/* "-" is stdin. On failure err holds the reason. */
int reader_open(const char *path, struct reader **out, char *err, size_t errlen);
/* a buffer in memory (kept by the caller until reader_close): plain,
 * gzip or zstd by its first bytes, like a file */
int reader_open_mem(const void *buf, size_t len, struct reader **out);
/* hand out at most max bytes in all; past them reader_read fails with
 * AJAR_ETOOBIG (a compression bomb in a bounded prefix) */
void reader_limit(struct reader *r, size_t max);
/* up to cap bytes; 0 at the end; negative AJAR_E* on failure */
ssize_t reader_read(struct reader *r, char *buf, size_t cap);
/* A plain regular file: map it whole (read-only), 0 on success. The
 * mapping lives until reader_close. */
int reader_map(struct reader *r, const void **map, size_t *len);
const char *reader_error(const struct reader *r);
void reader_close(struct reader *r);
#endif
