/* The pseudo-random order of a scan and its shards (order.h). */
#include <stdlib.h>
#include <string.h>
#include "ajar/ajar.h"
#include "scan/order.h"

static uint64_t mix(uint64_t x) { /* splitmix64's finaliser */
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

int scan_order_init(struct scan_order *o, const struct tgt_list *l,
                    uint64_t key, uint32_t shard_k, uint32_t shard_n) {
  size_t i;
  unsigned bits = 2;
  memset(o, 0, sizeof *o);
  if (!shard_n)
    shard_n = shard_k = 1;
  if (shard_k < 1 || shard_k > shard_n)
    return AJAR_EINVAL;
  o->l = l;
  if (!(o->starts = malloc((l->n + 1) * sizeof *o->starts)))
    return AJAR_ENOMEM;
  for (i = 0; i < l->n; i++) {
    uint64_t k = tgt_spec_endpoints(l, i);
    o->starts[i] = o->total;
    if (o->total + k < o->total || o->total + k > (1ull << 62))
      return AJAR_ETOOBIG;
    o->total += k;
  }
  o->starts[l->n] = o->total;
  while (bits < 62 && (1ull << bits) < o->total)
    bits++;
  o->half = (bits + 1) / 2;
  for (i = 0; i < 4; i++)
    o->keys[i] = mix(key + i * 0x632be59bd9b4e019ull);
  o->pos = shard_k - 1;
  o->step = shard_n;
  return 0;
}

void scan_order_clear(struct scan_order *o) {
  free(o->starts);
  memset(o, 0, sizeof *o);
}

uint64_t scan_order_count(const struct scan_order *o) {
  uint64_t first = o->step ? o->pos % o->step : 0;
  return o->total > first ? (o->total - first + o->step - 1) / o->step : 0;
}

/* the Feistel bijection of [0, 2^(2*half)) */
static uint64_t feistel(const struct scan_order *o, uint64_t x) {
  uint64_t mask = (1ull << o->half) - 1, l = x >> o->half, r = x & mask;
  int round;
  for (round = 0; round < 4; round++) {
    uint64_t t = l ^ (mix(r ^ o->keys[round]) & mask);
    l = r;
    r = t;
  }
  return (l << o->half) | r;
}

uint64_t scan_order_at(const struct scan_order *o, uint64_t i) {
  uint64_t y = feistel(o, i);
  while (y >= o->total) /* cycle walking: ends, i's cycle holds i < total */
    y = feistel(o, y);
  return y;
}

int scan_order_next(struct scan_order *o, struct tgt_endpoint *e,
                    uint64_t *skipped) {
  while (o->pos < o->total) {
    uint64_t n = scan_order_at(o, o->pos);
    size_t lo = 0, hi = o->l->n; /* the spec holding endpoint n */
    o->pos += o->step;
    while (hi - lo > 1) {
      size_t mid = (lo + hi) / 2;
      if (o->starts[mid] <= n)
        lo = mid;
      else
        hi = mid;
    }
    if (!tgt_spec_endpoint(o->l, lo, n - o->starts[lo], e))
      return 1;
    if (skipped)
      ++*skipped;
  }
  return 0;
}
