#!/usr/bin/env bash
# The benchmark family side by side: for every corpus shape of
# bench/gen_shapes.py, in one run, the I/O floor (cat), ripgrep counting
# every match of the regex half of ajar's detectors (--count-matches -j1,
# bench/rg-patterns-ascii.txt) and `ajar files -j1`. Prints MB/s per tool
# and shape, ajar's ratio to ripgrep, ajar's peak RSS, and a last line with
# the minimum over shapes. Not a test: nothing is asserted.
# Usage: [ROUNDS=3] [SHAPES=a,b] [AJAR=build/ajar] bench/shapes.sh [SIZE_MB] (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-200}
dir=bench/out/shapes-$size
ajar=${AJAR:-build/ajar}
[ -x "$ajar" ] || tools/build --pgo build >/dev/null
shapes=${SHAPES:-short,hexb64,cjk,widecsv,pretty,telemetry,logs,sqldump}
mkdir -p "$dir"
for s in ${shapes//,/ }; do
  ls "$dir/$s".* >/dev/null 2>&1 || python3 bench/gen_shapes.py "$dir" --size-mb "$size" --shapes "$s" >&2
done
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
rounds=${ROUNDS:-3}

# run NAME CMD...: best wall time over the rounds, with that run's peak RSS (KiB)
best_of() {
  local best="" rss=""
  for _ in $(seq "$rounds"); do
    /usr/bin/time -o "$tmp" -f '%e %M' "$@" >/dev/null 2>&1 || true
    local out t m
    out=$(tail -1 "$tmp"); t=${out% *}; m=${out#* }
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t rss=$m; fi
  done
  printf '%s %s\n' "$best" "$rss"
}

printf '%s cores, best of %s rounds, ajar = %s\n' "$(nproc)" "$rounds" "$ajar"
printf '%-10s %7s %9s %9s %9s %9s %9s\n' shape MB "cat MB/s" "rg MB/s" "ajar MB/s" "ajar/rg" "RSS MiB"
summary=$(mktemp)
trap 'rm -f "$tmp" "$summary"' EXIT
for s in ${shapes//,/ }; do
  f=$(ls "$dir/$s".*)
  bytes=$(stat -L -c %s "$f")
  cat "$f" >/dev/null
  read -r tc _ < <(best_of cat "$f")
  read -r tr _ < <(best_of rg --count-matches -j1 --no-unicode -f bench/rg-patterns-ascii.txt "$f")
  read -r ta ra < <(best_of "$ajar" files -j1 "$f")
  awk -v s="$s" -v b="$bytes" -v tc="$tc" -v tr="$tr" -v ta="$ta" -v ra="$ra" 'BEGIN{
    mb = b / 1e6; c = tc > 0 ? mb / tc : 0; r = tr > 0 ? mb / tr : 0; a = ta > 0 ? mb / ta : 0
    printf "%-10s %7.0f %9.0f %9.0f %9.0f %8.2fx %9.1f\n", s, mb, c, r, a, (r > 0 ? a / r : 0), ra / 1024 }' | tee -a "$summary"
done
awk '{ if (min == "" || $5 < min) { min = $5; ms = $1 } if (mr == "" || $6 + 0 < mr) { mr = $6 + 0; rs = $1 }
       if ($7 > rss) rss = $7 }
     END { printf "minimum: ajar %.0f MB/s (%s), ajar/rg %.2fx (%s), peak RSS %.1f MiB\n", min, ms, mr, rs, rss }' "$summary"
