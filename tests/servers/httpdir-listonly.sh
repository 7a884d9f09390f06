# shellcheck shell=bash
# httpdir-listonly: the same listing, open to anyone, every file refused (nginx `deny all`
# on every path that does not end in /: 403): listing open, reading closed. Port:
# AJAR_HTTPDIR_LISTONLY_PORT (18482).
HTTPDIR_PORT=${AJAR_HTTPDIR_LISTONLY_PORT:-18482}
HTTPDIR_USER=
HTTPDIR_FILES_DENIED=1
# shellcheck source=lib/httpdirserver.sh
source "$SERVERS_HOME/lib/httpdirserver.sh"
