# shellcheck shell=bash
# MinIO (S3 API), built from source with the Go module proxy (`go install
# github.com/minio/minio@VERSION`) once into $AJAR_SERVERS_CACHE/minio-VERSION/ and kept
# there: the build is the slow part (fresh caches, this 2-core machine: 391 s of CPU, 8 min
# of wall time at a load of 5, with the module downloads; tests/servers/README.md); a start
# is 2 s. Single drive, on 127.0.0.1 only, the web console off. Sourced by s3.sh /
# s3-auth.sh / s3-many.sh after they set S3_PORT, S3_ROOT_USER, S3_ROOT_PASSWORD and S3_SEED
# (seed_objects.py s3 arguments), and optionally S3_DOMAIN (MINIO_DOMAIN: virtual-host-style
# requests, Host BUCKET.S3_DOMAIN).
# Writes in $SRV_DIR: data/, seed.json (seed_objects.py s3-snapshot: every bucket/key with
# size, ETag, LastModified and SHA-256, read with the root credentials).
# shellcheck source=lib/stores.sh
source "$SERVERS_HOME/lib/stores.sh"

MINIO_VERSION=${AJAR_MINIO_VERSION:-v0.0.0-20260212201848-7aac2a2c5b7c}
MINIO_HOME=$AJAR_SERVERS_CACHE/minio-$MINIO_VERSION
MINIO_BIN=$MINIO_HOME/minio

srv_url() { printf 'http://127.0.0.1:%s\n' "$S3_PORT"; }
srv_ports() { printf '%s\n' "$S3_PORT"; }
srv_ready() { curl -sf -m 2 -o /dev/null "$(srv_url)/minio/health/live"; }

minio_build() {
    [[ -x $MINIO_BIN ]] && return 0
    local tmp go
    go=$(find_go "MinIO $MINIO_VERSION")
    say "$SRV_NAME: building MinIO $MINIO_VERSION with go install (once; minutes)"
    mkdir -p "$AJAR_SERVERS_CACHE"
    tmp=$(mktemp -d "$AJAR_SERVERS_CACHE/.minio-build.XXXXXX")
    # GOTOOLCHAIN=local: a Go too old fails here rather than fetching another toolchain
    if ! GOBIN=$tmp GOFLAGS=-trimpath CGO_ENABLED=0 GOTOOLCHAIN=local nice -n 5 \
        "$go" install "github.com/minio/minio@$MINIO_VERSION" >"$tmp/build.log" 2>&1; then
        tail -n 30 "$tmp/build.log" >&2
        die "$SRV_NAME: go install github.com/minio/minio@$MINIO_VERSION failed"
    fi
    mv -T "$tmp" "$MINIO_HOME" 2>/dev/null || rm -rf "$tmp"
    [[ -x $MINIO_BIN ]] || die "$SRV_NAME: no $MINIO_BIN after the build"
}

s3_seed_args() { printf '%s\n' --url "$(srv_url)" --key "$S3_ROOT_USER" --secret "$S3_ROOT_PASSWORD"; }

srv_start() {
    minio_build
    local d=$SRV_DIR args seeded=
    # S3_KEEP: a data set slow to make (s3-many) is kept across ups while its seed is the same
    if [[ -n ${S3_KEEP:-} && -f $d/data/.ajar-seed && $(cat "$d/data/.ajar-seed") == "${S3_SEED[*]}" ]]; then
        seeded=1
        : >"$SRV_LOG"
    else
        fresh_state data
    fi
    MINIO_ROOT_USER=$S3_ROOT_USER MINIO_ROOT_PASSWORD=$S3_ROOT_PASSWORD MINIO_BROWSER=off \
        MINIO_UPDATE=off MINIO_CI_CD=1 MINIO_DOMAIN=${S3_DOMAIN:-} \
        spawn "$SRV_LOG" "$MINIO_BIN" server --quiet --address "127.0.0.1:$S3_PORT" \
        "$d/data"
    wait_until "GET $(srv_url)/minio/health/live" srv_ready
    mapfile -t args < <(s3_seed_args)
    if [[ -z $seeded ]]; then
        seed_step "objects" python3 "$SERVERS_HOME/lib/seed_objects.py" s3 "${args[@]}" "${S3_SEED[@]}"
        printf '%s\n' "${S3_SEED[*]}" >"$d/data/.ajar-seed"
    fi
    python3 "$SERVERS_HOME/lib/seed_objects.py" s3-snapshot "${args[@]}" >"$d/seed.json" ||
        start_failed "could not snapshot the buckets"
    write_env "URL=$(srv_url)" "PID=$(cat "$d/pid")" "LOG=$SRV_LOG" "HOST=127.0.0.1" \
        "PORT=$S3_PORT" "ACCESS_KEY=$S3_ROOT_USER" "SECRET_KEY=$S3_ROOT_PASSWORD" \
        "VERSION=$MINIO_VERSION" "SEED_MANIFEST=$d/seed.json" "DOMAIN=${S3_DOMAIN:-}" \
        "${S3_ENV[@]}"
}
