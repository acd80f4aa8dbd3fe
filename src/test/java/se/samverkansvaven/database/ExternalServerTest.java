package se.samverkansvaven.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.SamverkansvavenApplication;

/**
 * The app pointed at a Neo4j server through {@code spring.neo4j.uri}: nothing embedded starts, the data is
 * loaded into the server, a server that goes away gives 503 and health DOWN, and when it comes back the
 * same app answers again without a restart. The "server" is a second Neo4j in this JVM, reached only over
 * Bolt like any other server, so this runs where Docker does not.
 */
class ExternalServerTest {

    @TempDir
    Path home;

    DatabaseManagementService server;
    ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (server != null) {
            server.shutdown();
        }
    }

    @Test
    void usesTheServerAndSurvivesItsRestart() throws Exception {
        int boltPort = freePort();
        server = startServer(boltPort);
        Path embeddedDir = home.resolve("must-stay-empty");
        app = new SpringApplicationBuilder(SamverkansvavenApplication.class).run(
                "--spring.neo4j.uri=bolt://127.0.0.1:" + boltPort,
                "--samverkansvaven.embedded.data-dir=" + embeddedDir,
                "--samverkansvaven.security.allow-neo4j-without-auth=true",
                // A read while the server is down fails after 1 s of retries instead of the driver's default 30 s.
                "--spring.neo4j.max-transaction-retry-time=1s",
                // The reference data is what the checks read; the shipped bundles would only lengthen the start.
                "--samverkansvaven.data.bundles=false", "--samverkansvaven.data.illustrative=false",
                "--server.port=0");
        assertThat(app.getBeansOfType(DatabaseManagementService.class)).isEmpty();
        assertThat(Files.exists(embeddedDir)).isFalse();
        var api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));

        assertThat(api.get("/api/municipalities/1496").status()).isEqualTo(200);
        assertThat(api.get("/api/municipalities/1496").json().get("neighbours")).hasSize(8);

        server.shutdown();
        server = null;
        var down = api.get("/api/municipalities/1496");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json().get("detail").asString()).contains("cannot be reached");
        var health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asString()).isEqualTo("DOWN");

        server = startServer(boltPort);
        var back = api.get("/api/municipalities/1496");
        assertThat(back.status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
    }

    /** This "server" has authentication off: without the explicit permission the app refuses to start. */
    @Test
    void refusesAServerWithAuthenticationDisabled() throws Exception {
        int boltPort = freePort();
        server = startServer(boltPort);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SpringApplicationBuilder(SamverkansvavenApplication.class)
                        .run("--spring.neo4j.uri=bolt://127.0.0.1:" + boltPort,
                                "--samverkansvaven.embedded.data-dir=" + home.resolve("unused"), "--server.port=0"))
                .hasStackTraceContaining("authentication disabled")
                .hasStackTraceContaining("allow-neo4j-without-auth");
        // refused before anything was written to the open server: no schema, no reference data
        var db = server.database("neo4j");
        long nodes = db.executeTransactionally("MATCH (n) RETURN count(n) AS n", java.util.Map.of(),
                r -> (Long) r.next().get("n"));
        long constraints = db.executeTransactionally("SHOW CONSTRAINTS YIELD name RETURN count(name) AS n",
                java.util.Map.of(), r -> (Long) r.next().get("n"));
        assertThat(nodes).isZero();
        assertThat(constraints).isZero();
    }

    private DatabaseManagementService startServer(int boltPort) {
        return new DatabaseManagementServiceBuilder(home.resolve("server"))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                .build();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
