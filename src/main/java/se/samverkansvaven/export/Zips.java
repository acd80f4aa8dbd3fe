package se.samverkansvaven.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Deterministic zips: entries in the given order, one fixed timestamp, no extra fields. */
final class Zips {

    private static final LocalDateTime FIXED = LocalDateTime.of(2000, 1, 1, 0, 0);

    private Zips() {}

    static void write(Map<String, byte[]> content, ExportMetadata metadata, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (var entry : content.entrySet()) {
            put(zip, entry.getKey(), entry.getValue());
        }
        put(zip, "metadata.json", metadata.jsonBytes());
        zip.finish();
        zip.flush();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
