# shellcheck shell=bash
# httpdir: an open directory listing (Debian nginx, `autoindex on`) of the seeded data
# files (lib/seed_files.py): /dumps/, /exports/, /docs/. Port: AJAR_HTTPDIR_PORT (18480).
HTTPDIR_PORT=${AJAR_HTTPDIR_PORT:-18480}
HTTPDIR_USER=
# shellcheck source=lib/httpdirserver.sh
source "$SERVERS_HOME/lib/httpdirserver.sh"
