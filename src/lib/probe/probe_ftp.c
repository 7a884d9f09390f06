/* Anonymous FTP (store `ftp`), with libcurl's FTP client.
 *
 * The commands this probe may make libcurl send on the control
 * connection, nothing else (never STOR, APPE, DELE, MKD, RMD, RNFR, SITE):
 *   USER anonymous / PASS ajar@       (USER/PASS of --user/--password, when
 *                                      given, after anonymous was refused, and
 *                                      only with --allow-cleartext-password)
 *   PWD, TYPE A / TYPE I, EPSV (PASV when EPSV is refused)
 *   MLSD DIR, or LIST DIR when the server has no MLSD
 *                                     at most AJAR_OBJ_MAX_DIRS directories,
 *                                     AJAR_OBJ_MAX_DEPTH levels under the start
 *                                     (the target's path, else /), each
 *                                     listing cut at AJAR_MAX_RESPONSE bytes
 *   SIZE FILE, RETR FILE               at most AJAR_OBJ_SAMPLE files chosen by
 *                                     extension and size; the transfer is cut
 *                                     at AJAR_OBJ_PREFIX bytes (libcurl then
 *                                     sends ABOR to stop the transfer)
 *   QUIT
 * No CWD (paths are given whole: CURLFTPMETHOD_NOCWD). The data
 * connection goes to the control connection's address whatever PASV says
 * (CURLOPT_FTP_SKIP_PASV_IP), and every socket is checked against the
 * scope (conn_curl_new). A server that trickles is stopped by the idle
 * limit (nothing for the read timeout), AJAR_OBJ_TRANSFER_MS per transfer
 * and the target deadline. Anonymous refused (530): auth_required, nothing read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/select.h>
#include "probe/listings.h"
#include "probe/objects.h"
#include "probe/probe.h"
#include "probe/probe_util.h"

static const uint16_t ftp_ports[] = {21, 0};

struct ftp_state {
  CURL *h;
  CURLM *m; /* st->h's transfers, and the control connection kept between them */
  char *buf;
  size_t len, cap, limit;
  int cut, no_mlsd;
  int start_listed; /* buf holds the start directory's listing (identify's) */
  char banner[128];
};

static void ftp_free(void *p) {
  struct ftp_state *st = p;
  if (!st)
    return;
  if (st->m)
    curl_multi_cleanup(st->m); /* QUIT on the control connection */
  if (st->h)
    curl_easy_cleanup(st->h);
  free(st->buf);
  free(st);
}

static size_t on_data(char *p, size_t size, size_t nmemb, void *ud) {
  struct ftp_state *st = ud;
  size_t n = size * nmemb, keep = n;
  if (n > st->limit - st->len) {
    keep = st->limit - st->len;
    st->cut = 1;
  }
  if (st->len + keep + 1 > st->cap) {
    size_t nc = st->cap ? st->cap : 65536;
    char *nb;
    while (nc < st->len + keep + 1)
      nc *= 2;
    if (!(nb = realloc(st->buf, nc)))
      return 0;
    st->buf = nb;
    st->cap = nc;
  }
  memcpy(st->buf + st->len, p, keep);
  st->len += keep;
  st->buf[st->len] = 0;
  return st->cut ? 0 : n;
}

/* the server's replies: the greeting is kept, printable ASCII only */
static size_t on_reply(char *p, size_t size, size_t nmemb, void *ud) {
  struct ftp_state *st = ud;
  size_t n = size * nmemb, i, k = 0;
  if (!st->banner[0] && n > 4 && !strncmp(p, "220", 3)) {
    for (i = 0; i < n && k + 1 < sizeof st->banner; i++)
      if (p[i] >= 0x20 && p[i] < 0x7f)
        st->banner[k++] = p[i];
    st->banner[k] = 0;
  }
  return n;
}

static struct ftp_state *ftp_state(struct ajar_conn *c) {
  struct ftp_state *st = c->state;
  CURL *h;
  if (st && c->state_free == ftp_free)
    return st;
  if (!(st = calloc(1, sizeof *st)) || !(st->m = curl_multi_init()) ||
      !(st->h = h = conn_curl_new(c, "ftp", on_data, st, on_reply, st))) {
    if (st && st->m)
      curl_multi_cleanup(st->m);
    free(st);
    return NULL;
  }
  probe_state_set(c, st, ftp_free);
  curl_easy_setopt(h, CURLOPT_FTP_FILEMETHOD, (long)CURLFTPMETHOD_NOCWD);
  curl_easy_setopt(h, CURLOPT_FTP_USE_EPSV, 1L);
  curl_easy_setopt(h, CURLOPT_FTP_SKIP_PASV_IP, 1L);
  /* libcurl counts the greeting and the login as FTP's connect phase */
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                   (long)c->connect_timeout_ms + c->read_timeout_ms);
  curl_easy_setopt(h, CURLOPT_SERVER_RESPONSE_TIMEOUT,
                   (long)(c->read_timeout_ms < 1000 ? 1 : c->read_timeout_ms / 1000));
  return st;
}

/* curl_easy_perform's loop, with the wait between two calls into
 * libcurl bounded by AJAR_FTP_POLL_MS instead of a second, and by
 * AJAR_FTP_IDLE_POLL_MS while libcurl waits on no socket of its own
 * (curl_multi_fdset's max_fd -1): libcurl 7.88 does after an EPSV/PASV
 * reply, and connects the data connection only when called again (see
 * ajar_limits.h) */
static CURLcode ftp_perform(struct ftp_state *st) {
  CURLcode cc = CURLE_OK;
  CURLMcode mc;
  CURLMsg *msg;
  int running = 1, queued;
  if (curl_multi_add_handle(st->m, st->h) != CURLM_OK)
    return CURLE_FAILED_INIT;
  for (;;) {
    fd_set r, w, e;
    int max_fd = -1;
    if ((mc = curl_multi_perform(st->m, &running)) != CURLM_OK || !running)
      break;
    FD_ZERO(&r);
    FD_ZERO(&w);
    FD_ZERO(&e);
    if ((mc = curl_multi_fdset(st->m, &r, &w, &e, &max_fd)) != CURLM_OK)
      break;
    if ((mc = curl_multi_poll(st->m, NULL, 0,
                              max_fd < 0 ? AJAR_FTP_IDLE_POLL_MS : AJAR_FTP_POLL_MS,
                              NULL)) != CURLM_OK)
      break;
  }
  if (mc != CURLM_OK)
    cc = mc == CURLM_OUT_OF_MEMORY ? CURLE_OUT_OF_MEMORY : CURLE_RECV_ERROR;
  while ((msg = curl_multi_info_read(st->m, &queued)))
    if (msg->msg == CURLMSG_DONE && msg->easy_handle == st->h)
      cc = msg->data.result;
  curl_multi_remove_handle(st->m, st->h);
  return cc;
}

/* one transfer: path (escaped, "/" ends a directory); method: "MLSD" or
 * NULL (LIST for a directory, RETR for a file); limit: bytes kept */
static int ftp_do(struct ajar_conn *c, struct ftp_state *st, const char *path,
                  const char *method, size_t limit, long *reply) {
  char url[AJAR_MAX_HOSTNAME + 8 * AJAR_MAX_TARGET_PATH];
  int64_t left = conn_left_ms(c);
  CURLcode cc;
  *reply = 0;
  st->len = 0;
  st->cut = 0;
  st->limit = limit;
  if (left <= 0) {
    snprintf(c->err, sizeof c->err, "the target deadline passed");
    return AJAR_ETIMEDOUT;
  }
  /* a password of the user's goes out in clear over FTP: only when allowed */
  if (c->use_creds && c->user) {
    int rc = probe_cleartext_ok(c, "FTP PASS (no TLS)");
    if (rc)
      return rc;
  }
  snprintf(url, sizeof url, "ftp://%s:%u%s", c->url_host, c->ep->port, path);
  curl_easy_setopt(st->h, CURLOPT_URL, url);
  curl_easy_setopt(st->h, CURLOPT_TIMEOUT_MS,
                   (long)(left < AJAR_OBJ_TRANSFER_MS ? left : AJAR_OBJ_TRANSFER_MS));
  curl_easy_setopt(st->h, CURLOPT_CUSTOMREQUEST, method);
  curl_easy_setopt(st->h, CURLOPT_USERNAME, c->use_creds && c->user ? c->user : "anonymous");
  curl_easy_setopt(st->h, CURLOPT_PASSWORD,
                   c->use_creds && c->user ? (c->password ? c->password : "") : "ajar@");
  cc = ftp_perform(st);
  curl_easy_getinfo(st->h, CURLINFO_RESPONSE_CODE, reply);
  if (*reply || st->banner[0])
    c->answered = 1;
  if (!st->buf && (st->buf = malloc(1)))
    st->buf[0] = 0;
  if (!st->buf)
    return AJAR_ENOMEM;
  if (cc == CURLE_OK || (cc == CURLE_WRITE_ERROR && st->cut))
    return 0;
  switch (cc) {
  case CURLE_LOGIN_DENIED:
    snprintf(c->err, sizeof c->err, "login refused (FTP %ld)", *reply);
    return AJAR_EAUTH;
  case CURLE_REMOTE_ACCESS_DENIED:
  case CURLE_FTP_COULDNT_RETR_FILE:
  case CURLE_REMOTE_FILE_NOT_FOUND:
  case CURLE_QUOTE_ERROR:
    snprintf(c->err, sizeof c->err, "refused (FTP %ld)", *reply);
    return AJAR_EINVAL;
  case CURLE_COULDNT_CONNECT:
  case CURLE_COULDNT_RESOLVE_HOST:
    if (c->scope_refused) {
      snprintf(c->err, sizeof c->err, "refused: %s is outside the scope",
               c->refused_addr[0] ? c->refused_addr : "the address");
      return AJAR_ESCOPE;
    }
    snprintf(c->err, sizeof c->err, "cannot connect (refused or unreachable)");
    return AJAR_ECONNECT;
  case CURLE_OPERATION_TIMEDOUT:
    snprintf(c->err, sizeof c->err, "timed out: the server sent too little, too slowly "
             "(a transfer over %u s, or past the target deadline)",
             AJAR_OBJ_TRANSFER_MS / 1000);
    return AJAR_ETIMEDOUT;
  case CURLE_WEIRD_SERVER_REPLY:
  case CURLE_GOT_NOTHING:
  case CURLE_RECV_ERROR:
    snprintf(c->err, sizeof c->err, "not an FTP server (%s)", curl_easy_strerror(cc));
    return AJAR_EPROTO;
  default:
    snprintf(c->err, sizeof c->err, "%s", curl_easy_strerror(cc));
    return AJAR_EPROTO;
  }
}

/* the start directory, with a trailing '/' */
static void start_dir(const struct ajar_conn *c, char *out, size_t n) {
  const char *p = c->ep->spec->path;
  if (!p || !*p)
    p = "/";
  snprintf(out, n, "%s%s", p, p[strlen(p) - 1] == '/' ? "" : "/");
}

/* list directory rel (under the start): MLSD, or LIST when the server
 * has none */
static int ftp_list(struct ajar_conn *c, struct ftp_state *st, const char *rel) {
  char whole[2 * AJAR_MAX_TARGET_PATH + 2], path[6 * AJAR_MAX_TARGET_PATH + 8];
  long reply;
  int rc;
  st->start_listed = 0;
  start_dir(c, whole, sizeof whole);
  snprintf(whole + strlen(whole), sizeof whole - strlen(whole), "%s", rel);
  obj_escape_path(whole, path, sizeof path);
  if (!st->no_mlsd) {
    rc = ftp_do(c, st, path, "MLSD", AJAR_MAX_RESPONSE, &reply);
    if (!(rc == AJAR_EINVAL && reply >= 500 && reply <= 502))
      return rc;
    st->no_mlsd = 1; /* 500/502: no MLSD here */
  }
  return ftp_do(c, st, path, NULL, AJAR_MAX_RESPONSE, &reply);
}

static int ftp_identify(struct ajar_conn *c, struct ajar_target_result *t) {
  struct ftp_state *st = ftp_state(c);
  int rc;
  if (!st)
    return AJAR_ENOMEM;
  rc = ftp_list(c, st, "");
  st->start_listed = !rc; /* enumerate's first listing, not asked twice */
  if (rc == AJAR_EAUTH || !rc) {
    int r2 = probe_set_str(&t->store, "ftp");
    if (!r2 && st->banner[0]) {
      char note[160];
      snprintf(note, sizeof note, "greeting: %.120s", st->banner);
      r2 = probe_set_str(&t->note, note);
    }
    if (r2)
      return r2;
    t->auth_required = rc == AJAR_EAUTH;
    return 0;
  }
  if (rc == AJAR_EINVAL && st->banner[0]) /* the start directory is refused */
    return probe_set_str(&t->store, "ftp");
  return rc == AJAR_EINVAL ? AJAR_EPROTO : rc;
}

static int ftp_enumerate(struct ajar_conn *c, struct ajar_target_result *t) {
  struct ftp_state *st = ftp_state(c);
  struct obj_walk w;
  char what[AJAR_MAX_ERROR], start[AJAR_MAX_TARGET_PATH + 2];
  size_t listed = 0;
  int rc;
  if (!st)
    return AJAR_ENOMEM;
  if ((rc = obj_walk_init(&w)))
    return rc;
  while (!rc && w.next < w.n_dirs && conn_left_ms(c) > 0) {
    size_t d = w.next++;
    /* the start directory (the walk's first) as identify listed it */
    rc = d == 0 && st->start_listed ? 0 : ftp_list(c, st, w.dirs[d]);
    st->start_listed = 0;
    if (rc == AJAR_EINVAL) { /* a directory refused: the others go on */
      rc = 0;
      continue;
    }
    if (!rc) {
      listed++;
      rc = listing_ftp(&w, st->buf, w.dirs[d], w.depth[d], !st->no_mlsd);
    }
  }
  if (rc && rc != AJAR_ENOMEM)
    snprintf(what, sizeof what, "listing stopped: %.120s", c->err);
  else
    snprintf(what, sizeof what, "%zu director%s listed with %s", listed,
             listed == 1 ? "y" : "ies", st->no_mlsd ? "LIST" : "MLSD");
  start_dir(c, start, sizeof start);
  return obj_walk_emit(&w, t, start, what, rc);
}

static int ftp_read_object(struct ajar_conn *c, struct ajar_collection_result *coll,
                           const char **buf, size_t *len, int *cut) {
  struct ftp_state *st = ftp_state(c);
  char whole[2 * AJAR_MAX_TARGET_PATH + 2], path[6 * AJAR_MAX_TARGET_PATH + 8];
  long reply;
  int rc;
  if (!st)
    return AJAR_ENOMEM;
  if (obj_is_container(coll))
    return 0;
  start_dir(c, whole, sizeof whole);
  snprintf(whole + strlen(whole), sizeof whole - strlen(whole), "%s", coll->name);
  obj_escape_path(whole, path, sizeof path);
  rc = ftp_do(c, st, path, NULL, AJAR_OBJ_PREFIX, &reply);
  if (rc == AJAR_EINVAL || rc == AJAR_EAUTH)
    return probe_note_add(&coll->note, "reading refused (FTP %ld)", reply);
  if (rc)
    return rc;
  *buf = st->buf;
  *len = st->len;
  *cut = st->cut;
  return 0;
}

const struct ajar_probe ajar_probe_ftp = {
    .name = "ftp",
    .ports = ftp_ports,
    .identify = ftp_identify,
    .enumerate = ftp_enumerate,
    .read_object = ftp_read_object,
    .help = "anonymous FTP: directories walked within caps (MLSD or LIST), file "
            "names and sizes, a bounded prefix of a few data files (RETR, never "
            "a write)",
    .flags = AJAR_PROBE_NATIVE | AJAR_PROBE_GREETING,
};
