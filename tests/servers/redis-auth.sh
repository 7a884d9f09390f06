# shellcheck shell=bash
# redis-auth: the same data in a second redis-server with requirepass (PASSWORD in env:
# r3dis-s3cret); unauthenticated clients get -NOAUTH. Port: AJAR_REDIS_AUTH_PORT (16380).
REDIS_PORT=${AJAR_REDIS_AUTH_PORT:-16380}
REDIS_PASSWORD=${AJAR_REDIS_AUTH_PASSWORD:-r3dis-s3cret}
# shellcheck source=lib/redisserver.sh
source "$SERVERS_HOME/lib/redisserver.sh"
