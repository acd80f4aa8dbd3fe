package se.samverkansvaven.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
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
    private final BundleWriter writer = new BundleWriter();

    BundleImporter(Driver driver) {
        this.driver = driver;
    }

    /**
     * @return the rows read per file and what was created and deleted
     * @throws BundleRejectedException with every error found, when there is any; the graph is then unchanged
     */
    public ImportReport importBundle(BundleFiles files) {
        Map<BundleFile, CsvTable> tables = parse(files);
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            return session.executeWrite(tx -> {
                var reference = writer.readReference(tx);
                var result = new BundleValidator(reference).validate(tables);
                if (!result.errors().isEmpty()) {
                    throw new BundleRejectedException(result.errors());
                }
                var tally = new BundleWriter.Tally();
                long revision = writer.write(tx, result.bundle(), tally);
                return new ImportReport(result.bundle().counts(), tally.nodesCreated, tally.relationshipsCreated,
                        tally.relationshipsDeleted, revision);
            });
        }
    }

    /**
     * File names, required files, encoding, CSV syntax and headers. Errors here stop the import before the
     * rules are checked: rules checked on a half-read file would report knock-on errors that mislead.
     */
    private Map<BundleFile, CsvTable> parse(BundleFiles files) {
        List<BundleError> errors = new ArrayList<>();
        Map<BundleFile, CsvTable> tables = new EnumMap<>(BundleFile.class);
        CsvReader reader = new CsvReader(errors);
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
