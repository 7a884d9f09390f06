# shellcheck shell=bash
# mysql-closed: a second MariaDB 10.11 with the same data, root with a password (PASSWORD in
# env: cl0sed-r00t); an empty password gets "Access denied". Port: AJAR_MYSQL_CLOSED_PORT (13307).
MY_PORT=${AJAR_MYSQL_CLOSED_PORT:-13307}
MY_ROOT_PASSWORD=${AJAR_MYSQL_CLOSED_PASSWORD:-cl0sed-r00t}
# shellcheck source=lib/mariadbserver.sh
source "$SERVERS_HOME/lib/mariadbserver.sh"
