/* Fuzz target: the HTTP-body handling of the HTTP probes, each through its
 * own identify/enumerate/sample/annotate as in a scan: Elasticsearch/
 * OpenSearch (/, _cat/indices, _search hits, _mapping), Kibana, CouchDB
 * (/, _all_dbs, db info, _all_docs), ClickHouse (JSONEachRow lines),
 * etcd (v3 JSON gateway: version, range responses, base64 keys and
 * values); and http.c's header and body callbacks with their caps. The
 * flags byte picks the probe (bits 1-3); each part of the input answers
 * one request (fuzz_probe.h). */
#include "fuzz_probe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const struct ajar_probe *const probes[] = {
      &ajar_probe_elasticsearch, &ajar_probe_kibana, &ajar_probe_couchdb,
      &ajar_probe_clickhouse, &ajar_probe_etcd};
  unsigned pick = size ? (data[0] >> 1) % (sizeof probes / sizeof probes[0]) : 0;
  run_probe(probes[pick], data, size);
  return 0;
}
