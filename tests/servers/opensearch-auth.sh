# shellcheck shell=bash
# opensearch-auth: the opensearch node behind a private nginx with HTTP basic auth
# (auditor / s3cret-pass). Access log: $AJAR_SERVERS_DIR/opensearch-auth/access.log
# (also ACCESS_LOG in $AJAR_SERVERS_DIR/opensearch-auth/env). Port: AJAR_OPENSEARCH_AUTH_PORT (19201).
PROXY_BACKEND=opensearch
PROXY_PORT=${AJAR_OPENSEARCH_AUTH_PORT:-19201}
PROXY_MODE=auth
PROXY_USER=auditor
PROXY_PASSWORD=s3cret-pass
# shellcheck source=lib/nginxproxy.sh
source "$SERVERS_HOME/lib/nginxproxy.sh"
