#!/usr/bin/env bash
# Side-by-side throughput on one corpus, in one run: the I/O floor (cat),
# ripgrep with an equivalent regex set (bench/rg-patterns-ascii.txt: the same
# set with the plate pattern as UTF-8 bytes, since --no-unicode refuses CJK), and ajar (-j1 and all cores).
# Prints MB/s, ratios to ajar -j1, and peak RSS. Not a test: nothing is
# asserted. Usage: [ROUNDS=N] bench/run.sh [SIZE_MB] (default 1024).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
corpus=bench/out/corpus-${size}.ndjson
mkdir -p bench/out
[ -f build/ajar ] || tools/build --pgo build >/dev/null
if [ ! -f "$corpus" ]; then
  python3 bench/gen_corpus.py "$corpus" --size-mb "$size" >&2
fi
bytes=$(stat -L -c %s "$corpus")
cat "$corpus" >/dev/null # warm the page cache
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

# Each round runs every tool once, so a busy spell on a shared machine
# hits them all alike; a tool's line is its best round (wall time) with
# that run's peak RSS. ROUNDS=3 unless set.
rounds=${ROUNDS:-3}
names=("cat > /dev/null")
cmds=("cat $corpus")
if command -v rg >/dev/null; then
  names+=("rg -c -f (ASCII, -j1)")
  cmds+=("rg -c -j1 --no-unicode -f bench/rg-patterns-ascii.txt $corpus")
fi
names+=("ajar files -j1" "ajar files -j$(nproc)")
cmds+=("build/ajar files -j1 $corpus" "build/ajar files -j$(nproc) $corpus")
declare -a best rss
for _ in $(seq "$rounds"); do
  for i in "${!cmds[@]}"; do
    # shellcheck disable=SC2086 # the command line is split on purpose
    /usr/bin/time -o "$tmp" -f '%e %M' ${cmds[$i]} >/dev/null 2>&1 || true
    out=$(tail -1 "$tmp")
    t=${out% *} m=${out#* }
    if [ -z "${best[$i]:-}" ] || awk "BEGIN{exit !($t < ${best[$i]})}"; then
      best[$i]=$t rss[$i]=$m
    fi
  done
done
results=$(for i in "${!cmds[@]}"; do printf '%s\t%s\t%s\n' "${names[$i]}" "${best[$i]}" "${rss[$i]}"; done)
base=$(printf '%s\n' "$results" | awk -F'\t' '$1=="ajar files -j1"{print $2}')
printf 'corpus: %s (%.0f MB), %s cores\n' "$corpus" "$(echo "$bytes/1000000" | bc -l)" "$(nproc)"
printf '%-26s %9s %10s %12s %12s\n' tool seconds MB/s "vs ajar -j1" "peak RSS MiB"
printf '%s\n' "$results" | while IFS=$'\t' read -r name secs rss; do
  awk -v n="$name" -v s="$secs" -v b="$bytes" -v base="$base" -v r="$rss" 'BEGIN{
    mbs = s > 0 ? b / 1e6 / s : 0
    printf "%-26s %9.2f %10.0f %11.2fx %12.1f\n", n, s, mbs, base / s, r / 1024 }'
done
