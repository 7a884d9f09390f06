# shellcheck shell=bash
# memcached: Debian's memcached 1.6, TCP on 127.0.0.1 only, UDP off (-U 0), no SASL,
# 64 MB, seeded with user:N (JSON name/phone/idcard), session:TOKEN (JSON with ip and imei)
# and cache:page-N (no personal data) (lib/seed_stores.py). Items never expire.
# Port: AJAR_MEMCACHED_PORT (11311).
# shellcheck source=lib/stores.sh
source "$SERVERS_HOME/lib/stores.sh"

MC_PORT=${AJAR_MEMCACHED_PORT:-11311}

srv_url() { printf 'memcached://127.0.0.1:%s\n' "$MC_PORT"; }
srv_ports() { printf '%s\n' "$MC_PORT"; }
mc_version() {
    python3 - "$MC_PORT" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2)
s.sendall(b"version\r\n")
line = s.makefile("rb").readline().decode().strip()
if not line.startswith("VERSION "):
    sys.exit(1)
print(line.split()[1])
PY
}
srv_ready() { mc_version >/dev/null; }

srv_start() {
    need_cmd memcached memcached
    fresh_state data
    local user=()
    ((EUID == 0)) && user=(-u root)
    # -P (pid file) is only written with -d, but keeps $SRV_DIR/ in the command line (pid guard)
    spawn "$SRV_LOG" "$(command -v memcached)" -l 127.0.0.1 -p "$MC_PORT" -U 0 -m 64 -c 256 \
        -t 2 "${user[@]}" -P "$SRV_DIR/data/memcached.pid"
    wait_until "memcached version on 127.0.0.1:$MC_PORT" mc_version
    seed_step "set" python3 "$SEED_STORES" memcached --port "$MC_PORT"
    write_manifest memcached
    write_env "URL=$(srv_url)" "PID=$(cat "$SRV_DIR/pid")" "LOG=$SRV_LOG" "HOST=127.0.0.1" \
        "PORT=$MC_PORT" "VERSION=$(mc_version)" "SEED_MANIFEST=$SRV_DIR/seed.json"
}
