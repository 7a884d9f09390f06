# shellcheck shell=bash
# couchdb-auth: the same data in a second pouchdb-server with an admin (ADMIN_USER admin,
# ADMIN_PASSWORD c0uch-s3cret in env) and a _security members list on every database:
# anonymous reads of documents get 401. Anonymous PUT/DELETE of a database can kill this
# server or hang that database (see README): restart it per test that tries writes.
# Port: AJAR_COUCHDB_AUTH_PORT (15985).
COUCH_PORT=${AJAR_COUCHDB_AUTH_PORT:-15985}
COUCH_ADMIN_PASSWORD=${AJAR_COUCHDB_AUTH_PASSWORD:-c0uch-s3cret}
# shellcheck source=lib/couchserver.sh
source "$SERVERS_HOME/lib/couchserver.sh"
