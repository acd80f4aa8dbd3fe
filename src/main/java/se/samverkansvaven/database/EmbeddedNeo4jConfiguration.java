package se.samverkansvaven.database;

import java.nio.file.Path;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.neo4j", name = "uri", matchIfMissing = true, havingValue = "__never__")
class EmbeddedNeo4jConfiguration {

    @Bean(destroyMethod = "shutdown")
    DatabaseManagementService embeddedDatabase() {
        return new DatabaseManagementServiceBuilder(Path.of("data").toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .build();
    }

    @Bean(destroyMethod = "close")
    Driver driver(DatabaseManagementService dbms) {
        var db = (GraphDatabaseAPI) dbms.database("neo4j");
        var port = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
        return GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.none());
    }
}
