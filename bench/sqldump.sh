#!/usr/bin/env bash
# SQL dumps against NDJSON: `ajar files` on the same rows written as NDJSON,
# as a mysqldump-style dump (extended INSERTs) and as a pg_dump-style dump
# (COPY), generated deterministically by bench/gen_sqldump.py. Prints per
# size and input: MiB, the best wall time of ROUNDS runs and its CPU time
# (user + system: on a busy shared machine the fairer measure), MiB/s of
# both and the peak RSS, with -j1 and with the default threads (THREADS
# to choose); peak RSS must stay flat
# from the small size to the large one (a dump is streamed, never held).
# Not a test: nothing is asserted.
# Usage: bench/sqldump.sh [SIZE_MB...]   (default: 100 1024)
# Env: AJAR_BIN (default build/ajar), ROUNDS (3), THREADS ("1 default"),
# BENCH_DIR (/tmp/ajar-bench-sql;
# the generated files are kept there and reused).
set -euo pipefail
cd "$(dirname "$0")/.."
ajar=${AJAR_BIN:-build/ajar}
rounds=${ROUNDS:-3}
dir=${BENCH_DIR:-/tmp/ajar-bench-sql}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1024)
[ -x "$ajar" ] || tools/build build >/dev/null
mkdir -p "$dir"
tf=$(mktemp)
trap 'rm -f "$tf"' EXIT
printf '%-6s %-10s %-8s %8s %8s %8s %9s %11s %13s\n' size input threads MiB wall_s cpu_s MiB/s MiB/cpu_s peak_rss_MiB
for s in "${sizes[@]}"; do
  p="$dir/rows-$s"
  [ -f "$p.pg.sql" ] || python3 bench/gen_sqldump.py "$p" --size-mb "$s"
  for kind in ndjson mysql.sql pg.sql; do
    f="$p.$kind"
    mib=$(stat -c %s "$f" | awk '{ printf "%.1f", $1 / 1048576 }')
    for j in ${THREADS:-1 default}; do
      jarg=()
      [ "$j" = default ] || jarg=(-j "$j")
      best="" cpu="" rss=0
      for _ in $(seq "$rounds"); do
        /usr/bin/time -o "$tf" -f '%e %U %S %M' "$ajar" files "${jarg[@]}" -f json -o /dev/null "$f" \
          >/dev/null 2>&1 || true # exit 1 or 2 is not a failure of the timing
        read -r wall u sy m < <(tail -1 "$tf")
        if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
          best=$wall
          cpu=$(awk -v u="$u" -v s="$sy" 'BEGIN { print u + s }')
        fi
        [ "$m" -gt "$rss" ] && rss=$m
      done
      awk -v s="$s" -v k="$kind" -v j="$j" -v mib="$mib" -v w="$best" -v c="$cpu" -v m="$rss" 'BEGIN {
        printf "%-6s %-10s %-8s %8.1f %8.2f %8.2f %9.1f %11.1f %13.1f\n", s, k, j, mib, w, c,
          (w > 0 ? mib / w : 0), (c > 0 ? mib / c : 0), m / 1024 }'
    done
  done
done
