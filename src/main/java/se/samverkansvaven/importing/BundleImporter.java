package se.samverkansvaven.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import se.samverkansvaven.audit.ChangeLog;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.municipality.MunicipalityCodes;
import se.samverkansvaven.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Loads a CSV bundle (domain.md, "Data exchange format") into the graph: parses and checks every file,
 * then reads the reference sets, validates every rule and writes, all in one write transaction, so a
 * bundle with any error loads nothing and a valid one loads completely.
 */
@Service
public class BundleImporter {

    /** The metadata entry of a bundle exported by the app (docs/exports.md); the loader skips it. */
    static final String METADATA = "metadata.json";

    private final Driver driver;
    private final GraphRevisions revisions;
    private final BundleWriter writer = new BundleWriter();

    private static final Logger log = LoggerFactory.getLogger(BundleImporter.class);

    private final InputLimits limits;

    private final MunicipalityCodes codes;

    BundleImporter(Driver driver, GraphRevisions revisions, InputLimits limits, MunicipalityCodes codes) {
        this.driver = driver;
        this.revisions = revisions;
        this.limits = limits;
        this.codes = codes;
    }

    /**
     * @return the rows read per file and what was created and deleted
     * @throws BundleRejectedException with every error found, when there is any; the graph is then unchanged
     */
    public ImportReport importBundle(BundleFiles files) {
        long start = System.nanoTime();
        Map<BundleFile, CsvTable> tables = parse(files);
        long parsed = System.nanoTime();
        var lastAttempt = new AtomicReference<BundleWriter.Tally>();
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            ImportReport report = rows(tables) > limits.rowsPerTransaction()
                    ? importLarge(session, tables, lastAttempt) : null;
            if (report == null) {
                report = revisions.write(session, tx -> {
                    var tally = new BundleWriter.Tally(); // per attempt: the driver may retry the whole function
                    lastAttempt.set(tally);
                    var written = validateAndWrite(tx, tables, tally);
                    if (written.changedData()) {
                        bumpVersions(tx, written.bodyIds());
                        audit(tx, written.bodyIds());
                    }
                    tally.step("versions and audit");
                    return written.report();
                });
                lastAttempt.get().step("commit");
            }
            if (log.isDebugEnabled()) {
                log.debug("Bundle loaded in {} ms: parse {} ms, then {}", (System.nanoTime() - start) / 1_000_000,
                        (parsed - start) / 1_000_000, lastAttempt.get().millis);
            }
            return report;
        }
    }

    /**
     * A bundle too large for one transaction's state in the heap (more rows than
     * samverkansvaven.limits.rows-per-transaction), whose bodies are all new: validated completely first
     * (against the reference read in a read transaction), then written in transactions of about that many
     * party rows each, whole bodies per transaction; if any of them fails, the ones committed are undone
     * (docs/data.md, "Large bundles", says what atomicity remains). Null when a bundle body is already
     * stored: an update of stored bodies must see their stored rows in the transaction that replaces them,
     * so it takes the one-transaction path.
     */
    private ImportReport importLarge(org.neo4j.driver.Session session, Map<BundleFile, CsvTable> tables,
            AtomicReference<BundleWriter.Tally> timing) {
        var tally = new BundleWriter.Tally();
        timing.set(tally);
        KnownIds reference = session.executeRead(writer::readKnownIds);
        tally.step("read reference");
        var result = new BundleValidator(reference, codes).validate(tables);
        tally.step("validate");
        if (!result.errors().isEmpty()) {
            throw new BundleRejectedException(result.errors());
        }
        ValidBundle bundle = result.bundle();
        if (bundle.bodies().stream().anyMatch(b -> reference.bodies().containsKey(b.id()))) {
            return null;
        }
        tables.clear(); // the cells are in the typed rows now; let the collector have them

        List<ValidBundle.ActorRow> newActors = new ArrayList<>();
        List<ValidBundle.ActorRow> storedActors = new ArrayList<>();
        bundle.actors().forEach(a -> (reference.actors().containsKey(a.id()) ? storedActors : newActors).add(a));
        List<ValidBundle.GoalRow> newGoals = new ArrayList<>();
        List<ValidBundle.GoalRow> storedGoals = new ArrayList<>();
        bundle.goals().forEach(g -> (reference.goals().contains(g.id()) ? storedGoals : newGoals).add(g));

        List<String> written = new ArrayList<>();
        try {
            // 1. New actors and goals, which party rows and body goals point at.
            revisions.write(session, tx -> writer.write(tx, part(bundle, List.of(), List.of(), List.of(), newActors,
                    newGoals, List.of(), List.of()), id -> false, tally));
            tally.step("actors and goals");
            // 2. The bodies, with their party rows, areas, goals and seats, in slices of whole bodies.
            Map<String, List<ValidBundle.PartyRow>> partiesByBody = byBody(bundle.parties());
            Map<String, List<ValidBundle.PartyRow>> convenersByBody = byBody(bundle.conveners());
            List<ValidBundle.BodyRow> slice = new ArrayList<>();
            int sliceRows = 0;
            for (int i = 0; i < bundle.bodies().size(); i++) {
                ValidBundle.BodyRow body = bundle.bodies().get(i);
                slice.add(body);
                sliceRows += 1 + partiesByBody.getOrDefault(body.id(), List.of()).size()
                        + convenersByBody.getOrDefault(body.id(), List.of()).size();
                if (sliceRows >= limits.rowsPerTransaction() || i == bundle.bodies().size() - 1) {
                    List<ValidBundle.BodyRow> bodies = List.copyOf(slice);
                    List<ValidBundle.PartyRow> parties = new ArrayList<>();
                    List<ValidBundle.PartyRow> conveners = new ArrayList<>();
                    bodies.forEach(b -> {
                        parties.addAll(partiesByBody.getOrDefault(b.id(), List.of()));
                        conveners.addAll(convenersByBody.getOrDefault(b.id(), List.of()));
                    });
                    List<String> ids = bodies.stream().map(ValidBundle.BodyRow::id).toList();
                    revisions.write(session, tx -> {
                        writer.write(tx, part(bundle, bodies, parties, conveners, List.of(), List.of(), List.of(),
                                List.of()), id -> false, tally);
                        bumpVersions(tx, ids);
                        tally.step("bodies: versions");
                        return null;
                    });
                    tally.step("bodies: commit"); // the store and index writes happen here, not in the statements
                    written.addAll(ids);
                    slice.clear();
                    sliceRows = 0;
                }
            }
            tally.step("bodies in slices");
            // 3. Stored actors and goals the bundle updates, links and goal relations, and the audit entry.
            List<String> ids = bundle.bodies().stream().map(ValidBundle.BodyRow::id).toList();
            long revision = revisions.write(session, tx -> {
                long r = writer.write(tx, part(bundle, List.of(), List.of(), List.of(), storedActors, storedGoals,
                        bundle.links(), bundle.goalRelations()), id -> false, tally);
                audit(tx, ids);
                return r;
            });
            tally.step("links, goal relations and audit");
            return new ImportReport(bundle.counts(), tally.nodesCreated, tally.relationshipsCreated,
                    tally.relationshipsDeleted, revision);
        } catch (RuntimeException e) {
            undo(session, written, newActors, newGoals, e);
            throw e;
        }
    }

    /** Removes what a failed large load committed: its bodies (with their rows), new actors and goals. */
    private void undo(org.neo4j.driver.Session session, List<String> bodyIds, List<ValidBundle.ActorRow> actors,
            List<ValidBundle.GoalRow> goals, RuntimeException cause) {
        try {
            deleteInBatches(session, "UNWIND $ids AS id MATCH (b:Body {id: id}) DETACH DELETE b", bodyIds);
            deleteInBatches(session, "UNWIND $ids AS id MATCH (a:Actor {id: id}) DETACH DELETE a",
                    actors.stream().map(ValidBundle.ActorRow::id).toList());
            deleteInBatches(session, "UNWIND $ids AS id MATCH (g:Goal {id: id}) DETACH DELETE g",
                    goals.stream().map(ValidBundle.GoalRow::id).toList());
            revisions.write(session, GraphRevisions::bump); // analyses cached on the partly loaded graph are stale
            log.warn("A large bundle load failed after {} bodies were written; they were removed again", bodyIds.size());
        } catch (RuntimeException undoFailed) {
            cause.addSuppressed(undoFailed);
            log.error("A large bundle load failed and undoing it failed too: {} bodies of the bundle may be left "
                    + "in the database (ids from {})", bodyIds.size(), bodyIds.isEmpty() ? "-" : bodyIds.getFirst(),
                    undoFailed);
        }
    }

    private void deleteInBatches(org.neo4j.driver.Session session, String query, List<String> ids) {
        for (int from = 0; from < ids.size(); from += BundleWriter.BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BundleWriter.BATCH));
            revisions.writeWithoutResult(session, tx -> tx.run(query, Map.of("ids", batch)).consume());
        }
    }

    private static ValidBundle part(ValidBundle bundle, List<ValidBundle.BodyRow> bodies,
            List<ValidBundle.PartyRow> parties, List<ValidBundle.PartyRow> conveners,
            List<ValidBundle.ActorRow> actors, List<ValidBundle.GoalRow> goals, List<ValidBundle.LinkRow> links,
            List<ValidBundle.GoalRelationRow> relations) {
        return new ValidBundle(bundle.counts(), bodies, parties, conveners, actors, goals, bundle.areasByBody(),
                bundle.goalsByBody(), links, relations);
    }

    private static Map<String, List<ValidBundle.PartyRow>> byBody(List<ValidBundle.PartyRow> rows) {
        Map<String, List<ValidBundle.PartyRow>> byBody = new java.util.HashMap<>();
        rows.forEach(r -> byBody.computeIfAbsent(r.bodyId(), k -> new ArrayList<>()).add(r));
        return byBody;
    }

    private static long rows(Map<BundleFile, CsvTable> tables) {
        return tables.values().stream().mapToLong(t -> t.rows().size()).sum();
    }

    /** The bodies' versions move on (an editor holding an older version then gets 409). */
    private static void bumpVersions(TransactionContext tx, List<String> ids) {
        for (int from = 0; from < ids.size(); from += BundleWriter.BATCH) {
            tx.run("UNWIND $ids AS id MATCH (b:Body {id: id}) SET b.version = coalesce(b.version, 0) + 1",
                    Map.of("ids", ids.subList(from, Math.min(ids.size(), from + BundleWriter.BATCH)))).consume();
        }
    }

    /** A load that changed something is in the audit trail, as one entry. */
    private static void audit(TransactionContext tx, List<String> ids) {
        ChangeLog.record(tx, CurrentUser.auditName(), null, List.of(new ChangeLog.Entry("LOAD", "Bundle",
                null, "bodies", null, ids.size() + " bodies: " + String.join(", ", ids))));
    }

    /**
     * Checks and writes a bundle inside the caller's write transaction (the editing API's one-body bundles),
     * so the caller's own checks and writes commit or roll back with it. Versions and the audit trail are the
     * caller's business.
     *
     * @throws BundleRejectedException with every error found; the caller's transaction must then roll back
     */
    public ImportReport importInTransaction(TransactionContext tx, BundleFiles files) {
        return validateAndWrite(tx, parse(files), new BundleWriter.Tally()).report();
    }

    private record Written(ImportReport report, boolean changedData, List<String> bodyIds) {}

    private Written validateAndWrite(TransactionContext tx, Map<BundleFile, CsvTable> tables,
            BundleWriter.Tally tally) {
        tally.step("start transaction");
        var reference = writer.readKnownIds(tx);
        tally.step("read reference");
        var result = new BundleValidator(reference, codes).validate(tables);
        tally.step("validate");
        if (!result.errors().isEmpty()) {
            throw new BundleRejectedException(result.errors());
        }
        long revision = writer.write(tx, result.bundle(), reference.bodies()::containsKey, tally);
        var report = new ImportReport(result.bundle().counts(), tally.nodesCreated, tally.relationshipsCreated,
                tally.relationshipsDeleted, revision);
        return new Written(report, tally.changedData,
                result.bundle().bodies().stream().map(ValidBundle.BodyRow::id).toList());
    }

    /**
     * File names, required files, encoding, CSV syntax and headers. Errors here stop the import before the
     * rules are checked: rules checked on a half-read file would report knock-on errors that mislead.
     */
    private Map<BundleFile, CsvTable> parse(BundleFiles files) {
        List<BundleError> errors = new ArrayList<>();
        Map<BundleFile, CsvTable> tables = new EnumMap<>(BundleFile.class);
        CsvReader reader = new CsvReader(errors, limits);
        for (var entry : files.files().entrySet()) {
            if (entry.getKey().equals(METADATA)) {
                continue; // what an exported bundle says about itself; nothing to load
            }
            var file = BundleFile.byName(entry.getKey());
            if (file.isEmpty()) {
                errors.add(new BundleError(entry.getKey(), 0, null, "unknown file '" + entry.getKey()
                        + "'; a bundle holds only " + String.join(", ", BundleFile.fileNames())));
                continue;
            }
            CsvTable table = reader.read(file.get(), entry.getValue());
            if (table != null) {
                tables.put(file.get(), table);
            }
        }
        for (BundleFile file : BundleFile.values()) {
            if (file.required() && !files.files().containsKey(file.fileName())) {
                errors.add(new BundleError(file.fileName(), 0, null, "the bundle has no " + file.fileName()
                        + "; every bundle needs bodies.csv and parties.csv"));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(BundleError::file).thenComparingInt(BundleError::line));
            throw new BundleRejectedException(errors);
        }
        return tables;
    }
}
