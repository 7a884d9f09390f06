/* Internal: the RESP2 framing guard of the Redis probe (resp.c). */
#ifndef AJAR_PROBE_RESP_H
#define AJAR_PROBE_RESP_H

#include <stddef.h>
#include <stdint.h>
#include "probe/probe.h"

struct resp_guard {
  int in_bulk;
  int64_t bulk_left;    /* payload + CRLF still to pass */
  size_t line_len;
  char line[AJAR_MAX_LINE];
};

/* a new reply stream (a new connection) */
void resp_guard_reset(struct resp_guard *r);
/* Pass n bytes of a reply stream through the guard: 0, or AJAR_EPROTO
 * (not RESP2) / AJAR_ETOOBIG (a bulk or an array over its cap). */
int resp_guard_feed(struct resp_guard *r, const char *p, size_t n);

#endif
