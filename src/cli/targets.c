/* Target lists: operands, --exclude lists, and -iL FILE, which reads the
 * output of the scanners people run before ajar, recognised by content
 * (gzip is read through):
 *   nmap XML (-oX)          <host><address addr=.. addrtype=ipv4|ipv6/>
 *                           <port protocol="tcp" portid=N><state state="open"
 *   masscan JSON (-oJ) and NDJSON (-oD): {"ip":..,"ports":[{"port":N,
 *                           "proto":"tcp","status":"open"}]}
 *   masscan list (-oL)      "open tcp PORT ADDR TIME"
 *   naabu JSON lines        {"host":..,"ip":..,"port":N}
 *   httpx JSON lines        {"url":"https://host:port/..", ...}
 *   Shodan export (.json, .json.gz: one banner a line)
 *                           {"ip_str":..,"port":N,"transport":"tcp","ssl":{..}}
 *   zmap CSV (-O csv)       a header naming saddr (and sport,
 *                           classification, success)
 *   anything else           one target a line, '#' comments
 * Each open TCP port becomes the target ADDR:PORT ([v6]:PORT), or
 * https://ADDR:PORT where the scanner saw TLS over HTTP, so the endpoint
 * keeps the port it was found on. What ajar does with a target (scope,
 * --exclude, the public-address rule) is the same as for an operand. */
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include "ajar_limits.h"
#include "cli.h"

int strv_add(struct strv *s, const char *x, size_t n) {
  char *d;
  if (s->n == s->cap) {
    size_t nc = s->cap ? s->cap * 2 : 16;
    char **nv = realloc(s->v, nc * sizeof *nv);
    if (!nv)
      return -1;
    s->v = nv;
    s->cap = nc;
  }
  if (!(d = malloc(n + 1)))
    return -1;
  memcpy(d, x, n);
  d[n] = 0;
  s->v[s->n++] = d;
  return 0;
}

void strv_free(struct strv *s) {
  size_t i;
  for (i = 0; i < s->n; i++)
    free(s->v[i]);
  free(s->v);
  memset(s, 0, sizeof *s);
}

int strv_split(struct strv *s, const char *list) {
  while (*list) {
    size_t n;
    while (*list == ',' || isspace((unsigned char)*list))
      list++;
    n = strcspn(list, ", \t\r\n");
    if (n && strv_add(s, list, n))
      return -1;
    list += n;
  }
  return 0;
}

/* the whole file (gzip read through), NUL-terminated; NULL after saying why */
static char *slurp(const char *opt, const char *path, size_t *len) {
  gzFile g = strcmp(path, "-") ? gzopen(path, "rb") : gzdopen(dup(0), "rb");
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  int k;
  if (!g || !buf) {
    fprintf(stderr, "ajar: %s %s: %s\n", opt, cli_safe(path),
            g ? "out of memory" : strerror(errno));
    if (g)
      gzclose(g);
    free(buf);
    return NULL;
  }
  while ((k = gzread(g, buf + n, (unsigned)(cap - n - 1))) > 0) {
    n += (size_t)k;
    if (n + 1 == cap) {
      char *nb = cap >= AJAR_MAX_TARGET_FILE ? NULL : realloc(buf, cap * 2);
      if (!nb) {
        fprintf(stderr, "ajar: %s %s: over %u MiB\n", opt, cli_safe(path),
                AJAR_MAX_TARGET_FILE >> 20);
        gzclose(g);
        free(buf);
        return NULL;
      }
      buf = nb;
      cap *= 2;
    }
  }
  if (k < 0) {
    int e;
    fprintf(stderr, "ajar: %s %s: %s\n", opt, cli_safe(path), gzerror(g, &e));
    gzclose(g);
    free(buf);
    return NULL;
  }
  gzclose(g);
  buf[n] = 0;
  *len = n;
  return buf;
}

/* ADDR:PORT, [V6]:PORT or https://ADDR:PORT */
static int add_endpoint(struct strv *s, const char *host, size_t hn,
                        long port, int https) {
  char t[320];
  int v6 = memchr(host, ':', hn) != NULL, n;
  if (!hn || hn > 255 || port < 1 || port > 65535)
    return 0; /* not an endpoint: skipped */
  n = snprintf(t, sizeof t, "%s%s%.*s%s:%ld", https ? "https://" : "",
               v6 ? "[" : "", (int)hn, host, v6 ? "]" : "", port);
  return strv_add(s, t, (size_t)n);
}

/* ---- nmap XML ---------------------------------------------------------- */

/* the value of attribute name="..." inside the tag [tag, end) */
static const char *attr(const char *tag, const char *end, const char *name,
                        size_t *len) {
  size_t nl = strlen(name);
  const char *p = tag;
  while ((p = strstr(p, name)) && p < end) {
    if (isspace((unsigned char)p[-1]) && p[nl] == '=' &&
        (p[nl + 1] == '"' || p[nl + 1] == '\'')) {
      const char *v = p + nl + 2, *q = memchr(v, p[nl + 1], (size_t)(end - v));
      if (q) {
        *len = (size_t)(q - v);
        return v;
      }
    }
    p += nl;
  }
  return NULL;
}

static int is(const char *v, size_t n, const char *want) {
  return v && n == strlen(want) && !memcmp(v, want, n);
}

/* the next <host> or <host ...> element (not <hosthint>, <hostnames>) */
static const char *next_host(const char *p) {
  while ((p = strstr(p, "<host")) && p[5] != ' ' && p[5] != '>')
    p += 5;
  return p;
}

static int read_nmap(struct strv *s, const char *x) {
  const char *h = x;
  while ((h = next_host(h))) {
    const char *hend = strstr(h, "</host>"), *p, *addr = NULL;
    size_t alen = 0;
    if (!hend)
      break;
    for (p = h; (p = strstr(p, "<address")) && p < hend; p++) {
      const char *e = strchr(p, '>');
      size_t tl = 0;
      const char *type = attr(p, e, "addrtype", &tl);
      if (is(type, tl, "ipv4") || is(type, tl, "ipv6")) {
        addr = attr(p, e, "addr", &alen);
        break;
      }
    }
    for (p = h; addr && (p = strstr(p, "<port ")) && p < hend; p++) {
      const char *e = strchr(p, '>'), *pend = strstr(p, "</port>"), *st, *state;
      size_t pl = 0, il = 0, sl = 0;
      const char *proto = attr(p, e, "protocol", &pl);
      const char *id = attr(p, e, "portid", &il);
      if (!pend || pend > hend)
        pend = hend;
      st = strstr(p, "<state ");
      if (!st || st > pend || !is(proto, pl, "tcp") || !id)
        continue;
      state = attr(st, strchr(st, '>'), "state", &sl);
      if (!is(state, sl, "open"))
        continue;
      if (add_endpoint(s, addr, alen, strtol(id, NULL, 10), 0))
        return -1;
    }
    h = hend;
  }
  return 0;
}

/* ---- JSON: masscan, naabu, httpx, Shodan ------------------------------ */

static long json_port(json_t *v) {
  if (json_is_integer(v))
    return (long)json_integer_value(v);
  if (json_is_string(v))
    return strtol(json_string_value(v), NULL, 10);
  return 0;
}

static int tcp_or_absent(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  return !v || (json_is_string(v) && !strcmp(json_string_value(v), "tcp"));
}

/* scheme://host:port/... -> the endpoint, https only for https */
static int from_url(struct strv *s, const char *url) {
  const char *h = strstr(url, "://"), *end, *colon;
  int https = !strncmp(url, "https://", 8);
  long port = https ? 443 : 80;
  if (!h)
    return 0;
  h += 3;
  end = h + strcspn(h, "/?#");
  if (*h == '[') { /* [v6]:port */
    const char *rb = memchr(h, ']', (size_t)(end - h));
    if (!rb)
      return 0;
    if (rb + 1 < end && rb[1] == ':')
      port = strtol(rb + 2, NULL, 10);
    return add_endpoint(s, h + 1, (size_t)(rb - h - 1), port, https);
  }
  colon = memchr(h, ':', (size_t)(end - h));
  if (colon)
    port = strtol(colon + 1, NULL, 10);
  return add_endpoint(s, h, (size_t)((colon ? colon : end) - h), port, https);
}

static int from_object(struct strv *s, json_t *o) {
  json_t *ports = json_object_get(o, "ports"), *p;
  const char *host = NULL;
  const char *keys[] = {"ip_str", "ip", "host"};
  size_t i;
  if (!json_is_object(o))
    return 0;
  for (i = 0; i < 3 && !host; i++)
    if (json_is_string(json_object_get(o, keys[i])))
      host = json_string_value(json_object_get(o, keys[i]));
  if (json_is_string(json_object_get(o, "url"))) /* httpx */
    return from_url(s, json_string_value(json_object_get(o, "url")));
  if (!host)
    return 0;
  if (json_is_array(ports)) { /* masscan */
    json_array_foreach(ports, i, p) {
      json_t *st = json_object_get(p, "status");
      if (!tcp_or_absent(p, "proto") ||
          (st && (!json_is_string(st) || strcmp(json_string_value(st), "open"))))
        continue;
      if (add_endpoint(s, host, strlen(host), json_port(json_object_get(p, "port")), 0))
        return -1;
    }
    return 0;
  }
  if (!tcp_or_absent(o, "transport") || !tcp_or_absent(o, "protocol") ||
      !tcp_or_absent(o, "proto"))
    return 0;
  /* Shodan: TLS seen and an HTTP banner: https */
  return add_endpoint(s, host, strlen(host), json_port(json_object_get(o, "port")),
                      json_object_get(o, "ssl") && json_object_get(o, "http"));
}

static int read_json(struct strv *s, char *x, size_t len) {
  size_t before = s->n;
  char *line = x, *next;
  json_error_t e;
  json_t *all;
  size_t i;
  /* one object a line (NDJSON; masscan's array writes one a line too) */
  for (; line < x + len; line = next) {
    char *a, *b;
    json_t *o;
    next = line + strcspn(line, "\n");
    if (*next)
      *next++ = 0;
    a = line;
    while (*a && (isspace((unsigned char)*a) || *a == '[' || *a == ','))
      a++;
    b = a + strlen(a);
    while (b > a && (isspace((unsigned char)b[-1]) || b[-1] == ']' || b[-1] == ','))
      *--b = 0;
    if (!*a)
      continue;
    if (!(o = json_loads(a, 0, &e)))
      goto whole;
    i = from_object(s, o);
    json_decref(o);
    if (i)
      return -1;
  }
  return 0;
whole: /* one JSON document over many lines: an array of objects */
  for (i = 0; i < len; i++)
    if (!x[i])
      x[i] = '\n';
  while (s->n > before)
    free(s->v[--s->n]);
  if (!(all = json_loads(x, 0, &e)))
    return 1;
  if (json_is_object(all)) {
    i = (size_t)from_object(s, all);
  } else {
    json_t *o;
    size_t k;
    i = 0;
    json_array_foreach(all, k, o) if (!i) i = (size_t)from_object(s, o);
  }
  json_decref(all);
  return i ? -1 : 0;
}

/* ---- masscan -oL, zmap CSV, plain lists -------------------------------- */

static int read_masscan_list(struct strv *s, const char *x) {
  const char *line = x;
  while (*line) {
    char proto[8], addr[64];
    long port;
    size_t n = strcspn(line, "\n");
    if (sscanf(line, "open %7s %ld %63s", proto, &port, addr) == 3 &&
        !strcmp(proto, "tcp") && add_endpoint(s, addr, strlen(addr), port, 0))
      return -1;
    line += n + (line[n] == '\n');
  }
  return 0;
}

/* index of column name in a CSV header line, or -1 */
static int column(const char *header, size_t n, const char *name) {
  int i = 0;
  size_t nl = strlen(name);
  const char *p = header, *end = header + n;
  while (p < end) {
    size_t k = strcspn(p, ",\r\n");
    if (k == nl && !memcmp(p, name, nl))
      return i;
    p += k + 1;
    i++;
  }
  return -1;
}

/* the field number col of a CSV line, into buf */
static void field(const char *line, size_t n, int col, char *buf, size_t bn) {
  const char *p = line, *end = line + n;
  size_t k;
  buf[0] = 0;
  while (col-- > 0 && p < end)
    p += strcspn(p, ",\r\n") + 1;
  if (p >= end)
    return;
  k = strcspn(p, ",\r\n");
  if (k >= bn)
    k = bn - 1;
  memcpy(buf, p, k);
  buf[k] = 0;
}

static int read_zmap(struct strv *s, const char *x) {
  size_t hn = strcspn(x, "\n");
  int saddr = column(x, hn, "saddr"), sport = column(x, hn, "sport");
  int cls = column(x, hn, "classification"), ok = column(x, hn, "success");
  const char *line = x + hn + (x[hn] == '\n');
  while (*line) {
    size_t n = strcspn(line, "\n");
    char addr[64], v[32];
    field(line, n, saddr, addr, sizeof addr);
    if (cls >= 0)
      field(line, n, cls, v, sizeof v);
    if (*addr && (cls < 0 || !strcmp(v, "synack"))) {
      if (ok >= 0)
        field(line, n, ok, v, sizeof v);
      if (ok < 0 || !strcmp(v, "1")) {
        int rc;
        if (sport >= 0) {
          field(line, n, sport, v, sizeof v);
          rc = add_endpoint(s, addr, strlen(addr), strtol(v, NULL, 10), 0);
        } else {
          rc = strv_add(s, addr, strlen(addr));
        }
        if (rc)
          return -1;
      }
    }
    line += n + (line[n] == '\n');
  }
  return 0;
}

static int read_plain(struct strv *s, char *x) {
  char *line = x;
  while (*line) {
    size_t n = strcspn(line, "\n");
    char *h = memchr(line, '#', n), keep = line[n];
    line[h ? (size_t)(h - line) : n] = 0;
    if (strv_split(s, line))
      return -1;
    line[n] = keep;
    line += n + (keep == '\n');
  }
  return 0;
}

/* the first line that is not blank and no '#' comment */
static const char *first_line(const char *x) {
  while (*x) {
    const char *p = x;
    while (*p == ' ' || *p == '\t' || *p == '\r')
      p++;
    if (*p && *p != '\n' && *p != '#')
      return p;
    x = p + strcspn(p, "\n");
    x += *x == '\n';
  }
  return x;
}

const char *target_file_format(const char *x) {
  const char *l = first_line(x);
  size_t n = strcspn(l, "\n");
  while (isspace((unsigned char)*x))
    x++;
  if (*x == '<')
    return "nmap-xml";
  if (!strncmp(x, "#masscan", 8) || !strncmp(l, "open tcp ", 9) ||
      !strncmp(l, "open udp ", 9))
    return "masscan-list";
  if (*l == '[' || *l == '{')
    return "json";
  if (column(l, n, "saddr") >= 0)
    return "zmap-csv";
  return "list";
}

int strv_file(struct strv *s, const char *opt, const char *path) {
  size_t len;
  char *x = slurp(opt, path, &len);
  int rc;
  if (!x)
    return -1;
  rc = read_plain(s, x);
  free(x);
  return rc;
}

int target_file_read(struct strv *s, const char *opt, const char *path) {
  size_t len, before = s->n;
  char *x = slurp(opt, path, &len);
  const char *fmt;
  int rc;
  if (!x)
    return -1;
  if (memchr(x, 0, len)) {
    fprintf(stderr, "ajar: %s %s: binary content, not a target list\n", opt,
            cli_safe(path));
    free(x);
    return -1;
  }
  fmt = target_file_format(x);
  if (!strcmp(fmt, "nmap-xml"))
    rc = read_nmap(s, x);
  else if (!strcmp(fmt, "masscan-list"))
    rc = read_masscan_list(s, x);
  else if (!strcmp(fmt, "json"))
    rc = read_json(s, x, len);
  else if (!strcmp(fmt, "zmap-csv"))
    rc = read_zmap(s, x);
  else
    rc = read_plain(s, x);
  free(x);
  if (rc > 0)
    fprintf(stderr, "ajar: %s %s: not JSON a line, nor one JSON document\n",
            opt, cli_safe(path));
  else if (rc < 0)
    fprintf(stderr, "ajar: out of memory\n");
  else if (s->n == before && strcmp(fmt, "list"))
    fprintf(stderr, "ajar: %s %s: no open TCP port in this %s file\n", opt,
            cli_safe(path), fmt);
  return rc ? -1 : 0;
}
