package se.samverkansvaven.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.samverkansvaven.Command;
import se.samverkansvaven.web.BadParameterException;
import se.samverkansvaven.web.NotFoundException;
import se.samverkansvaven.web.Today;

/**
 * {@code diff --from D1 --to D2 [--format json|csv] [--out FILE] [filters]}: the diff to stdout or a file;
 * a CSV file gets its metadata beside it in FILE.metadata.json. Exit 0 done, 2 bad arguments, 1 failure.
 */
@Component
class DiffCommand implements Command {

    static final String USAGE = "usage: diff --from YYYY-MM-DD [--to YYYY-MM-DD] [--format json|csv] [--out FILE]"
            + " [--forms FORM,...] [--county CC] [--federation ID] [--area ID] [--real-only]"
            + "   (default --to: today; --real-only: as if the illustrative rows were not loaded)";

    private static final Set<String> OPTIONS = new LinkedHashSet<>(List.of("from", "to", "format", "out", "forms",
            "county", "federation", "area"));

    private final SnapshotDiffer differ;
    private final SnapshotExporter exporter;
    private final Today today;

    DiffCommand(SnapshotDiffer differ, SnapshotExporter exporter, Today today) {
        this.differ = differ;
        this.exporter = exporter;
        this.today = today;
    }

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandArguments arguments;
        SnapshotDiffer.DiffFormat format;
        SnapshotFilter filter;
        LocalDate from;
        LocalDate to;
        try {
            arguments = new CommandArguments(args, OPTIONS, Set.of(ExportCommand.REAL_ONLY));
            from = arguments.date("from");
            if (from == null) {
                throw new BadParameterException("from", "is required");
            }
            to = today.orDefault(arguments.date("to"));
            format = ExportParameters.diffFormat(arguments.get("format") == null ? "json" : arguments.get("format"));
            filter = ExportParameters.filter(arguments.get("forms") == null ? null : List.of(arguments.get("forms")),
                    arguments.get("county"), arguments.get("federation"), arguments.get("area"),
                    !arguments.flag(ExportCommand.REAL_ONLY));
            String outArg = arguments.get("out");
            if (outArg != null && Path.of(outArg).getParent() != null && !Files.isDirectory(Path.of(outArg).getParent())) {
                throw new BadParameterException("out", "no such folder: " + Path.of(outArg).getParent());
            }
        } catch (BadParameterException e) {
            err.println("diff: --" + e.parameter() + ": " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            exporter.checkFilter(filter);
            var rendered = differ.render(differ.diff(from, to, filter), filter, format);
            if (arguments.get("out") == null) {
                rendered.writeTo(out);
                return 0;
            }
            Path file = Path.of(arguments.get("out"));
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file))) {
                rendered.writeTo(stream);
            }
            if (format == SnapshotDiffer.DiffFormat.CSV) {
                Files.writeString(file.resolveSibling(file.getFileName() + ".metadata.json"),
                        rendered.metadataJson() + "\n", StandardCharsets.UTF_8);
            }
            err.println(file + ": sha256 " + rendered.sha256() + ", " + ExportMetadata.compactJson(rendered.metadata().get("counts")));
            return 0;
        } catch (NotFoundException e) {
            err.println("diff: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("diff: failed: " + e.getMessage());
            return 1;
        }
    }
}
