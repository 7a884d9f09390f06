# shellcheck shell=bash
# mongodb-auth: the same data in a second FerretDB with authentication on
# (--test-enable-new-auth, SCRAM-SHA-256): user admin in database admin (USER, PASSWORD,
# AUTH_SOURCE in env; m0ngo-s3cret). Without credentials listDatabases answers
# "Command listDatabases requires authentication" (code 13, Unauthorized).
# Port: AJAR_MONGODB_AUTH_PORT (27118).
MONGO_PORT=${AJAR_MONGODB_AUTH_PORT:-27118}
MONGO_USER="admin"
MONGO_PASSWORD=${AJAR_MONGODB_AUTH_PASSWORD:-m0ngo-s3cret}
# shellcheck source=lib/ferretdbserver.sh
source "$SERVERS_HOME/lib/ferretdbserver.sh"
