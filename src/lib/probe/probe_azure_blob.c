/* Azure Blob Storage and its emulator Azurite, over HTTP or HTTPS (store
 * `azure_blob`): containers whose public access level lets anyone list
 * them.
 *
 * The requests this probe may send, all GET, nothing else:
 *   GET A/?comp=list                        List Containers (refused to
 *                                           anonymous by Azure itself; with
 *                                           credentials it would need a
 *                                           SharedKey this probe never signs)
 *   GET A/CONTAINER?restype=container&comp=list&maxresults=K[&marker=M]
 *                                           List Blobs, K = AJAR_OBJ_LIST_PAGE,
 *                                           at most AJAR_OBJ_MAX_PAGES pages, a
 *                                           repeated marker ends it
 *   GET A/CONTAINER/BLOB  with `Range: bytes=0-(AJAR_OBJ_PREFIX-1)`
 *                                           at most AJAR_OBJ_SAMPLE blobs a
 *                                           container, chosen by extension and
 *                                           size; cut at AJAR_OBJ_PREFIX bytes
 * A: "" for an account host (ACCOUNT.blob.core.windows.net), "/ACCOUNT"
 * for the emulator's path style (a target that is an address or any other
 * name: azure://host:port/ACCOUNT/CONTAINER). The container is the one
 * the target names (azure://ACCOUNT.blob.core.windows.net/CONTAINER).
 *
 * Identification needs Azure's own answer: an EnumerationResults document,
 * or an XML <Error> with a <Code> together with an x-ms-request-id header.
 * Listings are parsed with libxml2, entities off, a DTD refused (objects.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/tree.h>
#include "probe/objects.h"
#include "probe/probe.h"
#include "probe/probe_util.h"

static const uint16_t azure_ports[] = {10000, 0};

static int refused(const struct ajar_conn *c) {
  return c->http.status == 401 || c->http.status == 403;
}

/* the account prefix ("" or "/ACCOUNT") and the container, from the target */
static void azure_names(const struct ajar_conn *c, char *acct, size_t an, char *cont,
                        size_t cn) {
  const char *h = c->ep->spec->host, *p = c->ep->spec->path;
  int host_style = h && strstr(h, ".blob.") != NULL;
  char seg[2][256] = {"", ""};
  size_t i;
  for (i = 0; p && i < 2; i++) {
    size_t k;
    while (*p == '/')
      p++;
    k = strcspn(p, "/");
    if (!k)
      break;
    snprintf(seg[i], sizeof seg[i], "%.*s", (int)k, p);
    p += k;
  }
  if (host_style) {
    snprintf(acct, an, "%s", "");
    snprintf(cont, cn, "%s", seg[0]);
  } else {
    char esc[768];
    conn_escape(seg[0], esc, sizeof esc);
    snprintf(acct, an, "%s%s", seg[0][0] ? "/" : "", esc);
    snprintf(cont, cn, "%s", seg[1]);
  }
}

static int azure_identify(struct ajar_conn *c, struct ajar_target_result *t) {
  char acct[800], cont[256], esc[768], path[2000], code[64];
  xmlDocPtr d;
  xmlNodePtr r;
  int rc, ok = 0;
  azure_names(c, acct, sizeof acct, cont, sizeof cont);
  conn_escape(cont, esc, sizeof esc);
  if (cont[0])
    snprintf(path, sizeof path, "%s/%s?restype=container&comp=list&maxresults=1", acct,
             esc);
  else
    snprintf(path, sizeof path, "%s/?comp=list", acct);
  if ((rc = conn_get(c, path)))
    return rc;
  t->tls = c->tls;
  if (!(d = obj_xml_parse(c)))
    return AJAR_EPROTO;
  r = obj_xml_root(d);
  code[0] = 0;
  if (r && !strcmp((const char *)r->name, "EnumerationResults"))
    ok = 1;
  else if (r && !strcmp((const char *)r->name, "Error") &&
           obj_xml_child_text(r, "Code", code, sizeof code) &&
           conn_header(c, "x-ms-request-id"))
    ok = 2;
  obj_xml_free(d);
  if (!ok)
    return AJAR_EPROTO;
  if ((rc = probe_set_str(&t->store, "azure_blob")))
    return rc;
  if (conn_header(c, "Server") && *conn_header(c, "Server")) {
    char note[160];
    snprintf(note, sizeof note, "server: %.100s", conn_header(c, "Server"));
    if ((rc = probe_set_str(&t->note, note)))
      return rc;
  }
  /* a container that lists is open; without one named, or refused: closed
   * to anonymous readers (Azure never lists containers to them) */
  if (ok == 2 && (refused(c) || !cont[0]))
    t->auth_required = 1;
  return 0;
}

static int azure_enumerate(struct ajar_conn *c, struct ajar_target_result *t) {
  char acct[800], cont[256], esc[768], marker[1024] = "", prev[1024], mesc[3 * 1024];
  char path[5000], note[AJAR_MAX_ERROR] = "", prefix[260];
  struct obj_set s;
  unsigned page;
  int rc = 0;
  azure_names(c, acct, sizeof acct, cont, sizeof cont);
  if (!cont[0]) {
    snprintf(c->err, sizeof c->err, "no container named (azure://ACCOUNT.blob.core."
             "windows.net/CONTAINER): Azure lists containers to their owner only");
    return AJAR_EAUTH;
  }
  conn_escape(cont, esc, sizeof esc);
  memset(&s, 0, sizeof s);
  for (page = 0; page < AJAR_OBJ_MAX_PAGES && !rc; page++) {
    xmlDocPtr d;
    xmlNodePtr r, b;
    if (conn_left_ms(c) <= 0) {
      snprintf(note, sizeof note, "listing stopped: the target deadline passed");
      break;
    }
    conn_escape(marker, mesc, sizeof mesc);
    snprintf(path, sizeof path, "%s/%s?restype=container&comp=list&maxresults=%u%s%s",
             acct, esc, AJAR_OBJ_LIST_PAGE, marker[0] ? "&marker=" : "", mesc);
    if ((rc = conn_get(c, path)))
      break;
    if (refused(c)) {
      snprintf(note, sizeof note, "listing refused (HTTP %ld)", c->http.status);
      break;
    }
    if (c->http.status != 200 || !(d = obj_xml_parse(c))) {
      snprintf(note, sizeof note, "listing failed (HTTP %ld)%s%.120s", c->http.status,
               c->http.status == 200 ? ": " : "", c->http.status == 200 ? c->err : "");
      break;
    }
    r = obj_xml_root(d);
    for (b = obj_xml_child(obj_xml_child(r, "Blobs"), "Blob"); b && !rc;
         b = obj_xml_next(b, "Blob")) {
      char name[1024], size[32];
      if (!obj_xml_child_text(b, "Name", name, sizeof name))
        continue;
      obj_xml_child_text(obj_xml_child(b, "Properties"), "Content-Length", size,
                         sizeof size);
      rc = obj_add(&s, name, size[0] ? strtoll(size, NULL, 10) : -1);
    }
    snprintf(prev, sizeof prev, "%s", marker);
    obj_xml_child_text(r, "NextMarker", marker, sizeof marker);
    obj_xml_free(d);
    if (!marker[0])
      break;
    if (!strcmp(marker, prev)) {
      snprintf(note, sizeof note, "listing stopped: the server repeated its marker");
      break;
    }
    if (page + 1 == AJAR_OBJ_MAX_PAGES)
      snprintf(note, sizeof note, "listing stopped after %u pages of %u blobs (the "
               "cap): the container holds more", AJAR_OBJ_MAX_PAGES, AJAR_OBJ_LIST_PAGE);
  }
  if (rc && rc != AJAR_ENOMEM) {
    snprintf(note, sizeof note, "listing failed: %.160s", c->err);
    rc = 0;
  }
  snprintf(prefix, sizeof prefix, "%s/", cont);
  if (!rc)
    rc = obj_emit(t, cont, prefix, &s, note[0] ? note : NULL);
  obj_set_free(&s);
  return rc;
}

static int azure_read_object(struct ajar_conn *c, struct ajar_collection_result *coll,
                             const char **buf, size_t *len, int *cut) {
  char acct[800], cont[256], blob[3 * 1024 + 8], esc[768], path[5000];
  const char *slash = strchr(coll->name, '/');
  int rc;
  if (obj_is_container(coll) || !slash)
    return 0;
  azure_names(c, acct, sizeof acct, cont, sizeof cont);
  conn_escape(cont, esc, sizeof esc);
  obj_escape_path(slash + 1, blob, sizeof blob);
  snprintf(path, sizeof path, "%s/%s/%s", acct, esc, blob);
  if ((rc = obj_get_prefix(c, path, NULL)))
    return rc;
  return obj_take_prefix(c, coll, buf, len, cut);
}

static const char *const azure_headers[] = {"Server", "x-ms-request-id", NULL};

const struct ajar_probe ajar_probe_azure_blob = {
    .name = "azure_blob",
    .ports = azure_ports,
    .identify = azure_identify,
    .enumerate = azure_enumerate,
    .read_object = azure_read_object,
    .help = "Azure Blob Storage and Azurite: a container with public access, its "
            "blobs and sizes, a bounded Range prefix of a few data files (GET only)",
    .headers = azure_headers,
};
