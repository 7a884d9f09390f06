/* Helpers every probe shares (probe_util.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "probe/probe_util.h"

int probe_set_str(char **field, const char *s) {
  char *d = s ? strdup(s) : NULL;
  if (s && !d)
    return AJAR_ENOMEM;
  free(*field);
  *field = d;
  return 0;
}

/* Names that ransom gangs leave behind after wiping a store (the "meow"
 * attacks, READ_ME / how_to_recover notes: LeakIX, LeakLooker). */
int probe_ransom_name(const char *name) {
  static const char *const exact[] = {"read_me", "readme", "read-me", "warning",
                                      "meow", "please_read_me", "recovery"};
  static const char *const prefix[] = {"how_to_recover", "how-to-recover",
                                       "recover_", "read_me_", "readme_",
                                       "read_me-", "readme-", "warning_"};
  size_t i, n = strlen(name);
  for (i = 0; i < sizeof exact / sizeof exact[0]; i++)
    if (!strcasecmp(name, exact[i]))
      return 1;
  for (i = 0; i < sizeof prefix / sizeof prefix[0]; i++)
    if (!strncasecmp(name, prefix[i], strlen(prefix[i])))
      return 1;
  return n > 5 && !strcasecmp(name + n - 5, "-meow");
}

/* The SQL-shaped stores name a collection "db.table" or "db.schema.table";
 * a part named like a ransom note marks the collection as wiped. */
int probe_add_dotted(struct ajar_target_result *t, const char *const *parts,
                     size_t n, int64_t records, int64_t bytes) {
  struct ajar_collection_result *cr = &t->collections[t->n_collections];
  size_t i, len = 1, at = 0;
  int ransom = 0;
  for (i = 0; i < n; i++)
    len += strlen(parts[i]) + 1;
  if (!(cr->name = malloc(len)))
    return AJAR_ENOMEM;
  for (i = 0; i < n; i++) {
    at += (size_t)snprintf(cr->name + at, len - at, "%s%s", i ? "." : "", parts[i]);
    ransom |= probe_ransom_name(parts[i]);
  }
  cr->records = records;
  cr->bytes = bytes;
  t->n_collections++;
  return ransom ? probe_set_str(&cr->note, "looks wiped or ransomed: the name "
                                           "is a ransom note's")
                : 0;
}

void probe_secret_free(char *secret) {
  if (secret) {
    memset(secret, 0, strlen(secret));
    free(secret);
  }
}

int probe_note_add(char **note, const char *fmt, ...) {
  char line[AJAR_MAX_ERROR];
  int k = snprintf(line, sizeof line, "%s%s", *note ? *note : "", *note ? "; " : "");
  va_list ap;
  if (k < 0 || (size_t)k >= sizeof line)
    k = (int)sizeof line - 1;
  va_start(ap, fmt);
  vsnprintf(line + k, sizeof line - (size_t)k, fmt, ap);
  va_end(ap);
  return probe_set_str(note, line);
}

json_t *probe_body_json(const struct ajar_conn *c) {
  return c->http.body && c->http.len ? json_loadb(c->http.body, c->http.len, 0, NULL) : NULL;
}

int64_t probe_count_str(const char *s) {
  char *end;
  long long n;
  if (!s || !*s)
    return -1;
  n = strtoll(s, &end, 10);
  return *end || n < 0 ? -1 : (int64_t)n;
}

int64_t probe_count_json(json_t *v) {
  if (json_is_integer(v))
    return json_integer_value(v) < 0 ? -1 : (int64_t)json_integer_value(v);
  if (json_is_real(v))
    return json_real_value(v) < 0 ? -1 : (int64_t)json_real_value(v);
  return probe_count_str(json_string_value(v));
}

int probe_collection_room(struct ajar_target_result *t, size_t *cap) {
  size_t nc;
  struct ajar_collection_result *grown;
  if (t->n_collections < *cap)
    return 0;
  nc = *cap ? *cap * 2 : 16;
  if (!(grown = realloc(t->collections, nc * sizeof *grown)))
    return AJAR_ENOMEM;
  memset(grown + *cap, 0, (nc - *cap) * sizeof *grown);
  t->collections = grown;
  *cap = nc;
  return 0;
}

struct ajar_collection_result *probe_collection_add(struct ajar_target_result *t,
                                                    const char *name) {
  struct ajar_collection_result *cr = &t->collections[t->n_collections];
  if (!(cr->name = strdup(name)))
    return NULL;
  cr->records = cr->bytes = -1;
  t->n_collections++;
  return cr;
}

static int by_name(const void *a, const void *b) {
  const struct ajar_collection_result *x = a, *y = b;
  return strcmp(x->name, y->name);
}

void probe_sort_collections(struct ajar_target_result *t) {
  if (t->n_collections > 1)
    qsort(t->collections, t->n_collections, sizeof *t->collections, by_name);
}

int probe_listing_done(struct ajar_target_result *t, size_t listed,
                       size_t skipped, const char *what) {
  probe_sort_collections(t);
  if (listed <= t->n_collections + skipped)
    return 0;
  return probe_note_add(&t->note, "%zu %s not listed (over %d)",
                        listed - t->n_collections - skipped, what,
                        AJAR_MAX_COLLECTIONS);
}

void probe_quote_ident(const char *s, size_t n, enum probe_quote how, char *out,
                       size_t cap) {
  size_t k = 0;
  out[k++] = '`';
  for (; n && *s && k + 4 < cap; s++, n--) {
    if (*s == '`')
      out[k++] = how == PROBE_QUOTE_DOUBLED ? '`' : '\\';
    else if (*s == '\\' && how == PROBE_QUOTE_BACKSLASH)
      out[k++] = '\\';
    out[k++] = *s;
  }
  out[k++] = '`';
  out[k] = 0;
}
