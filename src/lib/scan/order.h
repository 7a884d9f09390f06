/* Internal: the order endpoints are scanned in, and shards.
 *
 * The endpoints of a target list are numbered 0..total-1 (spec by spec,
 * addresses varying fastest). A scan visits them in a pseudo-random
 * order: position i of the scan is endpoint perm(i), where perm is a
 * keyed bijection of [0, 2^b) (a 4-round Feistel network, 2^b >= total)
 * walked until it lands below total ("cycle walking"). Nothing is stored
 * per endpoint: memory is constant (plus one number per spec), as zmap's
 * walk of a cyclic group is. Consecutive positions land on unrelated
 * addresses, so the connections a host sees are spread over the scan.
 *
 * Shard K of N takes the positions i = K-1, K-1+N, K-1+2N, ...: the N
 * shards are disjoint and together are every position, hence (perm being
 * a bijection) every endpoint exactly once, whatever the key. */
#ifndef AJAR_SCAN_ORDER_H
#define AJAR_SCAN_ORDER_H

#include <stdint.h>
#include "scan/target.h"

struct scan_order {
  const struct tgt_list *l;
  uint64_t *starts;     /* starts[i]: number of spec i's first endpoint */
  uint64_t total;       /* endpoints of the list */
  uint64_t pos, step;   /* the next position of this shard; N */
  unsigned half;        /* bits of each Feistel half */
  uint64_t keys[4];
};

/* shard_k in 1..shard_n (shard_n 0 or 1: the whole list). 0 or
 * AJAR_ENOMEM / AJAR_EINVAL. */
int scan_order_init(struct scan_order *o, const struct tgt_list *l,
                    uint64_t key, uint32_t shard_k, uint32_t shard_n);
void scan_order_clear(struct scan_order *o);
/* endpoints of this shard, excluded ones included */
uint64_t scan_order_count(const struct scan_order *o);
/* the endpoint number at scan position i (< total) */
uint64_t scan_order_at(const struct scan_order *o, uint64_t i);
/* The shard's next endpoint that is not excluded: 1, or 0 at the end;
 * *skipped counts the excluded ones passed over. */
int scan_order_next(struct scan_order *o, struct tgt_endpoint *e,
                    uint64_t *skipped);

#endif
