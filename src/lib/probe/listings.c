/* Listings as servers print them (listings.h): parsers only, no
 * network. Each is fed bytes a peer sent; fuzz_listings runs them on
 * hostile input. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "probe/listings.h"

/* ---- FTP ---------------------------------------------------------------- */
/* one line of MLSD ("type=file;size=12; name") or LIST (Unix "ls -l" or
 * DOS style): 1 with *is_dir, *size and the name at *name, else 0 */
static int ftp_line(char *line, int mlsd, int *is_dir, int64_t *size, char **name) {
  *size = -1;
  *is_dir = 0;
  if (mlsd) {
    char *sp = strstr(line, "; ");
    char *f;
    int typed = 0;
    if (!sp)
      return 0;
    *sp = 0;
    *name = sp + 2;
    for (f = strtok(line, ";"); f; f = strtok(NULL, ";")) {
      if (!strncasecmp(f, "type=", 5)) {
        typed = 1;
        if (!strcasecmp(f + 5, "dir"))
          *is_dir = 1;
        else if (strcasecmp(f + 5, "file"))
          return 0; /* cdir, pdir, links */
      } else if (!strncasecmp(f, "size=", 5)) {
        *size = strtoll(f + 5, NULL, 10);
      }
    }
    return typed;
  }
  if ((line[0] == 'd' || line[0] == '-') && strlen(line) > 10) {
    char *p = line, *fields[8];
    int i;
    for (i = 0; i < 8; i++) {
      while (*p == ' ')
        p++;
      fields[i] = p;
      while (*p && *p != ' ')
        p++;
      if (!*p)
        return 0;
    }
    while (*p == ' ')
      p++;
    *name = p;
    *is_dir = line[0] == 'd';
    *size = strtoll(fields[4], NULL, 10);
    return **name != 0;
  }
  if (line[0] >= '0' && line[0] <= '9' && line[2] == '-') { /* DOS: 12-07-26 04:42AM */
    char *p = line, *sz;
    int i;
    for (i = 0; i < 2; i++) {
      while (*p && *p != ' ')
        p++;
      while (*p == ' ')
        p++;
    }
    sz = p;
    while (*p && *p != ' ')
      p++;
    while (*p == ' ')
      p++;
    if (!*p)
      return 0;
    *name = p;
    *is_dir = !strncmp(sz, "<DIR>", 5);
    if (!*is_dir)
      *size = strtoll(sz, NULL, 10);
    return 1;
  }
  return 0;
}

int listing_ftp(struct obj_walk *w, char *body, const char *dir, unsigned depth,
                int mlsd) {
  char *line, *save = NULL;
  size_t n = 0;
  int rc = 0;
  for (line = strtok_r(body, "\r\n", &save); line && !rc && n < AJAR_OBJ_MAX_LINKS;
       line = strtok_r(NULL, "\r\n", &save), n++) {
    char *name, full[AJAR_MAX_TARGET_PATH];
    int64_t size;
    int is_dir;
    if (!ftp_line(line, mlsd, &is_dir, &size, &name) || !strcmp(name, ".") ||
        !strcmp(name, "..") || strchr(name, '/'))
      continue;
    if ((size_t)snprintf(full, sizeof full, "%s%s", dir, name) >= sizeof full - 1)
      continue;
    if (is_dir) {
      if (strlen(full) + 2 < sizeof full) {
        strcat(full, "/");
        obj_walk_add_dir(w, full, depth + 1);
      }
    } else
      rc = obj_add(&w->files, full, size);
  }
  return rc;
}

/* ---- HTML index pages ----------------------------------------------------- */
/* "20032", "42K", "1.5M", "2G": bytes, or -1 */
static int64_t parse_size(const char *w, size_t n) {
  double v = 0, scale = 1;
  size_t i = 0, digits = 0;
  int dot = 0;
  double frac = 0.1;
  for (; i < n && ((w[i] >= '0' && w[i] <= '9') || (w[i] == '.' && !dot)); i++) {
    if (w[i] == '.') {
      dot = 1;
      continue;
    }
    digits++;
    if (dot) {
      v += (w[i] - '0') * frac;
      frac /= 10;
    } else {
      v = v * 10 + (w[i] - '0');
    }
  }
  if (!digits || digits > 15)
    return -1;
  if (i < n) {
    switch (w[i] | 32) {
    case 'k': scale = 1024.0; break;
    case 'm': scale = 1024.0 * 1024; break;
    case 'g': scale = 1024.0 * 1024 * 1024; break;
    case 't': scale = 1024.0 * 1024 * 1024 * 1024; break;
    default: return -1;
    }
    i++;
    if (i < n && (w[i] | 32) == 'i') /* KiB-style */
      i++;
    if (i < n && (w[i] | 32) == 'b')
      i++;
  } else if (dot) {
    return -1;
  }
  return i == n ? (int64_t)(v * scale) : -1;
}

/* the last size-like word of the text in [p, e), tags skipped */
static int64_t size_after(const char *p, const char *e) {
  int64_t size = -1;
  while (p < e) {
    const char *w;
    if (*p == '<') {
      const char *gt = memchr(p, '>', (size_t)(e - p));
      p = gt ? gt + 1 : e;
      continue;
    }
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
      p++;
      continue;
    }
    for (w = p; p < e && *p != '<' && *p != ' ' && *p != '\t' && *p != '\n' &&
                *p != '\r'; p++)
      ;
    {
      int64_t s = parse_size(w, (size_t)(p - w));
      if (s >= 0)
        size = s;
    }
  }
  return size;
}

static int hexval(char ch) {
  return ch >= '0' && ch <= '9' ? ch - '0'
         : (ch | 32) >= 'a' && (ch | 32) <= 'f' ? (ch | 32) - 'a' + 10 : -1;
}

/* a link target as a relative name: decoded, &amp; undone; 0 when it is
 * not one to follow (absolute, up, a query, a fragment, another scheme) */
static int relative_name(const char *h, size_t n, char *out, size_t cap) {
  size_t i, k = 0;
  if (!n || h[0] == '/' || h[0] == '?' || h[0] == '#' || memchr(h, ':', n) ||
      memchr(h, '?', n) || memchr(h, '#', n))
    return 0;
  for (i = 0; i < n && k + 1 < cap; i++) {
    if (h[i] == '%' && i + 2 < n && hexval(h[i + 1]) >= 0 && hexval(h[i + 2]) >= 0) {
      out[k++] = (char)(hexval(h[i + 1]) * 16 + hexval(h[i + 2]));
      i += 2;
    } else if (h[i] == '&' && n - i >= 5 && !strncmp(h + i, "&amp;", 5)) {
      out[k++] = '&';
      i += 4;
    } else {
      out[k++] = h[i];
    }
  }
  if (i < n)
    return 0; /* too long */
  out[k] = 0;
  if (!strcmp(out, "./") || strstr(out, "..") || !out[0] || memchr(out, 0, k))
    return 0;
  /* one level: "a/" or "a", never "a/b" */
  {
    char *slash = strchr(out, '/');
    if (slash && slash[1])
      return 0;
  }
  return 1;
}

int listing_html(struct obj_walk *w, const char *body, const char *dir,
                 unsigned depth) {
  const char *p = body;
  size_t links = 0;
  int rc = 0;
  while (!rc && (p = strstr(p, "<a ")) && links < AJAR_OBJ_MAX_LINKS) {
    const char *href = strstr(p, "href=\""), *q, *end, *next;
    char name[AJAR_MAX_TARGET_PATH], full[AJAR_MAX_TARGET_PATH];
    size_t nl;
    links++;
    if (!href) break;
    q = strchr(href + 6, '"');
    if (!q) break;
    end = strstr(q, "</a>");
    if (!end) break;
    next = strstr(end, "<a ");
    p = end;
    if (!relative_name(href + 6, (size_t)(q - href - 6), name, sizeof name))
      continue;
    if ((size_t)snprintf(full, sizeof full, "%s%s", dir, name) >= sizeof full)
      continue;
    nl = strlen(name);
    if (name[nl - 1] == '/') {
      obj_walk_add_dir(w, full, depth + 1);
      continue;
    }
    rc = obj_add(&w->files, full, size_after(end + 4, next ? next : end + strlen(end)));
  }
  return rc;
}

/* ---- memcached ----------------------------------------------------------- */
size_t listing_metadump_key(const char *line, char *out, int64_t *size) {
  const char *p = line + 4, *s;
  size_t n = 0;
  *size = -1;
  if (strncmp(line, "key=", 4))
    return 0;
  for (; *p && *p != ' '; p++) {
    unsigned ch = (unsigned char)*p;
    if (ch == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
      char hx[3] = {p[1], p[2], 0};
      ch = (unsigned)strtoul(hx, NULL, 16);
      p += 2;
    }
    /* a key we may send back: no space or control byte (no command can be
     * smuggled into `get`) */
    if (ch <= 32 || ch == 127 || n >= MC_MAX_KEY)
      return 0;
    out[n++] = (char)ch;
  }
  out[n] = 0;
  if ((s = strstr(line, " size=")))
    *size = strtoll(s + 6, NULL, 10);
  return n;
}
