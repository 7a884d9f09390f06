/* ajar scan --credentials FILE, --password-file FILE: credentials bound to
 * targets (docs/scan.md, "Credentials"). The file holds entries:
 *
 *   # the search cluster
 *   [search]
 *   targets = https://search.example.com:9200, 10.1.2.0/24
 *   store = opensearch
 *   user = auditor
 *   password_env = SEARCH_PASSWORD
 *
 * `targets` (one or more lines; host, host:port, address, CIDR, URL or
 * DSN, separated by commas or spaces) and `user` are required; `store`
 * (a probe's name) is optional; the password is `password = ...`,
 * `password_env = NAME` (read from the environment) or absent (empty).
 * Every secret is wiped from memory when freed. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"

struct cred_strings {
  struct strv targets;
  char *store, *user, *password;
};

static void wipe_free(char *s) {
  if (s) {
    memset(s, 0, strlen(s));
    free(s);
  }
}

void cli_creds_free(struct cli_creds *c) {
  size_t i;
  for (i = 0; i < c->n; i++) {
    struct cred_strings *cs = &c->strings[i];
    strv_free(&cs->targets);
    free(cs->store);
    free(cs->user);
    wipe_free(cs->password);
  }
  free(c->strings);
  free(c->v);
  memset(c, 0, sizeof *c);
}

static char *trim(char *s) {
  char *e;
  while (isspace((unsigned char)*s))
    s++;
  e = s + strlen(s);
  while (e > s && isspace((unsigned char)e[-1]))
    *--e = 0;
  return s;
}

static int set_once(char **field, const char *v, const char *path, int line,
                    const char *key) {
  if (*field) {
    fprintf(stderr, "ajar: --credentials %s:%d: %s given twice in one entry\n",
            cli_safe(path), line, key);
    return -1;
  }
  if (!(*field = strdup(v))) {
    fprintf(stderr, "ajar: out of memory\n");
    return -1;
  }
  return 0;
}

static int new_entry(struct cli_creds *c) {
  struct cred_strings *ns = realloc(c->strings, (c->n + 1) * sizeof *ns);
  if (!ns)
    return -1;
  c->strings = ns;
  memset(&c->strings[c->n], 0, sizeof *c->strings);
  c->n++;
  return 0;
}

/* one "key = value" line of the current entry */
static int entry_line(struct cli_creds *c, char *key, char *v, const char *path, int line) {
  struct cred_strings *cs = &c->strings[c->n - 1];
  if (!strcmp(key, "targets")) {
    if (strv_split(&cs->targets, v)) {
      fprintf(stderr, "ajar: out of memory\n");
      return -1;
    }
    return 0;
  }
  if (!strcmp(key, "store"))
    return set_once(&cs->store, v, path, line, key);
  if (!strcmp(key, "user"))
    return set_once(&cs->user, v, path, line, key);
  if (!strcmp(key, "password"))
    return set_once(&cs->password, v, path, line, key);
  if (!strcmp(key, "password_env")) {
    const char *p = getenv(v);
    if (!p) {
      fprintf(stderr, "ajar: --credentials %s:%d: the environment has no %s\n",
              cli_safe(path), line, cli_safe(v));
      return -1;
    }
    return set_once(&cs->password, p, path, line, "a password");
  }
  fprintf(stderr, "ajar: --credentials %s:%d: unknown key '%s' (targets, store, user, "
          "password, password_env)\n", cli_safe(path), line, cli_safe(key));
  return -1;
}

/* every entry complete; the library's view of them */
static int finish(struct cli_creds *c, const char *path) {
  size_t i;
  if (!c->n) {
    fprintf(stderr, "ajar: --credentials %s: no entry ([name] lines start one)\n",
            cli_safe(path));
    return -1;
  }
  if (!(c->v = calloc(c->n, sizeof *c->v))) {
    fprintf(stderr, "ajar: out of memory\n");
    return -1;
  }
  for (i = 0; i < c->n; i++) {
    struct cred_strings *cs = &c->strings[i];
    if (!cs->targets.n || !cs->user) {
      fprintf(stderr, "ajar: --credentials %s: entry %zu has no %s\n", cli_safe(path),
              i + 1, cs->targets.n ? "user" : "targets");
      return -1;
    }
    c->v[i].targets = (const char *const *)cs->targets.v;
    c->v[i].n_targets = cs->targets.n;
    c->v[i].store = cs->store;
    c->v[i].user = cs->user;
    c->v[i].password = cs->password;
  }
  return 0;
}

int cli_creds_read(struct cli_creds *c, const char *path) {
  FILE *f = fopen(path, "r");
  char buf[4096];
  int line = 0, rc = 0;
  struct stat st;
  if (!f) {
    fprintf(stderr, "ajar: --credentials %s: %s\n", cli_safe(path), strerror(errno));
    return -1;
  }
  if (!fstat(fileno(f), &st) && (st.st_mode & 077))
    fprintf(stderr, "ajar: warning: --credentials %s can be read by other users "
            "(chmod 600 it)\n", cli_safe(path));
  while (!rc && fgets(buf, sizeof buf, f)) {
    char *s = trim(buf), *eq;
    line++;
    if (!*s || *s == '#' || *s == ';')
      continue;
    if (*s == '[') {
      if (!strchr(s, ']') || new_entry(c)) {
        fprintf(stderr, "ajar: --credentials %s:%d: expected [name]\n", cli_safe(path),
                line);
        rc = -1;
      }
      continue;
    }
    if (!(eq = strchr(s, '=')) || !c->n) {
      fprintf(stderr, "ajar: --credentials %s:%d: expected %s\n", cli_safe(path), line,
              c->n ? "key = value" : "[name] before the first key");
      rc = -1;
      continue;
    }
    *eq = 0;
    rc = entry_line(c, trim(s), trim(eq + 1), path, line);
  }
  memset(buf, 0, sizeof buf);
  fclose(f);
  return rc ? rc : finish(c, path);
}

char *cli_password_file(const char *path) {
  FILE *f = fopen(path, "r");
  char buf[1024], *p;
  size_t n;
  if (!f) {
    fprintf(stderr, "ajar: --password-file %s: %s\n", cli_safe(path), strerror(errno));
    return NULL;
  }
  n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = 0;
  buf[strcspn(buf, "\r\n")] = 0; /* the first line */
  p = strdup(buf);
  memset(buf, 0, sizeof buf);
  if (!p)
    fprintf(stderr, "ajar: out of memory\n");
  return p;
}
