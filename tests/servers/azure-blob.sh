# shellcheck shell=bash
# azure-blob: Azurite 3.37.0 (npm; Microsoft's Azure Storage emulator), the Blob service
# only, account devstoreaccount1 (the emulator's well-known key), path-style URLs. Container
# `exports` with public access `container` (anyone may list it and read its blobs) and
# container `private` (no public access), each holding the seeded data files
# (lib/seed_files.py). Port: AJAR_AZURE_BLOB_PORT (10100). Azurite's own debug log
# (every request with its method) is DEBUG_LOG, emptied once seeded.
# shellcheck source=lib/stores.sh
source "$SERVERS_HOME/lib/stores.sh"

AZURITE_VERSION=${AJAR_AZURITE_VERSION:-3.37.0}
AZURITE_HOME=$AJAR_SERVERS_CACHE/azurite-$AZURITE_VERSION
AZURITE_BIN=$AZURITE_HOME/node_modules/azurite/dist/src/blob/main.js
AZ_PORT=${AJAR_AZURE_BLOB_PORT:-10100}
AZ_ACCOUNT=devstoreaccount1
AZ_KEY=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==

srv_url() { printf 'http://127.0.0.1:%s/%s\n' "$AZ_PORT" "$AZ_ACCOUNT"; }
srv_ports() { printf '%s\n' "$AZ_PORT"; }
srv_ready() { curl -s -m 2 -o /dev/null "$(srv_url)/exports?restype=container&comp=list"; }

azurite_install() {
    npm_cached azurite "$AZURITE_VERSION" "$AZURITE_HOME" node_modules/azurite/dist/src/blob/main.js
}

srv_start() {
    need_cmd node nodejs
    azurite_install
    fresh_state data
    local d=$SRV_DIR
    spawn "$SRV_LOG" "$(command -v node)" "$AZURITE_BIN" --blobHost 127.0.0.1 \
        --blobPort "$AZ_PORT" --location "$d/data" --debug "$d/debug.log" --loose \
        --skipApiVersionCheck --disableProductStyleUrl
    wait_until "GET $(srv_url)" srv_ready
    seed_step "blobs" python3 "$SERVERS_HOME/lib/seed_objects.py" azure --url "$(srv_url)" \
        --account "$AZ_ACCOUNT" --key "$AZ_KEY" --container exports --private private
    python3 "$SERVERS_HOME/lib/seed_objects.py" azure-snapshot --url "$(srv_url)" \
        --account "$AZ_ACCOUNT" --key "$AZ_KEY" >"$d/seed.json"
    : >"$d/debug.log"
    write_env "URL=$(srv_url)" "PID=$(cat "$d/pid")" "LOG=$SRV_LOG" "HOST=127.0.0.1" \
        "PORT=$AZ_PORT" "ACCOUNT=$AZ_ACCOUNT" "KEY=$AZ_KEY" "PUBLIC_CONTAINER=exports" \
        "PRIVATE_CONTAINER=private" "DEBUG_LOG=$d/debug.log" "SEED_MANIFEST=$d/seed.json" \
        "VERSION=$AZURITE_VERSION"
}
