/* Internal: test seams for the probe fuzz targets (tests/fuzz/fuzz_probe.h).
 * Both are NULL in ajar itself and nothing in src/ sets them; a fuzz
 * target sets them to hand the probes canned peer bytes, so every parser
 * of a probe (the protocol framing, the replies, the record building)
 * runs as in a scan, without a network.
 *
 * probe_test_connect: probe_connect_tcp (net.c) returns its answer
 * instead of connecting (*fd: a socket whose peer holds the bytes);
 * probe_test_http: get_once (http.c) calls it instead of curl; it sets
 * *status and the raw header block and body, which go through the same
 * header and body callbacks (and caps) as curl's; nonzero: cannot
 * connect. */
#ifndef AJAR_PROBE_TESTHOOK_H
#define AJAR_PROBE_TESTHOOK_H

#include <stddef.h>

struct ajar_conn;

extern int (*probe_test_connect)(struct ajar_conn *c, int *fd);
extern int (*probe_test_http)(struct ajar_conn *c, const char *path,
                              const char *post_body, long *status,
                              const char **headers, size_t *headers_len,
                              const char **body, size_t *body_len);

#endif
