/* The table of probes, in the order an endpoint tries them (after the
 * probes of its port). A new store: one probe_STORE.c file, one line
 * here, its extern in probe.h, one line in CMakeLists.txt
 * (docs/architecture.md, "Add a probe"). */
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
    &ajar_probe_s3,
    &ajar_probe_azure_blob,
    &ajar_probe_http_index, /* after the stores: an index page is generic HTML */
    /* the native probes in the order a fingerprint tries them
     * (docs/scan.md): the line protocols first, whose requests end in a
     * newline that most servers answer or close on at once, then
     * MongoDB's framed messages, then PostgreSQL's SSLRequest, which a
     * line server waits on; those that wait for a greeting last */
    &ajar_probe_redis,
    &ajar_probe_memcached,
    &ajar_probe_mongodb,
    &ajar_probe_postgresql,
    &ajar_probe_mysql,
    &ajar_probe_ftp,
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
