package se.samverkansvaven.testing;

import org.neo4j.driver.Driver;
import se.samverkansvaven.database.GraphRevisions;

/**
 * Removes the bodies a test class created under its own id prefix, so suites that count what the shared
 * database holds on a date (the export tests) see only their own data whatever the class order.
 */
public final class TestBodies {

    private TestBodies() {}

    public static void remove(Driver driver, GraphRevisions revisions, String... prefixes) {
        try (var session = driver.session()) {
            revisions.writeWithoutResult(session, tx -> {
                tx.run("MATCH (b:Body) WHERE any(p IN $prefixes WHERE b.id STARTS WITH p) DETACH DELETE b",
                        java.util.Map.of("prefixes", java.util.List.of(prefixes))).consume();
                GraphRevisions.bump(tx);
            });
        }
    }

    /** Bodies from a test's bundles whose id a generated mutation changed: found by their source. */
    public static void removeBySource(Driver driver, GraphRevisions revisions, String source) {
        try (var session = driver.session()) {
            revisions.writeWithoutResult(session, tx -> {
                tx.run("MATCH (b:Body {source: $source}) DETACH DELETE b", java.util.Map.of("source", source)).consume();
                GraphRevisions.bump(tx);
            });
        }
    }
}
