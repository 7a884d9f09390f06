# shellcheck shell=bash
# A CouchDB-compatible HTTP server: pouchdb-server 4.2.0 (express-pouchdb, LevelDB) from npm,
# installed once with --ignore-scripts into $AJAR_SERVERS_CACHE/pouchdb-server-VERSION, run
# by Node on 127.0.0.1 with its data in the state dir. Databases residents, vehicles, logs
# (lib/seed_stores.py), seeded with _bulk_docs. Sourced by couchdb.sh / couchdb-auth.sh
# after they set COUCH_PORT and COUCH_ADMIN_PASSWORD (empty: "admin party", everything open).
# With a password: admin `admin` set through /_config, and every database's _security
# members list is ["admin"], so anonymous reads get 401.
# shellcheck source=lib/stores.sh
source "$SERVERS_HOME/lib/stores.sh"

POUCHDB_VERSION=${AJAR_POUCHDB_VERSION:-4.2.0}
POUCHDB_HOME=$AJAR_SERVERS_CACHE/pouchdb-server-$POUCHDB_VERSION
POUCHDB_BIN=$POUCHDB_HOME/node_modules/pouchdb-server/bin/pouchdb-server
COUCH_ADMIN="admin"

srv_url() { printf 'http://127.0.0.1:%s\n' "$COUCH_PORT"; }
srv_ports() { printf '%s\n' "$COUCH_PORT"; }
couch_up() { curl -sf -m 2 -H 'Accept: application/json' "$(srv_url)/" | grep -q '"version"'; }
srv_ready() { couch_up; }

pouchdb_install() {
    npm_cached pouchdb-server "$POUCHDB_VERSION" "$POUCHDB_HOME" \
        node_modules/pouchdb-server/bin/pouchdb-server
}

srv_start() {
    need_cmd node nodejs
    pouchdb_install
    fresh_state data
    local d=$SRV_DIR
    printf '{}\n' >"$d/data/config.json"
    # pouchdb-server writes log.txt into its working directory
    cd "$d/data" || die "cannot cd to $d/data"
    # --unhandled-rejections=warn: with an admin set, some anonymous writes reject a promise
    # nobody handles, which kills Node 20 by default
    spawn "$SRV_LOG" "$(command -v node)" --unhandled-rejections=warn "$POUCHDB_BIN" \
        --host 127.0.0.1 --port "$COUCH_PORT" --dir "$d/data" --config "$d/data/config.json"
    cd - >/dev/null || true
    wait_until "GET $(srv_url)/" couch_up
    seed_step "_bulk_docs" python3 "$SEED_STORES" couchdb --url "$(srv_url)"
    local auth=() db
    if [[ -n ${COUCH_ADMIN_PASSWORD:-} ]]; then
        seed_step "admin" curl -sSf -m 10 -X PUT "$(srv_url)/_config/admins/$COUCH_ADMIN" \
            -H 'Content-Type: application/json' -d "\"$COUCH_ADMIN_PASSWORD\""
        auth=(-u "$COUCH_ADMIN:$COUCH_ADMIN_PASSWORD")
        for db in residents vehicles logs; do
            seed_step "_security of $db" curl -sSf -m 10 "${auth[@]}" -X PUT \
                "$(srv_url)/$db/_security" -H 'Content-Type: application/json' \
                -d "{\"admins\":{\"names\":[],\"roles\":[]},\"members\":{\"names\":[\"$COUCH_ADMIN\"],\"roles\":[]}}"
        done
        local code
        code=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$(srv_url)/residents/_all_docs?limit=1")
        [[ $code == 401 ]] || start_failed "anonymous read of residents answered $code, not 401"
    fi
    write_manifest couchdb
    local version
    version=$(curl -sf -m 5 -H 'Accept: application/json' "$(srv_url)/" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
    write_env "URL=$(srv_url)" "PID=$(cat "$d/pid")" "LOG=$SRV_LOG" "HOST=127.0.0.1" \
        "PORT=$COUCH_PORT" "VERSION=$version" "SERVER=pouchdb-server" \
        "ADMIN_USER=${COUCH_ADMIN_PASSWORD:+$COUCH_ADMIN}" \
        "ADMIN_PASSWORD=${COUCH_ADMIN_PASSWORD:-}" "SEED_MANIFEST=$d/seed.json"
}
