#!/usr/bin/env bash
# Build build-fuzz (clang, libFuzzer, ASan+UBSan) and run every fuzz target
# for SECONDS each (default 60): `bench/fuzz.sh 600` is ten minutes a target.
# Targets run two at a time (JOBS=n to change); pass target names after the
# time to run only those. Each run starts from the saved corpus and a scratch
# copy of it (new finds go to build-fuzz/corpus/<target>, not the repo);
# crashes, leaks, timeouts and OOMs are saved under tests/fuzz/crashes/<target>/.
# Once fixed, move a crash into tests/fuzz/corpus/<target>/ as regress-*.
set -uo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}; shift || true
jobs=${JOBS:-2}
CC=clang tools/build build-fuzz -DAJAR_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang || exit 1
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in build-fuzz/tests/fuzz_*; do
    [ -x "$f" ] && targets+=("$(basename "$f")")
  done
fi
root=$PWD
run_one() {
  local t=$1 out=build-fuzz/fuzz-logs/$1.log
  local crashes=$root/tests/fuzz/crashes/$t work=$root/build-fuzz/corpus/$t
  mkdir -p "$crashes" "$work" build-fuzz/fuzz-logs
  # dict-free, bounded: 512 MB RSS, 10 s per input; inputs up to 64 KiB,
  # files up to 16 KiB (four of the fuzz tree's 4 KiB read chunks: the
  # work is per record, and bigger files only repeat it)
  local max_len=65536
  case $t in fuzz_*_file) max_len=16384 ;; esac
  build-fuzz/tests/"$t" "$work" "tests/fuzz/corpus/$t" \
    -max_total_time="$secs" -max_len=$max_len -rss_limit_mb=512 -timeout=10 \
    -artifact_prefix="$crashes/" -print_final_stats=1 >"$out" 2>&1
  local rc=$? execs rate result
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$out" | tail -1)
  if [ $rc -eq 0 ]; then
    result=ok
  else
    result="FAILED (rc $rc): $(grep -m1 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$out")"
    result="$result; see $out and $(ls -t "$crashes" 2>/dev/null | head -1)"
  fi
  rmdir "$crashes" 2>/dev/null
  printf '%-22s %12s execs %8s/s  %s\n' "$t" "${execs:-?}" "${rate:-?}" "$result"
  [ $rc -eq 0 ]
}
status=0
running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ $running -ge "$jobs" ]; then
    wait -n || status=1
    running=$((running - 1))
  fi
done
while [ $running -gt 0 ]; do
  wait -n || status=1
  running=$((running - 1))
done
exit $status
