package se.samverkansvaven.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Deterministic zips, written as the content renders: entries in order, one fixed timestamp, no extra fields. */
final class Zips {

    private static final LocalDateTime FIXED = LocalDateTime.of(2000, 1, 1, 0, 0);

    private Zips() {}

    /** The writer's content entries, then {@code metadata.json}. */
    static void write(SnapshotWriter writer, GraphSnapshot graph, ExportMetadata metadata, OutputStream out)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        OutputStream entry = SnapshotWriter.unclosable(zip);
        writer.content(graph, name -> {
            zip.putNextEntry(entry(name)); // closes the entry before
            return entry;
        });
        zip.putNextEntry(entry("metadata.json"));
        zip.write(metadata.jsonBytes());
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED);
        return entry;
    }
}
