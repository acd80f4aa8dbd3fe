package se.samverkansvaven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One data directory through a life: made by a version whose embedded database had no authentication, upgraded by
 * the first start of this one (password file generated, Bolt closed without it), used by the command-line verbs
 * (which open the same database), and started again.
 */
class EmbeddedDataDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void anOldDataDirectoryIsUpgradedAndKeepsWorkingForTheAppAndTheCommandLine() throws Exception {
        Path home = dir.resolve("data");
        // What an older version left: a database started without authentication, with data in it.
        DatabaseManagementService old = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 16L << 20).build();
        old.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
                .executeTransactionally("CREATE (:OldVersionMarker {note: 'kept'})");
        old.shutdown();
        Path secretFile = home.resolve("neo4j-password");
        assertThat(secretFile).doesNotExist();

        String secret;
        try (var app = start(home)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile))).isEqualTo("rw-------");
            secret = Files.readString(secretFile).strip();
            String bolt = bolt(app);
            assertThatThrownBy(() -> marker(bolt, AuthTokens.none())).isInstanceOf(SecurityException.class);
            assertThat(marker(bolt, AuthTokens.basic("neo4j", secret))).isEqualTo("kept");
            assertThat(marker(app.getBean(Driver.class))).isEqualTo("kept");
            assertThat(loggedInAs(app, "admin", "test-admin-password")).isEqualTo(200);
        }

        // The verbs open the same embedded database with the same password (the app is stopped); without loading
        // the shipped data, as the app here does not, which would be most of their run time.
        Path export = dir.resolve("export.json");
        assertThat(CommandLine.run(SamverkansvavenApplication.class, new String[] {"add-user", "cli-admin", "--role", "ADMIN",
                "--samverkansvaven.embedded.data-dir=" + home, "--samverkansvaven.embedded.bolt-port=0",
                "--samverkansvaven.data.load-reference=false"})).isZero();
        assertThat(CommandLine.run(SamverkansvavenApplication.class, new String[] {"export", "--format", "json",
                "--out", export.toString(), "--samverkansvaven.embedded.data-dir=" + home,
                "--samverkansvaven.embedded.bolt-port=0", "--samverkansvaven.data.load-reference=false"})).isZero();
        assertThat(export).isNotEmptyFile();

        try (var app = start(home)) {
            assertThat(Files.readString(secretFile).strip()).isEqualTo(secret);
            assertThat(marker(app.getBean(Driver.class))).isEqualTo("kept");
            assertThat(marker(bolt(app), AuthTokens.basic("neo4j", secret))).isEqualTo("kept");
            assertThat(loggedInAs(app, "admin", "test-admin-password")).isEqualTo(200);
            try (var session = app.getBean(Driver.class).session()) {
                assertThat(session.run("MATCH (u:User {username: 'cli-admin'}) RETURN count(u) AS n").single()
                        .get("n").asLong()).isEqualTo(1);
            }
        }
    }

    @Test
    void aDeletedPasswordFileIsReplacedAndTheOldPasswordStopsWorking() throws Exception {
        Path home = dir.resolve("data");
        String first;
        try (var app = start(home)) {
            first = Files.readString(home.resolve("neo4j-password")).strip();
        }
        Files.delete(home.resolve("neo4j-password"));
        try (var app = start(home)) {
            String second = Files.readString(home.resolve("neo4j-password")).strip();
            assertThat(second).isNotEqualTo(first);
            assertThatThrownBy(() -> marker(bolt(app), AuthTokens.basic("neo4j", first))).isInstanceOf(SecurityException.class);
            assertThat(loggedInAs(app, "admin", "test-admin-password")).isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(Path home) {
        return new SpringApplicationBuilder(SamverkansvavenApplication.class).run(
                "--samverkansvaven.embedded.data-dir=" + home, "--samverkansvaven.embedded.bolt-port=0",
                "--server.port=0", "--samverkansvaven.data.load-reference=false");
    }

    private static String bolt(ConfigurableApplicationContext app) {
        var api = (GraphDatabaseAPI) app.getBean(DatabaseManagementService.class)
                .database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        return "bolt://127.0.0.1:" + api.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
    }

    private static String marker(String bolt, org.neo4j.driver.AuthToken auth) {
        try (Driver driver = GraphDatabase.driver(bolt, auth)) {
            return marker(driver);
        }
    }

    private static String marker(Driver driver) {
        try (var session = driver.session()) {
            var rows = session.run("MATCH (m:OldVersionMarker) RETURN m.note AS note").list(r -> r.get("note").asString());
            return rows.isEmpty() ? "none" : rows.getFirst();
        }
    }

    /** GET /api/me with HTTP Basic: 200 and the name when the login works. */
    private static int loggedInAs(ConfigurableApplicationContext app, String user, String password) {
        var api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        var response = api.send(HttpRequest.newBuilder(api.uri("/api/me")).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).build());
        assertThat(response.json().get("username").asString()).isEqualTo(user);
        return response.status();
    }
}
