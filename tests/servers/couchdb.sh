# shellcheck shell=bash
# couchdb: pouchdb-server 4.2.0 (npm), a CouchDB-compatible HTTP API, "admin party" (no
# admin: anyone may read and write); databases residents, vehicles and logs (no personal
# data). Port: AJAR_COUCHDB_PORT (15984).
COUCH_PORT=${AJAR_COUCHDB_PORT:-15984}
COUCH_ADMIN_PASSWORD=
# shellcheck source=lib/couchserver.sh
source "$SERVERS_HOME/lib/couchserver.sh"
