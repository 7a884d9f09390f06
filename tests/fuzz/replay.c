/* Replay main() for the fuzz targets when not built with libFuzzer: runs
 * LLVMFuzzerTestOneInput once over every file in the directories (or
 * files) given, so ctest replays the saved corpus on every build, under
 * ASan+UBSan in the sanitizer build. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  uint8_t *buf = NULL;
  size_t len = 0, cap = 0;
  if (!f) {
    perror(path);
    return -1;
  }
  for (;;) {
    size_t k;
    if (len == cap) {
      uint8_t *nb;
      cap = cap ? cap * 2 : 65536;
      nb = realloc(buf, cap);
      if (!nb) {
        fclose(f);
        free(buf);
        return -1;
      }
      buf = nb;
    }
    k = fread(buf + len, 1, cap - len, f);
    if (!k)
      break;
    len += k;
  }
  if (ferror(f)) {
    perror(path);
    fclose(f);
    free(buf);
    return -1;
  }
  fclose(f);
  /* an exact-size copy, so ASan sees reads past the end */
  {
    uint8_t *exact = malloc(len ? len : 1);
    if (!exact) {
      free(buf);
      return -1;
    }
    memcpy(exact, buf, len);
    free(buf);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
  }
  return 0;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* files of a directory in name order, so runs are repeatable */
static int run_dir(const char *dir, size_t *count) {
  DIR *d = opendir(dir);
  struct dirent *e;
  char **names = NULL;
  size_t n = 0, cap = 0, i;
  int bad = 0;
  if (!d) {
    perror(dir);
    return -1;
  }
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    if (n == cap) {
      char **nn;
      cap = cap ? cap * 2 : 64;
      nn = realloc(names, cap * sizeof *names);
      if (!nn)
        abort();
      names = nn;
    }
    names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2);
    if (!names[n])
      abort();
    sprintf(names[n], "%s/%s", dir, e->d_name);
    n++;
  }
  closedir(d);
  if (n)
    qsort(names, n, sizeof *names, by_name);
  for (i = 0; i < n; i++) {
    struct stat st;
    if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
      if (run_file(names[i]))
        bad = -1;
      else
        (*count)++;
    }
    free(names[i]);
  }
  free(names);
  return bad;
}

int main(int argc, char **argv) {
  size_t count = 0;
  int i, bad = 0;
  if (argc < 2) {
    fprintf(stderr, "usage: %s CORPUS_DIR|FILE...\n", argv[0]);
    return 2;
  }
  for (i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st)) {
      perror(argv[i]);
      bad = 1;
    } else if (S_ISDIR(st.st_mode)) {
      if (run_dir(argv[i], &count))
        bad = 1;
    } else if (run_file(argv[i])) {
      bad = 1;
    } else {
      count++;
    }
  }
  printf("%s: %zu input(s) replayed\n", argv[0], count);
  if (!count) {
    fprintf(stderr, "%s: no inputs found\n", argv[0]);
    return 1;
  }
  return bad;
}
