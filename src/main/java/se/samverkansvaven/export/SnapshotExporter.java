package se.samverkansvaven.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Exports the graph: reads it ({@link SnapshotReader}) and hashes its rendered content; the export then
 * writes the file, content framed with the metadata, straight to a stream ({@link SnapshotWriter}). GEXF
 * covers a window (the whole history by default), every other format one date; the bundle carries the full
 * records of the bodies active on that date.
 */
@Service
public class SnapshotExporter {

    private final SnapshotReader reader;
    private final AppVersion version;
    private final Clock clock;
    private final boolean neutralise;

    SnapshotExporter(SnapshotReader reader, AppVersion version, ExportProperties properties) {
        this.reader = reader;
        this.version = version;
        this.clock = Clock.systemUTC();
        this.neutralise = !properties.rawCsvCells();
    }

    /**
     * @param asOf   the snapshot date (ignored by GEXF, which takes from/to)
     * @param from   GEXF only: first day covered, null for the beginning
     * @param to     GEXF only: first day no longer covered, null for no end
     * @throws se.samverkansvaven.web.NotFoundException for an unknown county, federation or area
     */
    public Export export(ExportFormat format, LocalDate asOf, LocalDate from, LocalDate to, SnapshotFilter filter,
            ExportProgress progress) {
        return export(format, asOf, from, to, filter, false, progress);
    }

    /**
     * @param withChanges also export the audit trail made up to the end of {@code asOf} (GEXF: before
     *                    {@code to}); not for the bundle, which is the loader's format (see
     *                    {@link ExportParameters#checkChanges})
     */
    public Export export(ExportFormat format, LocalDate asOf, LocalDate from, LocalDate to, SnapshotFilter filter,
            boolean withChanges, ExportProgress progress) {
        return export(format, asOf, from, to, filter, withChanges, true, progress);
    }

    /**
     * @param userNames false: the audit trail's {@code user} is left empty (an anonymous web request; editors'
     *                  names are personal data)
     */
    Export export(ExportFormat format, LocalDate asOf, LocalDate from, LocalDate to, SnapshotFilter filter,
            boolean withChanges, boolean userNames, ExportProgress progress) {
        ExportParameters.checkChanges(format, withChanges, "includeChanges");
        progress.update("reading the graph", 0);
        GraphSnapshot graph = switch (format) {
            case GEXF -> reader.read(new Window(from, to), filter, false, withChanges);
            case BUNDLE -> reader.read(Window.on(asOf), filter, true);
            default -> reader.read(Window.on(asOf), filter, false, withChanges);
        };
        if (!userNames) {
            graph = graph.withoutUserNames();
        }
        progress.update("hashing " + format.id(), 50);
        SnapshotWriter writer = writer(format, neutralise);
        String sha;
        try {
            sha = ExportMetadata.sha256(writer, graph);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExportMetadata metadata = ExportMetadata.of(format, format == ExportFormat.GEXF ? null : asOf, graph,
                version.version(), sha, neutralise, Instant.now(clock));
        String stem = format == ExportFormat.GEXF ? gexfStem(from, to) : asOf.toString();
        progress.update("ready", 60);
        return new Export(format, "samverkansvaven-" + stem + format.suffix(), metadata, graph, writer);
    }

    /** Checks the filter's county, federation and area exist; throws NotFoundException when one does not. */
    public void checkFilter(SnapshotFilter filter) {
        reader.checkFilter(filter);
    }

    private static String gexfStem(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return "history";
        }
        return (from == null ? "start" : from.toString()) + "--" + (to == null ? "now" : to.toString());
    }

    static SnapshotWriter writer(ExportFormat format, boolean neutralise) {
        return switch (format) {
            case GRAPHML -> new GraphmlWriter();
            case GEXF -> new GexfWriter();
            case CSV -> new CsvZipWriter(neutralise);
            case BUNDLE -> new BundleZipWriter(neutralise);
            case JSON -> new CytoscapeJsonWriter();
            case CYPHER -> new CypherScriptWriter();
        };
    }

    /**
     * An export read and hashed, ready to be written: its hash is known before a byte is sent, and a graph
     * that cannot be rendered has failed already. {@link #writeTo} renders the file again, straight to the stream.
     */
    public static final class Export {
        private final ExportFormat format;
        private final String fileName;
        private final ExportMetadata metadata;
        private final GraphSnapshot graph;
        private final SnapshotWriter writer;

        Export(ExportFormat format, String fileName, ExportMetadata metadata, GraphSnapshot graph,
                SnapshotWriter writer) {
            this.format = format;
            this.fileName = fileName;
            this.metadata = metadata;
            this.graph = graph;
            this.writer = writer;
        }

        public ExportFormat format() {
            return format;
        }

        public String fileName() {
            return fileName;
        }

        public String sha256() {
            return metadata.sha256();
        }

        public Map<String, Object> metadata() {
            return metadata.fields();
        }

        /** Writes the file to {@code out} as it renders (flushed, left open). */
        public void writeTo(OutputStream out) throws IOException {
            writer.write(graph, metadata, out);
            out.flush();
        }
    }
}
