# shellcheck shell=bash
# mysql: Debian's MariaDB 10.11 (mariadb-server), root with an EMPTY password
# (mysql_native_password) from 127.0.0.1 over TCP and on its own socket; database smartcity
# (lib/seed_stores.py). Port: AJAR_MYSQL_PORT (13306).
MY_PORT=${AJAR_MYSQL_PORT:-13306}
MY_ROOT_PASSWORD=
# shellcheck source=lib/mariadbserver.sh
source "$SERVERS_HOME/lib/mariadbserver.sh"
