# shellcheck shell=bash
# elasticsearch: a real single-node Elasticsearch 7.17 (org.elasticsearch:elasticsearch from
# Maven Central, the Apache-2.0 core without x-pack, run by elasticsearch/ launcher), plain
# HTTP, no security, same seed as opensearch.
# Port: AJAR_ELASTICSEARCH_PORT (19210); transport AJAR_ELASTICSEARCH_TRANSPORT_PORT (19310).
NODE_SRC=$SERVERS_HOME/elasticsearch
NODE_MAIN=ajar.testserver.ElasticsearchNode
NODE_YML=elasticsearch.yml
NODE_HTTP_PORT=${AJAR_ELASTICSEARCH_PORT:-19210}
NODE_TRANSPORT_PORT=${AJAR_ELASTICSEARCH_TRANSPORT_PORT:-19310}
# shellcheck source=lib/searchnode.sh
source "$SERVERS_HOME/lib/searchnode.sh"
