/* Fuzz target: the target, port-list and scope/exclude parsers
 * (scan/target.c). Each input is parsed as a spec, a netset entry and a
 * -p list; a parsed spec is walked for a few endpoints. Never resolves,
 * never connects. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ajar/ajar.h"
#include "scan/target.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *s = malloc(size + 1), err[AJAR_MAX_ERROR];
  struct tgt_spec spec;
  struct tgt_netset set;
  struct tgt_ports ports;
  static const uint16_t defaults[] = {9200, 5601, 0};
  if (!s)
    return 0;
  memcpy(s, data, size);
  s[size] = 0;
  if (!tgt_spec_parse(&spec, s, err, sizeof err))
    tgt_spec_clear(&spec);
  memset(&set, 0, sizeof set);
  tgt_netset_add(&set, s, 1, err, sizeof err);
  tgt_netset_clear(&set);
  tgt_ports_parse(&ports, s, err, sizeof err);
  {
    const char *one[1] = {s};
    struct tgt_list l;
    if (!tgt_list_init(&l, one, 1, NULL, NULL, 0, defaults, err, sizeof err)) {
      struct tgt_iter it;
      struct tgt_endpoint e;
      char name[512];
      int k = 0;
      tgt_iter_init(&it, &l);
      while (k++ < 64 && tgt_iter_next(&it, &e, NULL))
        tgt_endpoint_name(&e, name, sizeof name);
      tgt_list_clear(&l);
    }
  }
  free(s);
  return 0;
}
