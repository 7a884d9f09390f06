# shellcheck shell=bash
# FerretDB v1 (a MongoDB wire-protocol server in Go, github.com/FerretDB/FerretDB) with its
# SQLite backend, data in the state dir, on 127.0.0.1, telemetry off, no debug listener.
# Built once from the Go module proxy into $AJAR_SERVERS_CACHE/ferretdb-VERSION (needs Go
# >= 1.24; a few minutes). Databases smartcity (faces, checkpoints, patients) and logs (app;
# no personal data), seeded through the wire protocol with pymongo from a venv under
# $AJAR_SERVERS_CACHE (lib/seed_stores.py). Sourced by mongodb.sh / mongodb-auth.sh after
# they set MONGO_PORT, MONGO_USER and MONGO_PASSWORD (empty: no auth at all; else FerretDB's
# --test-enable-new-auth with that user in admin: SCRAM-SHA-256; without credentials only
# hello, ping, buildInfo and connectionStatus answer, the rest get Unauthorized, code 13).
# shellcheck source=lib/stores.sh
source "$SERVERS_HOME/lib/stores.sh"

FERRETDB_VERSION=${AJAR_FERRETDB_VERSION:-v1.24.2}
FERRETDB_HOME=$AJAR_SERVERS_CACHE/ferretdb-$FERRETDB_VERSION
FERRETDB_BIN=$FERRETDB_HOME/bin/ferretdb
FERRETDB_MODULE=github.com/FerretDB/FerretDB

srv_url() { printf 'mongodb://127.0.0.1:%s/\n' "$MONGO_PORT"; }
# the URL the seeding, readiness check and lib/snapshot use (with the credentials, if any)
mongo_admin_url() {
    if [[ -n ${MONGO_PASSWORD:-} ]]; then
        printf 'mongodb://%s:%s@127.0.0.1:%s/?authSource=admin\n' "$MONGO_USER" "$MONGO_PASSWORD" "$MONGO_PORT"
    else
        srv_url
    fi
}
srv_ports() { printf '%s\n' "$MONGO_PORT"; }
mongo_ping() {
    timeout 10 "$MONGO_PY" - "$(mongo_admin_url)" <<'PY'
import sys, pymongo
c = pymongo.MongoClient(sys.argv[1], serverSelectionTimeoutMS=2000, connectTimeoutMS=2000)
sys.exit(0 if c.admin.command("ping").get("ok") == 1 else 1)
PY
}
srv_ready() { MONGO_PY=$(py_venv) && mongo_ping; }

# The module zip that `go install $FERRETDB_MODULE/cmd/ferretdb@VERSION` builds from lacks
# build/version/version.txt (FerretDB's own build tooling generates it), and such a binary
# panics at start ("Invalid build/version/version.txt file content"). So: download the
# module with the Go tool, build a copy of it with that file written.
ferretdb_install() {
    if [[ -x $FERRETDB_BIN ]] && "$FERRETDB_BIN" --version >/dev/null 2>&1; then
        return 0
    fi
    local go dir tmp
    go=$(find_go "FerretDB $FERRETDB_VERSION")
    say "$SRV_NAME: building FerretDB $FERRETDB_VERSION with $($go version) (a few minutes, once)"
    mkdir -p "$FERRETDB_HOME"
    tmp=$(mktemp -d "$FERRETDB_HOME/.build.XXXXXX")
    dir=$(cd "$tmp" && GOTOOLCHAIN=local GOFLAGS=-mod=mod "$go" mod download -json \
        "$FERRETDB_MODULE@$FERRETDB_VERSION" 2>"$tmp/download.log" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])') ||
        { cat "$tmp/download.log" >&2; die "$SRV_NAME: go mod download $FERRETDB_MODULE@$FERRETDB_VERSION failed"; }
    cp -r "$dir" "$tmp/src" && chmod -R u+w "$tmp/src"
    printf '%s\n' "$FERRETDB_VERSION" >"$tmp/src/build/version/version.txt"
    printf 'ajar-tests\n' >"$tmp/src/build/version/package.txt"
    if ! (cd "$tmp/src" && GOTOOLCHAIN=local GOFLAGS=-buildvcs=false \
        "$go" build -o "$tmp/ferretdb" ./cmd/ferretdb) >"$tmp/build.log" 2>&1; then
        tail -n 30 "$tmp/build.log" >&2
        die "$SRV_NAME: building FerretDB failed (log: $tmp/build.log)"
    fi
    mkdir -p "$FERRETDB_HOME/bin"
    mv "$tmp/ferretdb" "$FERRETDB_BIN"
    rm -rf "$tmp"
    "$FERRETDB_BIN" --version >/dev/null 2>&1 || die "$SRV_NAME: the built $FERRETDB_BIN does not run"
}

srv_start() {
    ferretdb_install
    MONGO_PY=$(py_venv)
    fresh_state data state
    local auth=()
    [[ -n ${MONGO_PASSWORD:-} ]] && auth=(--test-enable-new-auth --setup-database=admin
        --setup-username="$MONGO_USER" --setup-password="$MONGO_PASSWORD")
    # DO_NOT_TRACK and --telemetry=disable: FerretDB must not try to report anywhere;
    # --debug-addr=-: no debug HTTP listener (default 127.0.0.1:8088)
    spawn "$SRV_LOG" env DO_NOT_TRACK=1 "$FERRETDB_BIN" --handler=sqlite \
        --sqlite-url="file:$SRV_DIR/data/" --state-dir="$SRV_DIR/state" \
        --listen-addr="127.0.0.1:$MONGO_PORT" --telemetry=disable --debug-addr=- \
        --log-level=info "${auth[@]}"
    wait_until "ping on $(srv_url)" mongo_ping
    seed_step "insert_many" "$MONGO_PY" "$SEED_STORES" mongodb --url "$(mongo_admin_url)"
    write_manifest mongodb
    local version
    version=$("$MONGO_PY" -c 'import sys, pymongo
b = pymongo.MongoClient(sys.argv[1]).admin.command("buildInfo")
print(b.get("version"), b.get("ferretdbVersion", ""))' "$(mongo_admin_url)")
    write_env "URL=$(srv_url)" "PID=$(cat "$SRV_DIR/pid")" "LOG=$SRV_LOG" "HOST=127.0.0.1" \
        "PORT=$MONGO_PORT" "USER=${MONGO_PASSWORD:+$MONGO_USER}" "PASSWORD=${MONGO_PASSWORD:-}" \
        "AUTH_SOURCE=${MONGO_PASSWORD:+admin}" "SERVER=ferretdb" "FERRETDB_VERSION=${version#* }" \
        "VERSION=${version%% *}" "PYTHON=$MONGO_PY" "SEED_MANIFEST=$SRV_DIR/seed.json"
}
