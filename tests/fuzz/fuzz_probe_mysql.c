/* Fuzz target: the MySQL/MariaDB greeting (probe_mysql.c): a protocol-10 handshake or an error packet, framed by its 3-byte length; the login that follows is refused by the scope.
 * The input is the peer's side of each connection (fuzz_probe.h). */
#include "fuzz_probe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  run_probe(&ajar_probe_mysql, data, size);
  return 0;
}
