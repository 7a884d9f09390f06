/* Internal: base64 for the probes (base64.c). */
#ifndef AJAR_PROBE_BASE64_H
#define AJAR_PROBE_BASE64_H

#include <stddef.h>

/* n bytes of s encoded, NUL-terminated (free it); NULL: no memory */
char *base64_encode(const unsigned char *s, size_t n);
/* decoded bytes, NUL-terminated (free it), *n their length; NULL on bad
 * input or no memory */
unsigned char *base64_decode(const char *s, size_t *n);

#endif
