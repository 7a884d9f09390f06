/* The table of probes. A new store: one probe_STORE.c file, one line
 * here, one line in CMakeLists.txt. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "probe/probe.h"

const struct ajar_probe *const ajar_probes[] = {
    &ajar_probe_elasticsearch,
    &ajar_probe_kibana,
    &ajar_probe_couchdb,
    &ajar_probe_clickhouse,
    &ajar_probe_etcd,
    &ajar_probe_http_index, /* after the stores: an index page is generic HTML */
    &ajar_probe_postgresql,
    &ajar_probe_mysql,
    &ajar_probe_redis,
    &ajar_probe_memcached,
    &ajar_probe_mongodb,
    NULL,
};

const struct ajar_probe *ajar_probe_find(const char *name) {
  size_t i;
  if (name && !strcmp(name, "opensearch"))
    name = "elasticsearch";
  for (i = 0; name && ajar_probes[i]; i++)
    if (!strcmp(ajar_probes[i]->name, name))
      return ajar_probes[i];
  return NULL;
}

const char *ajar_probe_name(size_t i) {
  size_t n;
  for (n = 0; ajar_probes[n]; n++)
    ;
  return i < n ? ajar_probes[i]->name : NULL;
}

const char *ajar_probe_help(size_t i) {
  return ajar_probe_name(i) ? ajar_probes[i]->help : NULL;
}

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
