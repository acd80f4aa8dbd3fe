package se.samverkansvaven.database;

import java.util.List;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Applies {@code cypher/schema.cypher} on every start, before anything reads or writes: each statement is
 * idempotent, so this works on a new and on an existing database, embedded or on a server.
 */
@Component
class SchemaInitializer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaInitializer.class);

    private final Driver driver;

    SchemaInitializer(Driver driver) {
        this.driver = driver;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> statements = statements();
        try (var session = driver.session()) {
            // Schema commands cannot share a transaction with each other's data, so each runs on its own.
            statements.forEach(statement -> session.executeWriteWithoutResult(tx -> tx.run(statement)));
        }
        log.info("Schema applied: {} constraints and indexes", statements.size());
    }

    static List<String> statements() {
        return CypherFiles.statements("cypher/schema.cypher");
    }
}
