package se.samverkansvaven.reference;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import se.samverkansvaven.database.CypherFiles;
import se.samverkansvaven.database.GraphRevisions;

/** Records which shipped bundles a database holds, and removes the illustrative data when it is switched off. */
@Component
class ShippedBundles {

    private final Driver driver;
    private final GraphRevisions revisions;

    private static final String LOADED = CypherFiles.load("cypher/reference/shipped-bundles.cypher");
    private static final String MARK_LOADED = CypherFiles.load("cypher/reference/mark-bundle-loaded.cypher");
    private static final String UNMARK_LOADED = CypherFiles.load("cypher/reference/unmark-bundle.cypher");
    private static final String HAS_ILLUSTRATIVE = CypherFiles.load("cypher/reference/has-illustrative.cypher");
    private static final String DELETE_ILLUSTRATIVE_RELATIONSHIPS =
            CypherFiles.load("cypher/reference/delete-illustrative-relationships.cypher");
    private static final String DELETE_ILLUSTRATIVE_NODES =
            CypherFiles.load("cypher/reference/delete-illustrative-nodes.cypher");

    ShippedBundles(Driver driver, GraphRevisions revisions) {
        this.driver = driver;
        this.revisions = revisions;
    }

    List<String> loaded() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(LOADED)
                    .single().get("bundles").asList(Value::asString));
        }
    }

    void markLoaded(String bundle) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(MARK_LOADED, Map.of("bundle", bundle)).consume());
        }
    }

    boolean hasIllustrativeData() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(HAS_ILLUSTRATIVE)
                    .single().get("present").asBoolean());
        }
    }

    void removeIllustrativeData(String bundle) {
        try (var session = driver.session()) {
            revisions.writeWithoutResult(session, tx -> {
                tx.run(DELETE_ILLUSTRATIVE_RELATIONSHIPS).consume();
                tx.run(DELETE_ILLUSTRATIVE_NODES).consume();
                tx.run(UNMARK_LOADED, Map.of("bundle", bundle)).consume();
                GraphRevisions.bump(tx);
            });
        }
    }
}
