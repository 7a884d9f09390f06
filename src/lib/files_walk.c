/* ajar_files_run: the files of the operands (directories walked), read
 * several at a time on the worker pool, handed over in operand order.
 *
 * The walk lists every file first (paths only), in name order, so the
 * report is the same whatever -j is. Symbolic links to directories are
 * not followed (no loops, no walking out of the tree); a directory that
 * is its own ancestor (a bind mount) is not entered again.
 */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "array.h"
#include "files.h"
#include "pool.h"

struct item {
  char *path;
  int in_dir; /* found by the walk: the globs applied, binary skipped */
};

struct walk {
  const struct ajar_files_opts *o;
  struct item *items;
  size_t n, cap;
  /* the directories being walked, for the ancestor check */
  dev_t dev[AJAR_MAX_DIR_DEPTH];
  ino_t ino[AJAR_MAX_DIR_DEPTH];
  int depth;
};

static int add_item(struct walk *w, const char *path, int in_dir) {
  if (ARRAY_RESERVE(w->items, w->n, w->cap, 64))
    return AJAR_ENOMEM;
  if (!(w->items[w->n].path = strdup(path)))
    return AJAR_ENOMEM;
  w->items[w->n++].in_dir = in_dir;
  return 0;
}

/* rel (the path below the walked directory) or its last component
 * matches one of globs */
static int matches(const char *const *globs, size_t n, const char *rel) {
  const char *name = strrchr(rel, '/');
  size_t i;
  name = name ? name + 1 : rel;
  for (i = 0; i < n; i++)
    if (!fnmatch(globs[i], rel, 0) || !fnmatch(globs[i], name, 0))
      return 1;
  return 0;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* mongodump writes COLL.metadata.json (index definitions, no records)
 * beside COLL.bson: such a file is left out of a walk (docs/formats.md) */
static int mongodump_metadata(char *const *names, size_t n, const char *name) {
  static const char suf[] = ".metadata.json";
  size_t len = strlen(name), k = sizeof suf - 1;
  char sib[NAME_MAX + 16];
  const char *key = sib;
  if (len <= k || strcmp(name + len - k, suf) || len - k + 9 > sizeof sib)
    return 0;
  memcpy(sib, name, len - k);
  memcpy(sib + len - k, ".bson", 6);
  if (bsearch(&key, names, n, sizeof *names, by_name))
    return 1;
  memcpy(sib + len - k, ".bson.gz", 9);
  return bsearch(&key, names, n, sizeof *names, by_name) != NULL;
}

static void skipped(const struct walk *w, const char *path, const char *why) {
  if (w->o->skipped)
    w->o->skipped(path, why, w->o->skipped_ctx);
}

/* the entries of dir (path; rel below the operand), sorted, walked */
static int walk_dir(struct walk *w, const char *path, size_t root_len,
                    const struct stat *st) {
  DIR *d;
  struct dirent *de;
  char **names = NULL;
  size_t n = 0, cap = 0, i;
  int k, rc = 0;
  for (k = 0; k < w->depth; k++)
    if (w->dev[k] == st->st_dev && w->ino[k] == st->st_ino)
      return 0; /* its own ancestor */
  if (w->depth == AJAR_MAX_DIR_DEPTH) {
    skipped(w, path, "directory nested too deep; not walked");
    return 0;
  }
  if (!(d = opendir(path))) {
    char why[160];
    snprintf(why, sizeof why, "cannot read the directory: %s", strerror(errno));
    skipped(w, path, why);
    return 0;
  }
  while ((de = readdir(d))) {
    if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
      continue;
    if (n == cap) {
      size_t nc = cap ? cap * 2 : 32;
      char **nn = realloc(names, nc * sizeof *nn);
      if (!nn) { rc = AJAR_ENOMEM; break; }
      names = nn;
      cap = nc;
    }
    if (!(names[n] = strdup(de->d_name))) { rc = AJAR_ENOMEM; break; }
    n++;
  }
  closedir(d);
  if (!rc && n > 1) /* qsort must not be given NULL, even for 0 items */
    qsort(names, n, sizeof *names, by_name);
  w->dev[w->depth] = st->st_dev;
  w->ino[w->depth] = st->st_ino;
  w->depth++;
  for (i = 0; i < n && !rc; i++) {
    size_t pl = strlen(path);
    char *child = malloc(pl + strlen(names[i]) + 2);
    struct stat lst, cst;
    const char *rel;
    if (!child) { rc = AJAR_ENOMEM; break; }
    sprintf(child, "%s%s%s", path, pl && path[pl - 1] == '/' ? "" : "/", names[i]);
    rel = child + root_len + (child[root_len] == '/');
    if (lstat(child, &lst)) {
      free(child);
      continue; /* gone meanwhile */
    }
    if ((w->o->n_exclude && matches(w->o->exclude, w->o->n_exclude, rel)) ||
        mongodump_metadata(names, n, names[i])) {
      free(child);
      continue;
    }
    if (S_ISDIR(lst.st_mode)) {
      rc = walk_dir(w, child, root_len, &lst);
    } else if (S_ISREG(lst.st_mode) ||
               (S_ISLNK(lst.st_mode) && !stat(child, &cst) && S_ISREG(cst.st_mode))) {
      if (!w->o->n_include || matches(w->o->include, w->o->n_include, rel))
        rc = add_item(w, child, 1);
    } /* devices, fifos, sockets, links to directories: left out */
    free(child);
  }
  w->depth--;
  for (i = 0; i < n; i++)
    free(names[i]);
  free(names);
  return rc;
}

/* ---- reading the files ---------------------------------------------- */
struct run {
  const struct ajar_db *db;
  const struct ajar_files_opts *o;
  struct ajar_files_opts one;   /* o with one thread a file */
  const struct item *items;
  size_t n;
  ajar_target_cb cb;
  void *ctx;
  pthread_mutex_t mu;           /* everything below */
  size_t next;                  /* the next file to read */
  size_t emit;                  /* the next file to hand over */
  struct ajar_target_result *res;
  unsigned char *state;         /* per file: 0 reading, 1 done, 2 left out */
  int stop, rc;
};

/* hand over every file done, in order, from emit on; under r->mu */
static void hand_over(struct run *r) {
  while (r->emit < r->n && r->state[r->emit]) {
    size_t i = r->emit++;
    if (r->state[i] == 1) {
      if (r->stop)
        ajar_target_result_clear(&r->res[i]);
      else if (r->cb(&r->res[i], r->ctx))
        r->stop = 1;
    }
  }
}

static void read_one(struct run *r, size_t i, const struct ajar_files_opts *o) {
  const struct item *it = &r->items[i];
  int binary = 0, rc = files_scan_path(r->db, it->path, o, &r->res[i], &binary);
  unsigned char state = 1;
  if (rc) {
    pthread_mutex_lock(&r->mu);
    if (!r->rc)
      r->rc = rc;
    r->stop = 1;
    pthread_mutex_unlock(&r->mu);
    state = 2;
  } else if (it->in_dir && binary) {
    if (r->o->skipped && binary == 2 && r->res[i].error) { /* a format named */
      char why[320];
      snprintf(why, sizeof why, "%s; skipped", r->res[i].error);
      r->o->skipped(it->path, why, r->o->skipped_ctx);
    } else if (r->o->skipped) {
      r->o->skipped(it->path, "binary data no reader reads; skipped", r->o->skipped_ctx);
    }
    ajar_target_result_clear(&r->res[i]);
    state = 2;
  }
  pthread_mutex_lock(&r->mu);
  r->state[i] = state;
  hand_over(r);
  pthread_mutex_unlock(&r->mu);
}

static void reader_main(void *ctx, int worker) {
  struct run *r = ctx;
  (void)worker;
  for (;;) {
    size_t i;
    pthread_mutex_lock(&r->mu);
    if (r->stop || r->next == r->n) {
      pthread_mutex_unlock(&r->mu);
      return;
    }
    i = r->next++;
    pthread_mutex_unlock(&r->mu);
    read_one(r, i, &r->one);
  }
}

int ajar_files_run(const struct ajar_db *db, const char *const *paths,
                   size_t n, const struct ajar_files_opts *opts,
                   ajar_target_cb cb, void *ctx) {
  struct ajar_files_opts o;
  struct walk w;
  struct run r;
  size_t i;
  int rc = 0, stdin_seen = 0;

  if (!db || !cb || (n && !paths) || files_opts_read(opts, &o))
    return AJAR_EINVAL;
  memset(&w, 0, sizeof w);
  w.o = &o;
  for (i = 0; i < n && !rc; i++) {
    struct stat st;
    if (!strcmp(paths[i], "-")) {
      if (!stdin_seen++)
        rc = add_item(&w, paths[i], 0);
    } else if (!stat(paths[i], &st) && S_ISDIR(st.st_mode)) {
      rc = walk_dir(&w, paths[i], strlen(paths[i]), &st);
    } else {
      rc = add_item(&w, paths[i], 0); /* a file, or the reason it is not */
    }
  }
  memset(&r, 0, sizeof r);
  r.db = db;
  r.o = &o;
  r.one = o;
  r.one.threads = 1;
  r.items = w.items;
  r.n = w.n;
  r.cb = cb;
  r.ctx = ctx;
  pthread_mutex_init(&r.mu, NULL);
  if (!rc && w.n) {
    r.res = calloc(w.n, sizeof *r.res);
    r.state = calloc(w.n, 1);
    if (!r.res || !r.state)
      rc = AJAR_ENOMEM;
  }
  if (!rc && w.n == 1) {
    read_one(&r, 0, &o); /* one file: every thread on it */
  } else if (!rc && w.n > 1) {
    struct pool pool;
    int nt = files_threads(&o);
    if ((size_t)nt > w.n)
      nt = (int)w.n;
    if (!pool_start(&pool, nt, reader_main, &r))
      rc = AJAR_ENOMEM;
    pool_join(&pool);
  }
  if (!rc)
    rc = r.rc;
  /* what was never handed over (a stop, no memory) */
  for (i = 0; r.res && i < w.n; i++)
    if (r.state[i] == 1 && i >= r.emit)
      ajar_target_result_clear(&r.res[i]);
  pthread_mutex_destroy(&r.mu);
  free(r.res);
  free(r.state);
  for (i = 0; i < w.n; i++)
    free(w.items[i].path);
  free(w.items);
  return rc;
}
