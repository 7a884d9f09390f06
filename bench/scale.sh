#!/usr/bin/env bash
# Scale: `ajar scan` over 127.0.0.0/16, /14 and /12 (65,536 to 1,048,576
# addresses, all loopback) on one closed port, so every endpoint is a
# connect that is refused at once: what is measured is the engine (target
# iterator, scheduler, per-endpoint setup and teardown), not a network.
# Prints targets, wall seconds, targets per second and peak RSS per size,
# so that growth is visible: RSS must stay flat (targets are iterated
# lazily, never held), the rate steady. Not a test: nothing is asserted.
# Usage: bench/scale.sh [-c CONCURRENCY] [PREFIX...]   (default -c 64;
# prefixes 16 14 12). AJAR_BIN overrides build/ajar. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
conc=64
if [ "${1:-}" = "-c" ]; then conc=$2; shift 2; fi
prefixes=("$@")
[ ${#prefixes[@]} -gt 0 ] || prefixes=(16 14 12)
ajar=${AJAR_BIN:-build/ajar}
[ -x "$ajar" ] || tools/build build >/dev/null
port=1 # closed on loopback: refused at once
printf '%-16s %10s %10s %12s %14s\n' range targets wall_s targets/s peak_rss_MiB
for p in "${prefixes[@]}"; do
  n=$((1 << (32 - p)))
  tf=$(mktemp)
  /usr/bin/time -o "$tf" -f '%e %M' "$ajar" scan "127.0.0.0/$p" -p "$port" \
    -c "$conc" --connect-timeout 1s --no-progress -f json -o /dev/null \
    >/dev/null 2>&1 || true # exit 3: nothing answered, as expected
  out=$(tail -1 "$tf"); rm -f "$tf"
  wall=${out% *} rss=${out#* }
  awk -v r="127.0.0.0/$p" -v n="$n" -v w="$wall" -v m="$rss" 'BEGIN {
    printf "%-16s %10d %10.1f %12.0f %14.1f\n", r, n, w, (w > 0 ? n / w : 0), m / 1024 }'
done
