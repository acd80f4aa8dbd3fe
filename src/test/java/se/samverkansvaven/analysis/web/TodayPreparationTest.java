package se.samverkansvaven.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
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
import se.samverkansvaven.web.Today;

/**
 * Today's date is ready before anyone asks (issue 17): the data and P are in the cache under the keys a request
 * uses, the ego-web path was asked through HTTP (its answers are in the response cache), and after a write both
 * are prepared again. Switched off for the other suites (src/test/resources/config/application.properties).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "samverkansvaven.analysis.prepare-today=true", "samverkansvaven.analysis.warm-up-requests=" + TodayPreparationTest.WARM_UP})
class TodayPreparationTest {

    /** Every municipality's two webs under the plain query (290 x 2), and two more. */
    static final int WARM_UP = 290 * 2 + 2;

    @LocalServerPort
    int port;

    @Autowired
    TodayPreparation preparation;

    @Autowired
    AnalysisCache cache;

    @Autowired
    GraphRevisions revisions;

    @Autowired
    Driver driver;

    @Autowired
    Today today;

    @Test
    void preparesTodayAndWarmsTheEgoWebPathAtStartAndPreparesAgainAfterAWrite() throws Exception {
        awaitTrue(() -> preparation.warmedUp() >= 0);
        assertThat(preparation.warmedUp()).as("ego webs answered 200 by the warm-up").isEqualTo(WARM_UP);
        assertThat(preparation.prepared().date()).isEqualTo(today.date());
        assertThat(preparation.prepared().revision()).isEqualTo(revisions.current());
        CooperationData data = cache.data(today.date(), true);
        ActorProjection p = preparedProjection(data);

        // The first of P's municipalities with partners is asked first under each query meaning today: its webs are
        // answered from the response cache (so the warm-up went through HTTP) under the plain query and, in the second
        // round, under asOf=today (the 2 requests beyond 580), and no further.
        String first = null;
        for (int v = 0; v < p.actors().vertexCount() && first == null; v++) {
            if (p.actors().degree(v) > 0 && p.actors().id(v).matches("\\d{4}")) {
                first = p.actors().id(v);
            }
        }
        assertThat(first).isNotNull();
        String forms = "&forms=AGREEMENT,ASSOCIATION,COMPANY,FEDERATION,JOINT_COMMITTEE";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("?depth=1", "HIT");
        expected.put("?depth=2", "HIT");
        expected.put("?depth=1&asOf=" + today.date(), "HIT");
        expected.put("?depth=2&asOf=" + today.date(), "HIT");
        expected.put("?depth=1" + forms, "MISS");
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (var query : expected.entrySet()) {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/analysis/web/" + first + query.getKey())).build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.headers().firstValue("X-Cache")).as(query.getKey()).contains(query.getValue());
            }
        }

        long before = preparation.prepared().revision();
        try (var session = driver.session()) {
            revisions.writeWithoutResult(session, GraphRevisions::bump);
        }
        awaitTrue(() -> preparation.prepared().revision() > before);
        assertThat(preparation.prepared().revision()).isEqualTo(revisions.current());
        CooperationData again = cache.data(today.date(), true);
        assertThat(again).as("read again after the write").isNotSameAs(data);
        preparedProjection(again);
    }

    /** P of the data as the endpoints key it; fails if it was not already built. */
    private ActorProjection preparedProjection(CooperationData data) {
        return cache.ofDate(data, Set.copyOf(Form.DEFAULT_ANALYSIS_FORMS), () -> fail("P of today was not prepared"));
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        for (long end = System.nanoTime() + 120_000_000_000L; !condition.getAsBoolean(); Thread.sleep(50)) {
            if (System.nanoTime() > end) {
                fail("not within 2 minutes");
            }
        }
    }
}
