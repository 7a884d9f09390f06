/* The MySQL/MariaDB greeting (the initial handshake packet, protocol 10),
 * read on a connection of our own without logging in: the server speaks
 * first, so a version comes before libmariadb is handed anything. The
 * packet is capped at 1 KiB (no greeting is longer), its version must be
 * printable ASCII of at most 60 bytes, and an ERR packet instead of a
 * greeting (too many connections, a blocked host) is told apart. */
#include <stdio.h>
#include <unistd.h>
#include "probe/mysql_greeting.h"

int mysql_greeting_read(struct ajar_conn *c, char *version, size_t vn, int *err_pkt) {
  unsigned char buf[1024];
  size_t have = 0, got, len, i;
  int fd, rc = probe_connect_tcp(c, &fd);
  *err_pkt = 0;
  version[0] = 0;
  if (rc)
    return rc;
  while (have < 4 || have < 4 + (size_t)(buf[0] | buf[1] << 8 | buf[2] << 16)) {
    if ((rc = probe_recv(c, fd, buf + have, sizeof buf - have, &got)))
      break;
    if (!got) {
      rc = AJAR_EPROTO;
      break;
    }
    have += got;
    if (have >= 4 && (size_t)(buf[0] | buf[1] << 8 | buf[2] << 16) > sizeof buf - 4) {
      rc = AJAR_EPROTO; /* no greeting is that long */
      break;
    }
  }
  close(fd);
  if (rc)
    return rc;
  len = (size_t)(buf[0] | buf[1] << 8 | buf[2] << 16);
  if (buf[3] != 0 || len < 3)
    return AJAR_EPROTO;
  if (buf[4] == 0xff) { /* ERR: code, then "#HY000"-style state or the text */
    unsigned code = buf[5] | buf[6] << 8;
    if (code < 1000 || code > 5000)
      return AJAR_EPROTO;
    *err_pkt = 1;
    snprintf(c->err, sizeof c->err, "the server refused: %.*s", (int)(len - 3),
             (const char *)buf + 7);
    return 0;
  }
  if (buf[4] != 10)
    return AJAR_EPROTO;
  /* version, NUL, 4-byte thread id, 8 bytes of salt, a 0 filler */
  for (i = 5; i < 4 + len && buf[i]; i++)
    if (buf[i] < 0x20 || buf[i] > 0x7e)
      return AJAR_EPROTO;
  if (i == 5 || i - 5 > 60 || i + 14 > 4 + len || buf[i + 13] != 0)
    return AJAR_EPROTO;
  snprintf(version, vn, "%.*s", (int)(i - 5), (const char *)buf + 5);
  return 0;
}
