package se.samverkansvaven.database;

import java.nio.file.Path;
import java.time.Duration;
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
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalNeo4jCondition.class)
class EmbeddedNeo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    DatabaseManagementService embeddedDatabase(EmbeddedNeo4jProperties properties) {
        Path home = properties.dataDir().toAbsolutePath();
        log.info("Starting embedded Neo4j in {} with Bolt on 127.0.0.1:{}", home, properties.boltPort());
        try {
            return start(home, properties);
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
    }

    private static DatabaseManagementService start(Path home, EmbeddedNeo4jProperties properties) {
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", properties.boltPort()))
                .setConfig(GraphDatabaseSettings.pagecache_memory, properties.pageCacheBytes())
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                // The driver is closed before the database, so no Bolt client is left to wait for; Neo4j's default
                // 5 s quiet period made every shutdown (the app, each CLI verb, each test context) 5 s longer.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ofMillis(100))
                .build();
    }

    @Bean(destroyMethod = "close")
    Driver driver(DatabaseManagementService database) {
        var api = (GraphDatabaseAPI) database.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int port = api.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
        log.info("Embedded Neo4j answers Bolt on bolt://127.0.0.1:{}", port);
        return GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.none(),
                Config.builder().withMaxConnectionPoolSize(64).build());
    }
}
