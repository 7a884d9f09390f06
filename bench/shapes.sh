#!/usr/bin/env bash
# The benchmark family side by side: for every corpus shape of
# bench/gen_shapes.py, in one run, the I/O floor (cat), ripgrep counting
# every match of the regex half of ajar's detectors (--count-matches -j1,
# bench/rg-patterns-ascii.txt) and `ajar files -j1`. Prints MB/s per tool
# and shape, ajar's ratio to ripgrep, ajar's peak RSS, and a last line with
# the minimum over shapes. Not a test: nothing is asserted.
# MB/s is per CPU second (user + sys), the best round of each tool: on a
# shared machine other processes' load hides in wall time, not in CPU
# time. The wall-clock MB/s of the same rounds follows in brackets.
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

# run CMD...: the round with the least CPU time (user + sys): its CPU
# seconds, wall seconds and peak RSS (KiB)
best_of() {
  local best="" wall="" rss=""
  for _ in $(seq "$rounds"); do
    /usr/bin/time -o "$tmp" -f '%U %S %e %M' "$@" >/dev/null 2>&1 || true
    local u s e m c
    read -r u s e m < <(tail -1 "$tmp")
    c=$(awk -v u="$u" -v s="$s" 'BEGIN{print u + s}')
    if [ -z "$best" ] || awk "BEGIN{exit !($c < $best)}"; then best=$c wall=$e rss=$m; fi
  done
  printf '%s %s %s\n' "$best" "$wall" "$rss"
}

printf '%s cores, best of %s rounds, ajar = %s\n' "$(nproc)" "$rounds" "$ajar"
printf 'MB/s per CPU second (user+sys); [wall-clock MB/s of that round]\n'
printf '%-10s %5s %14s %14s %14s %8s %8s\n' shape MB "cat MB/s" "rg MB/s" "ajar MB/s" "ajar/rg" "RSS MiB"
summary=$(mktemp)
trap 'rm -f "$tmp" "$summary"' EXIT
for s in ${shapes//,/ }; do
  f=$(ls "$dir/$s".*)
  bytes=$(stat -L -c %s "$f")
  cat "$f" >/dev/null
  read -r tc wc _ < <(best_of cat "$f")
  read -r tr wr _ < <(best_of rg --count-matches -j1 --no-unicode -f bench/rg-patterns-ascii.txt "$f")
  read -r ta wa ra < <(best_of "$ajar" files -j1 "$f")
  awk -v s="$s" -v b="$bytes" -v tc="$tc" -v tr="$tr" -v ta="$ta" -v wc="$wc" -v wr="$wr" \
      -v wa="$wa" -v ra="$ra" 'function rate(t) { return t > 0 ? b / 1e6 / t : 0 }
    BEGIN{
    c = rate(tc); r = rate(tr); a = rate(ta) # cat may take under the 10 ms tick: 0
    printf "%-10s %5.0f %6.0f [%5.0f] %6.0f [%5.0f] %6.0f [%5.0f] %7.2fx %8.1f\n", s, b / 1e6,
           c, rate(wc), r, rate(wr), a, rate(wa), (r > 0 ? a / r : 0), ra / 1024
    printf "%s %f %f %f\n", s, a, (r > 0 ? a / r : 0), ra / 1024 >> "/dev/stderr" }' 2>>"$summary"
done
awk '{ if (min == "" || $2 < min) { min = $2; ms = $1 } if (mr == "" || $3 < mr) { mr = $3; rs = $1 }
       if ($4 > rss) rss = $4 }
     END { printf "minimum: ajar %.0f MB per CPU second (%s), ajar/rg %.2fx (%s), peak RSS %.1f MiB\n", min, ms, mr, rs, rss }' "$summary"
