package se.samverkansvaven.importing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import se.samverkansvaven.database.CypherFiles;

/**
 * Large loads in progress (docs/data.md, "Large bundles"). A load is a {@code :StagedLoad} node from before it
 * stages anything until its published bodies no longer carry its id; every transaction of the load checks the
 * node is still there. The publish marks the node published ({@code publishedAt}) and leaves the load's id on the
 * bodies, which {@link #unmark} then removes in batches of their own. What a load left (its JVM killed, its undo or
 * that clean-up cut short) is dealt with here: at start-up, before the app loads or serves anything, and before each
 * new large load. A load that never published is removed; a published one has the rest of its bodies unmarked. On
 * the embedded database every load found is taken (this process owns the store); on a server, a load whose
 * heartbeat is older than {@code samverkansvaven.limits.abandoned-load-after} is, since another instance may be
 * running it. Staged nodes are invisible to every reader and no reader uses a body's {@code loadId}, so none of this
 * changes what readers see.
 */
@Component
@DependsOn("schemaInitializer")
class StagedLoads implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StagedLoads.class);
    private static final int DELETE_BATCH = 10_000;
    /** Bodies unmarked per transaction after a publish (a removed property rewrites the body's property records). */
    static final int UNMARK_BATCH = 20_000;

    private final Driver driver;
    private final Duration abandonedAfter;
    private final boolean ownsDatabase;
    private final String start = CypherFiles.load("cypher/importing/staged/start-load.cypher");
    private final String heartbeat = CypherFiles.load("cypher/importing/staged/heartbeat.cypher");
    private final String finish = CypherFiles.load("cypher/importing/staged/finish-load.cypher");
    private final String abandoned = CypherFiles.load("cypher/importing/staged/abandoned-loads.cypher");
    private final String remove = CypherFiles.load("cypher/importing/staged/remove-load.cypher");
    private final String deleteStaged = CypherFiles.load("cypher/importing/staged/delete-staged.cypher");
    private final String unmarkBodies = CypherFiles.load("cypher/importing/staged/unmark-bodies.cypher");
    private final String unmarkPublished = CypherFiles.load("cypher/importing/staged/unmark-published.cypher");
    private final String forget = CypherFiles.load("cypher/importing/staged/forget-load.cypher");

    StagedLoads(Driver driver, InputLimits limits, Environment environment) {
        this.driver = driver;
        this.abandonedAfter = limits.abandonedLoadAfter();
        this.ownsDatabase = !StringUtils.hasText(environment.getProperty("spring.neo4j.uri"));
    }

    @Override
    public void afterPropertiesSet() {
        removeAbandoned(ownsDatabase);
    }

    /** Records a new load; returns its id, which its staged nodes carry. */
    String begin(String user, int bodies) {
        removeAbandoned(false);
        String id = UUID.randomUUID().toString();
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(start, Map.of("loadId", id, "user", user, "bodies", bodies))
                    .consume());
        }
        return id;
    }

    /** Inside each staging transaction: refuses to go on when the load was removed as abandoned meanwhile. */
    void heartbeat(Statements tx, String loadId, int staged) {
        if (count(tx, heartbeat, Map.of("loadId", loadId, "staged", (long) staged), "loads") != 1) {
            throw new IllegalStateException(gone(loadId));
        }
    }

    /**
     * Inside the publishing transaction: the load is published (its bodies' ids are removed by {@link #unmark});
     * refused when it was removed as abandoned meanwhile.
     */
    void finish(Statements tx, String loadId) {
        if (count(tx, finish, Map.of("loadId", loadId), "loads") != 1) {
            throw new IllegalStateException(gone(loadId));
        }
    }

    private static long count(Statements tx, String query, Map<String, Object> parameters, String column) {
        long[] count = {0};
        tx.read(query, parameters, row -> count[0] += ((Number) row.get(column)).longValue());
        return count[0];
    }

    /**
     * Deletes what the load staged, the load's node first (so its writer, if still running, stops at its next
     * transaction), then the staged nodes with their relationships in batches.
     */
    void discard(String loadId) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(remove, Map.of("loadId", loadId)).consume());
            long deleted;
            do {
                deleted = session.executeWrite(tx -> tx.run(deleteStaged, Map.of("loadId", loadId, "batch", DELETE_BATCH))
                        .single().get("deleted").asLong());
            } while (deleted > 0);
        }
    }

    /**
     * After the publish committed: removes the load's id from these, its bodies, in transactions of their own, then
     * the load's node. Readers see the same before, during and after.
     */
    void unmark(String loadId, List<String> bodyIds) {
        try (var session = driver.session()) {
            for (int from = 0; from < bodyIds.size(); from += UNMARK_BATCH) {
                List<String> batch = bodyIds.subList(from, Math.min(bodyIds.size(), from + UNMARK_BATCH));
                session.executeWriteWithoutResult(tx -> tx.run(unmarkBodies, Map.of("loadId", loadId, "ids", batch))
                        .consume());
            }
            session.executeWriteWithoutResult(tx -> tx.run(forget, Map.of("loadId", loadId)).consume());
        }
    }

    /** The end of {@link #unmark} in a transaction of the caller's: the published load's node is deleted. */
    void forget(Statements tx, String loadId) {
        tx.write(forget, Map.of("loadId", loadId));
    }

    /** {@link #unmark} for a published load whose clean-up was cut short: its bodies found by the id they carry. */
    private void unmarkPublished(String loadId) {
        try (var session = driver.session()) {
            long unmarked;
            do {
                unmarked = session.executeWrite(tx -> tx.run(unmarkPublished, Map.of("loadId", loadId,
                        "batch", UNMARK_BATCH)).single().get("unmarked").asLong());
            } while (unmarked > 0);
            session.executeWriteWithoutResult(tx -> tx.run(forget, Map.of("loadId", loadId)).consume());
        }
    }

    /**
     * Removes what unfinished loads staged and finishes the clean-up of published ones.
     *
     * @param all every load (the embedded database at start), or only those whose heartbeat is old
     * @return the loads taken
     */
    int removeAbandoned(boolean all) {
        Map<String, Boolean> loads = new java.util.TreeMap<>();
        try (var session = driver.session()) {
            session.executeRead(tx -> tx.run(abandoned, Map.of("all", all, "olderThan", abandonedAfter.toString())).list())
                    .forEach(r -> {
                        if (!r.get("loadId").isNull()) {
                            loads.merge(r.get("loadId").asString(), r.get("published").asBoolean(), Boolean::logicalOr);
                        }
                    });
        }
        loads.forEach((loadId, published) -> {
            if (published) {
                unmarkPublished(loadId);
                log.info("Finished the clean-up of large load {}, published before its process stopped", loadId);
            } else {
                discard(loadId);
                log.warn("Removed what large load {} staged and never published (stopped before its last step); the "
                        + "graph is as it was before it. Load that bundle again.", loadId);
            }
        });
        return loads.size();
    }

    private String gone(String loadId) {
        return "The large load " + loadId + " was removed as abandoned while it ran (no heartbeat for "
                + abandonedAfter + ", samverkansvaven.limits.abandoned-load-after); nothing of it was loaded";
    }
}
