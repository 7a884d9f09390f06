# shellcheck shell=bash
# A private MariaDB server (Debian's mariadb-server 10.11), data dir and socket in the state
# dir, TCP on 127.0.0.1 only, seeded with database smartcity (residents, vehicles, patients,
# app_metrics; lib/seed_stores.py). Sourced by mysql.sh / mysql-closed.sh after they set
# MY_PORT and MY_ROOT_PASSWORD (empty: root@127.0.0.1 and root@localhost with
# mysql_native_password and an empty password). After seeding the general query log is on
# ($SRV_DIR/general.log: what a test's client sent).
# shellcheck source=lib/stores.sh
source "$SERVERS_HOME/lib/stores.sh"

srv_url() { printf 'mysql://127.0.0.1:%s\n' "$MY_PORT"; }
srv_ports() { printf '%s\n' "$MY_PORT"; }

# the admin connection: over our own socket as root (password once it is set)
my_client() {
    local pw=${MY_CLIENT_PASSWORD-$MY_ROOT_PASSWORD} cmd=$1; shift
    env ${pw:+MYSQL_PWD="$pw"} "$cmd" --no-defaults --connect-timeout=5 \
        --socket="$SRV_DIR/mysqld.sock" -uroot "$@"
}
my_sql() { my_client mariadb --batch --skip-column-names "$@"; }
my_sock_ping() {  # before the root accounts are set up: no password yet
    timeout 5 mariadb-admin --no-defaults --connect-timeout=3 --socket="$SRV_DIR/mysqld.sock" \
        -uroot ping >/dev/null 2>&1
}
my_tcp_ping() {
    timeout 5 env ${MY_ROOT_PASSWORD:+MYSQL_PWD="$MY_ROOT_PASSWORD"} mariadb-admin --no-defaults \
        --connect-timeout=3 --protocol=TCP -h 127.0.0.1 -P "$MY_PORT" -uroot ping >/dev/null 2>&1
}
srv_ready() { my_tcp_ping; }

srv_start() {
    need_cmd mariadbd mariadb-server
    need_cmd mariadb mariadb-client
    local d=$SRV_DIR user=()
    ((EUID == 0)) && user=(--user=root)
    fresh_state data tmp
    rm -f "$d/general.log" "$d/mysqld.sock" "$d/mariadbd.pid"
    if ! mariadb-install-db --no-defaults "${user[@]}" --datadir="$d/data" \
        --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
        >>"$SRV_LOG" 2>&1; then
        start_failed "mariadb-install-db failed"
    fi
    spawn "$SRV_LOG" "$(command -v mariadbd)" --no-defaults "${user[@]}" --datadir="$d/data" \
        --socket="$d/mysqld.sock" --port="$MY_PORT" --bind-address=127.0.0.1 \
        --pid-file="$d/mariadbd.pid" --tmpdir="$d/tmp" --skip-name-resolve \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
        --innodb-buffer-pool-size=32M --innodb-log-file-size=16M \
        --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --performance-schema=OFF \
        --max-connections=40 --general-log=0 --general-log-file="$d/general.log"
    wait_until "mariadb-admin ping on $d/mysqld.sock" my_sock_ping
    # shellcheck disable=SC2016  # expanded by the inner bash
    seed_step "smartcity" bash -c 'python3 "$1" sql mariadb | "${@:2}"' _ "$SEED_STORES" \
        mariadb --no-defaults --connect-timeout=5 --socket="$d/mysqld.sock" -uroot
    local pw=${MY_ROOT_PASSWORD:-} host users
    # root from 127.0.0.1 over TCP and from the socket, both mysql_native_password with
    # MY_ROOT_PASSWORD (empty or not); no anonymous or other root accounts
    users="DELETE FROM mysql.global_priv WHERE User='' OR (User='root' AND Host NOT IN ('localhost','127.0.0.1'));
FLUSH PRIVILEGES;
CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;"
    for host in 127.0.0.1 localhost; do
        users+="
ALTER USER 'root'@'$host' IDENTIFIED VIA mysql_native_password USING PASSWORD('$pw');"
    done
    users+="
FLUSH PRIVILEGES;
SET GLOBAL general_log = 1;"
    MY_CLIENT_PASSWORD='' seed_step "root accounts" my_sql -e "$users"
    wait_until "root over TCP on 127.0.0.1:$MY_PORT" my_tcp_ping
    write_manifest mariadb
    local n
    n=$(my_sql -e "SELECT (SELECT count(*) FROM smartcity.residents) + (SELECT count(*) FROM smartcity.vehicles) + (SELECT count(*) FROM smartcity.patients) + (SELECT count(*) FROM smartcity.app_metrics)")
    [[ $n == "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$d/seed.json")" ]] ||
        start_failed "smartcity has $n rows after seeding, not what seed.json says"
    write_env "URL=$(srv_url)" "PID=$(cat "$d/pid")" "LOG=$SRV_LOG" "HOST=127.0.0.1" \
        "PORT=$MY_PORT" "SOCKET=$d/mysqld.sock" "USER=root" "PASSWORD=$pw" \
        "DATABASE=smartcity" "GENERAL_LOG=$d/general.log" \
        "VERSION=$(my_sql -e 'SELECT VERSION()')" "SEED_MANIFEST=$d/seed.json"
}
