package se.samverkansvaven.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14 on the shipped data: every analysis answer carries the coverage of its scope, every item resting on
 * illustrative rows says so, and {@code illustrative=false} answers as if the illustrative rows were not loaded.
 * Every illustrative body of the shipped data has an id starting with {@code ill-} (the loader's rule for the
 * illustrative bundle, checked by {@code fixtures/check_illustrative.py}), so an item naming one is recognisable
 * without the app's own flags.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "samverkansvaven.test.database=shipped-data-only")
class AnalysisProvenanceApiTest {

    static final String DATE = "2026-11-21";
    static JsonNode facts;

    /** Every analysis endpoint, with parameters that reach illustrative bodies in the default answers. */
    static final List<String> ENDPOINTS = List.of(
            "/api/analysis/web/1496?depth=2",
            "/api/analysis/web/2480",
            "/api/analysis/federation-web/fed-skaraborg",
            "/api/analysis/centrality?scope=county:14",
            "/api/analysis/centrality",
            "/api/analysis/communities?scope=county:14",
            "/api/analysis/communities",
            "/api/analysis/hosts?scope=county:14",
            "/api/analysis/hosts?scope=all",
            "/api/analysis/diagonal-links?classes=DIAGONAL,HORIZONTAL,VERTICAL,SAME_CELL",
            "/api/analysis/gaps",
            "/api/analysis/exit?municipality=1496",
            "/api/analysis/exit?municipality=1496&area=beredskap",
            "/api/analysis/overview",
            "/api/analysis/network-grid");

    @LocalServerPort
    int port;

    @BeforeAll
    static void readFacts() throws Exception {
        try (InputStream in = AnalysisProvenanceApiTest.class.getResourceAsStream("/fixtures/illustrative-facts-2026-11-21.json")) {
            facts = JsonMapper.builder().build().readTree(in);
        }
    }

    JsonNode get(String path) {
        String url = path + (path.contains("?") ? "&" : "?") + "asOf=" + DATE;
        var response = new ApiClient(port).get(url);
        assertThat(response.status()).as(url + " -> " + response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void realDataOnlyAnswersHoldNoIllustrativeItemAnywhere() {
        for (String endpoint : ENDPOINTS) {
            JsonNode answer = get(endpoint + (endpoint.contains("?") ? "&" : "?") + "illustrative=false");
            List<String> found = new ArrayList<>();
            walk(answer, "$", (path, node) -> {
                node.properties().forEach(e -> {
                    if (e.getKey().toLowerCase().contains("illustrative") && e.getValue().isBoolean()
                            && e.getValue().asBoolean() && !e.getKey().equals("illustrativeIncluded")) {
                        found.add(path + "." + e.getKey());
                    }
                    if (e.getKey().equals("illustrative") && e.getValue().isNumber() && e.getValue().asInt() != 0) {
                        found.add(path + ".illustrative = " + e.getValue());
                    }
                });
            });
            assertThat(found).as(endpoint + " with illustrative=false").isEmpty();
            assertThat(answer.toString()).as(endpoint + ": no illustrative body named").doesNotContain("\"ill-");
            assertThat(answer.get("illustrativeIncluded").asBoolean()).as(endpoint).isFalse();
            // the shipped real bundles cover nobody (docs/data.md "Coverage shipped")
            assertThat(answer.get("coverage").get("coveredCount").asInt()).as(endpoint).isZero();
        }
        // nobody covered: no gap at all, host concentration over N = 0
        assertThat(get("/api/analysis/gaps?illustrative=false").get("gaps")).isEmpty();
        JsonNode hosts = get("/api/analysis/hosts?scope=all&illustrative=false");
        assertThat(hosts.get("n").asInt()).isZero();
        assertThat(hosts.get("hhi").isNull()).isTrue();
        // what is real stays: Umeå still hosts its joint committee, Skaraborgs kommunalförbund is still there
        assertThat(get("/api/analysis/web/2480?illustrative=false").toString()).contains("gn-umearegionen-brand");
        assertThat(get("/api/analysis/overview?illustrative=false").get("illustrativeBodies").asInt()).isZero();
    }

    @Test
    void everyItemNamingAnIllustrativeBodyIsFlaggedInTheDefaultAnswers() {
        int checked = 0;
        for (String endpoint : ENDPOINTS) {
            JsonNode answer = get(endpoint);
            assertThat(answer.get("illustrativeIncluded").asBoolean()).as(endpoint).isTrue();
            List<String> unflagged = new ArrayList<>();
            int[] seen = {0};
            walk(answer, "$", (path, node) -> {
                if (path.equals("$") || !namesAnIllustrativeBody(node)) {
                    return;
                }
                seen[0]++;
                JsonNode flag = node.get("illustrative");
                if (flag == null || !flag.isBoolean() || !flag.asBoolean()) {
                    unflagged.add(path + " " + node);
                }
            });
            assertThat(unflagged).as(endpoint).isEmpty();
            checked += seen[0];
        }
        assertThat(checked).as("items naming an illustrative body").isGreaterThan(100);
    }

    @Test
    void hostRowsCentralityRowsAndTheAnswersSayWhatRestsOnIllustrativeRows() {
        // host rows: every municipality with a host role on an illustrative body (the independent facts) is flagged
        JsonNode hosts = get("/api/analysis/hosts?scope=all");
        assertThat(hosts.get("illustrative").asBoolean()).isTrue();
        facts.get("host_roles").properties().forEach(e -> {
            boolean invented = false;
            for (JsonNode body : e.getValue()) {
                invented |= body.asString().startsWith("ill-");
            }
            JsonNode row = row(hosts.get("municipalities"), "code", e.getKey());
            if (invented) {
                assertThat(row.get("illustrative").asBoolean()).as("host row " + e.getKey()).isTrue();
            }
        });
        // Umeå hosts a real joint committee and is not covered: its row is real, apart from the N
        JsonNode umea = row(hosts.get("municipalities"), "code", "2480");
        assertThat(umea.get("covered").asBoolean()).isFalse();
        assertThat(umea.get("illustrative").asBoolean()).isFalse();
        assertThat(umea.get("hostRoles").asInt()).isEqualTo(1);

        JsonNode centrality = get("/api/analysis/centrality");
        assertThat(centrality.get("restsOnIllustrative").asBoolean()).isTrue();
        assertThat(row(centrality.get("vertices"), "id", "1496").get("illustrative").asBoolean()).isTrue();
        assertThat(row(centrality.get("vertices"), "id", "2480").get("illustrative").asBoolean()).isFalse();
        JsonNode communities = get("/api/analysis/communities?scope=county:14");
        assertThat(communities.get("restsOnIllustrative").asBoolean()).isTrue();
        assertThat(strings(communities.get("illustrativeMembers"))).contains("1496").doesNotContain("2480");
        assertThat(get("/api/analysis/centrality?scope=county:24").get("restsOnIllustrative").asBoolean()).isFalse();
    }

    @Test
    void everyAnswerCarriesTheCoverageOfItsScope() {
        JsonNode county = get("/api/analysis/centrality?scope=county:14").get("coverage");
        assertThat(county.get("asOf").asString()).isEqualTo(DATE);
        assertThat(county.get("scope").asString()).isEqualTo("county:14");
        assertThat(strings(county.get("forms"))).containsExactly("FEDERATION", "JOINT_COMMITTEE", "AGREEMENT",
                "COMPANY", "ASSOCIATION");
        assertThat(county.get("municipalities").asInt()).isEqualTo(49);
        assertThat(county.get("coveredCount").asInt()).isEqualTo(15);
        assertThat(county.get("notCoveredCount").asInt()).isEqualTo(34);
        assertThat(strings(county.get("covered"))).hasSize(15).contains("1496");
        assertThat(strings(county.get("notCovered"))).hasSize(34).contains("1480");
        assertThat(county.get("complete").asBoolean()).isFalse();
        assertThat(county.get("illustrative").asBoolean()).isTrue();

        JsonNode skaraborg = get("/api/analysis/hosts?scope=federation:fed-skaraborg").get("coverage");
        assertThat(strings(skaraborg.get("forms"))).containsExactly("JOINT_COMMITTEE", "AGREEMENT");
        assertThat(skaraborg.get("complete").asBoolean()).isTrue();
        JsonNode networks = get("/api/analysis/network-grid?scope=county:14").get("coverage");
        assertThat(strings(networks.get("forms"))).containsExactly("NETWORK", "INITIATIVE");
        assertThat(networks.get("coveredCount").asInt()).isZero(); // nobody claims a complete list of networks
        for (String endpoint : ENDPOINTS) {
            JsonNode coverage = get(endpoint).get("coverage");
            assertThat(coverage).as(endpoint).isNotNull();
            assertThat(coverage.get("coveredCount").asInt() + coverage.get("notCoveredCount").asInt())
                    .as(endpoint).isEqualTo(coverage.get("municipalities").asInt());
        }
    }

    @Test
    void umeaHasNoDataForTheDefaultFormsButShowsTheJointCommitteeItHosts() {
        JsonNode umea = get("/api/analysis/web/2480");
        assertThat(umea.get("covered").asBoolean()).isFalse();
        assertThat(umea.get("coverage").get("scope").asString()).isEqualTo("municipality:2480");
        assertThat(strings(umea.get("coverage").get("notCovered"))).containsExactly("2480");
        // a known body (public-sources bundle): not "no data", and the body is listed
        assertThat(umea.get("noData").asBoolean()).isFalse();
        assertThat(umea.toString()).contains("gn-umearegionen-brand");
        // Skellefteå: uncovered and no known body of the default forms: no data, never "cooperates with nobody"
        JsonNode skelleftea = get("/api/analysis/web/2482");
        assertThat(skelleftea.get("noData").asBoolean()).isTrue();
        assertThat(skelleftea.get("covered").asBoolean()).isFalse();
        // Skövde: covered (illustratively)
        JsonNode skovde = get("/api/analysis/web/1496");
        assertThat(skovde.get("covered").asBoolean()).isTrue();
        assertThat(skovde.get("noData").asBoolean()).isFalse();
        assertThat(skovde.get("coverage").get("illustrative").asBoolean()).isTrue();
    }

    @Test
    void exitImpactNamesWhoIsCutOffAndGivesNoRankWithoutABrokerRole() {
        JsonNode exit = get("/api/analysis/exit?municipality=1496");
        assertThat(exit.get("restsOnIllustrative").asBoolean()).isTrue();
        for (JsonNode change : exit.get("rankChanges")) {
            for (String when : List.of("Before", "After")) {
                JsonNode broker = change.get("brokerRole" + when);
                JsonNode rank = change.get("rank" + when);
                JsonNode betweenness = change.get("betweenness" + when);
                if (betweenness.isNull()) {
                    assertThat(broker.isNull() && rank.isNull()).as(change.toString()).isTrue();
                } else if (betweenness.asDouble() <= 1e-9) {
                    assertThat(broker.asBoolean()).as(change.toString()).isFalse();
                    assertThat(rank.isNull()).as(change.toString()).isTrue();
                } else {
                    assertThat(broker.asBoolean()).as(change.toString()).isTrue();
                    assertThat(rank.asInt()).as(change.toString()).isPositive();
                }
            }
        }
        int pieces = 0;
        for (JsonNode piece : exit.get("splitOff")) {
            assertThat(piece.get("members")).hasSize(piece.get("size").asInt());
            pieces++;
        }
        // every new component is a piece that split off (exits only remove rows), or is gone with m
        assertThat(exit.get("componentsAfter").asInt() - exit.get("componentsBefore").asInt())
                .isLessThanOrEqualTo(pieces);
    }

    private static boolean namesAnIllustrativeBody(JsonNode node) {
        for (var e : node.properties()) {
            if (e.getValue().isString() && e.getValue().asString().startsWith("ill-")) {
                return true;
            }
            if (e.getValue().isArray()) {
                for (JsonNode v : e.getValue()) {
                    if (v.isString() && v.asString().startsWith("ill-")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    interface Visitor {
        void object(String path, JsonNode node);
    }

    static void walk(JsonNode node, String path, Visitor visitor) {
        if (node.isObject()) {
            visitor.object(path, node);
            node.properties().forEach(e -> walk(e.getValue(), path + "." + e.getKey(), visitor));
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode v : node) {
                walk(v, path + "[" + i++ + "]", visitor);
            }
        }
    }

    private static JsonNode row(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (row.get(field).asString().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + field + " = " + value);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asString()));
        return values;
    }

}
