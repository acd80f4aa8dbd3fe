package se.samverkansvaven.database;

import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Component;

/**
 * A counter in the graph that every write transaction increments, so caches (the analysis projection) know
 * when the graph changed, also when another instance of the app wrote to the same server.
 */
@Component
public class GraphRevisions {

    private static final String BUMP = """
            MERGE (r:GraphRevision {id: 'main'})
            SET r.value = coalesce(r.value, 0) + 1, r.updatedAt = datetime()
            RETURN r.value AS value""";

    private final Driver driver;

    GraphRevisions(Driver driver) {
        this.driver = driver;
    }

    /** The current revision; 0 on an empty database. */
    public long current() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                var result = tx.run("OPTIONAL MATCH (r:GraphRevision {id: 'main'}) RETURN coalesce(r.value, 0) AS value");
                return result.single().get("value").asLong();
            });
        }
    }

    /** Increments the revision inside the caller's write transaction. */
    public static long bump(TransactionContext tx) {
        return tx.run(BUMP, Map.of()).single().get("value").asLong();
    }
}
