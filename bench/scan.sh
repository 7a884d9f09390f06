#!/usr/bin/env bash
# The scan benchmark: `ajar scan 127.0.0.1 -p PORTS --probe-all` over the
# port of every test server (tests/servers, all on 127.0.0.1), beside the
# peer that does the nearest job, `nmap -sV -p PORTS 127.0.0.1` (service
# and version detection; a connect scan, as an unprivileged user's nmap
# makes). nmap is Debian's package `nmap`, which tools/deps installs (the
# -iL tests read its -oX output too). In one run, ajar's rounds, then
# nmap's. Prints per tool the best wall time, the CPU time (user + sys)
# of that round, how many ports it named a service on, and nmap's ratio
# to ajar; then whether two of ajar's rounds gave the same JSON report
# (started_at and finished_at stripped). Not a test: nothing is asserted
# on time (exit status 1 only when ajar's reports differ or ajar fails).
# Only 127.0.0.1 is contacted.
# Servers are brought up (tests/servers/up) and left up: they are shared
# under /tmp/ajar-servers, so this never stops one.
# BASE=OLD_AJAR: the rounds of an older build too, interleaved with ajar's
# (the machine's load falls on both alike), and whether its report is
# the same as ajar's (a store's own sizes can drift between two runs, as
# OpenSearch's merges do: run it again when only they differ).
# PER_PORT=1: then each port scanned alone, ROUNDS times, and a table of
# the best wall time per port (and BASE's): where a scan's time goes.
# TRACE=1: then one more round under strace (and BASE's), and per port
# the time in polls that ended by their timeout (waits ajar chose, not a
# peer's round trips) and the sockets that sent twice with no read in
# between (a message in pieces): bench/scan_trace.py.
# Usage: [ROUNDS=3] [NMAP_ROUNDS=1] [SERVERS="redis mongodb ..."]
#        [WITHOUT="ftp-closed"] [AJAR=build/ajar] [BASE=OLD_AJAR] [PER_PORT=1]
#        [TRACE=1]
#        bench/scan.sh            (default: every server in tests/servers
#        but those in WITHOUT; NMAP_ROUNDS=0 skips nmap, whose -sV takes
#        minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
ajar=${AJAR:-build/ajar}
[ -x "$ajar" ] || tools/build build >/dev/null
base=${BASE:-}
if [ -n "$base" ] && [ ! -x "$base" ]; then
  echo "bench/scan.sh: BASE=$base is not an executable" >&2
  exit 2
fi
rounds=${ROUNDS:-3}
nmap_rounds=${NMAP_ROUNDS:-1}
if [ "${TRACE:-0}" = 1 ] && ! command -v strace >/dev/null; then
  echo "bench/scan.sh: strace is missing: run tools/deps (or apt-get install strace)" >&2
  exit 2
fi
if ((nmap_rounds > 0)) && ! command -v nmap >/dev/null; then
  echo "bench/scan.sh: nmap is missing: run tools/deps (or apt-get install nmap), or NMAP_ROUNDS=0" >&2
  exit 2
fi
# shellcheck disable=SC2207
servers=(${SERVERS:-$(for f in tests/servers/*.sh; do basename "$f" .sh; done)})
for w in ${WITHOUT:-}; do
  for i in "${!servers[@]}"; do
    [ "${servers[$i]}" != "$w" ] || unset 'servers[i]'
  done
done
servers=("${servers[@]}")
out=bench/out/scan
mkdir -p "$out"
rm -f "$out"/ajar-*.json "$out"/base-*.json "$out"/nmap-*.xml "$out"/port-*.json

echo "bringing up ${#servers[@]} test servers (tests/servers/up; left running)" >&2
tests/servers/up "${servers[@]}" >"$out/servers.txt"
# NAME URL: the port of each URL (scheme://127.0.0.1:PORT/...)
ports=$(sed -n 's#^[^ ]* [a-z0-9+]*://127\.0\.0\.1:\([0-9]*\).*#\1#p' "$out/servers.txt" |
  sort -n | uniq | paste -sd, -)
nports=$(tr ',' '\n' <<<"$ports" | wc -l)
[ "$nports" -eq "${#servers[@]}" ] ||
  echo "bench/scan.sh: ${#servers[@]} servers but $nports ports (see $out/servers.txt)" >&2

tf=$(mktemp)
trap 'rm -f "$tf"' EXIT
# timed NAME ROUND CMD...: runs CMD, appends "NAME ROUND wall cpu rc" to $out/times
timed() {
  local name=$1 round=$2 rc=0
  shift 2
  /usr/bin/time -o "$tf" -f '%e %U %S' "$@" >/dev/null 2>"$out/$name-$round.err" || rc=$?
  awk -v n="$name" -v r="$round" -v rc="$rc" '{ printf "%s %s %s %.2f %s\n", n, r, $1, $2 + $3, rc }' \
    <(tail -1 "$tf") >>"$out/times"
}
: >"$out/times"
load0=$(cut -d' ' -f1-3 /proc/loadavg)
# ajar's rounds back to back, then nmap's (minutes): a shared server another
# user stops during nmap's run then spoils only nmap's figures
for i in $(seq "$rounds"); do
  timed ajar "$i" "$ajar" scan 127.0.0.1 -p "$ports" --probe-all --no-progress \
    -f json -o "$out/ajar-$i.json"
  [ -z "$base" ] || timed base "$i" "$base" scan 127.0.0.1 -p "$ports" --probe-all \
    --no-progress -f json -o "$out/base-$i.json"
done
for i in $(seq "$nmap_rounds"); do
  timed nmap "$i" nmap -sV -Pn -n -p "$ports" -oX "$out/nmap-$i.xml" 127.0.0.1
done
load1=$(cut -d' ' -f1-3 /proc/loadavg)

# services named: ajar's targets with a store, nmap's open ports with a service name
named() {
  python3 - "$@" <<'PY'
import json, sys
import xml.etree.ElementTree as ET
path = sys.argv[1]
try:
    if path.endswith(".json"):
        print(sum(1 for t in json.load(open(path))["targets"] if t.get("store")))
    else:
        print(sum(1 for p in ET.parse(path).iter("port")
                  if p.find("state").get("state") == "open"
                  and p.find("service") is not None
                  and p.find("service").get("method") == "probed"))
except (OSError, ValueError, KeyError, ET.ParseError):
    print("?")
PY
}

printf '%s cores, load average %s at the start, %s at the end\n' "$(nproc)" "$load0" "$load1"
printf 'ajar = %s; %d ports: %s\n' "$ajar" "$nports" "$ports"
printf '%-28s %6s %9s %12s %8s %10s %9s\n' tool rounds "wall s" "CPU s (u+s)" named "wall/ajar" "CPU/ajar"
best() { awk -v n="$1" '$1 == n && (b == "" || $3 < b) { b = $3; c = $4; r = $2 } END { print b, c, r }' "$out/times"; }
read -r aw ac ar < <(best ajar)
for tool in ajar base nmap; do
  read -r w c r < <(best "$tool")
  [ -n "$w" ] || continue
  n=$(grep -c "^$tool " "$out/times")
  case $tool in
    ajar) label="ajar scan --probe-all" f="$out/ajar-$r.json" ;;
    base) label="BASE scan --probe-all" f="$out/base-$r.json" ;;
    *) label="nmap -sV" f="$out/nmap-$r.xml" ;;
  esac
  awk -v l="$label" -v n="$n" -v w="$w" -v c="$c" -v s="$(named "$f")" -v aw="$aw" -v ac="$ac" 'BEGIN {
    printf "%-28s %6d %9.2f %12.2f %8s %9.1fx %8.1fx\n", l, n, w, c, s,
           (aw > 0 ? w / aw : 0), (ac > 0 ? c / ac : 0) }'
done
printf 'every round (tool round wall cpu exit): %s\n' "$(paste -sd';' "$out/times")"
status=0
# servers are shared: one another user stops during the run leaves its port closed
for f in "$out"/ajar-*.json; do
  python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["targets"]))' "$f" 2>/dev/null
done | sort -n | head -1 | while read -r n; do
  [ "$n" -ge "$nports" ] ||
    echo "NOTE: a round's report has $n of $nports ports: a server stopped during the run (shared servers)"
done
if awk '$1 == "ajar" && $5 != 0 { bad = 1 } END { exit !bad }' "$out/times"; then
  echo "ajar exited non-zero in a round (stderr in $out/ajar-N.err)"
  status=1
fi
# same_reports FILE...: the JSON reports equal once started_at and
# finished_at are stripped; else prints the start of the difference
same_reports() {
  python3 - "$@" <<'PY'
import difflib, json, sys
def stripped(path):
    r = json.load(open(path))
    r.pop("started_at", None)
    r.pop("finished_at", None)
    return json.dumps(r, sort_keys=True, indent=1).splitlines()
first = stripped(sys.argv[1])
for p in sys.argv[2:]:
    other = stripped(p)
    if other != first:
        print(f"reports DIFFER: {sys.argv[1]} and {p} (timestamps stripped):")
        print("\n".join(list(difflib.unified_diff(first, other, lineterm="", n=1))[:40]))
        sys.exit(1)
print(f"the {len(sys.argv) - 1} reports are the same (JSON, started_at/finished_at stripped)")
PY
}
if ((rounds >= 2)); then
  same_reports "$out"/ajar-*.json || status=1
fi
if [ -n "$base" ]; then
  echo "BASE = $base: its report beside ajar's:"
  same_reports "$out/base-1.json" "$out/ajar-1.json" || status=1
fi

# PER_PORT=1: each port alone, best of the rounds (and BASE's)
if [ "${PER_PORT:-0}" = 1 ]; then
  : >"$out/port-times"
  for port in ${ports//,/ }; do
    for i in $(seq "$rounds"); do
      timed "port-$port-ajar" "$i" "$ajar" scan 127.0.0.1 -p "$port" --probe-all \
        --no-progress -f json -o "$out/port-$port-ajar.json"
      [ -z "$base" ] || timed "port-$port-base" "$i" "$base" scan 127.0.0.1 -p "$port" \
        --probe-all --no-progress -f json -o "$out/port-$port-base.json"
    done
  done
  printf '\neach port alone (best wall s of %s rounds; store as ajar names it)\n' "$rounds"
  printf '%-6s %-18s %-14s %8s %8s\n' port server store ajar "$([ -n "$base" ] && echo BASE)"
  for port in ${ports//,/ }; do
    name=$(awk -v p=":$port" 'index($2, p "/") || substr($2, length($2) - length(p) + 1) == p { print $1; exit }' \
      "$out/servers.txt")
    store=$(python3 -c 'import json, sys; t = json.load(open(sys.argv[1]))["targets"]
print((t[0].get("store") or "-") if t else "-")' "$out/port-$port-ajar.json" 2>/dev/null || echo "?")
    read -r w _ < <(best "port-$port-ajar")
    bw=""
    [ -z "$base" ] || read -r bw _ < <(best "port-$port-base")
    printf '%-6s %-18s %-14s %8s %8s\n' "$port" "${name:-?}" "$store" "$w" "$bw"
  done
  awk '$1 ~ /^port-.*-ajar$/ { if (!($1 in b) || $3 < b[$1]) b[$1] = $3 }
       $1 ~ /^port-.*-base$/ { if (!($1 in c) || $3 < c[$1]) c[$1] = $3 }
       END { for (k in b) s += b[k]; for (k in c) t += c[k]
             printf "%-40s %8.2f %8s\n", "sum over ports", s, (t ? sprintf("%.2f", t) : "") }' \
    "$out/times"
fi
# TRACE=1: one round under strace each, waits and pieces per port
if [ "${TRACE:-0}" = 1 ]; then
  for tool in ajar base; do
    bin=$ajar
    if [ "$tool" = base ]; then
      [ -n "$base" ] || continue
      bin=$base
    fi
    strace -f -tt -T -s 0 -o "$out/trace-$tool.txt" \
      -e trace=connect,poll,ppoll,sendto,write,sendmsg,writev,recvfrom,read,recvmsg,close \
      "$bin" scan 127.0.0.1 -p "$ports" --probe-all --no-progress -f json \
      -o "$out/trace-$tool.json" 2>/dev/null || true
    printf '\n%s under strace (%s)\n' "$tool" "$bin"
    bench/scan_trace.py "$out/trace-$tool.txt" "$ports"
  done
fi
exit $status
