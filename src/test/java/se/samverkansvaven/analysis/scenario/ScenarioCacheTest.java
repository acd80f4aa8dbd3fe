package se.samverkansvaven.analysis.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.analysis.ActorProjection;
import se.samverkansvaven.analysis.data.AnalysisCache;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenarios have a room of their own in {@link AnalysisCache}: a burst of scenarios, each new (its own digest),
 * compared and analysed, leaves the graph of record's entries where they were. Before the room, the ~dozen entries a
 * comparison keeps went into the same 64 as the date's data and P, so a handful of scenarios pushed the date out
 * and the next ordinary request read it from the database again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScenarioCacheTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LocalDate DATE = LocalDate.parse("2026-06-30");
    /** More scenarios than the whole cache had entries, each asking for a comparison and an analysis. */
    static final int BURST = 70;

    @LocalServerPort
    int port;
    @Autowired
    AnalysisCache cache;

    @Test
    void aBurstOfScenariosLeavesTheGraphOfRecordsEntriesInTheCache() {
        ApiClient api = new ApiClient(port);
        CooperationData data = cache.data(DATE);
        CooperationData realRows = cache.data(DATE, false);
        Set<Form> forms = Set.copyOf(Form.DEFAULT_ANALYSIS_FORMS);
        // P as AnalysisController keeps it (the forms as the key)
        ActorProjection projection = cache.ofDate(data, forms, () -> ActorProjection.of(data, forms));

        List<String> codes = new ArrayList<>(data.municipalities().keySet());
        String area = data.areas().firstKey();
        for (int i = 0; i < BURST; i++) {
            String host = codes.get(i % codes.size());
            String partner = codes.get((i + 1) % codes.size());
            var scenario = Map.of("name", "Burst " + i, "asOf", DATE.toString(), "changes", List.of(Map.of(
                    "type", "START", "from", DATE.toString(), "body", Map.of("name", "Burst agreement " + i,
                            "form", "AGREEMENT", "areas", List.of(area), "parties", List.of(host, partner),
                            "host", host))));
            var compared = api.send(HttpRequest.newBuilder(api.uri("/api/scenarios/compare"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("scenario", scenario))))
                    .build());
            assertThat(compared.status()).as(compared.text()).isEqualTo(200);
        }

        assertThat(cache.data(DATE)).as("the date's data, not read again").isSameAs(data);
        assertThat(cache.data(DATE, false)).as("the date's real rows").isSameAs(realRows);
        assertThat(cache.ofDate(data, forms, () -> ActorProjection.of(data, forms))).as("P").isSameAs(projection);
    }
}
