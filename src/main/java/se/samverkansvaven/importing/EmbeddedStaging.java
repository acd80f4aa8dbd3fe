package se.samverkansvaven.importing;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.NotFoundException;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.QueryStatistics;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.TransientFailureException;
import org.neo4j.kernel.api.exceptions.Status;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.importing.ValidBundle.BodyRow;
import se.samverkansvaven.importing.ValidBundle.PartyKind;
import se.samverkansvaven.importing.ValidBundle.PartyRow;

/**
 * A large load (docs/data.md, "Large bundles") written in this process through the embedded database's Java API
 * instead of Cypher over Bolt: its staging, and the labels its publish gives the staged nodes. The same nodes,
 * labels, properties and relationships as {@code cypher/importing/staged/stage-*.cypher} and {@code publish-*.cypher}
 * (EmbeddedStagingTest holds the two writers equal; a change to one must be made to the other), without a Bolt round
 * trip, a query plan or an index look-up for the body of each row: a slice's bodies are created in its own
 * transaction and kept as nodes, the ends of the rows (municipalities, actors, goals, areas and the bodies staged
 * before) are found once per load and then by element id, and the publish and the unmarking after it reach every
 * staged node by element id. Each slice (and each batch of the unmarking) commits on a thread of the load's own while
 * the caller writes the next, so the two cores share the work; the commits still run one at a time and in order, and
 * a slice that names a body of the slice still committing waits for that commit first. The rest of the publishing
 * transaction (links, goal relations, coverage, stored actors and goals, the audit entry, the revision) is the same
 * Cypher as on the driver, run in the embedded transaction. Only on the embedded database
 * ({@code samverkansvaven.import.in-process-write}, default true); against a server the load is Cypher.
 */
@Component
class EmbeddedStaging {

    private static final Label MUNICIPALITY = Label.label("Municipality");
    private static final Label ACTOR = Label.label("Actor");
    private static final Label BODY = Label.label("Body");
    private static final Label GOAL = Label.label("Goal");
    private static final Label SERVICE_AREA = Label.label("ServiceArea");
    private static final Label STAGED_BODY = Label.label("StagedBody");
    private static final Label STAGED_ACTOR = Label.label("StagedActor");
    private static final Label STAGED_GOAL = Label.label("StagedGoal");
    private static final RelationshipType PARTY_TO = RelationshipType.withName("PARTY_TO");
    private static final RelationshipType CONVENES = RelationshipType.withName("CONVENES");
    private static final RelationshipType COVERS = RelationshipType.withName("COVERS");
    private static final RelationshipType WORKS_ON = RelationshipType.withName("WORKS_ON");
    private static final RelationshipType SEATED_IN = RelationshipType.withName("SEATED_IN");
    /** A transaction refused for a deadlock or another transient cause is tried again, as the driver would. */
    private static final int ATTEMPTS = 3;

    private final GraphDatabaseService database;
    private final StagedLoads stagedLoads;

    EmbeddedStaging(ObjectProvider<DatabaseManagementService> embedded, StagedLoads stagedLoads,
            @Value("${samverkansvaven.import.in-process-write:true}") boolean inProcessWrite) {
        DatabaseManagementService dbms = inProcessWrite ? embedded.getIfAvailable() : null;
        this.database = dbms == null ? null : dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        this.stagedLoads = stagedLoads;
    }

    /** A writer for one large load, when the database is in this process (and writing in process is on). */
    Optional<Load> begin(String loadId) {
        return database == null ? Optional.empty() : Optional.of(new Load(loadId));
    }

    /** The staging of one load: its transactions and the element ids of what it found and staged. */
    final class Load {

        private final String loadId;
        /** Element ids by key (municipality code, actor, goal, area or body id) of nodes found or staged. */
        private final Map<String, String> municipalities = new HashMap<>();
        private final Map<String, String> actors = new HashMap<>();
        private final Map<String, String> goals = new HashMap<>();
        private final Map<String, String> areas = new HashMap<>();
        private final Map<String, String> bodies = new HashMap<>();
        /**
         * The commits of the slices and of the unmarking run here, one at a time, while the caller writes the next
         * transaction (Neo4j takes the locks a new relationship needs when it commits, so the two do not wait for each
         * other). Every map above is read and written by the caller's thread alone.
         */
        private ExecutorService committer;
        private InFlight inFlight;

        private Load(String loadId) {
            this.loadId = loadId;
        }

        /** The load's new actors and goals under StagedActor and StagedGoal (as stage-nodes.cypher). */
        void stageActorsAndGoals(List<ValidBundle.ActorRow> newActors, List<ValidBundle.GoalRow> newGoals,
                BundleWriter.Tally tally) {
            inTransaction(0, tally, (tx, created) -> {
                for (ValidBundle.ActorRow a : newActors) {
                    Node n = create(tx, STAGED_ACTOR, BundleWriter.props("id", a.id(), "kind", a.kind().name(),
                            "name", a.name(), "source", a.source(), "illustrative", BundleWriter.illustrative(a.source()),
                            "loadId", loadId), created);
                    created.actors.put(a.id(), n.getElementId());
                }
                for (ValidBundle.GoalRow g : newGoals) {
                    Node n = create(tx, STAGED_GOAL, BundleWriter.props("id", g.id(), "name", g.name(),
                            "source", g.source(), "illustrative", BundleWriter.illustrative(g.source()),
                            "loadId", loadId), created);
                    created.goals.put(g.id(), n.getElementId());
                }
            });
        }

        /**
         * One slice of bodies under StagedBody (version 1) with their party rows, conveners, areas, goals and seat,
         * in one transaction that also refreshes the load's heartbeat (as stageBodies and stage-*.cypher).
         *
         * @param stagedAfter the bodies staged once this slice commits, for the heartbeat
         */
        void stageBodies(List<BodyRow> slice, List<PartyRow> parties, List<PartyRow> conveners,
                Map<String, List<String>> areasByBody, Map<String, List<String>> goalsByBody, int stagedAfter,
                BundleWriter.Tally tally) {
            TransactionWork work = (tx, created) -> {
                Map<String, Node> sliceBodies = new HashMap<>();
                for (BodyRow body : slice) {
                    Map<String, Object> props = BundleWriter.bodyRow(body);
                    props.keySet().removeAll(List.of("label", "staleLabels"));
                    props.put("version", 1L);
                    props.put("loadId", loadId);
                    Node n = create(tx, STAGED_BODY, props, created);
                    sliceBodies.put(body.id(), n);
                    created.bodies.put(body.id(), n.getElementId());
                }
                tally.step("bodies: create");
                // Grouped by the party's kind, as the Cypher path runs one statement per kind: the same order of
                // creation, so the same order of each node's relationships.
                for (PartyKind kind : PartyKind.values()) {
                    for (PartyRow p : parties) {
                        if (p.kind() == kind) {
                            var r = party(tx, p, created).createRelationshipTo(sliceBodies.get(p.bodyId()), PARTY_TO);
                            set(r, BundleWriter.props("role", p.role().name(), "validFrom", p.validFrom(),
                                    "validTo", p.validTo(), "representative", p.representative(), "source", p.source(),
                                    "illustrative", BundleWriter.illustrative(p.source())));
                            created.relationships++;
                        }
                    }
                }
                for (PartyKind kind : PartyKind.values()) {
                    for (PartyRow p : conveners) {
                        if (p.kind() == kind) {
                            var r = party(tx, p, created).createRelationshipTo(sliceBodies.get(p.bodyId()), CONVENES);
                            set(r, BundleWriter.props("validFrom", p.validFrom(), "validTo", p.validTo(),
                                    "source", p.source(), "illustrative", BundleWriter.illustrative(p.source())));
                            created.relationships++;
                        }
                    }
                }
                tally.step("party rows: create");
                for (BodyRow body : slice) {
                    Node b = sliceBodies.get(body.id());
                    for (String area : areasByBody.getOrDefault(body.id(), List.of())) {
                        b.createRelationshipTo(find(tx, areas, SERVICE_AREA, "id", area), COVERS);
                        created.relationships++;
                    }
                    for (String goal : goalsByBody.getOrDefault(body.id(), List.of())) {
                        b.createRelationshipTo(goal(tx, goal, created), WORKS_ON);
                        created.relationships++;
                    }
                    if (body.seatCode() != null) {
                        b.createRelationshipTo(find(tx, municipalities, MUNICIPALITY, "code", body.seatCode()), SEATED_IN);
                        created.relationships++;
                    }
                }
                tally.step("areas, goals and seats");
            };
            if (inFlight != null && namesBodyOf(inFlight.created(), parties, conveners)) {
                awaitCommit(tally); // a party row names a body whose slice is still committing: only then is it seen
            }
            pipelined(work, stagedAfter, tally);
        }

        /** Waits for the last slice's commit: everything staged is then stored, and its element ids known. */
        void finishStaging(BundleWriter.Tally tally) {
            awaitCommit(tally);
        }

        /**
         * After the publish committed: the load's id removed from its bodies, reached by element id, {@code batch}
         * bodies per transaction, each committing while the next is written; then the load's node (as
         * {@link StagedLoads#unmark}, whose statements reach the bodies through the index).
         */
        void unmark(List<String> bodyIds, int batch, BundleWriter.Tally tally) {
            for (int from = 0; from < bodyIds.size(); from += batch) {
                List<String> ids = bodyIds.subList(from, Math.min(bodyIds.size(), from + batch));
                pipelined((tx, created) -> {
                    for (String id : ids) {
                        String elementId = bodies.get(id);
                        Node n = elementId == null ? null : byElementId(tx, elementId);
                        if (n != null && loadId.equals(n.getProperty("loadId", null))) {
                            n.removeProperty("loadId");
                        }
                    }
                }, bodyIds.size(), tally);
            }
            awaitCommit(tally);
            transaction(tx -> {
                stagedLoads.forget(statements(tx), loadId);
                return null;
            });
        }

        /**
         * Writes {@code work} and the heartbeat in a new transaction on this thread, and hands its commit to the
         * load's committer once the commit before it is done.
         */
        private void pipelined(TransactionWork work, int stagedAfter, BundleWriter.Tally tally) {
            Transaction tx = database.beginTx();
            var created = new Created();
            try {
                work.run(tx, created);
                awaitCommit(tally); // one commit at a time, in order; the heartbeat then takes the load's lock at once
                stagedLoads.heartbeat(statements(tx), loadId, stagedAfter);
            } catch (RuntimeException e) {
                tx.close();
                throw translated(e);
            }
            if (committer == null) {
                committer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("large-load-commit").daemon()
                        .factory());
            }
            inFlight = new InFlight(committer.submit(() -> {
                try (tx) {
                    tx.commit();
                }
                return null;
            }), created, stagedAfter, work);
        }

        /**
         * Waits for the slice in flight, if any, whichever way its commit ends, and stops the load's committer: after
         * a failure, so that {@link StagedLoads} removes what was staged only once nothing more is being written.
         */
        void close() {
            if (inFlight != null) {
                try {
                    inFlight.commit().get();
                } catch (ExecutionException ignored) {
                    // the load failed already; what this slice wrote, if anything, is removed with the rest
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inFlight = null;
            }
            if (committer != null) {
                committer.shutdown();
            }
        }

        /**
         * Waits for the slice in flight and keeps what it created. A commit refused for a transient cause (a
         * deadlock with another writer) is done again here, alone, as {@link #transaction} would.
         */
        private void awaitCommit(BundleWriter.Tally tally) {
            InFlight done = inFlight;
            if (done == null) {
                return;
            }
            inFlight = null;
            try {
                done.commit().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while a slice of the large load " + loadId
                        + " committed; nothing of it was published", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TransientFailureException) {
                    inTransaction(done.stagedAfter(), tally, done.work());
                    return;
                }
                throw e.getCause() instanceof RuntimeException cause ? translated(cause)
                        : new IllegalStateException(e.getCause());
            }
            keep(done.created(), tally);
        }

        /** Whether a party row or convener of a slice is a body of {@code created}. */
        private static boolean namesBodyOf(Created created, List<PartyRow> parties, List<PartyRow> conveners) {
            for (List<PartyRow> rows : List.of(parties, conveners)) {
                for (PartyRow p : rows) {
                    if (p.kind() == PartyKind.BODY && created.bodies.containsKey(p.party())) {
                        return true;
                    }
                }
            }
            return false;
        }

        private Node party(Transaction tx, PartyRow p, Created created) {
            return switch (p.kind()) {
                case MUNICIPALITY -> find(tx, municipalities, MUNICIPALITY, "code", p.party());
                case ACTOR -> stagedOrStored(tx, p.party(), actors, created.actors, ACTOR, STAGED_ACTOR);
                case BODY -> stagedOrStored(tx, p.party(), bodies, created.bodies, BODY, STAGED_BODY);
            };
        }

        private Node goal(Transaction tx, String id, Created created) {
            return stagedOrStored(tx, id, goals, created.goals, GOAL, STAGED_GOAL);
        }

        /** A node this load staged (in this transaction or an earlier one), else the stored node of that id. */
        private Node stagedOrStored(Transaction tx, String id, Map<String, String> known, Map<String, String> createdNow,
                Label stored, Label staged) {
            String elementId = createdNow.get(id);
            if (elementId != null) {
                return tx.getNodeByElementId(elementId);
            }
            elementId = known.get(id);
            if (elementId != null) {
                Node n = byElementId(tx, elementId);
                if (n != null && (n.hasLabel(stored) || n.hasLabel(staged) && loadId.equals(n.getProperty("loadId", null)))
                        && id.equals(n.getProperty("id", null))) {
                    return n;
                }
            }
            return find(tx, known, stored, "id", id);
        }

        /**
         * The stored node with this key, remembered by element id for the load's later transactions. A remembered
         * id is checked (label and key) before use, so a node deleted meanwhile is never mistaken for another one
         * given its id. A node the validated bundle names but that is gone fails the load (Cypher's MATCH would
         * leave the row out silently).
         */
        private Node find(Transaction tx, Map<String, String> known, Label label, String key, String value) {
            String elementId = known.get(value);
            if (elementId != null) {
                Node n = byElementId(tx, elementId);
                if (n != null && n.hasLabel(label) && value.equals(n.getProperty(key, null))) {
                    return n;
                }
            }
            Node n = tx.findNode(label, key, value);
            if (n == null) {
                throw new IllegalStateException("The " + label.name() + " " + value + " that the bundle names was "
                        + "removed while the large load ran; nothing of the load was published");
            }
            known.put(value, n.getElementId());
            return n;
        }

        private static Node byElementId(Transaction tx, String elementId) {
            try {
                return tx.getNodeByElementId(elementId);
            } catch (NotFoundException gone) {
                return null;
            }
        }

        private static Node create(Transaction tx, Label label, Map<String, Object> props, Created created) {
            Node n = tx.createNode(label);
            set(n, props);
            created.nodes++;
            return n;
        }

        /** Every non-null value; Cypher's {@code SET n = map} and map literals store no null either. */
        private static void set(org.neo4j.graphdb.Entity entity, Map<String, Object> props) {
            props.forEach((key, value) -> {
                if (value != null) {
                    entity.setProperty(key, value);
                }
            });
        }

        /**
         * The last transaction: the staged bodies, actors and goals get their real labels (as publish-*.cypher; the
         * bodies keep the load's id, which {@link StagedLoads#unmark} removes after the commit), then
         * {@code rest} runs the rest of it as Cypher in the same transaction and returns the new revision. Until it
         * commits, no reader sees any of the load.
         */
        long publish(List<BodyRow> stagedBodies, List<ValidBundle.ActorRow> newActors, List<ValidBundle.GoalRow> newGoals,
                BundleWriter.Tally tally, ToLongFunction<Statements> rest) {
            return transaction(tx -> {
                for (BodyRow body : stagedBodies) {
                    Node n = staged(tx, bodies, body.id(), STAGED_BODY);
                    n.addLabel(BODY);
                    n.addLabel(Label.label(body.form().label()));
                    n.removeLabel(STAGED_BODY); // the load's id stays until StagedLoads.unmark, after the commit
                }
                for (ValidBundle.ActorRow actor : newActors) {
                    Node n = staged(tx, actors, actor.id(), STAGED_ACTOR);
                    n.addLabel(ACTOR);
                    unstage(n, STAGED_ACTOR);
                }
                for (ValidBundle.GoalRow goal : newGoals) {
                    Node n = staged(tx, goals, goal.id(), STAGED_GOAL);
                    n.addLabel(GOAL);
                    unstage(n, STAGED_GOAL);
                }
                tally.step("publish");
                return rest.applyAsLong(statements(tx));
            });
        }

        /** A node this load staged; refused when it is gone (the load was removed as abandoned meanwhile). */
        private Node staged(Transaction tx, Map<String, String> stagedIds, String id, Label label) {
            String elementId = stagedIds.get(id);
            Node n = elementId == null ? null : byElementId(tx, elementId);
            if (n == null || !n.hasLabel(label) || !loadId.equals(n.getProperty("loadId", null))) {
                throw new IllegalStateException("The large load " + loadId + " lost its staged " + id
                        + " (removed as abandoned while it ran?); nothing of it was loaded");
            }
            return n;
        }

        private static void unstage(Node n, Label staging) {
            n.removeLabel(staging);
            n.removeProperty("loadId");
        }

        /**
         * Runs {@code work} in one transaction with the load's heartbeat (refused when the load was removed as
         * abandoned); what it found and created is kept once it committed.
         */
        private void inTransaction(int staged, BundleWriter.Tally tally, TransactionWork work) {
            keep(transaction(tx -> {
                var created = new Created();
                work.run(tx, created);
                stagedLoads.heartbeat(statements(tx), loadId, staged);
                return created;
            }), tally);
        }

        private void keep(Created committed, BundleWriter.Tally tally) {
            actors.putAll(committed.actors);
            goals.putAll(committed.goals);
            bodies.putAll(committed.bodies);
            tally.nodesCreated += committed.nodes;
            tally.relationshipsCreated += committed.relationships;
        }
    }

    /**
     * Runs {@code work} in one transaction and commits it, trying again on a transient failure (a deadlock), as the
     * driver's executeWrite does. A refusal for a constraint becomes {@link ConstraintRefused}, with the database's
     * own message (it names the value), as the driver's ClientException does.
     */
    private <T> T transaction(Function<Transaction, T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Transaction tx = database.beginTx()) {
                T value = work.apply(tx);
                tx.commit();
                return value;
            } catch (TransientFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            } catch (RuntimeException e) {
                throw translated(e);
            }
        }
    }

    /** A refusal for a constraint as {@link ConstraintRefused}, with the database's own message; else {@code e}. */
    private static RuntimeException translated(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Status.HasStatus status
                    && status.status() == Status.Schema.ConstraintValidationFailed) {
                return new ConstraintRefused(cause.getMessage(), e);
            }
        }
        return e;
    }

    /** The loader's Cypher in an embedded transaction; rows in the driver's Java types (a stored array as a list). */
    private static Statements statements(Transaction tx) {
        return new Statements() {
            @Override
            public Counts write(String query, Map<String, Object> parameters) {
                try (Result result = tx.execute(query, parameters)) {
                    result.accept(row -> true);
                    QueryStatistics s = result.getQueryStatistics();
                    return new Counts(s.getNodesCreated(), s.getRelationshipsCreated(), s.getRelationshipsDeleted());
                }
            }

            @Override
            public void read(String query, Map<String, Object> parameters, Consumer<Map<String, Object>> row) {
                try (Result result = tx.execute(query, parameters)) {
                    while (result.hasNext()) {
                        row.accept(plain(result.next()));
                    }
                }
            }

            @Override
            public long bumpRevision() {
                return GraphRevisions.bump(tx);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T plain(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, plain(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(plain(v)));
            return (T) copy;
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> copy = new ArrayList<>(Array.getLength(value));
            for (int i = 0; i < Array.getLength(value); i++) {
                copy.add(plain(Array.get(value, i)));
            }
            return (T) copy;
        }
        return value;
    }

    /** The database refused a transaction for a constraint: another writer created a body of the load meanwhile. */
    static final class ConstraintRefused extends RuntimeException {
        ConstraintRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A transaction handed to the committer, with what it created and how to write it again. */
    private record InFlight(Future<?> commit, Created created, int stagedAfter, TransactionWork work) {}

    /** What one transaction created: kept by the load only once it committed. */
    private static final class Created {
        final Map<String, String> actors = new HashMap<>();
        final Map<String, String> goals = new HashMap<>();
        final Map<String, String> bodies = new HashMap<>();
        long nodes;
        long relationships;
    }

    @FunctionalInterface
    private interface TransactionWork {
        void run(Transaction tx, Created created);
    }
}
