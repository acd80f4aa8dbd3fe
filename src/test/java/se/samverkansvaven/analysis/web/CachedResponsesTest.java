package se.samverkansvaven.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.analysis.ActorProjection;
import se.samverkansvaven.analysis.data.AnalysisCache;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.testing.TestBodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The response cache in front of the read API (web.CachedResponseFilter) and the revision it is keyed on:
 * cached bodies are the controller's bytes, a write through the API shows in the next read, a failed write
 * changes nothing, validators give 304, and errors are never kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CachedResponsesTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            "admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
    static final String DATE = "2026-11-21";

    @LocalServerPort
    int port;

    @Autowired
    AnalysisController controller;

    @Autowired
    JsonMapper appMapper;

    @Autowired
    GraphRevisions revisions;

    @Autowired
    Driver driver;

    @Autowired
    AnalysisCache projections;

    @AfterAll
    static void removeTestBodies(@Autowired Driver driver, @Autowired GraphRevisions revisions) {
        TestBodies.remove(driver, revisions, "cache-");
    }

    HttpResponse<byte[]> get(String path, String... headers) {
        var builder = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    static byte[] gunzip(byte[] gzipped) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }

    int post(String path, Object body) {
        try {
            var request = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").header("Authorization", ADMIN)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> association(String id, String... members) {
        return Map.of("reason", "cache test", "body", Map.of("id", id, "form", "ASSOCIATION", "name", "Cache " + id,
                "validFrom", "2020-01-01", "source", "test", "parties", java.util.Arrays.stream(members)
                        .map(m -> Map.of("party", m, "role", "MEMBER", "validFrom", "2020-01-01", "source", "test"))
                        .toList()));
    }

    @Test
    void aCachedBodyIsTheBytesTheControllerWouldSerialise() throws Exception {
        // Parameters out of order and an unusual form set: a key no other test asked for.
        String path = "/api/analysis/web/1496?forms=FEDERATION,AGREEMENT,NETWORK&asOf=" + DATE + "&depth=2";
        var first = get(path);
        var second = get(path);
        var gzipped = get(path, "Accept-Encoding", "gzip");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "X-Cache")).isEqualTo("MISS");
        assertThat(header(second, "X-Cache")).isEqualTo("HIT");
        assertThat(header(gzipped, "X-Cache")).isEqualTo("HIT");
        assertThat(header(gzipped, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(second, "Content-Encoding")).isNull();

        byte[] uncached = appMapper.writeValueAsBytes(controller.web("1496", 2, "FEDERATION,AGREEMENT,NETWORK",
                LocalDate.parse(DATE), true));
        assertThat(first.body()).isEqualTo(uncached);
        assertThat(second.body()).isEqualTo(uncached);
        assertThat(gunzip(gzipped.body())).isEqualTo(uncached);
        assertThat(header(second, "Content-Type")).isEqualTo(header(first, "Content-Type")).startsWith("application/json");

        // The same parameters in another order are the same entry.
        var reordered = get("/api/analysis/web/1496?depth=2&asOf=" + DATE + "&forms=FEDERATION,AGREEMENT,NETWORK");
        assertThat(header(reordered, "X-Cache")).isEqualTo("HIT");
        assertThat(reordered.body()).isEqualTo(uncached);
    }

    @Test
    void centralityFromTheCacheEqualsTheComputedOne() throws Exception {
        String path = "/api/analysis/centrality?scope=county:14&asOf=2025-02-03";
        var first = get(path, "Accept-Encoding", "gzip");
        var second = get(path, "Accept-Encoding", "gzip");
        assertThat(header(second, "X-Cache")).isEqualTo("HIT");
        byte[] uncached = appMapper.writeValueAsBytes(controller.centrality("county:14", null, null, LocalDate.parse("2025-02-03"), true));
        assertThat(gunzip(first.body())).isEqualTo(uncached);
        assertThat(gunzip(second.body())).isEqualTo(uncached);
    }

    @Test
    void aWriteThroughTheApiShowsInTheNextRead() {
        String path = "/api/analysis/web/1496?depth=1";
        assertThat(get(path).statusCode()).isEqualTo(200);
        var cached = get(path);
        assertThat(header(cached, "X-Cache")).isEqualTo("HIT");
        assertThat(new String(cached.body(), StandardCharsets.UTF_8)).doesNotContain("cache-new-association");
        String municipality = "/api/municipalities/1496";
        get(municipality);
        assertThat(header(get(municipality), "X-Cache")).isEqualTo("HIT");

        assertThat(post("/api/bodies", association("cache-new-association", "1496", "1497"))).isEqualTo(201);

        // No waiting: this instance made the write, so it knows the new revision at once.
        var after = get(path);
        assertThat(header(after, "X-Cache")).isEqualTo("MISS");
        assertThat(new String(after.body(), StandardCharsets.UTF_8)).contains("cache-new-association");
        var details = get(municipality);
        assertThat(new String(details.body(), StandardCharsets.UTF_8)).contains("cache-new-association");
        assertThat(header(get("/api/bodies/cache-new-association"), "X-Cache")).isEqualTo("MISS");
    }

    @Test
    void aRefusedWriteLeavesTheCacheAsItWas() {
        String path = "/api/analysis/hosts?scope=county:14&asOf=" + DATE;
        get(path);
        assertThat(header(get(path), "X-Cache")).isEqualTo("HIT");
        long before = revisions.stored();
        // A party that does not exist: the loader's rules refuse it (422) and the transaction rolls back.
        assertThat(post("/api/bodies", association("cache-refused", "1496", "9999"))).isEqualTo(422);
        assertThat(revisions.stored()).isEqualTo(before);
        assertThat(revisions.current()).isEqualTo(before);
        assertThat(header(get(path), "X-Cache")).isEqualTo("HIT");
    }

    @Test
    void aWriteByAnotherInstanceShowsWithinTheCheckInterval() throws Exception {
        if (get("/api/bodies/cache-elsewhere").statusCode() == 404) {
            assertThat(post("/api/bodies", association("cache-elsewhere", "1497"))).isEqualTo(201);
        }
        String path = "/api/bodies/cache-elsewhere?asOf=" + DATE;
        get(path);
        assertThat(header(get(path), "X-Cache")).isEqualTo("HIT");
        // Another app on the same server: it writes and increments the revision, and this instance is not told.
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                tx.run("MATCH (b:Body {id: 'cache-elsewhere'}) SET b.name = 'Renamed elsewhere'").consume();
                GraphRevisions.bump(tx);
            });
        }
        Thread.sleep(1_100); // samverkansvaven.cache.revision-check-interval, default 1 s
        var after = get(path);
        assertThat(header(after, "X-Cache")).isEqualTo("MISS");
        assertThat(new String(after.body(), StandardCharsets.UTF_8)).contains("Renamed elsewhere");
    }

    @Test
    void validatorsGive304AndTheBodyOnlyWhenChanged() {
        String path = "/api/analysis/communities?scope=all&asOf=" + DATE; // large enough to be gzipped
        var plain = get(path);
        var gzipped = get(path, "Accept-Encoding", "gzip");
        assertThat(header(gzipped, "Content-Encoding")).isEqualTo("gzip");
        String tag = header(plain, "ETag");
        assertThat(tag).matches("\"[0-9a-f]{32}\"");
        assertThat(header(gzipped, "ETag")).isEqualTo(tag.substring(0, tag.length() - 1) + "-gz\"");
        assertThat(header(plain, "Cache-Control")).isEqualTo("no-cache");
        assertThat(header(plain, "Vary")).contains("Accept-Encoding");

        var notModified = get(path, "If-None-Match", tag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(header(notModified, "ETag")).isEqualTo(tag);
        // Either coding's tag validates the content, weak or strong (If-None-Match compares weakly).
        assertThat(get(path, "If-None-Match", header(gzipped, "ETag"), "Accept-Encoding", "gzip").statusCode()).isEqualTo(304);
        assertThat(get(path, "If-None-Match", "\"other\", W/" + tag).statusCode()).isEqualTo(304);
        var changed = get(path, "If-None-Match", "\"0123456789abcdef0123456789abcdef\"");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(plain.body());
    }

    @Test
    void badInputIsStillAnErrorAndNeverCached() {
        for (String path : List.of("/api/analysis/web/1496?depth=3", "/api/analysis/web/12?depth=1",
                "/api/analysis/hosts?scope=county:14&area=no-such-area", "/api/analysis/web/1496?asOf=2026-13-01")) {
            for (int i = 0; i < 2; i++) {
                var response = get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(400);
                assertThat(header(response, "Content-Type")).as(path).contains("problem+json");
                assertThat(header(response, "X-Cache")).as(path).isNull();
                assertThat(header(response, "ETag")).as(path).isNull();
                JsonNode problem = JSON.readTree(response.body());
                assertThat(problem.get("parameter").asString()).as(path).isNotEmpty();
            }
        }
        var unknown = get("/api/analysis/web/9999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(header(get("/api/analysis/web/9999"), "X-Cache")).isNull();
    }

    @Test
    void writesAndPerUserReadsAreNotCached() {
        assertThat(header(get("/api/me"), "X-Cache")).isNull();
        assertThat(header(get("/api/changes?since=2026-01-01"), "X-Cache")).isNull();
        assertThat(header(get("/api/bodies/fed-skaraborg/state", "Authorization", ADMIN), "X-Cache")).isNull();
    }

    /** Data and what is derived from it are kept for at most samverkansvaven.cache.dates (8) dates, least recently used out. */
    @Test
    void keepsTheDataOfAtMostEightDates() {
        LocalDate first = LocalDate.parse("2019-01-01");
        CooperationData kept = projections.data(first);
        ActorProjection keptProjection = projection(kept);
        for (int i = 1; i <= 7; i++) {
            projections.data(first.plusDays(i));
        }
        assertThat(projections.data(first)).as("8 dates fit").isSameAs(kept);
        assertThat(projection(kept)).isSameAs(keptProjection);
        for (int i = 8; i <= 15; i++) { // first is now the least recently used of 9
            projections.data(first.plusDays(i));
        }
        assertThat(projections.data(first)).as("read again after 8 other dates").isNotSameAs(kept);
        assertThat(projection(kept)).isNotSameAs(keptProjection);
    }

    private ActorProjection projection(CooperationData data) {
        return projections.ofDate(data.asOf(), Form.DEFAULT_ANALYSIS_FORMS,
                () -> ActorProjection.of(data, Form.DEFAULT_ANALYSIS_FORMS));
    }
}
