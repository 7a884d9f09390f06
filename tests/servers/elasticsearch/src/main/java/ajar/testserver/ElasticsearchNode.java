package ajar.testserver;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.Netty4Plugin;

/**
 * Runs one real Elasticsearch node in this JVM, for tests only.
 *
 * Usage: ElasticsearchNode HOME. All settings come from HOME/config/elasticsearch.yml and logging
 * from HOME/config/log4j2.properties, both written by tests/servers/elasticsearch.sh.
 * SIGTERM closes the node cleanly.
 */
public final class ElasticsearchNode {
    /** Node's constructor that takes classpath plugins is protected. */
    private static final class EmbeddedNode extends Node {
        EmbeddedNode(Environment env) {
            super(env, List.of(Netty4Plugin.class), true);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ElasticsearchNode HOME   (reads HOME/config/elasticsearch.yml)");
            System.exit(2);
        }
        Path home = Paths.get(args[0]).toAbsolutePath();
        Settings base = Settings.builder().put("path.home", home.toString()).build();
        Environment env = InternalSettingsPreparer.prepareEnvironment(
            base, Map.of(), home.resolve("config"), () -> "ajar-elasticsearch");
        LogConfigurator.registerErrorListener();
        LogConfigurator.configure(env);

        Node node = new EmbeddedNode(env);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                closed.countDown();
            }
        }, "ajar-shutdown"));
        node.start();
        System.out.println("ajar: node started");
        // All Elasticsearch threads are daemon threads: keep the JVM alive until SIGTERM.
        closed.await();
    }
}
