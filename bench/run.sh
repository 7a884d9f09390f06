#!/usr/bin/env bash
# The benchmark: every corpus shape side by side with cat and ripgrep, in
# one run. Shapes: the bench corpus (bench/gen_corpus.py, SIZE_MB) and the
# benchmark family (bench/gen_shapes.py, FAMILY_MB each). Tools: the I/O
# floor (cat), ripgrep counting every match of ajar's patterns
# (--count-matches -j1 --no-unicode, bench/rg-patterns-ascii.txt, checked
# against ajar's own by tests/bench/check_rg_patterns.py), `ajar files -j1`
# and `ajar files -jN` (N = cores). Not a test: nothing is asserted.
#
# MB/s is per CPU second (user + sys, to the microsecond: bench/rusage.c)
# of each tool's best round (the least CPU): on a shared machine other
# processes' load hides in wall time, not in CPU time. The wall-clock MB/s
# of that round follows in brackets. ajar -jN is given in wall-clock MB/s
# (its best round): threads buy wall time, not CPU time. Peak RSS is the
# most over the rounds. The rounds run every tool once in turn, so a busy
# spell hits them alike. The last line: the minimum over shapes of ajar -j1
# MB/s and of ajar/rg, and the largest peak RSS. The load average before and
# after the run is printed beside the table.
# BEFORE=OTHER_AJAR adds that build's `files -j1` to every round and two
# columns, its MB per CPU second and ajar's ratio to it, for a before/after
# table from the same rounds (issue 15's closing note).
#
# Usage: [ROUNDS=3] [AJAR=build/ajar] [BEFORE=ajar] [FAMILY_MB=200] [OUT=bench/out]
#        [SHAPES=corpus,short,hexb64,cjk,widecsv,pretty,telemetry,logs,sqldump]
#        bench/run.sh [SIZE_MB]      (SIZE_MB: the bench corpus, default 1024)
# bench/shapes.sh runs the family alone. The corpora are generated once
# under OUT (corpus-SIZE.ndjson, shapes-FAMILY_MB/); a symlink there to
# corpora made elsewhere is read as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-${SIZE_MB:-1024}}
family_mb=${FAMILY_MB:-200}
out=${OUT:-bench/out}
ajar=${AJAR:-build/ajar}
rounds=${ROUNDS:-3}
shapes=${SHAPES:-corpus,short,hexb64,cjk,widecsv,pretty,telemetry,logs,sqldump}
jobs=$(nproc)
[ -x "$ajar" ] || tools/build --pgo build >/dev/null

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/rusage" bench/rusage.c

mkdir -p "$out"
files=()
for s in ${shapes//,/ }; do
  if [ "$s" = corpus ]; then
    f=$out/corpus-$size.ndjson
    [ -f "$f" ] || python3 bench/gen_corpus.py "$f" --size-mb "$size" >&2
  else
    mkdir -p "$out/shapes-$family_mb"
    ls "$out/shapes-$family_mb/$s".* >/dev/null 2>&1 ||
      python3 bench/gen_shapes.py "$out/shapes-$family_mb" --size-mb "$family_mb" --shapes "$s" >&2
    f=$(ls "$out/shapes-$family_mb/$s".*)
  fi
  files+=("$f")
done

before=${BEFORE:-}
names=(cat rg ajar1 ajarN)
[ -z "$before" ] || names+=(ajar0)
have_rg=1
command -v rg >/dev/null || have_rg=0
# cmd TOOL FILE: the command line of TOOL on FILE
cmd() {
  case $1 in
    cat) echo "cat $2" ;;
    rg) echo "rg --count-matches -j1 --no-unicode -f bench/rg-patterns-ascii.txt $2" ;;
    ajar1) echo "$ajar files -j1 $2" ;;
    ajarN) echo "$ajar files -j$jobs $2" ;;
    ajar0) echo "$before files -j1 $2" ;;
  esac
}

printf 'load average before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s cores, best of %s rounds, ajar = %s%s\n' "$jobs" "$rounds" "$ajar" "${before:+, before = $before}"
printf 'MB/s per CPU second (user+sys) [wall-clock MB/s of that round]; ajar -j%s: wall-clock MB/s\n' "$jobs"
hdr=$(printf '%-10s %5s %14s %14s %14s %8s %8s %10s %8s' shape MB "cat MB/s" "rg MB/s" "ajar -j1 MB/s" \
  "ajar/rg" "RSS MiB" "-j$jobs MB/s" "RSS MiB")
[ -z "$before" ] || hdr+=$(printf ' %12s %8s' "before MB/s" "/before")
printf '%s\n' "$hdr"
failed=0
i=0
for s in ${shapes//,/ }; do
  f=${files[$i]}
  i=$((i + 1))
  bytes=$(stat -L -c %s "$f")
  cat "$f" >/dev/null # warm the page cache
  : >"$tmp/runs"
  for _ in $(seq "$rounds"); do
    for t in "${names[@]}"; do
      [ "$t" = rg ] && [ $have_rg = 0 ] && continue
      # shellcheck disable=SC2046 # the command line is split on purpose
      read -r u sy w m x < <("$tmp/rusage" $(cmd "$t" "$f"))
      # rg exits 1 when nothing matched; anything else is a failure
      if [ "$x" != 0 ] && ! { [ "$t" = rg ] && [ "$x" = 1 ]; }; then
        echo "run.sh: $(cmd "$t" "$f") exited $x" >&2
        failed=1
      fi
      echo "$t $u $sy $w $m" >>"$tmp/runs"
    done
  done
  awk -v s="$s" -v b="$bytes" -v sum="$tmp/summary" -v before="$before" '
    { c = $2 + $3
      if (!($1 in cpu) || c < cpu[$1]) { cpu[$1] = c; wall[$1] = $4 }
      if (!($1 in bw) || $4 < bw[$1]) bw[$1] = $4
      if ($5 > rss[$1]) rss[$1] = $5 }
    function rate(t) { return t > 0 ? b / 1e6 / t : 0 }
    END {
      a = rate(cpu["ajar1"]); r = ("rg" in cpu) ? rate(cpu["rg"]) : 0
      printf "%-10s %5.0f %6.0f [%5.0f] %6.0f [%5.0f] %6.0f [%5.0f] %7.2fx %8.1f %10.0f %8.1f", s, b / 1e6,
        rate(cpu["cat"]), rate(wall["cat"]), r, rate(wall["rg"]), a, rate(wall["ajar1"]),
        (r > 0 ? a / r : 0), rss["ajar1"] / 1024, rate(bw["ajarN"]), rss["ajarN"] / 1024
      if (before != "") printf " %12.0f %7.2fx", rate(cpu["ajar0"]), a / rate(cpu["ajar0"])
      printf "\n"
      printf "%s %f %f %f %f %f\n", s, a, (r > 0 ? a / r : 0), rss["ajar1"] / 1024, rss["ajarN"] / 1024,
        rate(cpu["ajar0"]) >> sum
    }' "$tmp/runs"
done
awk -v jobs="$jobs" -v before="$before" '
  { if (n++ == 0 || $2 < min) { min = $2; ms = $1 }
    if (n == 1 || $6 < min0) { min0 = $6; ms0 = $1 }
    if ($3 > 0 && (mr == "" || $3 < mr)) { mr = $3; rs = $1 }
    if ($4 > r1) { r1 = $4; r1s = $1 }
    if ($5 > rn) { rn = $5; rns = $1 } }
  END { printf "minimum over %d shapes: ajar -j1 %.0f MB per CPU second (%s), ajar/rg %.2fx (%s); ", n, min, ms, mr, rs
        printf "largest peak RSS: -j1 %.1f MiB (%s), -j%s %.1f MiB (%s)", r1, r1s, jobs, rn, rns
        if (before != "") printf "; before: %.0f MB per CPU second (%s)", min0, ms0
        printf "\n" }' "$tmp/summary"
printf 'load average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
exit $failed
