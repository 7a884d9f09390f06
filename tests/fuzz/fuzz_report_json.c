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

/* the diff matches targets, then collections, by name: with a name
 * missing or twice the match is open, and a self-diff may see changes */
static int unique_names(const struct ajar_report *r) {
  size_t i, j, k;
  for (i = 0; i < r->n_targets; i++) {
    const struct ajar_target_result *t = &r->targets[i];
    if (!t->target)
      return 0;
    for (j = 0; j < i; j++)
      if (!strcmp(t->target, r->targets[j].target))
        return 0;
    for (j = 0; j < t->n_collections; j++) {
      if (!t->collections[j].name)
        return 0;
      for (k = 0; k < j; k++)
        if (!strcmp(t->collections[j].name, t->collections[k].name))
          return 0;
    }
  }
  return 1;
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
  if (ajar_report_diff(&r, &again, &d) == 0 && d.n_changes && unique_names(&r))
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
