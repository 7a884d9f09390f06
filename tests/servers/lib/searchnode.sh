# shellcheck shell=bash
# A real single search node (OpenSearch or Elasticsearch) run from Maven Central jars by a
# tiny launcher class, then seeded. Sourced by opensearch.sh / elasticsearch.sh after they set:
#   NODE_SRC             dir with the launcher's pom.xml and src/
#   NODE_MAIN            launcher class
#   NODE_YML             config file name the launcher's Environment reads (opensearch.yml, ...)
#   NODE_HTTP_PORT, NODE_TRANSPORT_PORT
# Optional: AJAR_SEARCH_HEAP (default 512m), AJAR_SEARCH_JAVA_OPTS (extra JVM options),
#           AJAR_MVN_OPTS (extra Maven options, e.g. -o), AJAR_SEED=0 to skip seeding.

srv_url() { printf 'http://127.0.0.1:%s\n' "$NODE_HTTP_PORT"; }
srv_ports() { printf '%s\n' "$NODE_HTTP_PORT" "$NODE_TRANSPORT_PORT"; }
srv_ready() { python3 "$SERVERS_HOME/lib/waitready.py" --url "$(srv_url)" --timeout 30; }

# Compile the launcher and resolve its classpath into $NODE_BUILD; skipped when the pom and
# sources are unchanged and every jar is still in the Maven cache (~/.m2).
node_build() {
    NODE_BUILD=$AJAR_SERVERS_DIR/.build/$(basename "$NODE_SRC")
    local stamp jar ok=1
    stamp=$( (cat "$NODE_SRC/pom.xml"; find "$NODE_SRC/src" -type f | LC_ALL=C sort | xargs cat) |
        sha256sum | cut -d' ' -f1)
    if [[ -f $NODE_BUILD/stamp && $(cat "$NODE_BUILD/stamp") == "$stamp" && -s $NODE_BUILD/classpath.txt ]]; then
        while IFS= read -r -d: jar; do
            [[ -f $jar ]] || { ok=0; break; }
        done < <(tr -d '\n' <"$NODE_BUILD/classpath.txt"; printf ':')
        ((ok)) && return 0
    fi
    command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is needed to fetch the node's jars"
    say "$SRV_NAME: building the launcher with Maven (the first run downloads ~70 MB into ~/.m2)"
    rm -rf "$NODE_BUILD"
    mkdir -p "$NODE_BUILD"
    # shellcheck disable=SC2086
    if ! mvn -B -q ${AJAR_MVN_OPTS:-} -f "$NODE_SRC/pom.xml" -Dajar.build.dir="$NODE_BUILD" \
        compile dependency:build-classpath -Dmdep.outputFile="$NODE_BUILD/classpath.txt" \
        >"$NODE_BUILD/mvn.log" 2>&1; then
        tail -n 40 "$NODE_BUILD/mvn.log" >&2
        die "$SRV_NAME: Maven build failed (log: $NODE_BUILD/mvn.log)"
    fi
    printf '%s\n' "$stamp" >"$NODE_BUILD/stamp"
}

node_java() {
    if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
        printf '%s\n' "$JAVA_HOME/bin/java"
    elif command -v java >/dev/null 2>&1; then
        command -v java
    else
        die "Java 17+ is needed (no java on PATH and no JAVA_HOME)"
    fi
}

srv_start() {
    local java
    java=$(node_java)
    node_build
    port_free_or_die "$NODE_HTTP_PORT"
    port_free_or_die "$NODE_TRANSPORT_PORT"

    # A fresh node every time: the seed below makes the same data again.
    local d=${SRV_DIR:?}
    rm -rf "${d:?}/home" "$d/data" "$d/logs" "$d/tmp" "$d/seed.json" "$d/env"
    mkdir -p "$SRV_DIR/home/config" "$SRV_DIR/data" "$SRV_DIR/logs" "$SRV_DIR/tmp"
    cat >"$SRV_DIR/home/config/$NODE_YML" <<EOF
cluster.name: ajar-test
node.name: ajar-$SRV_NAME
network.host: 127.0.0.1
http.port: $NODE_HTTP_PORT
transport.port: $NODE_TRANSPORT_PORT
discovery.type: single-node
path.data: $SRV_DIR/data
path.logs: $SRV_DIR/logs
cluster.routing.allocation.disk.threshold_enabled: false
EOF
    cat >"$SRV_DIR/home/config/log4j2.properties" <<'EOF'
status = error
appender.console.type = Console
appender.console.name = console
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d{ISO8601}][%-5p][%c{1.}] %m%n
rootLogger.level = info
rootLogger.appenderRef.console.ref = console
EOF
    : >"$SRV_LOG"
    local heap=${AJAR_SEARCH_HEAP:-512m}
    # shellcheck disable=SC2086
    spawn "$SRV_LOG" "$java" -Xms"$heap" -Xmx"$heap" \
        -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xss1m \
        -Djava.io.tmpdir="$SRV_DIR/tmp" -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
        -Dlog4j2.formatMsgNoLookups=true -Dlog4j.shutdownHookEnabled=false \
        -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true \
        -Dio.netty.recycler.maxCapacityPerThread=0 -Dio.netty.allocator.numDirectArenas=0 \
        ${AJAR_SEARCH_JAVA_OPTS:-} \
        -cp "$NODE_BUILD/classes:$(cat "$NODE_BUILD/classpath.txt")" \
        "$NODE_MAIN" "$SRV_DIR/home"
    wait_search_ready "$(srv_url)"

    if [[ ${AJAR_SEED:-1} != 0 ]]; then
        if ! python3 "$SERVERS_HOME/lib/seed_search.py" --url "$(srv_url)" \
            --manifest "$SRV_DIR/seed.json" 2>"$SRV_DIR/seed.log"; then
            cat "$SRV_DIR/seed.log" >&2
            srv_stop_pid 10
            die "$SRV_NAME: seeding failed"
        fi
    fi
    cat >"$SRV_DIR/env" <<EOF
URL=$(srv_url)
PID=$(cat "$SRV_DIR/pid")
LOG=$SRV_LOG
SEED_MANIFEST=$SRV_DIR/seed.json
EOF
}
