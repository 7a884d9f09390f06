/* Kibana.
 *
 * The requests this probe may send, all GET, nothing else:
 *   GET /api/status
 *   GET /            (only when /api/status is not found)
 *
 * An open Kibana exposes the cluster behind it: its console proxies any
 * request to Elasticsearch. Reading through it takes a POST
 * (/api/console/proxy), which this probe never sends, so no collection is
 * sampled; the target is reported as open, with a note.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "probe/probe_util.h"

static const uint16_t kibana_ports[] = {5601, 0};

static const char open_note[] =
    "open Kibana: its console can read every index of the Elasticsearch "
    "cluster behind it (not sampled: that needs a POST)";

static const char closed_note[] =
    "Kibana readable with the credentials given: its console can read the "
    "cluster behind it (not sampled: that needs a POST)";

/* a header Kibana sets on its answers, when present and not empty */
static const char *kbn_header(const struct ajar_conn *c, const char *name) {
  const char *v = conn_header(c, name);
  return v && *v ? v : NULL;
}

static int looks_kibana(const struct ajar_conn *c) {
  return kbn_header(c, "kbn-name") || kbn_header(c, "kbn-version") ||
         (c->http.body && (strstr(c->http.body, "kibanaWelcomeView") ||
                      strstr(c->http.body, "kbn-injected-metadata") ||
                      strstr(c->http.body, "kibanaWelcomeTitle")));
}

static int kibana_identify(struct ajar_conn *c, struct ajar_target_result *t) {
  json_t *root = NULL, *version;
  const char *number = NULL;
  int rc = conn_get(c, "/api/status");
  if (rc)
    return rc;
  t->tls = c->tls;
  if (c->http.status == 401 || c->http.status == 403) {
    t->auth_required = 1;
    if (!looks_kibana(c))
      return AJAR_EAUTH;
    if (kbn_header(c, "kbn-version") &&
        (rc = probe_set_str(&t->version, kbn_header(c, "kbn-version"))))
      return rc;
    return probe_set_str(&t->store, "kibana");
  }
  if (c->http.status == 200 && c->http.body && c->http.len)
    root = json_loadb(c->http.body, c->http.len, 0, NULL);
  version = json_object_get(root, "version");
  number = json_string_value(json_object_get(version, "number"));
  if (!number || !(json_object_get(root, "status") || looks_kibana(c))) {
    json_decref(root);
    root = NULL;
    number = NULL;
    if (c->http.status != 404)
      return AJAR_EPROTO;
    if ((rc = conn_get(c, "/")))
      return rc;
    if ((c->http.status == 401 || c->http.status == 403) && looks_kibana(c))
      t->auth_required = 1;
    else if (!looks_kibana(c))
      return AJAR_EPROTO;
    number = kbn_header(c, "kbn-version");
  }
  rc = probe_set_str(&t->store, "kibana");
  if (!rc && number)
    rc = probe_set_str(&t->version, number);
  json_decref(root);
  return rc;
}

static int kibana_enumerate(struct ajar_conn *c, struct ajar_target_result *t) {
  (void)c;
  return probe_set_str(&t->note, t->auth_required ? closed_note : open_note);
}

static const char *const kibana_headers[] = {"kbn-name", "kbn-version", NULL};

const struct ajar_probe ajar_probe_kibana = {
    .name = "kibana",
    .ports = kibana_ports,
    .identify = kibana_identify,
    .enumerate = kibana_enumerate,
    .help = "Kibana: version, and whether it is open (an open Kibana exposes "
            "its cluster); GET only, no console proxy",
    .headers = kibana_headers,
};
