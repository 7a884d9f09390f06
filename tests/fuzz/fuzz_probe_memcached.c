/* Fuzz target: memcached text protocol (probe_memcached.c): the version and stats lines, metadump lines (percent-decoded keys, key grouping), VALUE blocks and the records made of them.
 * The input is the peer's side of each connection (fuzz_probe.h). */
#include "fuzz_probe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  run_probe(&ajar_probe_memcached, data, size);
  return 0;
}
