/* Base64 (RFC 4648, the standard alphabet, padded), for gateways that carry
 * bytes as base64 in JSON (etcd's grpc-gateway). */
#include <stdlib.h>
#include <string.h>
#include "probe/base64.h"

static const char b64c[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

char *base64_encode(const unsigned char *s, size_t n) {
  char *out = malloc((n + 2) / 3 * 4 + 1), *o = out;
  size_t i;
  if (!out)
    return NULL;
  for (i = 0; i + 2 < n; i += 3) {
    unsigned v = (unsigned)s[i] << 16 | (unsigned)s[i + 1] << 8 | s[i + 2];
    *o++ = b64c[v >> 18];
    *o++ = b64c[(v >> 12) & 63];
    *o++ = b64c[(v >> 6) & 63];
    *o++ = b64c[v & 63];
  }
  if (i < n) {
    unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0);
    *o++ = b64c[v >> 18];
    *o++ = b64c[(v >> 12) & 63];
    *o++ = i + 1 < n ? b64c[(v >> 6) & 63] : '=';
    *o++ = '=';
  }
  *o = 0;
  return out;
}

unsigned char *base64_decode(const char *s, size_t *n) {
  size_t len = strlen(s), k = 0, i;
  unsigned char *out = malloc(len / 4 * 3 + 4);
  unsigned v = 0;
  int bits = 0;
  if (!out)
    return NULL;
  for (i = 0; i < len && s[i] != '='; i++) {
    const char *p = memchr(b64c, s[i], 64);
    if (!p || !s[i]) {
      free(out);
      return NULL;
    }
    v = v << 6 | (unsigned)(p - b64c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[k++] = (unsigned char)(v >> bits);
    }
  }
  out[k] = 0;
  *n = k;
  return out;
}
