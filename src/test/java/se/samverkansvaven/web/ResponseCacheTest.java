package se.samverkansvaven.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The store behind CachedResponseFilter: one revision at a time, bounded in bytes, bodies given back exactly. */
class ResponseCacheTest {

    static ResponseCache.Entry entry(int bytes, char fill) {
        return ResponseCache.Entry.of("application/json", String.valueOf(fill).repeat(bytes).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLargeBodyIsKeptGzippedAndGivenBackByteForByte() {
        byte[] body = "{\"a\":[1,2,3],\"name\":\"Skövde\"}".repeat(200).getBytes(StandardCharsets.UTF_8);
        var entry = ResponseCache.Entry.of("application/json", body);
        assertThat(entry.raw()).isNull();
        assertThat(entry.gzipped()).isNotNull().hasSizeLessThan(body.length / 10);
        assertThat(entry.body()).isEqualTo(body);
        assertThat(entry.length()).isEqualTo(body.length);

        byte[] small = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        var smallEntry = ResponseCache.Entry.of("application/json", small);
        assertThat(smallEntry.gzipped()).isNull();
        assertThat(smallEntry.body()).isEqualTo(small);
        assertThat(smallEntry.etag()).isNotEqualTo(entry.etag()).matches("\"[0-9a-f]{32}\"");
        assertThat(ResponseCache.Entry.of("application/json", small.clone()).etag()).isEqualTo(smallEntry.etag());
    }

    /** A miss compresses on a request thread: at zlib's fastest level (deflate's output is fixed per level). */
    @Test
    void aLargeBodyIsGzippedAtTheFastestLevel() throws Exception {
        StringBuilder json = new StringBuilder("[");
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            json.append("{\"id\":\"avt-").append(random.nextInt(100_000)).append("\",\"distance\":")
                    .append(random.nextInt(5)).append("},");
        }
        byte[] body = json.append("{}]").toString().getBytes(StandardCharsets.UTF_8);
        byte[] fastest = gzip(body, java.util.zip.Deflater.BEST_SPEED);
        assertThat(fastest).as("the levels differ on this body").isNotEqualTo(gzip(body, java.util.zip.Deflater.DEFAULT_COMPRESSION));
        assertThat(ResponseCache.Entry.of("application/json", body).gzipped()).isEqualTo(fastest);
    }

    private static byte[] gzip(byte[] body, int level) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(out) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(body);
        }
        return out.toByteArray();
    }

    @Test
    void aNewRevisionEmptiesItAndAnAnswerOfAnOlderOneIsNotKept() {
        var cache = new ResponseCache(1 << 20, 1 << 20);
        assertThat(cache.get(5, "a")).isNull();
        cache.put(5, "a", entry(10, 'x'));
        assertThat(cache.get(5, "a")).isNotNull();
        assertThat(cache.get(6, "a")).isNull();
        cache.put(5, "b", entry(10, 'y')); // computed under 5, arrives after 6 was seen
        assertThat(cache.get(6, "b")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTheBytesRunOut() {
        // Each small entry takes its body plus 200 bytes of bookkeeping: 1,000 bytes; room for three.
        var cache = new ResponseCache(3_000, 10_000);
        assertThat(cache.get(1, "a")).isNull(); // the filter always asks first, which sets the revision held
        cache.put(1, "a", entry(800, 'a'));
        cache.put(1, "b", entry(800, 'b'));
        cache.put(1, "c", entry(800, 'c'));
        assertThat(cache.get(1, "a")).isNotNull(); // a is now the most recently used
        cache.put(1, "d", entry(800, 'd'));
        assertThat(cache.get(1, "b")).isNull();
        assertThat(cache.get(1, "a")).isNotNull();
        assertThat(cache.get(1, "c")).isNotNull();
        assertThat(cache.get(1, "d")).isNotNull();
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void aBodyLargerThanTheLimitIsNotKept() {
        var cache = new ResponseCache(1 << 20, 1_000);
        assertThat(cache.get(1, "big")).isNull();
        cache.put(1, "big", entry(1_500, 'z'));
        cache.put(1, "small", entry(500, 's'));
        assertThat(cache.get(1, "small")).isNotNull();
        assertThat(cache.get(1, "big")).isNull();
        assertThat(new ResponseCache(0, 1_000).enabled()).isFalse();
    }
}
