# shellcheck shell=bash
# opensearch-tls: the opensearch node behind a private nginx serving HTTPS with a self-signed
# certificate (CN and SAN 127.0.0.1; CA_CERT in $AJAR_SERVERS_DIR/opensearch-tls/env), no auth.
# Port: AJAR_OPENSEARCH_TLS_PORT (19443).
PROXY_BACKEND=opensearch
PROXY_PORT=${AJAR_OPENSEARCH_TLS_PORT:-19443}
PROXY_MODE=tls
# shellcheck source=lib/nginxproxy.sh
source "$SERVERS_HOME/lib/nginxproxy.sh"
