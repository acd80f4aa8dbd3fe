package se.samverkansvaven.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;

/**
 * The embedded database's Bolt port with the app running, as a local process, another container in the same
 * network namespace or an SSRF would meet it (issue 18, the probe read every :User with no password and
 * {@code LOAD CSV}'d {@code /etc/passwd}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedBoltAuthTest {

    @Autowired
    DatabaseManagementService database;

    @Autowired
    EmbeddedNeo4jProperties properties;

    @Autowired
    Driver appDriver;

    @LocalServerPort
    int httpPort;

    private String bolt() {
        var api = (GraphDatabaseAPI) database.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        return "bolt://127.0.0.1:" + api.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
    }

    private Path secretFile() {
        return properties.dataDir().toAbsolutePath().resolve("neo4j-password"); // the documented file
    }

    private String secret() throws Exception {
        return Files.readString(secretFile()).strip();
    }

    private List<String> usernames(AuthToken auth) {
        try (Driver driver = GraphDatabase.driver(bolt(), auth); var session = driver.session()) {
            return session.run("MATCH (u:User) RETURN u.username AS name ORDER BY name").list(r -> r.get("name").asString());
        }
    }

    @Test
    void withoutThePasswordNothingIsRead() {
        assertThatThrownBy(() -> usernames(AuthTokens.none())).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> usernames(AuthTokens.basic("neo4j", "neo4j"))).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> usernames(AuthTokens.basic("neo4j", "wrong-password"))).isInstanceOf(SecurityException.class);
        // the app's own administrator is no database user
        assertThatThrownBy(() -> usernames(AuthTokens.basic("admin", "test-admin-password"))).isInstanceOf(SecurityException.class);
    }

    @Test
    void manyWrongPasswordsDoNotLockTheAppOut() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> usernames(AuthTokens.basic("neo4j", "guess"))).isInstanceOf(SecurityException.class);
        }
        // Neo4j's default would lock "neo4j" for 5 s after 3 failures, also for the app's new connections.
        assertThat(usernames(AuthTokens.basic("neo4j", secret()))).contains("admin");
    }

    @Test
    void theSecretIsGeneratedReadableByItsOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile()))).isEqualTo("rw-------");
        assertThat(secret()).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
        // with it, a person reaches the database on purpose (Neo4j Browser, cypher-shell)
        assertThat(usernames(AuthTokens.basic("neo4j", secret()))).contains("admin");
    }

    @Test
    void loadCsvReadsNoFileAndNoUrl() throws Exception {
        try (Driver driver = GraphDatabase.driver(bolt(), AuthTokens.basic("neo4j", secret()));
             var session = driver.session()) {
            assertThatThrownBy(() -> session.run("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN count(line)").consume())
                    .isInstanceOf(ClientException.class).hasMessageContaining("allow_csv_import_from_file_urls");
            String local = "http://127.0.0.1:" + httpPort + "/api/sectors";
            assertThatThrownBy(() -> session.run("LOAD CSV FROM $url AS line RETURN count(line)", Map.of("url", local)).consume())
                    .isInstanceOf(ClientException.class).hasMessageContaining("blocked");
        }
    }

    @Test
    void theAppReadsAndWritesWithIt() {
        var api = new ApiClient(httpPort);
        assertThat(api.get("/api/municipalities/1496").status()).isEqualTo(200);
        // every session of the app's driver shares its bookmark manager (causal consistency on a cluster)
        assertThat(appDriver).isInstanceOf(BookmarkSharingDriver.class);
        try (var session = appDriver.session()) {
            long before = session.executeRead(tx -> tx.run("MATCH (r:GraphRevision) RETURN r.value AS v").single().get("v").asLong());
            session.executeWriteWithoutResult(tx -> GraphRevisions.bump(tx));
            assertThat(appDriver.executableQueryBookmarkManager().getBookmarks()).containsAll(session.lastBookmarks());
            long after = session.executeRead(tx -> tx.run("MATCH (r:GraphRevision) RETURN r.value AS v").single().get("v").asLong());
            assertThat(after).isEqualTo(before + 1);
        }
    }
}
