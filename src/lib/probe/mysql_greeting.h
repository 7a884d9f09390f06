/* Internal: the MySQL greeting packet (mysql_greeting.c). */
#ifndef AJAR_PROBE_MYSQL_GREETING_H
#define AJAR_PROBE_MYSQL_GREETING_H

#include <stddef.h>
#include "probe/probe.h"

/* Connect, read the greeting, close. 0: a MySQL server (version set, may
 * be ""; *err_pkt 1 when it refused with an ERR packet, text in c->err);
 * AJAR_EPROTO: not MySQL; other codes: the connection failed. */
int mysql_greeting_read(struct ajar_conn *c, char *version, size_t vn, int *err_pkt);

#endif
