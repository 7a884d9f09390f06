# shellcheck shell=bash
# redis: Debian's redis-server 7.0, no password, protected mode off (binds 127.0.0.1 only),
# seeded with user:*, session:*, face:*, cache:* keys, a list, a set and a zset
# (lib/seed_stores.py). Port: AJAR_REDIS_PORT (16379).
REDIS_PORT=${AJAR_REDIS_PORT:-16379}
REDIS_PASSWORD=
# shellcheck source=lib/redisserver.sh
source "$SERVERS_HOME/lib/redisserver.sh"
