package se.samverkansvaven.importing;

import java.util.Map;
import java.util.function.Consumer;
import org.neo4j.driver.TransactionContext;
import se.samverkansvaven.database.GraphRevisions;

/**
 * Where the loader's Cypher runs: a driver transaction, or the embedded database's own transaction when a large load
 * publishes in process ({@link EmbeddedStaging}). Rows come back as maps of plain Java values (strings, longs,
 * booleans, {@code LocalDate}, lists, maps), the same from either.
 */
interface Statements {

    /** What a statement created and deleted. */
    record Counts(long nodesCreated, long relationshipsCreated, long relationshipsDeleted) {}

    /** Runs a statement that changes the graph. */
    Counts write(String query, Map<String, Object> parameters);

    /** Runs a statement that reads, handing on each row. */
    void read(String query, Map<String, Object> parameters, Consumer<Map<String, Object>> row);

    /** Increments the graph revision in this transaction ({@link GraphRevisions#bump}); the new revision. */
    long bumpRevision();

    static Statements of(TransactionContext tx) {
        return new Statements() {
            @Override
            public Counts write(String query, Map<String, Object> parameters) {
                var counters = tx.run(query, parameters).consume().counters();
                return new Counts(counters.nodesCreated(), counters.relationshipsCreated(),
                        counters.relationshipsDeleted());
            }

            @Override
            public void read(String query, Map<String, Object> parameters, Consumer<Map<String, Object>> row) {
                tx.run(query, parameters).forEachRemaining(r -> row.accept(r.asMap()));
            }

            @Override
            public long bumpRevision() {
                return GraphRevisions.bump(tx);
            }
        };
    }
}
