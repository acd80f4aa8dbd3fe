package se.samverkansvaven.database;

import inet.ipaddr.IPAddressString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.PortBindException;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: with no {@code spring.neo4j.uri}, Neo4j runs in this process (the real database,
 * data on disk, Bolt on 127.0.0.1 only) and the application talks to it through the ordinary driver over
 * Bolt, exactly as it would to a server. The one exception is the analyses' input, read in process from the
 * {@link DatabaseManagementService} bean (analysis.data.EmbeddedDataSource), twice as fast at 100,000 municipalities.
 * Spring Boot's own driver configuration steps back because this configuration defines the {@link Driver}.
 *
 * <p>Bolt requires a login as on a server: 127.0.0.1 is reachable by every process on the host, by other
 * containers in the same network namespace and by anything tricked into a request (SSRF). The user is
 * {@code neo4j}, its password the one in {@link EmbeddedSecret} (the file {@code neo4j-password} in the data
 * directory, 600), set on the user at every start, so the first start of a data directory from a version without
 * authentication upgrades it. {@code LOAD CSV} reads no file and fetches no URL (docs/security.md).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalNeo4jCondition.class)
class EmbeddedNeo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

    /** The Bolt user's name; Community has no roles, every user may do everything. */
    static final String USER = "neo4j";

    @Bean
    EmbeddedSecret embeddedSecret(EmbeddedNeo4jProperties properties) {
        EmbeddedSecret secret = EmbeddedSecret.loadOrCreate(properties.dataDir().toAbsolutePath());
        if (secret.generated()) {
            log.info("Generated the embedded database's password in {} (user {}, readable by its owner only)",
                    secret.file(), USER);
        }
        return secret;
    }

    @Bean(destroyMethod = "shutdown")
    DatabaseManagementService embeddedDatabase(EmbeddedNeo4jProperties properties, EmbeddedSecret secret) {
        Path home = properties.dataDir().toAbsolutePath();
        log.info("Starting embedded Neo4j in {} with Bolt on 127.0.0.1:{}", home, properties.boltPort());
        DatabaseManagementService database;
        try {
            database = start(home, properties);
        } catch (RuntimeException e) {
            // Neo4j says only "Error starting Neo4j database server at <dir>"; the usual cause, a second instance on
            // the same machine, is four causes down.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof PortBindException) {
                    throw new IllegalStateException("Bolt port 127.0.0.1:" + properties.boltPort() + " is already in use"
                            + " (another Samverkansväven or Neo4j on this machine?): stop it or set"
                            + " samverkansvaven.embedded.bolt-port to a free port", e);
                }
            }
            throw e;
        }
        try {
            setPassword(database, secret);
        } catch (RuntimeException e) {
            database.shutdown();
            throw e;
        }
        return database;
    }

    /**
     * Makes the secret the Bolt user's password, unless it already is (Neo4j refuses to "change" a password to
     * itself). Set in process on the system database, where no login is needed. On a new database this replaces
     * Neo4j's initial {@code neo4j}/{@code neo4j}, which must be changed before use; on a data directory of a
     * version without authentication it is the upgrade; after the file was replaced or deleted, the new value.
     */
    private static void setPassword(DatabaseManagementService database, EmbeddedSecret secret) {
        var token = AuthTokens.basic(USER, secret.password());
        try (Driver probe = GraphDatabase.driver(boltUri(database), token)) {
            if (probe.verifyAuthentication(token)) {
                return;
            }
        }
        database.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER " + USER + " SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", secret.password()));
        log.info("Set the embedded database's Bolt password from {}", secret.file());
    }

    private static String boltUri(DatabaseManagementService database) {
        var api = (GraphDatabaseAPI) database.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int port = api.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
        return "bolt://127.0.0.1:" + port;
    }

    private static DatabaseManagementService start(Path home, EmbeddedNeo4jProperties properties) {
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", properties.boltPort()))
                .setConfig(GraphDatabaseSettings.pagecache_memory, properties.pageCacheBytes())
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // The password is 256 random bits, so no guessing gets near it; Neo4j's lock after 3 failed logins
                // (per user name, for every client) would only let any local process lock the app itself out of
                // new connections. 0 turns the lock off.
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                // LOAD CSV reads no file (file:///etc/passwd, the store itself) and fetches no URL from any
                // address (no SSRF through the database); the app never uses LOAD CSV.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                        List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                // The driver is closed before the database, so no Bolt client is left to wait for; Neo4j's default
                // 5 s quiet period made every shutdown (the app, each CLI verb, each test context) 5 s longer.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ofMillis(100))
                .build();
    }

    @Bean(destroyMethod = "close")
    Driver driver(DatabaseManagementService database, EmbeddedSecret secret) {
        String uri = boltUri(database);
        log.info("Embedded Neo4j answers Bolt on {} (user {}, password in {})", uri, USER, secret.file());
        return GraphDatabase.driver(uri, AuthTokens.basic(USER, secret.password()),
                Config.builder().withMaxConnectionPoolSize(64).build());
    }
}
