package ajar.testserver;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * Runs one real OpenSearch node in this JVM, for tests only.
 *
 * Usage: OpenSearchNode HOME. All settings come from HOME/config/opensearch.yml and logging
 * from HOME/config/log4j2.properties, both written by tests/servers/opensearch.sh.
 * SIGTERM closes the node cleanly.
 */
public final class OpenSearchNode {
    /** Node's constructor that takes classpath plugins is protected. */
    private static final class EmbeddedNode extends Node {
        EmbeddedNode(Environment env) {
            super(env, List.of(Netty4Plugin.class), true);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: OpenSearchNode HOME   (reads HOME/config/opensearch.yml)");
            System.exit(2);
        }
        Path home = Paths.get(args[0]).toAbsolutePath();
        Settings base = Settings.builder().put("path.home", home.toString()).build();
        Environment env = InternalSettingsPreparer.prepareEnvironment(
            base, Map.of(), home.resolve("config"), () -> "ajar-opensearch");
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
        // All OpenSearch threads are daemon threads: keep the JVM alive until SIGTERM.
        closed.await();
    }
}
