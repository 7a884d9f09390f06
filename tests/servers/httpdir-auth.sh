# shellcheck shell=bash
# httpdir-auth: the same listing behind HTTP basic auth, user `auditor`, password
# AJAR_HTTPDIR_AUTH_PASSWORD (`d1r-s3cret`): 401 without it. Port: AJAR_HTTPDIR_AUTH_PORT
# (18481).
HTTPDIR_PORT=${AJAR_HTTPDIR_AUTH_PORT:-18481}
HTTPDIR_USER=auditor
HTTPDIR_PASSWORD=${AJAR_HTTPDIR_AUTH_PASSWORD:-d1r-s3cret}
# shellcheck source=lib/httpdirserver.sh
source "$SERVERS_HOME/lib/httpdirserver.sh"
