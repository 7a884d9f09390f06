/* Fuzz target: the saved-report reader (report/in_json.c,
 * ajar_report_read_json), as `ajar report`, `ajar diff` and --baseline
 * use it. A report that reads is then written in every format (text,
 * JSON, HTML, SARIF, NDJSON), written JSON must read back, and it is
 * diffed against itself and used as its own baseline. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ajar/ajar.h"

static FILE *devnull;

static void fail(const char *what) {
  fprintf(stderr, "fuzz_report_json: %s\n", what);
  abort();
}

static int read_report(const void *data, size_t size, struct ajar_report *r) {
  char err[256];
  int rc;
  /* fmemopen of 0 bytes is EINVAL on older glibc: one byte, read none */
  FILE *f = fmemopen((void *)(size ? data : "\n"), size ? size : 1, "rb");
  if (!f)
    fail("fmemopen");
  if (!size)
    fgetc(f);
  rc = ajar_report_read_json(f, r, err, sizeof err);
  fclose(f);
  if (rc && !err[0] && rc == AJAR_EPARSE)
    fail("AJAR_EPARSE without a message");
  if (memchr(err, '\n', strnlen(err, sizeof err)))
    fail("the error is not one line");
  return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct ajar_report r, again, base;
  struct ajar_diff d;
  char *copy, *buf = NULL;
  size_t blen = 0, i;
  FILE *mem;
  if (!devnull && !(devnull = fopen("/dev/null", "w")))
    fail("/dev/null");
  copy = malloc(size ? size : 1); /* exact size: reads past the end caught */
  if (!copy)
    fail("malloc");
  memcpy(copy, data, size);
  if (read_report(copy, size, &r)) {
    ajar_report_clear(&r);
    free(copy);
    return 0;
  }
  ajar_report_write_text(&r, devnull, 0);
  ajar_report_write_text(&r, devnull, AJAR_OUT_COLOR);
  ajar_report_write_html(&r, devnull);
  ajar_report_write_sarif(&r, devnull);
  for (i = 0; i < r.n_targets; i++)
    ajar_target_write_ndjson(&r.targets[i], devnull);
  /* what ajar writes, ajar reads */
  if (!(mem = open_memstream(&buf, &blen)))
    fail("open_memstream");
  if (ajar_report_write_json(&r, mem))
    fail("ajar_report_write_json");
  fclose(mem);
  if (read_report(buf, blen, &again))
    fail("a report ajar wrote does not read back");
  memset(&d, 0, sizeof d);
  if (ajar_report_diff(&r, &again, &d) == 0 && d.n_changes)
    fail("a report differs from its own round trip");
  ajar_diff_clear(&d);
  if (!read_report(copy, size, &base))
    ajar_report_subtract_baseline(&again, &base);
  ajar_report_clear(&base);
  ajar_report_clear(&again);
  ajar_report_clear(&r);
  free(buf);
  free(copy);
  return 0;
}
