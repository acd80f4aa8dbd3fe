package se.samverkansvaven.importing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;
import se.samverkansvaven.Command;

/** {@code import PATH}: loads a bundle from a folder or a zip file. */
@Component
class ImportCommand implements Command {

    private final BundleImporter importer;
    private final InputLimits limits;

    ImportCommand(BundleImporter importer, InputLimits limits) {
        this.importer = importer;
        this.limits = limits;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("usage: import PATH   (PATH is a bundle folder or a zip file of one)");
            return 2;
        }
        Path path = Path.of(args.getFirst());
        if (!Files.exists(path)) {
            err.println("import: no such file or folder: " + path);
            return 2;
        }
        try {
            BundleFiles files;
            if (Files.isDirectory(path)) {
                files = BundleFiles.fromDirectory(path);
            } else {
                files = BundleFiles.fromZip(path, limits);
            }
            ImportReport report = importer.importBundle(files);
            report.counts().forEach((file, rows) -> out.println(file + ": " + rows + (rows == 1 ? " row" : " rows")));
            out.println("created " + report.nodesCreated() + " nodes and " + report.relationshipsCreated()
                    + " relationships, deleted " + report.relationshipsDeleted()
                    + " relationships; graph revision " + report.revision());
            return 0;
        } catch (BundleRejectedException e) {
            e.errors().forEach(err::println); // file:line:column: message, one per line
            if (e.errorCount() > e.errors().size()) {
                err.println("... and " + (e.errorCount() - e.errors().size()) + " more errors (the first "
                        + e.errors().size() + " are listed: samverkansvaven.limits.errors-reported)");
            }
            return 1;
        } catch (CreatedMeanwhileException e) {
            err.println("import: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("import: cannot read " + path + ": " + e.getMessage());
            return 1;
        }
    }
}
