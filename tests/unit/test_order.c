/* scan/order.c: the scan order is a permutation of the target space, and
 * the N shards are disjoint and together the whole. */
#include <stdlib.h>
#include <string.h>
#include "ajar/ajar.h"
#include "scan/order.h"
#include "unit.h"

static const uint16_t defaults[] = {9200, 5601, 0};

/* every endpoint number the shards give, counted per number */
static void check_shards(const char *const *t, size_t n, const char *ports,
                         const char *const *ex, size_t nex, uint32_t shards) {
  struct tgt_list l;
  char err[AJAR_MAX_ERROR];
  unsigned *seen;
  uint64_t total, got = 0, skipped = 0, i, k;
  CHECK(!tgt_list_init(&l, t, n, ports, ex, nex, defaults, err, sizeof err));
  total = tgt_list_total(&l);
  seen = calloc(total, sizeof *seen);
  for (k = 1; k <= shards; k++) {
    struct scan_order o;
    struct tgt_endpoint e;
    uint64_t in_shard = 0, shard_skipped = 0;
    CHECK(!scan_order_init(&o, &l, 42, (uint32_t)k, shards));
    while (scan_order_next(&o, &e, &shard_skipped)) {
      /* the endpoint's number, from its spec, address and port */
      struct tgt_endpoint back;
      size_t s = (size_t)(e.spec - l.specs);
      uint64_t base = 0, num = (uint64_t)-1, j, per = tgt_spec_endpoints(&l, s);
      for (j = 0; j < s; j++)
        base += tgt_spec_endpoints(&l, j);
      for (j = 0; j < per; j++) {
        tgt_spec_endpoint(&l, s, j, &back);
        if (back.port == e.port && !memcmp(&back.addr, &e.addr, sizeof e.addr)) {
          num = base + j;
          break;
        }
      }
      CHECKF(num < total, "shard %u/%u gave an endpoint of no number", (unsigned)k, shards);
      if (num < total)
        seen[num]++;
      in_shard++;
    }
    CHECKF(in_shard + shard_skipped == scan_order_count(&o),
           "shard %u/%u: %llu + %llu skipped != %llu", (unsigned)k, shards,
           (unsigned long long)in_shard, (unsigned long long)shard_skipped,
           (unsigned long long)scan_order_count(&o));
    got += in_shard;
    skipped += shard_skipped;
    scan_order_clear(&o);
  }
  CHECKF(got + skipped == total, "%u shards: %llu + %llu != %llu", shards,
         (unsigned long long)got, (unsigned long long)skipped,
         (unsigned long long)total);
  for (i = 0; i < total; i++) {
    struct tgt_endpoint e;
    uint64_t base = 0;
    size_t s = 0;
    while (base + tgt_spec_endpoints(&l, s) <= i)
      base += tgt_spec_endpoints(&l, s++);
    if (tgt_spec_endpoint(&l, s, i - base, &e))
      CHECKF(seen[i] == 0, "excluded endpoint %llu scanned", (unsigned long long)i);
    else
      CHECKF(seen[i] == 1, "%u shards: endpoint %llu seen %u times", shards,
             (unsigned long long)i, seen[i]);
  }
  free(seen);
  tgt_list_clear(&l);
}

void test_order(void) {
  const char *one[] = {"10.0.0.1:80"};
  const char *net[] = {"10.0.0.0/28"};
  const char *mixed[] = {"10.0.0.0/30", "db.example", "10.1.0.0/29", "[::1]:9"};
  const char *ex[] = {"10.1.0.3", "db.example"};
  const char *big[] = {"10.0.0.0/24"};
  struct tgt_list l;
  struct scan_order o;
  struct tgt_endpoint prev, e;
  char err[AJAR_MAX_ERROR];
  uint64_t t, i, same_host = 0, adjacent = 0, n = 0;
  uint32_t shards;

  /* a bijection of [0, total) for every size up to 300 */
  for (t = 1; t <= 300; t++) {
    char ports[16];
    unsigned char *hit = calloc(t, 1);
    int ok = 1;
    const char *host[] = {"10.0.0.1"};
    snprintf(ports, sizeof ports, "1-%u", (unsigned)t);
    CHECK(!tgt_list_init(&l, host, 1, ports, NULL, 0, defaults, err, sizeof err));
    CHECK(!scan_order_init(&o, &l, 7, 1, 1));
    CHECK(o.total == t);
    for (i = 0; i < t; i++) {
      uint64_t y = scan_order_at(&o, i);
      if (y >= t || hit[y]++)
        ok = 0;
    }
    CHECKF(ok, "not a permutation of [0, %llu)", (unsigned long long)t);
    scan_order_clear(&o);
    tgt_list_clear(&l);
    free(hit);
  }

  /* shards: disjoint, their union the whole, exclusions skipped */
  for (shards = 1; shards <= 5; shards++) {
    check_shards(one, 1, NULL, NULL, 0, shards);
    check_shards(net, 1, "1,2,3", NULL, 0, shards);
    check_shards(mixed, 4, "80,443", ex, 2, shards);
  }
  check_shards(big, 1, "9200,5432,6379", NULL, 0, 7);

  /* K outside 1..N is refused */
  CHECK(!tgt_list_init(&l, net, 1, "1", NULL, 0, defaults, err, sizeof err));
  CHECK(scan_order_init(&o, &l, 1, 0, 3) == AJAR_EINVAL);
  scan_order_clear(&o);
  CHECK(scan_order_init(&o, &l, 1, 4, 3) == AJAR_EINVAL);
  scan_order_clear(&o);
  tgt_list_clear(&l);

  /* pseudo-random over hosts: a /24 on three ports is not walked in
   * order, and consecutive endpoints rarely share a host */
  CHECK(!tgt_list_init(&l, big, 1, "9200,5432,6379", NULL, 0, defaults, err, sizeof err));
  CHECK(!scan_order_init(&o, &l, 99, 1, 1));
  while (scan_order_next(&o, &e, NULL)) {
    if (n) {
      same_host += !memcmp(&prev.addr, &e.addr, sizeof e.addr);
      adjacent += prev.port == e.port && e.addr.a[3] == (uint8_t)(prev.addr.a[3] + 1);
    }
    prev = e;
    n++;
  }
  CHECK(n == 768);
  CHECKF(same_host < 768 / 20, "%llu of 767 steps stay on a host", (unsigned long long)same_host);
  CHECKF(adjacent < 768 / 20, "%llu of 767 steps go to the next address", (unsigned long long)adjacent);
  scan_order_clear(&o);
  tgt_list_clear(&l);
}
