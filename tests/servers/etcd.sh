# shellcheck shell=bash
# etcd: Debian's etcd-server 3.4, one member, client and peer URLs on 127.0.0.1 only, no
# auth, v3 API (gRPC and the JSON gateway /v3/...; no v2). Keys /users/N (JSON name, phone,
# idcard) and /config/... (no personal data) (lib/seed_stores.py). Every seeded key is one
# put, so after seeding the store revision is (keys + 1): a scan that wrote anything would
# move it (REVISION in env, and in lib/snapshot's output).
# Ports: AJAR_ETCD_PORT (12379), peer AJAR_ETCD_PEER_PORT (12380; always open).
# shellcheck source=lib/stores.sh
source "$SERVERS_HOME/lib/stores.sh"

ETCD_PORT=${AJAR_ETCD_PORT:-12379}
ETCD_PEER_PORT=${AJAR_ETCD_PEER_PORT:-12380}

srv_url() { printf 'http://127.0.0.1:%s\n' "$ETCD_PORT"; }
srv_ports() { printf '%s\n' "$ETCD_PORT" "$ETCD_PEER_PORT"; }
srv_ready() { curl -sf -m 2 "$(srv_url)/health" | grep -q '"health":"true"'; }

srv_start() {
    need_cmd etcd etcd-server
    need_cmd etcdctl etcd-client
    port_free_or_die "$ETCD_PEER_PORT"
    fresh_state data
    local peer=http://127.0.0.1:$ETCD_PEER_PORT
    spawn "$SRV_LOG" "$(command -v etcd)" --name ajar-test --data-dir "$SRV_DIR/data" \
        --logger=zap --log-outputs=stderr \
        --listen-client-urls "$(srv_url)" --advertise-client-urls "$(srv_url)" \
        --listen-peer-urls "$peer" --initial-advertise-peer-urls "$peer" \
        --initial-cluster "ajar-test=$peer" --initial-cluster-state new \
        --initial-cluster-token ajar-test --auto-compaction-retention=0 \
        --quota-backend-bytes=268435456
    wait_until "GET $(srv_url)/health" srv_ready
    seed_step "put" python3 "$SEED_STORES" etcd --url "$(srv_url)"
    write_manifest etcd
    local rev
    rev=$(ETCDCTL_API=3 etcdctl --endpoints="$(srv_url)" --command-timeout=5s \
        endpoint status -w json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Status"]["header"]["revision"])')
    write_env "URL=$(srv_url)" "PID=$(cat "$SRV_DIR/pid")" "LOG=$SRV_LOG" "HOST=127.0.0.1" \
        "PORT=$ETCD_PORT" "PEER_PORT=$ETCD_PEER_PORT" "REVISION=$rev" \
        "VERSION=$(curl -sf -m 5 "$(srv_url)/version" | python3 -c 'import json,sys; print(json.load(sys.stdin)["etcdserver"])')" \
        "SEED_MANIFEST=$SRV_DIR/seed.json"
}
