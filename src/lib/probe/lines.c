/* A buffered line reader over a probe's socket, for text protocols
 * (memcached; FTP and the like): a line is at most AJAR_MAX_LINE bytes,
 * every read goes through probe_recv (the read timeout, the deadline). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "probe/lines.h"

void line_conn_close(struct line_conn *m) {
  if (m->fd >= 0)
    close(m->fd);
  m->fd = -1;
  m->off = m->len = 0;
}

static int fill(struct line_conn *m) {
  size_t got;
  int rc;
  if (m->off == m->len)
    m->off = m->len = 0;
  if (m->off && m->len == sizeof m->buf) {
    memmove(m->buf, m->buf + m->off, m->len - m->off);
    m->len -= m->off;
    m->off = 0;
  }
  if ((rc = probe_recv(m->conn, m->fd, m->buf + m->len, sizeof m->buf - m->len, &got)))
    return rc;
  if (!got) {
    snprintf(m->conn->err, sizeof m->conn->err, "the peer closed the connection");
    return AJAR_EPROTO;
  }
  m->len += got;
  return 0;
}

int line_conn_read_line(struct line_conn *m, char *out, size_t cap) {
  size_t n = 0;
  for (;;) {
    while (m->off < m->len) {
      char ch = m->buf[m->off++];
      if (ch == '\n') {
        if (n && out[n - 1] == '\r')
          n--;
        out[n] = 0;
        return 0;
      }
      if (n + 1 >= cap || n >= AJAR_MAX_LINE) {
        snprintf(m->conn->err, sizeof m->conn->err, "a reply line over %d bytes",
                 AJAR_MAX_LINE);
        return AJAR_ETOOBIG;
      }
      out[n++] = ch;
    }
    int rc = fill(m);
    if (rc)
      return rc;
  }
}

int line_conn_read_exact(struct line_conn *m, char *out, size_t n) {
  size_t k = 0;
  while (k < n) {
    size_t avail;
    if (m->off == m->len) {
      int rc = fill(m);
      if (rc)
        return rc;
    }
    avail = m->len - m->off < n - k ? m->len - m->off : n - k;
    memcpy(out + k, m->buf + m->off, avail);
    m->off += avail;
    k += avail;
  }
  return 0;
}

int line_conn_send(struct line_conn *m, const char *s) {
  return probe_send_all(m->conn, m->fd, s, strlen(s));
}
