/* Byte source for files: plain, gzip (zlib) or zstd by magic bytes, or
 * stdin for "-". Decompressed output is produced chunk by chunk, so a
 * compression bomb costs time, never memory. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>
#include "reader.h"
#include "ajar_limits.h"

enum { RAW, GZ, ZST };

struct reader {
  int fd;                 /* -1: a buffer in memory (in, not owned) */
  int kind;
  int eof_in;
  int done;
  unsigned char *in;
  size_t in_len, in_pos;
  z_stream z;
  ZSTD_DStream *zs;
  size_t zlast;
  void *map;
  size_t map_len;
  size_t limit, produced;  /* reader_limit: bytes handed out at most */
  uint64_t in_total;       /* bytes of the file (or buffer) read so far */
  char err[160];
};

#define IN_CAP (256u << 10)

static ssize_t fill(struct reader *r) {
  ssize_t n;
  if (r->in_pos < r->in_len)
    return (ssize_t)(r->in_len - r->in_pos);
  if (r->fd < 0) { /* a buffer: nothing after it */
    r->eof_in = 1;
    return 0;
  }
  do
    n = read(r->fd, r->in, IN_CAP);
  while (n < 0 && errno == EINTR);
  if (n < 0) {
    snprintf(r->err, sizeof r->err, "read: %s", strerror(errno));
    return -1;
  }
  r->in_len = (size_t)n;
  r->in_pos = 0;
  r->in_total += (uint64_t)n;
  if (n == 0)
    r->eof_in = 1;
  return n;
}

static int start(struct reader *r, struct reader **out);

int reader_open(const char *path, struct reader **out, char *err, size_t errlen) {
  struct reader *r = calloc(1, sizeof *r);
  if (!r)
    return AJAR_ENOMEM;
  r->in = malloc(IN_CAP);
  if (!r->in) {
    free(r);
    return AJAR_ENOMEM;
  }
  if (!strcmp(path, "-")) {
    r->fd = 0;
  } else {
    r->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (r->fd < 0) {
      snprintf(err, errlen, "%s", strerror(errno));
      free(r->in);
      free(r);
      return AJAR_EIO;
    }
  }
  if (fill(r) < 0) {
    snprintf(err, errlen, "%s", r->err);
    reader_close(r);
    return AJAR_EIO;
  }
  return start(r, out);
}

int reader_open_mem(const void *buf, size_t len, struct reader **out) {
  struct reader *r = calloc(1, sizeof *r);
  if (!r)
    return AJAR_ENOMEM;
  r->fd = -1;
  r->in = (unsigned char *)buf;
  r->in_len = len;
  r->in_total = len;
  return start(r, out);
}

void reader_limit(struct reader *r, size_t max) { r->limit = max; }

/* what the first bytes say: gzip, zstd or plain */
static int start(struct reader *r, struct reader **out) {
  if (r->in_len >= 2 && r->in[0] == 0x1f && r->in[1] == 0x8b) {
    r->kind = GZ;
    if (inflateInit2(&r->z, 15 + 32) != Z_OK) {
      reader_close(r);
      return AJAR_ENOMEM;
    }
  } else if (r->in_len >= 4 && r->in[0] == 0x28 && r->in[1] == 0xb5 &&
             r->in[2] == 0x2f && r->in[3] == 0xfd) {
    r->kind = ZST;
    r->zs = ZSTD_createDStream();
    /* a frame may ask for a window of up to 2 GiB: refuse past the cap */
    if (!r->zs || ZSTD_isError(ZSTD_initDStream(r->zs)) ||
        ZSTD_isError(ZSTD_DCtx_setParameter(r->zs, ZSTD_d_windowLogMax,
                                            AJAR_ZSTD_WINDOW_LOG_MAX))) {
      reader_close(r);
      return AJAR_ENOMEM;
    }
  }
  *out = r;
  return 0;
}

static ssize_t read_some(struct reader *r, char *buf, size_t cap);

ssize_t reader_read(struct reader *r, char *buf, size_t cap) {
  ssize_t n;
  if (r->limit && r->produced >= r->limit) {
    snprintf(r->err, sizeof r->err, "stopped after %zu MiB of decompressed data",
             r->limit >> 20);
    return AJAR_ETOOBIG;
  }
  if (r->limit && cap > r->limit - r->produced)
    cap = r->limit - r->produced;
  n = read_some(r, buf, cap);
  if (n > 0)
    r->produced += (size_t)n;
  /* a compression bomb outside an archive: the archive caps
   * (ajar_limits.h), against the compressed bytes read so far */
  if (n > 0 && r->kind != RAW && r->produced > AJAR_ARCHIVE_RATIO_FLOOR &&
      r->produced / AJAR_ARCHIVE_MAX_RATIO > r->in_total) {
    snprintf(r->err, sizeof r->err, "%s: over %u times its size once "
             "decompressed (a bomb?); the rest not read",
             r->kind == GZ ? "gzip" : "zstd", AJAR_ARCHIVE_MAX_RATIO);
    r->done = 1;
    return AJAR_ETOOBIG;
  }
  return n;
}

static ssize_t read_some(struct reader *r, char *buf, size_t cap) {
  if (r->done)
    return 0;
  for (;;) {
    ssize_t have = fill(r);
    if (have < 0)
      return AJAR_EIO;
    if (r->kind == RAW) {
      size_t n = r->in_len - r->in_pos;
      if (n > cap) n = cap;
      memcpy(buf, r->in + r->in_pos, n);
      r->in_pos += n;
      if (n == 0) r->done = 1;
      return (ssize_t)n;
    }
    if (r->kind == GZ) {
      int zr;
      size_t out;
      r->z.next_in = r->in + r->in_pos;
      r->z.avail_in = (uInt)(r->in_len - r->in_pos);
      r->z.next_out = (Bytef *)buf;
      r->z.avail_out = (uInt)cap;
      zr = inflate(&r->z, Z_NO_FLUSH);
      r->in_pos = r->in_len - r->z.avail_in;
      out = cap - r->z.avail_out;
      if (zr == Z_STREAM_END) {
        /* concatenated members: start the next one */
        if (r->in_pos == r->in_len && !r->eof_in && fill(r) < 0)
          return AJAR_EIO;
        if (r->in_pos < r->in_len) {
          if (inflateReset(&r->z) != Z_OK) return AJAR_EPARSE;
        } else {
          r->done = 1;
        }
      } else if (zr != Z_OK && zr != Z_BUF_ERROR) {
        snprintf(r->err, sizeof r->err, "gzip: %s", r->z.msg ? r->z.msg : "corrupt data");
        return AJAR_EPARSE;
      }
      if (out)
        return (ssize_t)out;
      if (r->done)
        return 0;
      if (have == 0) {
        snprintf(r->err, sizeof r->err, "truncated gzip stream");
        return AJAR_EPARSE;
      }
      continue;
    }
    {
      ZSTD_inBuffer in = {r->in + r->in_pos, r->in_len - r->in_pos, 0};
      ZSTD_outBuffer o = {buf, cap, 0};
      size_t zr = ZSTD_decompressStream(r->zs, &o, &in);
      r->in_pos += in.pos;
      if (ZSTD_isError(zr)) {
        snprintf(r->err, sizeof r->err, "zstd: %s", ZSTD_getErrorName(zr));
        return AJAR_EPARSE;
      }
      /* a call that did nothing (input ended at a frame boundary) returns
       * the header-size hint of a next frame: keep the last real result */
      if (in.pos || o.pos)
        r->zlast = zr;
      if (o.pos)
        return (ssize_t)o.pos;
      if (have == 0) { /* input ended and nothing more came out */
        if (r->zlast == 0) {
          r->done = 1;
          return 0;
        }
        snprintf(r->err, sizeof r->err, "truncated zstd stream");
        return AJAR_EPARSE;
      }
    }
  }
}

int reader_map(struct reader *r, const void **map, size_t *len) {
  struct stat st;
  void *m;
  if (r->kind != RAW || r->fd == 0 || fstat(r->fd, &st) || !S_ISREG(st.st_mode) ||
      st.st_size <= 0 || (uint64_t)st.st_size > SIZE_MAX / 2)
    return AJAR_EINVAL;
  m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, r->fd, 0);
  if (m == MAP_FAILED)
    return AJAR_EIO;
  madvise(m, (size_t)st.st_size, MADV_SEQUENTIAL);
  r->map = m;
  r->map_len = (size_t)st.st_size;
  *map = m;
  *len = r->map_len;
  return 0;
}

const char *reader_error(const struct reader *r) { return r->err; }

void reader_close(struct reader *r) {
  if (!r)
    return;
  if (r->kind == GZ)
    inflateEnd(&r->z);
  if (r->zs)
    ZSTD_freeDStream(r->zs);
  if (r->map)
    munmap(r->map, r->map_len);
  if (r->fd > 0)
    close(r->fd);
  if (r->fd >= 0)
    free(r->in);
  free(r);
}
