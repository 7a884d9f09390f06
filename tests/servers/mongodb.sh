# shellcheck shell=bash
# mongodb: FerretDB v1.24 (MongoDB wire protocol, SQLite backend; built from the Go module
# proxy once), no auth at all; databases smartcity (faces, checkpoints, patients) and logs
# (no personal data). See README for where FerretDB differs from MongoDB.
# Port: AJAR_MONGODB_PORT (27117).
MONGO_PORT=${AJAR_MONGODB_PORT:-27117}
MONGO_USER=
MONGO_PASSWORD=
# shellcheck source=lib/ferretdbserver.sh
source "$SERVERS_HOME/lib/ferretdbserver.sh"
