# shellcheck shell=bash
# Helpers for the data-store test servers (redis, postgresql, mysql, memcached, clickhouse,
# etcd, mongodb, couchdb). Sourced by their NAME.sh files after lib/common.sh.

# Where downloaded/built things live across runs (npm packages, the FerretDB binary, the
# Python venv with pymongo): not under the state dir, which `up` may wipe.
AJAR_SERVERS_CACHE=${AJAR_SERVERS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ajar-servers}
SEED_STORES=$SERVERS_HOME/lib/seed_stores.py

# start_failed MESSAGE: log tail, stop what we started, die.
start_failed() {
    say "$SRV_NAME: $1"
    log_tail ${SRV_LOG_EXTRA:+"$SRV_LOG_EXTRA"}
    srv_stop >&2 || true
    rm -f "$SRV_DIR/pid"
    die "$SRV_NAME: failed to start (full log: $SRV_LOG)"
}

# wait_until WHAT CMD...: run CMD every 0.1 s until it succeeds, while the spawned process
# lives, for at most AJAR_SERVERS_TIMEOUT seconds. CMD must bound its own time.
wait_until() {
    local what=$1; shift
    local pid t_end
    pid=$(cat "$SRV_DIR/pid")
    t_end=$((SECONDS + AJAR_SERVERS_TIMEOUT))
    until "$@" >/dev/null 2>&1; do
        pid_alive "$pid" || start_failed "process $pid exited during startup (waiting for $what)"
        ((SECONDS < t_end)) || start_failed "not ready within ${AJAR_SERVERS_TIMEOUT}s ($what)"
        sleep 0.1
    done
}

# seed_step WHAT CMD...: run a seeding command, its output to $SRV_DIR/seed.log; on failure
# show that log, stop the server, die.
seed_step() {
    local what=$1; shift
    if ! "$@" >>"$SRV_DIR/seed.log" 2>&1; then
        say "$SRV_NAME: seeding failed: $what"
        tail -n 30 "$SRV_DIR/seed.log" >&2
        start_failed "seeding failed ($what; log: $SRV_DIR/seed.log)"
    fi
}

# write_manifest STORE: the SEED_MANIFEST (seed.json) for STORE.
write_manifest() {
    if ! python3 "$SEED_STORES" manifest "$1" >"$SRV_DIR/seed.json.tmp"; then
        start_failed "could not write the seed manifest"
    fi
    mv "$SRV_DIR/seed.json.tmp" "$SRV_DIR/seed.json"
}

# write_env KEY=VALUE...: the env file tests source (URL, PID, ... first).
write_env() {
    printf '%s\n' "$@" >"$SRV_DIR/env.tmp"
    mv "$SRV_DIR/env.tmp" "$SRV_DIR/env"
}

# fresh_state DIR...: empty the named subdirectories of the state dir (a new data set
# every up, like the search nodes).
fresh_state() {
    local d
    for d in "$@"; do
        rm -rf "${SRV_DIR:?}/${d:?}"
        mkdir -p "$SRV_DIR/$d"
    done
    rm -f "$SRV_DIR/seed.json" "$SRV_DIR/seed.log" "$SRV_DIR/env"
    : >"$SRV_LOG"
}

# tcp_ready PORT: something accepts connections on 127.0.0.1:PORT.
tcp_ready() { port_open "$1"; }

# http_ok URL [curl args]: GET URL answers 2xx within 2 s.
http_ok() { curl -sf -m 2 -o /dev/null "$@"; }

# find_go WHAT: the Go tool (>= 1.24) that builds WHAT: `go` on PATH, else /usr/local/go's
# or Debian's; dies when there is none.
find_go() {
    local g
    for g in "$(command -v go 2>/dev/null)" /usr/local/go/bin/go /usr/lib/go/bin/go; do
        [[ -n $g && -x $g ]] && { printf '%s\n' "$g"; return 0; }
    done
    die "$SRV_NAME: Go (>= 1.24) is needed to build $1 (no 'go' on PATH or in /usr/local/go/bin)"
}

# npm_cached PACKAGE VERSION HOME FILE: npm install PACKAGE@VERSION (no install scripts) into
# HOME under the cache dir, once: nothing to do when HOME/FILE is there.
npm_cached() {
    local pkg=$1 version=$2 home=$3 file=$4 tmp
    [[ -f $home/$file ]] && return 0
    need_cmd node nodejs
    need_cmd npm npm
    say "$SRV_NAME: installing $pkg@$version from npm into $home"
    mkdir -p "$AJAR_SERVERS_CACHE"
    tmp=$(mktemp -d "$AJAR_SERVERS_CACHE/.$pkg-install.XXXXXX")
    # --ignore-scripts: no native builds (pouchdb's sqlite3 takes 2 min; leveldown loads
    # its prebuilt binary)
    if ! npm install --prefix "$tmp" --ignore-scripts --no-audit --no-fund \
        "$pkg@$version" >"$tmp/npm.log" 2>&1; then
        tail -n 30 "$tmp/npm.log" >&2
        die "$SRV_NAME: npm install $pkg@$version failed (log: $tmp/npm.log)"
    fi
    # another up may have finished first; keep whichever is there
    mv -T "$tmp" "$home" 2>/dev/null || rm -rf "$tmp"
    [[ -f $home/$file ]] || die "$SRV_NAME: no $home/$file after npm install"
}

# py_venv: a venv under the cache dir with pymongo (from PyPI); prints its python.
AJAR_PYMONGO_VERSION=${AJAR_PYMONGO_VERSION:-4.20.1}
py_venv() {
    local venv=$AJAR_SERVERS_CACHE/pyvenv
    if ! "$venv/bin/python" -c 'import pymongo' >/dev/null 2>&1; then
        say "$SRV_NAME: installing pymongo $AJAR_PYMONGO_VERSION into $venv"
        mkdir -p "$AJAR_SERVERS_CACHE"
        python3 -m venv "$venv" >&2 || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
        "$venv/bin/pip" install -q "pymongo==$AJAR_PYMONGO_VERSION" >&2 ||
            die "pip install pymongo==$AJAR_PYMONGO_VERSION failed"
    fi
    printf '%s\n' "$venv/bin/python"
}

# as_user_argv USER: sets the array AS_USER to a command prefix that runs a command as USER
# when we are root (setpriv execs, so a spawned pid stays the server's own), else empty.
# shellcheck disable=SC2034  # AS_USER is for the caller
as_user_argv() {
    AS_USER=()
    if ((EUID == 0)); then
        id "$1" >/dev/null 2>&1 || die "$SRV_NAME: no user '$1' to run the server as"
        AS_USER=(setpriv --reuid="$1" --regid="$(id -g "$1")" --init-groups --)
    fi
}

# stop_pid_signal SIGNAL [GRACE]: like srv_stop_pid, but the first signal is SIGNAL.
stop_pid_signal() {
    local sig=$1 grace=${2:-30} pid i
    pid=$(srv_pid)
    [[ -n $pid ]] || return 0
    kill -"$sig" "$pid" 2>/dev/null || true
    for ((i = 0; i < grace * 10; i++)); do
        pid_alive "$pid" || return 0
        sleep 0.1
    done
    stop_pid "$pid" 5
}
