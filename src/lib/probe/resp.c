/* The RESP2 framing guard in front of hiredis's reader.
 *
 * hiredis 0.14's reader trusts the lengths on the wire: a bulk length is
 * buffered whatever it says and an array count goes straight to calloc as
 * an int (CVE-2021-32765; the maxbulklen/maxelements caps came with
 * hiredis 1.0). So every byte the Redis probe reads passes this guard
 * first, which refuses a bulk over AJAR_MAX_RESPONSE, an array over
 * AJAR_MAX_REDIS_ARRAY, a line over AJAR_MAX_LINE and any RESP3 or
 * unknown type byte. It keeps no bytes but the current line. */
#include <stdlib.h>
#include "probe/resp.h"

void resp_guard_reset(struct resp_guard *r) {
  r->in_bulk = 0;
  r->bulk_left = 0;
  r->line_len = 0;
}

int resp_guard_feed(struct resp_guard *r, const char *p, size_t n) {
  size_t i = 0;
  while (i < n) {
    if (r->in_bulk) {
      size_t k = (size_t)r->bulk_left < n - i ? (size_t)r->bulk_left : n - i;
      r->bulk_left -= (int64_t)k;
      i += k;
      if (!r->bulk_left)
        r->in_bulk = 0;
      continue;
    }
    if (r->line_len >= sizeof r->line)
      return AJAR_EPROTO;
    r->line[r->line_len++] = p[i++];
    if (r->line[r->line_len - 1] == '\n') {
      char *end;
      long long v;
      if (r->line_len < 3 || r->line[r->line_len - 2] != '\r')
        return AJAR_EPROTO;
      r->line[r->line_len - 2] = 0;
      switch (r->line[0]) {
      case '+':
      case '-':
      case ':':
        break;
      case '$':
      case '*':
        v = strtoll(r->line + 1, &end, 10);
        if (end == r->line + 1 || *end || v < -1)
          return AJAR_EPROTO;
        if (r->line[0] == '$' && v > (long long)AJAR_MAX_RESPONSE)
          return AJAR_ETOOBIG;
        if (r->line[0] == '*' && v > AJAR_MAX_REDIS_ARRAY)
          return AJAR_ETOOBIG;
        if (r->line[0] == '$' && v >= 0) {
          r->in_bulk = 1;
          r->bulk_left = v + 2;
        }
        break;
      default: /* RESP3 (never asked for), or not RESP at all */
        return AJAR_EPROTO;
      }
      r->line_len = 0;
    }
  }
  return 0;
}
