package se.samverkansvaven.analysis.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.database.GraphRevisions;

/**
 * Stored scenarios are no part of the graph of record: every export format, the coverage and the analyses answer
 * byte for byte the same with and without stored scenarios (one of them shared, one starting a body, one ending
 * one). Between the two readings the graph's revision is raised by an empty write, so every cache (the response
 * cache, the analysis cache) reads the database again: the equality is the readers', not a cache's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScenarioIsolationTest {

    @LocalServerPort
    int port;
    @Autowired
    Driver driver;
    @Autowired
    GraphRevisions revisions;

    static final List<String> READS = List.of(
            "/api/snapshots?format=json&includeChanges=true",
            "/api/snapshots?format=graphml",
            "/api/snapshots?format=gexf",
            "/api/snapshots?format=csv",
            "/api/snapshots?format=bundle",
            "/api/snapshots?format=cypher",
            "/api/snapshots?format=json&asOf=2026-06-30&illustrative=false",
            "/api/coverage?scope=county:14",
            "/api/analysis/overview",
            "/api/analysis/web/1497?depth=2",
            "/api/analysis/centrality?scope=county:14",
            "/api/analysis/hosts?scope=county:14",
            "/api/analysis/gaps?municipality=1497",
            "/api/analysis/exit?municipality=1497",
            "/api/analysis/communities",
            "/api/sources");

    /**
     * Every read; a snapshot by its {@code X-Content-SHA256} (the hash of its content, which leaves out the one field
     * that changes between two downloads of the same graph, {@code generatedAt}: docs/exports.md).
     */
    Map<String, String> read(ApiClient api) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            for (String path : READS) {
                var response = client.send(HttpRequest.newBuilder(api.uri(path))
                                .header("Authorization", ScenarioApiTest.ADMIN).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
                answers.put(path, path.startsWith("/api/snapshots")
                        ? response.headers().firstValue("X-Content-SHA256").orElseThrow() : response.body());
            }
        }
        return answers;
    }

    @Test
    void exportsCoverageAndAnalysesAreTheSameWithAndWithoutStoredScenarios() throws Exception {
        ApiClient api = new ApiClient(port);
        bump();
        Map<String, String> without = read(api);

        List<String> ids = new ArrayList<>();
        for (var scenario : List.of(
                ScenarioApiTest.scenario("a", List.of(ScenarioApiTest.HJO_JOINS_BYGG_MILJO, ScenarioApiTest.SKOVDE_HOSTS_BYGG_MILJO)),
                ScenarioApiTest.scenario("b", List.of(Map.of("type", "START", "from", "2026-01-01", "body", Map.of(
                        "name", "Ny nämnd", "form", "JOINT_COMMITTEE", "areas", List.of("it"), "parties",
                        List.of("1497", "1496"), "host", "1497")))),
                ScenarioApiTest.scenario("c", List.of(Map.of("type", "END", "body", "ill-gn-it-ostra-skaraborg",
                        "from", "2026-01-01"))))) {
            var created = send(api, "POST", "/api/scenarios", scenario);
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            ids.add(created.json().get("id").asString());
        }
        assertThat(send(api, "POST", "/api/scenarios/" + ids.getFirst() + "/share", null).status()).isEqualTo(200);
        bump();
        Map<String, String> with = read(api);
        ids.forEach(id -> send(api, "DELETE", "/api/scenarios/" + id, null));

        assertThat(with).isEqualTo(without);
    }

    private void bump() {
        try (var session = driver.session()) {
            revisions.writeWithoutResult(session, GraphRevisions::bump);
        }
    }

    private static ApiClient.Response send(ApiClient api, String method, String path, Object body) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .header("Authorization", ScenarioApiTest.ADMIN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(ScenarioApiTest.JSON.writeValueAsString(body))).build());
    }
}
