package se.samverkansvaven.database;

import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Component;

/**
 * A counter in the graph that every write transaction increments, so caches (the analysis projection, the
 * API's responses) know when the graph changed, also when another instance of the app wrote to the same
 * server.
 *
 * <p>Reading the counter over Bolt on every request cost more than the cached answer it guarded, so this
 * instance keeps the revision it knows: writes made through {@link #write} advance it as soon as they
 * committed (a writer sees its own change at once), and the stored counter is read again at most every
 * {@code samverkansvaven.cache.revision-check-interval}, which bounds how long another instance's write stays
 * unseen here.
 */
@Component
public class GraphRevisions {

    private static final String BUMP = CypherFiles.load("cypher/database/bump-revision.cypher");
    private static final String READ = CypherFiles.load("cypher/database/revision.cypher");

    /** What this instance knows: the revision and when (System.nanoTime) it was last read from the graph. */
    private record Known(long revision, long checkedAt, boolean due) {}

    private final Driver driver;
    private final long checkIntervalNanos;
    private volatile Known known;
    /** Local writes ended (committed or not) and revisions observed so far; guarded by this. */
    private long writesEnded;

    GraphRevisions(Driver driver, CacheProperties properties) {
        this.driver = driver;
        this.checkIntervalNanos = properties.revisionCheckInterval().toNanos();
    }

    /**
     * The revision to key cached results on: every write through {@link #write} that committed is included;
     * a write by another instance is included at most one check interval (plus one read) after it committed.
     * 0 on an empty database.
     */
    public long current() {
        Known held = known;
        long now = System.nanoTime();
        if (held != null && !held.due() && now - held.checkedAt() < checkIntervalNanos) {
            return held.revision();
        }
        long writesBefore;
        synchronized (this) {
            writesBefore = writesEnded;
        }
        long stored = read();
        synchronized (this) {
            Known latest = known;
            // The stored value is the truth unless a local write ended while it was read: then the read may
            // predate that write's commit and must not take the revision below what the write made known.
            long revision = writesEnded == writesBefore || latest == null ? stored : Math.max(latest.revision(), stored);
            known = new Known(revision, now, false);
            return revision;
        }
    }

    /** The revision as stored in the graph now, bypassing what this instance knows. */
    public long stored() {
        return read();
    }

    /**
     * The revision stored in the graph as {@code tx} sees it: read it in the same transaction as data that is cached
     * under it (analysis input), so the data and its key are one picture.
     */
    public static long read(TransactionContext tx) {
        return tx.run(READ).single().get("value").asLong();
    }

    /** {@link #read(TransactionContext)} for the embedded database's own transactions. */
    public static long read(org.neo4j.graphdb.Transaction tx) {
        var node = tx.findNode(org.neo4j.graphdb.Label.label("GraphRevision"), "id", "main");
        return node == null ? 0 : ((Number) node.getProperty("value", 0L)).longValue();
    }

    /**
     * Tells this instance a revision that a transaction just read from the graph (with data cached under it): when
     * it is newer than what this instance knows, it is taken at once instead of at the next check, so the caches
     * move to it together.
     */
    public void observed(long revision) {
        synchronized (this) {
            // counts like a local write for current(): a stored value read before this must not take the revision back
            writesEnded++;
            Known held = known;
            if (held == null || revision > held.revision()) {
                known = new Known(revision, System.nanoTime(), false);
            }
        }
    }

    /**
     * Runs {@code work} in one write transaction (retried by the driver like {@code executeWrite}) and, once it
     * committed, makes the revision the transaction left known to this instance at once. The work must
     * increment the revision with {@link #bump} when it changes the graph. When the transaction fails the
     * revision is read again on the next {@link #current()} (a commit whose outcome is unknown may have
     * happened).
     */
    public <T> T write(Session session, TransactionCallback<T> work) {
        long[] left = {-1};
        try {
            T result = session.executeWrite(tx -> {
                T value = work.execute(tx);
                // Read inside the transaction, under the lock its own increment took: the value it commits.
                left[0] = read(tx);
                return value;
            });
            synchronized (this) {
                writesEnded++;
                Known held = known;
                long revision = held == null ? left[0] : Math.max(held.revision(), left[0]);
                known = new Known(revision, held == null ? System.nanoTime() : held.checkedAt(), held == null || held.due());
            }
            return result;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                writesEnded++;
                Known held = known;
                if (held != null) {
                    known = new Known(held.revision(), held.checkedAt(), true);
                }
            }
            throw e;
        }
    }

    /** {@link #write} for work without a result. */
    public void writeWithoutResult(Session session, java.util.function.Consumer<TransactionContext> work) {
        write(session, tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** Increments the revision inside the caller's write transaction. */
    public static long bump(TransactionContext tx) {
        return tx.run(BUMP, Map.of()).single().get("value").asLong();
    }

    /** {@link #bump(TransactionContext)} in a transaction of the embedded database (importing's in-process load). */
    public static long bump(org.neo4j.graphdb.Transaction tx) {
        try (var result = tx.execute(BUMP, Map.of())) {
            return ((Number) result.next().get("value")).longValue();
        }
    }

    private long read() {
        try (var session = driver.session()) {
            return session.executeRead(GraphRevisions::read);
        }
    }
}
