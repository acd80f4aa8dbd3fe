package se.samverkansvaven.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes one format in two steps, so the content hash can go inside the file: {@link #content} renders
 * the graph (everything the SHA-256 covers, never the metadata), then {@link #write} frames it with the
 * metadata.
 */
interface SnapshotWriter {

    /** Entry name to bytes, in order; single-file formats have one entry. */
    Map<String, byte[]> content(GraphSnapshot graph) throws IOException;

    void write(Map<String, byte[]> content, ExportMetadata metadata, OutputStream out) throws IOException;
}
