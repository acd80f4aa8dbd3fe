package se.samverkansvaven.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;
import se.samverkansvaven.audit.ChangeLog;
import se.samverkansvaven.database.CypherFiles;
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

    /** A load whose transaction was refused for a body another writer created meanwhile is run again. */
    private static final int CREATION_RACE_ATTEMPTS = 3;
    private static final String STORED_BODIES = CypherFiles.load("cypher/importing/stored-bodies.cypher");
    private static final String BUMP_BODY_VERSIONS = CypherFiles.load("cypher/importing/bump-body-versions.cypher");
    private static final String BUMP_COVERAGE_VERSIONS =
            CypherFiles.load("cypher/importing/bump-coverage-versions.cypher");

    private static final tools.jackson.databind.json.JsonMapper METADATA_READER =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final Driver driver;
    private final GraphRevisions revisions;
    private final BundleWriter writer = new BundleWriter();

    private static final Logger log = LoggerFactory.getLogger(BundleImporter.class);

    private final InputLimits limits;

    private final MunicipalityCodes codes;

    private final StagedLoads stagedLoads;

    /** Stages large loads in process on the embedded database; without one (a server) they are staged in Cypher. */
    private final EmbeddedStaging embeddedStaging;

    BundleImporter(Driver driver, GraphRevisions revisions, InputLimits limits, MunicipalityCodes codes,
            StagedLoads stagedLoads, EmbeddedStaging embeddedStaging) {
        this.driver = driver;
        this.revisions = revisions;
        this.limits = limits;
        this.codes = codes;
        this.stagedLoads = stagedLoads;
        this.embeddedStaging = embeddedStaging;
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
                report = importInOneTransaction(session, tables, lastAttempt);
            }
            if (log.isDebugEnabled()) {
                log.debug("Bundle loaded in {} ms: parse {} ms, then {}", (System.nanoTime() - start) / 1_000_000,
                        (parsed - start) / 1_000_000, lastAttempt.get().millis);
            }
            return report;
        }
    }

    /**
     * Validates and writes in one write transaction, which first locks the stored bodies the bundle names, so
     * two loads of one body run as if one came after the other. The lock's index look-up also waits for a
     * transaction that is creating one of those bodies, so a body created meanwhile is found stored and
     * replaced like any stored body (two identical loads both succeed and change nothing the second time).
     * Should a CREATE still fail on the body_id constraint, the load runs again and finds the body stored.
     */
    private ImportReport importInOneTransaction(org.neo4j.driver.Session session, Map<BundleFile, CsvTable> tables,
            AtomicReference<BundleWriter.Tally> lastAttempt) {
        for (int attempt = 1; ; attempt++) {
            try {
                ImportReport report = revisions.write(session, tx -> {
                    var tally = new BundleWriter.Tally(); // per attempt: the driver may retry the whole function
                    lastAttempt.set(tally);
                    var written = validateAndWrite(tx, tables, tally, false);
                    if (written.changedData()) {
                        bumpVersions(tx, written.bodyIds());
                        bumpCoverageVersions(Statements.of(tx), written.coverageChanged());
                        audit(Statements.of(tx), written.bodyIds(), written.coverageChanged());
                    }
                    tally.step("versions and audit");
                    return written.report();
                });
                lastAttempt.get().step("commit");
                return report;
            } catch (ClientException e) {
                if (!isCreationRace(e) || attempt == CREATION_RACE_ATTEMPTS) {
                    throw e;
                }
                log.info("A body this load creates was created meanwhile by another writer; loading again ({})",
                        e.getMessage());
            }
        }
    }

    /**
     * Whether Neo4j refused a transaction because a node it created broke a uniqueness constraint: someone
     * created the same body (or other keyed node) after the transaction had seen it missing.
     */
    public static boolean isCreationRace(Throwable e) {
        return e instanceof ClientException client
                && "Neo.ClientError.Schema.ConstraintValidationFailed".equals(client.code())
                || e instanceof EmbeddedStaging.ConstraintRefused;
    }

    /**
     * A bundle too large for one transaction's state in the heap (more rows than
     * samverkansvaven.limits.rows-per-transaction), whose bodies are all new: validated completely first
     * (against the reference read in a read transaction), then staged in transactions of about that many rows
     * each, whole bodies per transaction, under labels no reader matches (StagedBody, StagedActor, StagedGoal),
     * and made visible in one last transaction with the links, the updates of stored actors and goals and the
     * audit entry; the load's id is then removed from its bodies in transactions of their own. A failure before the
     * publish commits removes what was staged; a load that dies is removed at the next start
     * ({@link StagedLoads}). docs/data.md, "Large bundles". Null when a bundle body is already stored: an
     * update of stored bodies must see their stored rows in the transaction that replaces them, so it takes
     * the one-transaction path.
     */
    private ImportReport importLarge(org.neo4j.driver.Session session, Map<BundleFile, CsvTable> tables,
            AtomicReference<BundleWriter.Tally> timing) {
        var tally = new BundleWriter.Tally();
        timing.set(tally);
        Set<String> coverageCodes = coverageCodes(tables);
        KnownIds reference = session.executeRead(tx -> writer.readKnownIds(tx)
                .withCoverage(writer.readCoverage(tx, coverageCodes)));
        tally.step("read reference");
        var result = new BundleValidator(reference, codes, limits.errorsReported()).validate(tables);
        tally.step("validate");
        if (!result.errors().isEmpty()) {
            throw result.rejection();
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
        List<String> ids = bundle.bodies().stream().map(ValidBundle.BodyRow::id).toList();

        String loadId = stagedLoads.begin(CurrentUser.auditName(), ids.size());
        log.info("Large load {}: {} bodies and {} rows validated; staging them in transactions of about {} rows",
                loadId, ids.size(), bundle.parties().size() + bundle.conveners().size(), limits.rowsPerTransaction());
        var inProcess = embeddedStaging.begin(loadId);
        try {
            // 1. New actors and goals, which party rows and body goals point at.
            if (inProcess.isPresent()) {
                inProcess.get().stageActorsAndGoals(newActors, newGoals, tally);
            } else {
                session.executeWriteWithoutResult(tx -> {
                    writer.stageActorsAndGoals(tx, newActors, newGoals, loadId, tally);
                    stagedLoads.heartbeat(Statements.of(tx), loadId, 0);
                });
            }
            tally.step("actors and goals");
            // 2. The bodies, with their party rows, areas, goals and seats, in slices of whole bodies.
            Map<String, List<ValidBundle.PartyRow>> partiesByBody = byBody(bundle.parties());
            Map<String, List<ValidBundle.PartyRow>> convenersByBody = byBody(bundle.conveners());
            List<ValidBundle.BodyRow> slice = new ArrayList<>();
            int sliceRows = 0;
            int staged = 0;
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
                    int stagedAfter = staged + bodies.size();
                    if (inProcess.isPresent()) {
                        inProcess.get().stageBodies(bodies, parties, conveners, bundle.areasByBody(),
                                bundle.goalsByBody(), stagedAfter, tally);
                    } else {
                        session.executeWriteWithoutResult(tx -> {
                            writer.stageBodies(tx, part(bundle, bodies, parties, conveners, List.of(), List.of(),
                                    List.of(), List.of(), List.of()), loadId, tally);
                            stagedLoads.heartbeat(Statements.of(tx), loadId, stagedAfter);
                        });
                    }
                    tally.step("bodies: commit"); // the store and index writes happen here, not in the statements
                    staged = stagedAfter;
                    log.info("Large load {}: {} of {} bodies staged", loadId, staged, ids.size());
                    slice.clear();
                    sliceRows = 0;
                }
            }
            if (inProcess.isPresent()) {
                inProcess.get().finishStaging(tally);
                tally.step("bodies: commit");
            }
            tally.step("bodies in slices");
            // 3. One transaction makes it all visible, with the stored actors and goals the bundle updates, the
            // links, the goal relations and the audit entry; before it commits, no reader sees any of the load.
            ValidBundle rest = part(bundle, List.of(), List.of(), List.of(), storedActors, storedGoals, bundle.links(),
                    bundle.goalRelations(), bundle.coverage());
            long revision;
            if (inProcess.isPresent()) {
                revision = inProcess.get().publish(bundle.bodies(), newActors, newGoals, tally,
                        statements -> publishRest(statements, rest, ids, loadId, tally));
                revisions.observed(revision);
            } else {
                revision = revisions.write(session, tx -> {
                    writer.publish(tx, bundle, newActors, newGoals, loadId, tally);
                    return publishRest(Statements.of(tx), rest, ids, loadId, tally);
                });
            }
            tally.step("publish, links, goal relations, coverage and audit");
            log.info("Large load {}: published {} bodies", loadId, ids.size());
            unmark(loadId, ids, inProcess, tally);
            tally.step("unmark the published bodies");
            inProcess.ifPresent(EmbeddedStaging.Load::close);
            return new ImportReport(bundle.counts(), tally.nodesCreated, tally.relationshipsCreated,
                    tally.relationshipsDeleted, revision);
        } catch (RuntimeException e) {
            inProcess.ifPresent(EmbeddedStaging.Load::close); // nothing is being written when the load is discarded
            discard(loadId, e);
            List<String> createdMeanwhile = isCreationRace(e) ? stored(session, ids) : List.of();
            if (!createdMeanwhile.isEmpty()) {
                boolean one = createdMeanwhile.size() == 1;
                throw new CreatedMeanwhileException(createdMeanwhile, "The bundle's " + (one ? "body " : "bodies ")
                        + String.join(", ", createdMeanwhile.subList(0, Math.min(20, createdMeanwhile.size())))
                        + (createdMeanwhile.size() > 20 ? ", …" : "") + (one ? " was" : " were") + " created by "
                        + "another load or edit while this large load ran; nothing of it was loaded. Load it again "
                        + "to replace " + (one ? "it." : "them."), e);
            }
            throw e;
        }
    }

    /**
     * The publishing transaction after the staged nodes got their labels: the stored actors and goals the bundle
     * updates, the links, goal relations and coverage, the audit entry, the end of the load; the new revision.
     */
    private long publishRest(Statements tx, ValidBundle rest, List<String> ids, String loadId, BundleWriter.Tally tally) {
        long revision = writer.write(tx, rest, id -> false, tally);
        bumpCoverageVersions(tx, tally.coverageChanged);
        audit(tx, ids, tally.coverageChanged);
        stagedLoads.finish(tx, loadId);
        return revision;
    }

    /**
     * Removes the load's id from its published bodies, after the publish and apart from it (in the publish it would
     * double the transaction's memory). The load is loaded either way: should this fail, the next start or large
     * load finishes it ({@link StagedLoads}), and no reader sees the difference meanwhile.
     */
    private void unmark(String loadId, List<String> ids, Optional<EmbeddedStaging.Load> inProcess,
            BundleWriter.Tally tally) {
        try {
            if (inProcess.isPresent()) {
                inProcess.get().unmark(ids, StagedLoads.UNMARK_BATCH, tally);
            } else {
                stagedLoads.unmark(loadId, ids);
            }
        } catch (RuntimeException e) {
            log.warn("Large load {} is published; removing its id from its bodies failed and is finished at the next "
                    + "start or large load", loadId, e);
        }
    }

    /** Removes what a failed large load staged; what cannot be removed now is removed at the next start. */
    private void discard(String loadId, RuntimeException cause) {
        try {
            stagedLoads.discard(loadId);
            log.warn("Large load {} failed; what it staged was removed, the graph is as before", loadId);
        } catch (RuntimeException discardFailed) {
            cause.addSuppressed(discardFailed);
            log.error("Large load {} failed and removing what it staged failed too; no reader sees it, and it is "
                    + "removed at the next start", loadId, discardFailed);
        }
    }

    /** Which of these body ids are stored (visible) bodies. */
    private static List<String> stored(org.neo4j.driver.Session session, List<String> ids) {
        List<String> stored = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BundleWriter.BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BundleWriter.BATCH));
            stored.addAll(session.executeRead(tx -> tx.run(STORED_BODIES, Map.of("ids", batch))
                    .list(r -> r.get("id").asString())));
        }
        return stored;
    }

    private static ValidBundle part(ValidBundle bundle, List<ValidBundle.BodyRow> bodies,
            List<ValidBundle.PartyRow> parties, List<ValidBundle.PartyRow> conveners,
            List<ValidBundle.ActorRow> actors, List<ValidBundle.GoalRow> goals, List<ValidBundle.LinkRow> links,
            List<ValidBundle.GoalRelationRow> relations, List<ValidBundle.CoverageRow> coverage) {
        return new ValidBundle(bundle.counts(), bodies, parties, conveners, actors, goals, bundle.areasByBody(),
                bundle.goalsByBody(), links, relations, coverage);
    }

    /** The municipality cells of coverage.csv, whose stored coverage rows the overlap rule needs. */
    private static Set<String> coverageCodes(Map<BundleFile, CsvTable> tables) {
        Set<String> codes = new TreeSet<>();
        CsvTable table = tables.get(BundleFile.COVERAGE);
        if (table != null) {
            table.rows().forEach(r -> {
                if (r.get(0) != null) {
                    codes.add(r.get(0));
                }
            });
        }
        return codes;
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
            tx.run(BUMP_BODY_VERSIONS, Map.of("ids", ids.subList(from, Math.min(ids.size(), from + BundleWriter.BATCH))))
                    .consume();
        }
    }

    /** The coverage versions of these municipalities move on, as a body's version does (409 for an older one). */
    private static void bumpCoverageVersions(Statements tx, Set<String> codes) {
        if (!codes.isEmpty()) {
            tx.write(BUMP_COVERAGE_VERSIONS, Map.of("codes", List.copyOf(codes)));
        }
    }

    /** A load that changed something is in the audit trail: one entry, and one more when it changed coverage. */
    private static void audit(Statements tx, List<String> ids, Set<String> coverage) {
        List<ChangeLog.Entry> entries = new ArrayList<>();
        entries.add(new ChangeLog.Entry("LOAD", "Bundle", null, "bodies", null,
                ids.size() + " bodies: " + String.join(", ", ids)));
        if (!coverage.isEmpty()) {
            entries.add(new ChangeLog.Entry("LOAD", "Bundle", null, "coverage", null,
                    "coverage rows of " + coverage.size() + " municipalities: " + String.join(", ", coverage)));
        }
        ChangeLog.record(tx::write, CurrentUser.auditName(), null, entries);
    }

    /**
     * Checks and writes a bundle inside the caller's write transaction (the editing API's one-body bundles),
     * so the caller's own checks and writes commit or roll back with it. Versions and the audit trail are the
     * caller's business.
     *
     * @throws BundleRejectedException with every error found; the caller's transaction must then roll back
     */
    public ImportReport importInTransaction(TransactionContext tx, BundleFiles files) {
        return validateAndWrite(tx, parse(files), new BundleWriter.Tally(), false).report();
    }

    /**
     * {@link #importInTransaction} for a bundle whose bodies must all be new (the editing API's creation): a
     * body of it that is stored once its lock is taken (created by another writer after the caller looked) is
     * refused with {@link CreatedMeanwhileException} rather than replaced.
     */
    public ImportReport createInTransaction(TransactionContext tx, BundleFiles files) {
        return validateAndWrite(tx, parse(files), new BundleWriter.Tally(), true).report();
    }

    /**
     * The loader's checks of {@link #importInTransaction} without writing (a read transaction is enough): what an
     * edit of these bodies would be refused for (scenarios check their bodies' resulting states so).
     *
     * @throws BundleRejectedException with every error found
     */
    public void validateInTransaction(TransactionContext tx, BundleFiles files) {
        Map<BundleFile, CsvTable> tables = parse(files);
        var reference = writer.readKnownIds(tx).withCoverage(writer.readCoverage(tx, coverageCodes(tables)));
        var result = new BundleValidator(reference, codes, limits.errorsReported()).validate(tables);
        if (!result.errors().isEmpty()) {
            throw result.rejection();
        }
    }

    private record Written(ImportReport report, boolean changedData, List<String> bodyIds, Set<String> coverageChanged) {}

    /** @param mustBeNew refuse the bundle when one of its bodies is stored */
    private Written validateAndWrite(TransactionContext tx, Map<BundleFile, CsvTable> tables,
            BundleWriter.Tally tally, boolean mustBeNew) {
        tally.step("start transaction");
        writer.lockBodies(tx, namedBodies(tables));
        tally.step("lock stored bodies");
        var reference = writer.readKnownIds(tx).withCoverage(writer.readCoverage(tx, coverageCodes(tables)));
        tally.step("read reference");
        if (mustBeNew) {
            List<String> stored = cells(tables.get(BundleFile.BODIES), 0).stream()
                    .filter(reference.bodies()::containsKey).toList();
            if (!stored.isEmpty()) {
                throw new CreatedMeanwhileException(stored);
            }
        }
        var result = new BundleValidator(reference, codes, limits.errorsReported()).validate(tables);
        tally.step("validate");
        if (!result.errors().isEmpty()) {
            throw result.rejection();
        }
        long revision = writer.write(Statements.of(tx), result.bundle(), reference.bodies()::containsKey, tally);
        var report = new ImportReport(result.bundle().counts(), tally.nodesCreated, tally.relationshipsCreated,
                tally.relationshipsDeleted, revision);
        return new Written(report, tally.changedData,
                result.bundle().bodies().stream().map(ValidBundle.BodyRow::id).toList(), tally.coverageChanged);
    }

    /**
     * The ids of the bodies a bundle names as its own or as the ends of its links, sorted (the lock order).
     * Raw cells, before validation: a misspelt id names no stored body and locks nothing.
     */
    private static List<String> namedBodies(Map<BundleFile, CsvTable> tables) {
        Set<String> ids = cells(tables.get(BundleFile.BODIES), 0);
        ids.addAll(cells(tables.get(BundleFile.LINKS), 0, 1));
        return List.copyOf(ids);
    }

    /** The distinct non-empty values of these columns, sorted; none when the file is absent. */
    private static Set<String> cells(CsvTable table, int... columns) {
        Set<String> values = new TreeSet<>();
        if (table != null) {
            for (CsvTable.Row row : table.rows()) {
                for (int column : columns) {
                    if (row.get(column) != null) {
                        values.add(row.get(column));
                    }
                }
            }
        }
        return values;
    }

    /**
     * Whether the bundle's metadata.json (an exported bundle's) says its cells were neutralised against formula
     * injection ({@code "neutralisedCells": true}, docs/exports.md). A metadata.json that is no JSON object is
     * an error: it would otherwise decide silently how every cell is read.
     */
    private static boolean neutralisedCells(byte[] metadata, BundleErrors errors) {
        if (metadata == null) {
            return false;
        }
        try {
            var json = METADATA_READER.readTree(metadata);
            if (!json.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return json.path("neutralisedCells").asBoolean(false);
        } catch (RuntimeException e) {
            errors.add(new BundleError(METADATA, 0, null, "metadata.json is not the JSON object an exported bundle "
                    + "carries (" + e.getMessage() + "); remove it or restore the exported one"));
            return false;
        }
    }

    /**
     * File names, required files, encoding, CSV syntax and headers. Errors here stop the import before the
     * rules are checked: rules checked on a half-read file would report knock-on errors that mislead.
     */
    private Map<BundleFile, CsvTable> parse(BundleFiles files) {
        var errors = new BundleErrors(limits.errorsReported(),
                Comparator.comparing(BundleError::file).thenComparingInt(BundleError::line));
        Map<BundleFile, CsvTable> tables = new EnumMap<>(BundleFile.class);
        CsvReader reader = new CsvReader(errors, limits, neutralisedCells(files.files().get(METADATA), errors));
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
            throw errors.rejection();
        }
        return tables;
    }
}
