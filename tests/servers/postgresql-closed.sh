# shellcheck shell=bash
# postgresql-closed: a second PostgreSQL 15 with the same data where every login over TCP
# needs a scram-sha-256 password, `postgres` included (POSTGRES_PASSWORD in env:
# p0stgres-s3cret); role `auditor` (SCRAM_PASSWORD: aud1tor-s3cret, member of
# pg_read_all_data). No trust, no cleartext, no md5. Port: AJAR_POSTGRESQL_CLOSED_PORT (15433).
PG_PORT=${AJAR_POSTGRESQL_CLOSED_PORT:-15433}
PG_CLOSED=1
# shellcheck source=lib/pgserver.sh
source "$SERVERS_HOME/lib/pgserver.sh"
