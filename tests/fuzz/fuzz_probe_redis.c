/* Fuzz target: Redis replies (probe_redis.c): every byte through the probe's RESP framing guard and hiredis's redisReader as the probe feeds it, then INFO parsing, SCAN key grouping, the type-by-type record building (strings, hashes, sets, lists, sorted sets, streams).
 * The input is the peer's side of each connection (fuzz_probe.h). */
#include "fuzz_probe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  run_probe(&ajar_probe_redis, data, size);
  return 0;
}
