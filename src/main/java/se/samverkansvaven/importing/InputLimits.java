package se.samverkansvaven.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on input (README "Configuration", docs/security.md "Limits on input"): exceeding one is a 422 naming
 * it, the sizes of an upload a 413.
 *
 * @param fieldLength longest value of one CSV cell or one text field of the editing API, in characters
 * @param rowsPerFile most data rows in one bundle file
 * @param rowsPerTransaction a bundle with more rows than this, all of whose bodies are new, is validated
 *        completely and then written in transactions of about this many party rows (docs/data.md, "Large
 *        bundles"): Neo4j keeps a transaction's state on the heap until it commits
 * @param unzippedSize most bytes the files of one zipped bundle may expand to, all together; counted while
 *        inflating, so a zip bomb is refused after this many bytes. Unset: {@link #BYTES_PER_ROW} per row of
 *        {@code rowsPerFile} (512 MB by default)
 * @param zipEntries most entries in one zipped bundle (folders and macOS metadata included); a bundle has 9
 *        files at most
 * @param errorsReported most errors listed in a refusal (the first in file and line order); the rest are counted
 * @param abandonedLoadAfter on a Neo4j server, a large load whose last transaction is older than this is taken as
 *        abandoned and what it staged is removed (on the embedded database every unfinished load is, at start)
 */
@ConfigurationProperties("samverkansvaven.limits")
public record InputLimits(@DefaultValue("2000") int fieldLength, @DefaultValue("1000000") int rowsPerFile,
                          @DefaultValue("100000") int rowsPerTransaction, DataSize unzippedSize,
                          @DefaultValue("64") int zipEntries, @DefaultValue("1000") int errorsReported,
                          @DefaultValue("15m") java.time.Duration abandonedLoadAfter) {

    /**
     * The budget per row behind the default unzipped size: the longest average row of the shipped bundles is
     * 201 bytes (bodies.csv of Västra Götaland), party rows 38-79; 512 leaves room for long names and sources
     * while a file at the row limit still fits. A cell at the field limit in every column (20 kB a row) would
     * allow 20 GB, which is no bound on the heap at all.
     */
    public static final int BYTES_PER_ROW = 512;

    /** The unzipped size in bytes: the setting, or {@link #BYTES_PER_ROW} times the rows per file. */
    public long unzippedBytes() {
        return unzippedSize != null ? unzippedSize.toBytes() : (long) BYTES_PER_ROW * rowsPerFile;
    }
}
