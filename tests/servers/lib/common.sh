# shellcheck shell=bash disable=SC2030,SC2031,SC2317  # per-server subshells, indirect calls
# Shared helpers for tests/servers/up and tests/servers/down. Sourced, not run.
#
# A server is one file tests/servers/NAME.sh that, when sourced with SRV_NAME and SRV_DIR
# set, defines:
#   srv_url      print the URL (one line)
#   srv_start    start the server (SRV_DIR exists and is locked); return once it is ready
#                and seeded, leaving the main process id in $SRV_DIR/pid
#   srv_stop     optional; default: srv_stop_pid (TERM the pid in $SRV_DIR/pid, wait, KILL)
#   srv_ports    optional; ports that must be closed after stop (default: none)
#   srv_deps     optional; names of servers to bring up first (default: none)
#   srv_ready    optional; 0 if the running server answers (default: true)
# and may write $SRV_DIR/env (KEY=value lines) for tests to read.

shopt -s inherit_errexit  # set -e also inside $(...)

SERVERS_HOME=${SERVERS_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
AJAR_SERVERS_DIR=${AJAR_SERVERS_DIR:-/tmp/ajar-servers}
AJAR_SERVERS_TIMEOUT=${AJAR_SERVERS_TIMEOUT:-180}

say() { printf '%s\n' "servers: $*" >&2; }
die() { printf '%s\n' "servers: error: $*" >&2; exit 1; }

server_file() {
    local name=$1
    [[ $name =~ ^[a-z0-9][a-z0-9_-]*$ ]] || die "bad server name '$name'"
    local f="$SERVERS_HOME/$name.sh"
    [[ -f $f ]] || die "unknown server '$name' (known: $(known_servers | tr '\n' ' '))"
    printf '%s\n' "$f"
}

known_servers() {
    local f
    for f in "$SERVERS_HOME"/*.sh; do basename "$f" .sh; done | LC_ALL=C sort
}

# --- processes -------------------------------------------------------------------------

# pid_alive PID: true if PID exists and is not a zombie.
pid_alive() {
    local pid=$1 state
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ -r /proc/$pid/stat ]] || return 1
    state=$(sed -E 's/^.*\) (.).*$/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
    [[ -n $state && $state != Z && $state != X ]]
}

# pid_matches PID WORD: the process command line contains WORD (guards against pid reuse).
pid_matches() {
    local pid=$1 word=$2
    pid_alive "$pid" || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$word"
}

# srv_pid: the recorded pid if that process is still ours, else nothing.
srv_pid() {
    local pid
    [[ -f $SRV_DIR/pid ]] || return 0
    pid=$(cat "$SRV_DIR/pid" 2>/dev/null || true)
    if pid_matches "$pid" "$(srv_marker)"; then printf '%s\n' "$pid"; fi
}

# Every process we start carries "$SRV_DIR/" in its command line (guards against pid reuse).
srv_marker() { printf '%s\n' "${SRV_MARKER:-$SRV_DIR/}"; }

# spawn LOGFILE CMD...: start CMD detached (own session, stdin closed), record its pid.
spawn() {
    local log=$1; shift
    # fd 9 is our state-dir lock: the server must not inherit it.
    ( exec 9>&-; exec setsid "$@" </dev/null >>"$log" 2>&1 ) &
    echo $! >"$SRV_DIR/pid"
}

# stop_pid PID [GRACE_SECONDS]: TERM, wait, then KILL.
stop_pid() {
    local pid=$1 grace=${2:-30} i
    pid_alive "$pid" || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < grace * 10; i++)); do
        pid_alive "$pid" || return 0
        sleep 0.1
    done
    say "$SRV_NAME: pid $pid ignored TERM for ${grace}s, killing"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        pid_alive "$pid" || return 0
        sleep 0.1
    done
    die "$SRV_NAME: pid $pid did not die"
}

srv_stop_pid() {
    local pid
    pid=$(srv_pid)
    [[ -n $pid ]] && stop_pid "$pid" "${1:-30}"
    return 0
}

# --- ports and HTTP ---------------------------------------------------------------------

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_ports_closed() {
    local p i
    for p in "$@"; do
        for ((i = 0; i < 300; i++)); do
            port_open "$p" || continue 2
            sleep 0.1
        done
        die "$SRV_NAME: port $p still open 30 s after stop"
    done
}

# port_free_or_die PORT: nothing else may be listening where we want to listen.
port_free_or_die() {
    if port_open "$1"; then
        die "$SRV_NAME: port 127.0.0.1:$1 is already taken by another process" \
            "(not one recorded in $SRV_DIR/pid); stop it or set the port variable"
    fi
}

# wait_search_ready URL [waitready.py options]: poll /_cluster/health until yellow/green
# while $SRV_DIR/pid lives; on failure print the log tail and stop what we started.
wait_search_ready() {
    local url=$1; shift
    local pid rc=0
    pid=$(cat "$SRV_DIR/pid")
    python3 "$SERVERS_HOME/lib/waitready.py" --url "$url" --pid "$pid" \
        --timeout "$AJAR_SERVERS_TIMEOUT" "$@" || rc=$?
    if ((rc != 0)); then
        case $rc in
            2) say "$SRV_NAME: process $pid exited during startup" ;;
            *) say "$SRV_NAME: not ready within ${AJAR_SERVERS_TIMEOUT}s ($url/_cluster/health)" ;;
        esac
        log_tail ${SRV_LOG_EXTRA:+"$SRV_LOG_EXTRA"}
        stop_pid "$pid" 10 || true
        rm -f "$SRV_DIR/pid"
        die "$SRV_NAME: failed to start (full log: $SRV_LOG)"
    fi
}

log_tail() {
    local f
    for f in "$SRV_LOG" "$@"; do
        [[ -s $f ]] || continue
        say "---- last lines of $f ----"
        tail -n 40 "$f" >&2
        say "----"
    done
}

# --- installing -------------------------------------------------------------------------

# need_cmd CMD PACKAGE: install a Debian package if CMD is missing (PATH plus sbin dirs).
need_cmd() {
    local cmd=$1 pkg=$2
    PATH=$PATH:/usr/local/sbin:/usr/sbin:/sbin
    command -v "$cmd" >/dev/null 2>&1 && return 0
    command -v apt-get >/dev/null 2>&1 || die "'$cmd' is missing and there is no apt-get; install $pkg"
    local sudo=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null 2>&1 || die "'$cmd' is missing; install the Debian package $pkg (needs root)"
        sudo=(sudo -n)
    fi
    say "installing Debian package $pkg (for $cmd)"
    # Keep the package's postinst from starting a system-wide service (no systemd here,
    # and we run our own private instance): the usual policy-rc.d 'exit 101' guard.
    local guard=""
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        guard=/usr/sbin/policy-rc.d
        printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$guard" >/dev/null
        "${sudo[@]}" chmod 755 "$guard"
    fi
    local ok=0
    export DEBIAN_FRONTEND=noninteractive
    if "${sudo[@]}" apt-get install -y -q --no-install-recommends "$pkg" >"$AJAR_SERVERS_DIR/apt-$pkg.log" 2>&1; then
        ok=1
    elif "${sudo[@]}" apt-get update -q >>"$AJAR_SERVERS_DIR/apt-$pkg.log" 2>&1 &&
        "${sudo[@]}" apt-get install -y -q --no-install-recommends "$pkg" >>"$AJAR_SERVERS_DIR/apt-$pkg.log" 2>&1; then
        ok=1
    fi
    [[ -n $guard ]] && "${sudo[@]}" rm -f "$guard"
    ((ok)) || { tail -n 20 "$AJAR_SERVERS_DIR/apt-$pkg.log" >&2; die "could not install $pkg"; }
    command -v "$cmd" >/dev/null 2>&1 || die "installed $pkg but '$cmd' is still missing"
}

# --- up / down of one server --------------------------------------------------------------

# with_server NAME FUNC...: in a subshell, load NAME's file, lock its state dir, run FUNC.
with_server() {
    local name=$1; shift
    local file
    file=$(server_file "$name")
    (
        SRV_NAME=$name
        SRV_DIR=$AJAR_SERVERS_DIR/$name
        SRV_LOG=$SRV_DIR/server.log
        mkdir -p "$SRV_DIR" "$AJAR_SERVERS_DIR/.locks"
        chmod 755 "$AJAR_SERVERS_DIR" "$SRV_DIR"
        exec 9>"$AJAR_SERVERS_DIR/.locks/$name.lock"
        flock -w "$((AJAR_SERVERS_TIMEOUT + 60))" 9 || die "$name: timed out waiting for the lock"
        srv_deps() { :; }
        srv_ports() { :; }
        srv_ready() { :; }
        srv_stop() { srv_stop_pid 30; }
        # shellcheck source=/dev/null
        source "$file"
        "$@"
    )
}

_server_up() {
    local pid dep
    for dep in $(srv_deps); do
        server_up_quiet "$dep"
    done
    pid=$(srv_pid)
    if [[ -n $pid && -f $SRV_DIR/ready ]] && srv_ready >&2; then
        srv_url
        return 0
    fi
    if [[ -n $pid ]]; then
        say "$SRV_NAME: pid $pid is running but not ready (an earlier start failed?); restarting"
        srv_stop >&2
    fi
    rm -f "$SRV_DIR/ready" "$SRV_DIR/pid"
    local p
    for p in $(srv_ports); do port_free_or_die "$p"; done
    local t0=$SECONDS
    srv_start >&2
    touch "$SRV_DIR/ready"
    say "$SRV_NAME: ready in $((SECONDS - t0))s (state: $SRV_DIR)"
    srv_url
}

_server_down() {
    srv_stop
    rm -f "$SRV_DIR/ready" "$SRV_DIR/pid"
    local ports
    mapfile -t ports < <(srv_ports)
    wait_ports_closed "${ports[@]}"
}

server_up() {
    local url
    url=$(with_server "$1" _server_up)
    printf '%s %s\n' "$1" "$url"
}

server_up_quiet() { with_server "$1" _server_up >/dev/null; }

server_down() { with_server "$1" _server_down; }

# Names that have state and a live pid, dependants (the ones with deps) first.
running_servers() {
    local d name first=() last=()
    for d in "$AJAR_SERVERS_DIR"/*/; do
        [[ -f $d/pid ]] || continue
        name=$(basename "$d")
        [[ -f $SERVERS_HOME/$name.sh ]] || continue
        if [[ -n $(with_server "$name" srv_deps) ]]; then first+=("$name"); else last+=("$name"); fi
    done
    printf '%s\n' "${first[@]}" "${last[@]}" | sed '/^$/d'
}
