package se.samverkansvaven.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.AutoCommitRetriesMode;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Config;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.NotificationCategory;
import org.neo4j.driver.NotificationConfig;
import org.neo4j.driver.NotificationSeverity;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Causal consistency: every session of the app's driver starts from the bookmarks of what this instance wrote.
 * No cluster here, so a lagging secondary is made: a copy of the primary's store taken before the write, served by
 * a second Neo4j with the same database id. A plain {@code driver.session()}, as the app opens them, then waits
 * for the write on that secondary (and times out, as this one never catches up) instead of reading the old state.
 */
class BookmarkSharingDriverTest {

    @TempDir
    Path dir;

    @Test
    void aReadAfterThisInstancesWriteWaitsForItOnALaggingSecondary() throws Exception {
        Path primaryHome = dir.resolve("primary");
        Path secondaryHome = dir.resolve("secondary");
        DatabaseManagementService primary = start(primaryHome, 0);
        primary.database("neo4j").executeTransactionally("CREATE (:Marker {value: 'before'})");
        primary.shutdown();
        copy(primaryHome, secondaryHome); // the secondary's state: before the write
        primary = start(primaryHome, 0);
        DatabaseManagementService secondary = start(secondaryHome, 0);
        try (Driver toPrimary = GraphDatabase.driver(bolt(primary), AuthTokens.none());
             Driver rawToSecondary = GraphDatabase.driver(bolt(secondary), AuthTokens.none());
             // No retries: the secondary's bookmark timeout (1 s) is the wait shown; the driver's default would retry
             // the timed-out read for 30 s more before giving up.
             Driver app = new BookmarkSharingDriver(GraphDatabase.driver(bolt(secondary), AuthTokens.none(),
                     Config.builder().withMaxTransactionRetryTime(0, TimeUnit.SECONDS).build()))) {
            // The app's write, routed to the primary, with the app's shared bookmark manager (as a routing driver does).
            try (var session = toPrimary.session(SessionConfig.builder()
                    .withBookmarkManager(app.executableQueryBookmarkManager()).build())) {
                session.executeWriteWithoutResult(tx -> tx.run("MATCH (m:Marker) SET m.value = 'after'").consume());
            }
            assertThat(app.executableQueryBookmarkManager().getBookmarks()).isNotEmpty();

            // Without the shared bookmarks the secondary answers at once with the state before the write.
            try (var session = rawToSecondary.session()) {
                String seen = session.executeRead(tx -> tx.run("MATCH (m:Marker) RETURN m.value AS v").single().get("v").asString());
                assertThat(seen).isEqualTo("before");
            }
            // The app's session waits for the write instead (here until the secondary's bookmark timeout).
            try (var session = app.session()) {
                assertThatThrownBy(() -> session.executeRead(tx -> tx.run("MATCH (m:Marker) RETURN m.value AS v").single()))
                        .isInstanceOf(TransientException.class)
                        .satisfies(e -> assertThat(((TransientException) e).code()).contains("Bookmark"));
            }
        } finally {
            secondary.shutdown();
            primary.shutdown();
        }
    }

    @Test
    void aSessionConfigKeepsEverySettingAndGetsTheSharedManager() throws Exception {
        var manager = BookmarkManagers.defaultManager(org.neo4j.driver.BookmarkManagerConfig.builder().build());
        SessionConfig.Builder settings = SessionConfig.builder()
                .withBookmarks(List.of(Bookmark.from("FB:some-bookmark")))
                .withDefaultAccessMode(AccessMode.READ)
                .withDatabase("neo4j")
                .withFetchSize(77)
                .withImpersonatedUser("someone")
                .withNotificationConfig(NotificationConfig.defaultConfig()
                        .enableMinimumSeverity(NotificationSeverity.WARNING)
                        .disableCategories(Set.of(NotificationCategory.DEPRECATION)))
                .withAutoCommitRetriesMode(AutoCommitRetriesMode.DISABLED);
        SessionConfig copied = BookmarkSharingDriver.withSharedBookmarks(settings.build(), manager);
        SessionConfig expected = settings.withBookmarkManager(manager).build();
        for (Field field : SessionConfig.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                assertThat(field.get(copied)).as(field.getName()).isEqualTo(field.get(expected));
            }
        }
        // its own manager stays
        var own = BookmarkManagers.defaultManager(org.neo4j.driver.BookmarkManagerConfig.builder().build());
        SessionConfig withOwn = SessionConfig.builder().withBookmarkManager(own).build();
        assertThat(BookmarkSharingDriver.withSharedBookmarks(withOwn, manager).bookmarkManager()).contains(own);
    }

    private DatabaseManagementService start(Path home, int port) {
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.pagecache_memory, 16L << 20)
                .setConfig(GraphDatabaseSettings.bookmark_ready_timeout, Duration.ofSeconds(1))
                .build();
    }

    private static String bolt(DatabaseManagementService dbms) {
        var api = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        return "bolt://127.0.0.1:" + api.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getFileName().toString().endsWith(".lock")) {
                    Files.copy(source, target);
                }
            }
        }
    }
}
