# shellcheck shell=bash
# postgresql: Debian's PostgreSQL 15 (postgresql-15), a fresh cluster in the state dir run
# as the `postgres` system user (initdb refuses root), listening on 127.0.0.1 only, socket in
# the state dir. pg_hba: user postgres `trust` (no password) on 127.0.0.1 and the local
# socket; every other role scram-sha-256, e.g. `auditor` (PASSWORD in env, member of
# pg_read_all_data). Database smartcity: residents, checkpoint_events, patients, app_metrics
# (lib/seed_stores.py). After seeding, log_connections and log_statement=all are on, so
# server.log shows what a test's client did. Port: AJAR_POSTGRESQL_PORT (15432).
PG_PORT=${AJAR_POSTGRESQL_PORT:-15432}
PG_CLOSED=
# shellcheck source=lib/pgserver.sh
source "$SERVERS_HOME/lib/pgserver.sh"
