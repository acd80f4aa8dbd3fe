package se.samverkansvaven.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one format straight to a stream, in two steps, so the content hash can go inside the file and in the
 * HTTP header before a byte is sent: {@link #content} renders the graph (everything the SHA-256 covers, never
 * the metadata), once into the hash and once more inside {@link #write}, which frames it with the metadata.
 * So nothing but the snapshot is held in memory, whatever the file's size; the price is rendering twice.
 */
interface SnapshotWriter {

    /**
     * Renders the content entry by entry, asking {@code entries} for the stream of each (single-file formats
     * have one entry). Flushes what it buffers at the end of each entry and never closes the stream.
     */
    void content(GraphSnapshot graph, Entries entries) throws IOException;

    /** The whole file: the content framed with the metadata. */
    void write(GraphSnapshot graph, ExportMetadata metadata, OutputStream out) throws IOException;

    /** Where each entry of the content goes. */
    @FunctionalInterface
    interface Entries {
        OutputStream next(String name) throws IOException;

        /** Every entry into the same stream (the hash, or the one file of a single-file format). */
        static Entries into(OutputStream out) {
            return name -> out;
        }
    }

    /** The stream, which a writer's close (Jackson's, commons-csv's) then leaves open for what follows. */
    static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
