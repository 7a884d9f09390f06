# shellcheck shell=bash
# opensearch: a real single-node OpenSearch 2.19 (org.opensearch:opensearch from Maven
# Central, run by opensearch/ launcher), plain HTTP, no security, seeded by lib/seed_search.py.
# Port: AJAR_OPENSEARCH_PORT (19200); transport AJAR_OPENSEARCH_TRANSPORT_PORT (19300).
NODE_SRC=$SERVERS_HOME/opensearch
NODE_MAIN=ajar.testserver.OpenSearchNode
NODE_YML=opensearch.yml
NODE_HTTP_PORT=${AJAR_OPENSEARCH_PORT:-19200}
NODE_TRANSPORT_PORT=${AJAR_OPENSEARCH_TRANSPORT_PORT:-19300}
# shellcheck source=lib/searchnode.sh
source "$SERVERS_HOME/lib/searchnode.sh"
