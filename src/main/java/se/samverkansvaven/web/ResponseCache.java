package se.samverkansvaven.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Serialised API responses of one graph revision, least recently used first out, bounded in bytes. A new
 * revision empties it: nothing computed from an older graph is served again.
 */
final class ResponseCache {

    /** Bodies this small go out uncompressed, as Tomcat's {@code server.compression.min-response-size}. */
    static final int GZIP_FROM_BYTES = 2048;

    /**
     * One response: the body as the controller wrote it, and a strong ETag from a hash of what is kept (so a
     * client's copy validates also across revisions that changed nothing in it). A body of
     * {@link #GZIP_FROM_BYTES} or more is kept only gzipped, compressed once: an ego web of depth 2 is the
     * better part of the graph, and kept raw beside its gzip a few dozen would fill the cache, while nearly every
     * client accepts gzip; the rare one that does not gets it inflated again.
     */
    record Entry(String contentType, int length, byte[] raw, byte[] gzipped, String etag) {
        static Entry of(String contentType, byte[] body) {
            if (body.length < GZIP_FROM_BYTES) {
                return new Entry(contentType, body.length, body, null, hash(body));
            }
            byte[] gzipped = gzip(body);
            return new Entry(contentType, body.length, null, gzipped, hash(gzipped));
        }

        /** The body as the controller wrote it. */
        byte[] body() {
            return raw != null ? raw : gunzip(gzipped);
        }

        /** The gzipped body is another representation and gets its own tag, as RFC 9110 asks of strong ones. */
        String gzippedEtag() {
            return etag.substring(0, etag.length() - 1) + "-gz\"";
        }

        long bytes() {
            return (raw == null ? 0 : raw.length) + (gzipped == null ? 0 : gzipped.length) + 200L;
        }
    }

    private final long maxBytes;
    private final long largestBody;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long revision = Long.MIN_VALUE;
    private long bytes;

    ResponseCache(long maxBytes, long largestBody) {
        this.maxBytes = maxBytes;
        this.largestBody = largestBody;
    }

    boolean enabled() {
        return maxBytes > 0;
    }

    synchronized Entry get(long revision, String key) {
        switchTo(revision);
        return entries.get(key);
    }

    /** Keeps the entry unless it was computed under an older revision than the one now held, or is too big. */
    synchronized void put(long revision, String key, Entry entry) {
        if (revision != this.revision || entry.length() > largestBody || entry.bytes() > maxBytes) {
            return;
        }
        Entry replaced = entries.put(key, entry);
        bytes += entry.bytes() - (replaced == null ? 0 : replaced.bytes());
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().bytes();
            eldest.remove();
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private void switchTo(long revision) {
        if (revision != this.revision) {
            entries.clear();
            bytes = 0;
            this.revision = revision;
        }
    }

    /**
     * At zlib's fastest level: a miss pays it on a request thread, and on JSON it was ~4x faster than the default
     * level 6 for ~20 % more bytes (ego webs of depth 2, bench/README.md "S"), the level nginx uses by default.
     */
    private static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream(body.length / 8 + 64);
        try (var gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] gzipped) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
