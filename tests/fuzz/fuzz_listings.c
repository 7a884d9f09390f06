/* Fuzz target: the listing parsers (probe/listings.c) on their own. The
 * first byte picks one: 0 FTP MLSD, 1 FTP LIST, 2 HTML index page, 3
 * memcached metadump lines; the rest is the peer's bytes. Checked: every
 * file and directory found is relative and one level below the listed
 * directory (not "." or "..", no leading '/'), and a metadump key
 * holds no byte that could end a `get` command. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "probe/listings.h"

static void fail(const char *what) {
  fprintf(stderr, "fuzz_listings: %s\n", what);
  abort();
}

/* "d/NAME" or "d/NAME/": one component below d/, not "." or ".." */
static void check_name(const char *name) {
  const char *rest = name + 2, *slash;
  size_t n;
  if (strncmp(name, "d/", 2))
    fail("an entry outside the listed directory");
  slash = strchr(rest, '/');
  if (slash && slash[1])
    fail("an entry more than one level down");
  n = slash ? (size_t)(slash - rest) : strlen(rest);
  if (!n || (n == 1 && rest[0] == '.') || (n == 2 && !strncmp(rest, "..", 2)))
    fail("an entry that is no name, or goes up");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct obj_walk w;
  char *body;
  size_t i;
  if (size < 1 || obj_walk_init(&w))
    return 0;
  if (!(body = malloc(size)))
    abort();
  memcpy(body, data + 1, size - 1);
  body[size - 1] = 0;
  switch (data[0] & 3) {
  case 0:
  case 1:
    listing_ftp(&w, body, "d/", 1, !(data[0] & 1));
    break;
  case 2:
    listing_html(&w, body, "d/", 1);
    break;
  default: {
    char *line, *save = NULL, key[MC_MAX_KEY + 1];
    int64_t sz;
    for (line = strtok_r(body, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
      size_t n = listing_metadump_key(line, key, &sz), k;
      if (n > MC_MAX_KEY || (n && strlen(key) != n))
        fail("a metadump key over the cap or cut short");
      for (k = 0; k < n; k++)
        if ((unsigned char)key[k] <= 32 || key[k] == 127)
          fail("a metadump key with a space or a control byte");
    }
  }
  }
  for (i = 0; i < w.files.n; i++)
    check_name(w.files.v[i].name);
  for (i = 1; i < w.n_dirs; i++)
    check_name(w.dirs[i]);
  free(body);
  free(w.dirs);
  free(w.depth);
  obj_set_free(&w.files);
  return 0;
}
