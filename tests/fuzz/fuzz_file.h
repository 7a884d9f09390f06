/* Shared body of the file fuzz targets: the input becomes a file named
 * *FUZZ_FILE_EXT in /dev/shm (or $TMPDIR) and goes through
 * ajar_files_scan with one thread, so the reader (plain, gzip, zstd by
 * magic bytes), the format sniffer, the framer and the CSV or JSON
 * walkers all see it. Include after defining FUZZ_FILE_EXT. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "ajar/ajar.h"

static struct ajar_db *db;
static char path[256];

static void fail(const char *what) {
  fprintf(stderr, "fuzz file target: %s failed\n", what);
  abort();
}

static void remove_file(void) {
  if (path[0])
    unlink(path);
}

static void setup(void) {
  char err[256];
  const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
  if (!dir || !dir[0])
    dir = "/tmp";
  snprintf(path, sizeof path, "%s/ajar-fuzz-%ld" FUZZ_FILE_EXT, dir,
           (long)getpid());
  atexit(remove_file);
  if (ajar_db_compile(&db, err, sizeof err))
    fail(err);
}

static void write_all(int fd, const uint8_t *p, size_t n) {
  while (n) {
    ssize_t k = write(fd, p, n);
    if (k <= 0)
      fail("write");
    p += k;
    n -= (size_t)k;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct ajar_files_opts o;
  struct ajar_target_result t;
  int fd, rc;
  if (!db)
    setup();
  fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    fail("open");
  write_all(fd, data, size);
  close(fd);
  memset(&o, 0, sizeof o);
  o.size = sizeof o;
  o.threads = 1;
  rc = ajar_files_scan(db, path, &o, &t);
  if (rc && rc != AJAR_ENOMEM)
    fail("ajar_files_scan returned an unexpected code");
  if (!rc && t.error && strchr(t.error, '\n'))
    fail("the error of a target is one line");
  ajar_target_result_clear(&t);
  return 0;
}
