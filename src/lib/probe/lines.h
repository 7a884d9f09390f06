/* Internal: a buffered line reader over a probe's socket (lines.c). */
#ifndef AJAR_PROBE_LINES_H
#define AJAR_PROBE_LINES_H

#include <stddef.h>
#include "probe/probe.h"

struct line_conn {
  struct ajar_conn *conn;  /* the endpoint: timeouts, deadline, err */
  int fd;                  /* from probe_connect_tcp; -1: closed */
  char buf[16384];
  size_t off, len;         /* the unread bytes are buf[off, len) */
};

/* close the socket and drop what was buffered; the next reply starts clean */
void line_conn_close(struct line_conn *m);
/* send all of the string s */
int line_conn_send(struct line_conn *m, const char *s);
/* one line without its "\r\n" or "\n" into out (cap bytes with the NUL);
 * a line over AJAR_MAX_LINE or cap fails with AJAR_ETOOBIG */
int line_conn_read_line(struct line_conn *m, char *out, size_t cap);
/* exactly n bytes (a value after its header line) */
int line_conn_read_exact(struct line_conn *m, char *out, size_t n);

#endif
