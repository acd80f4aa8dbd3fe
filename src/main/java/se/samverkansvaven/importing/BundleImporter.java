package se.samverkansvaven.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import se.samverkansvaven.audit.ChangeLog;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.security.CurrentUser;
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

    private final InputLimits limits;

    BundleImporter(Driver driver, GraphRevisions revisions, InputLimits limits) {
        this.driver = driver;
        this.revisions = revisions;
        this.limits = limits;
    }

    /**
     * @return the rows read per file and what was created and deleted
     * @throws BundleRejectedException with every error found, when there is any; the graph is then unchanged
     */
    public ImportReport importBundle(BundleFiles files) {
        Map<BundleFile, CsvTable> tables = parse(files);
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            return revisions.write(session, tx -> {
                var written = validateAndWrite(tx, tables);
                if (written.changedData()) {
                    // A load that changed something: the bodies' versions move on (an editor holding an older
                    // version then gets 409) and the load is in the audit trail, as one entry.
                    List<String> ids = written.bodyIds();
                    for (int from = 0; from < ids.size(); from += BundleWriter.BATCH) {
                        tx.run("UNWIND $ids AS id MATCH (b:Body {id: id}) SET b.version = coalesce(b.version, 0) + 1",
                                Map.of("ids", ids.subList(from, Math.min(ids.size(), from + BundleWriter.BATCH)))).consume();
                    }
                    ChangeLog.record(tx, CurrentUser.auditName(), null, List.of(new ChangeLog.Entry("LOAD", "Bundle",
                            null, "bodies", null, ids.size() + " bodies: " + String.join(", ", ids))));
                }
                return written.report();
            });
        }
    }

    /**
     * Checks and writes a bundle inside the caller's write transaction (the editing API's one-body bundles),
     * so the caller's own checks and writes commit or roll back with it. Versions and the audit trail are the
     * caller's business.
     *
     * @throws BundleRejectedException with every error found; the caller's transaction must then roll back
     */
    public ImportReport importInTransaction(TransactionContext tx, BundleFiles files) {
        return validateAndWrite(tx, parse(files)).report();
    }

    private record Written(ImportReport report, boolean changedData, List<String> bodyIds) {}

    private Written validateAndWrite(TransactionContext tx, Map<BundleFile, CsvTable> tables) {
        var reference = writer.readReference(tx);
        var result = new BundleValidator(reference).validate(tables);
        if (!result.errors().isEmpty()) {
            throw new BundleRejectedException(result.errors());
        }
        var tally = new BundleWriter.Tally();
        long revision = writer.write(tx, result.bundle(), tally);
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
