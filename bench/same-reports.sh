#!/usr/bin/env bash
# Same results after a speed change: runs two ajar binaries on every file
# under the given paths (`ajar files -j1 -f json FILE`, and --reveal so
# that examples are compared whole) and compares the JSON reports with
# the run's timestamps removed. Prints one line per file that differs and
# a summary; exit 1 when any report differs, 2 when a binary is missing.
# Usage: bench/same-reports.sh OLD_AJAR NEW_AJAR PATH...
#   e.g. bench/same-reports.sh /work/wt/base/build/ajar build/ajar \
#          examples bench/out/shapes-8
# Not a test: the accuracy corpora and the benchmark family are
# generated (tests/accuracy/README.md, bench/gen_shapes.py) and too big
# for ctest.
set -uo pipefail
[ $# -ge 3 ] || { echo "usage: $0 OLD_AJAR NEW_AJAR PATH..." >&2; exit 2; }
old=$1 new=$2
shift 2
for b in "$old" "$new"; do
  [ -x "$b" ] || { echo "$0: $b: not an executable" >&2; exit 2; }
done
command -v jq >/dev/null || { echo "$0: needs jq" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

strip='del(.started_at, .finished_at)'
n=0 bad=0
while IFS= read -r -d '' f; do
  n=$((n + 1))
  "$old" files -j1 -f json --reveal "$f" 2>"$tmp/old.err" | jq -S "$strip" >"$tmp/old.json" 2>/dev/null
  "$new" files -j1 -f json --reveal "$f" 2>"$tmp/new.err" | jq -S "$strip" >"$tmp/new.json" 2>/dev/null
  if ! cmp -s "$tmp/old.json" "$tmp/new.json" || ! cmp -s "$tmp/old.err" "$tmp/new.err"; then
    bad=$((bad + 1))
    printf 'DIFFERS %s\n' "$f"
    diff -u "$tmp/old.json" "$tmp/new.json" | sed -n '3,40p'
    diff -u "$tmp/old.err" "$tmp/new.err" | sed -n '3,10p'
  fi
done < <(find "$@" -type f ! -name labels.json -print0 | sort -z)
printf '%d file(s) compared, %d differ\n' "$n" "$bad"
[ "$bad" = 0 ]
