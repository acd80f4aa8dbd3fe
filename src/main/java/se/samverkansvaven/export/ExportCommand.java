package se.samverkansvaven.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.samverkansvaven.Command;
import se.samverkansvaven.web.BadParameterException;
import se.samverkansvaven.web.NotFoundException;
import se.samverkansvaven.web.Today;

/**
 * {@code export --as-of 2025-01-01 --format gexf --out FILE [--forms F,G] [--county 14]
 * [--federation ID] [--area ID] [--from D] [--to D] [--include-changes] [--real-only]}: writes a snapshot file, with a progress bar on stderr.
 * Exit 0 done, 2 bad arguments, 1 failure.
 */
@Component
class ExportCommand implements Command {

    static final String USAGE = "usage: export --format graphml|gexf|csv|bundle|json|cypher --out FILE"
            + " [--as-of YYYY-MM-DD] [--forms FORM,...] [--county CC] [--federation ID] [--area ID]"
            + " [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--include-changes] [--real-only]"
            + "   (--from/--to: GEXF only; default --as-of: today; --include-changes: not with bundle;"
            + " --real-only: as if the illustrative rows were not loaded)";

    /** As if the illustrative rows were not loaded (the API's illustrative=false). */
    static final String REAL_ONLY = "real-only";

    private static final Set<String> OPTIONS = new LinkedHashSet<>(List.of("as-of", "format", "out", "forms",
            "county", "federation", "area", "from", "to"));

    /** The audit trail up to --as-of (GEXF: before --to) goes into the file too. */
    private static final String INCLUDE_CHANGES = "include-changes";

    private final SnapshotExporter exporter;
    private final Today today;

    ExportCommand(SnapshotExporter exporter, Today today) {
        this.exporter = exporter;
        this.today = today;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandArguments arguments;
        ExportFormat format;
        SnapshotFilter filter;
        Path file;
        java.time.LocalDate asOf;
        try {
            arguments = new CommandArguments(args, OPTIONS, Set.of(INCLUDE_CHANGES, REAL_ONLY));
            if (arguments.get("format") == null || arguments.get("out") == null) {
                throw new BadParameterException(arguments.get("format") == null ? "format" : "out", "is required");
            }
            format = ExportParameters.format(arguments.get("format"));
            filter = ExportParameters.filter(arguments.get("forms") == null ? null : List.of(arguments.get("forms")),
                    arguments.get("county"), arguments.get("federation"), arguments.get("area"),
                    !arguments.flag(REAL_ONLY));
            ExportParameters.checkWindow(arguments.date("from"), arguments.date("to"));
            if ((arguments.get("from") != null || arguments.get("to") != null) && format != ExportFormat.GEXF) {
                throw new BadParameterException("from", "--from and --to are for --format gexf; other formats take --as-of");
            }
            ExportParameters.checkChanges(format, arguments.flag(INCLUDE_CHANGES), INCLUDE_CHANGES);
            asOf = today.orDefault(arguments.date("as-of"));
            file = Path.of(arguments.get("out"));
            if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
                throw new BadParameterException("out", "no such folder: " + file.getParent());
            }
            if (Files.isDirectory(file)) {
                throw new BadParameterException("out", file + " is a folder; give the file to write");
            }
        } catch (BadParameterException e) {
            err.println("export: --" + e.parameter() + ": " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        ProgressBar progress = new ProgressBar(err);
        try {
            var export = exporter.export(format, asOf, arguments.date("from"),
                    arguments.date("to"), filter, arguments.flag(INCLUDE_CHANGES), progress);
            progress.update("writing " + file.getFileName(), 70);
            write(export, file);
            progress.update("done", 100);
            out.println(file + ": " + Files.size(file) + " bytes, sha256 " + export.sha256() + ", "
                    + ExportMetadata.compactJson(export.metadata().get("counts")));
            return 0;
        } catch (NotFoundException e) {
            err.println();
            err.println("export: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println();
            err.println("export: failed: " + e.getMessage());
            return 1;
        }
    }

    /** Into a file beside {@code file}, then moved into place: a failure leaves no half-written file behind. */
    private static void write(SnapshotExporter.Export export, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path part = Files.createTempFile(folder, "." + file.getFileName(), ".part");
        try {
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
                export.writeTo(stream);
            }
            try {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
