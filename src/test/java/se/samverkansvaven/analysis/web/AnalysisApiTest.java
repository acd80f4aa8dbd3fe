package se.samverkansvaven.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.analysis.GapAnalysis;
import se.samverkansvaven.analysis.HostConcentrationAnalysis;
import se.samverkansvaven.analysis.data.AnalysisCache;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.analysis.data.CooperationData.CoverageInfo;
import se.samverkansvaven.analysis.data.CooperationData.Place;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysis API on the shipped data (Västra Götaland, public sources, illustrative) against the facts that
 * {@code fixtures/check_illustrative.py} computed independently from the CSV files for 2026-11-21.
 */
// Its own database holding exactly the shipped data: other suites add test bodies to the shared one.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "samverkansvaven.test.database=shipped-data-only")
class AnalysisApiTest {

    static final String DATE = "2026-11-21";
    /** Skövde's bodies of the default forms on DATE, counted from the CSV files (python, by hand). */
    static final int SKOVDE_BODIES = 9;
    static JsonNode facts;

    @LocalServerPort
    int port;

    @BeforeAll
    static void readFacts() throws Exception {
        try (InputStream in = AnalysisApiTest.class.getResourceAsStream("/fixtures/illustrative-facts-2026-11-21.json")) {
            facts = JsonMapper.builder().build().readTree(in);
        }
    }

    @Autowired
    AnalysisCache cache;

    /**
     * "Every existing analysis gives the same values as today on covered data": the shipped data with a coverage
     * row for every municipality (every form) gives the figures the oracle computed before item 8 existed
     * (illustrative-facts-2026-11-21.json as committed before 14cb301, by check_illustrative.py).
     */
    @Test
    void fullyCoveredDataGivesTheValuesOfBeforeCoverage() {
        var shipped = cache.data(LocalDate.parse(DATE));
        var everyone = shipped.municipalities().keySet().stream()
                .map(code -> new CoverageInfo(code, Set.of(),
                        LocalDate.of(2000, 1, 1), null, "test", false)).toList();
        var covered = new CooperationData(shipped.asOf(), shipped.municipalities(),
                shipped.borders(), shipped.actors(), shipped.bodies(), shipped.links(), shipped.areas(),
                CooperationData.coverageByMunicipality(everyone), true);
        var hosts = new HostConcentrationAnalysis();
        List<String> county14 = shipped.municipalities().values().stream().filter(p -> p.countyCode().equals("14"))
                .map(Place::code).toList();
        var county = hosts.analyse(covered, new HostConcentrationAnalysis.Query(county14, null, null));
        assertThat(county.n()).isEqualTo(49);
        assertThat(county.hostRoles()).isEqualTo(18);
        assertThat(county.hhiNormalised()).isCloseTo(0.143004, within(1e-6));
        assertThat(county.cr1()).isCloseTo(0.277778, within(1e-6));
        assertThat(county.cr3()).isCloseTo(0.611111, within(1e-6));
        assertThat(county.gini()).isCloseTo(0.877551, within(1e-6));
        var all = hosts.analyse(covered, new HostConcentrationAnalysis.Query(
                List.copyOf(shipped.municipalities().keySet()), null, null));
        assertThat(all.n()).isEqualTo(290);
        assertThat(all.hhiNormalised()).isCloseTo(0.121688, within(1e-6));
        assertThat(all.gini()).isCloseTo(0.971921, within(1e-6));
        Map<String, Integer> gapsBefore = Map.of("alkoholtillstand", 11, "avfall", 17, "beredskap", 9, "bibliotek", 12,
                "kultur", 20, "nara-vard", 21, "overformyndare", 35, "raddningstjanst", 79, "va", 14);
        var gapAnalysis = new GapAnalysis();
        gapsBefore.forEach((area, count) -> {
            var gaps = gapAnalysis.analyse(covered, new GapAnalysis.Query(area, null, null, null)).gaps();
            assertThat(gaps).as(area).hasSize(count);
            assertThat(gaps).allSatisfy(g -> assertThat(g.unknownNeighbours()).isEmpty());
        });
        // Karlsborg in beredskap, as before: strength 2/3, START with Laxå, Degerfors and Kristinehamn
        var karlsborg = gapAnalysis.analyse(covered, new GapAnalysis.Query("beredskap", "1446", null, null))
                .gaps().getFirst();
        assertThat(karlsborg.strength()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(karlsborg.start().members()).containsExactly("1446", "1781", "1860", "1862");
    }

    JsonNode get(String path) {
        var response = new ApiClient(port).get(path);
        assertThat(response.status()).as(path + " -> " + response.text()).isEqualTo(200);
        return response.json();
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asString()));
        return values;
    }

    @Test
    void hostConcentrationMatchesTheIndependentFigures() {
        Map<String, String> scopes = Map.of("county:14", "county:14", "all", "all (N = 290)",
                "federation:fed-skaraborg", "federation:fed-skaraborg", "federation:fed-gr", "federation:fed-gr",
                "federation:fed-fyrbodal", "federation:fed-fyrbodal", "federation:fed-sjuharad", "federation:fed-sjuharad");
        scopes.forEach((scope, key) -> {
            JsonNode expected = facts.get("host_concentration").get(key);
            JsonNode actual = get("/api/analysis/hosts?asOf=" + DATE + "&scope=" + scope);
            // domain.md item 8: N is the covered municipalities of the scope (only Skaraborg's 15 are covered,
            // by the illustrative bundle); an uncovered host's roles are reported apart
            assertThat(actual.get("n").asInt()).as(scope).isEqualTo(expected.get("N").asInt());
            assertThat(actual.get("scopeSize").asInt()).as(scope).isEqualTo(expected.get("scope_size").asInt());
            assertThat(actual.get("notCoveredCount").asInt()).as(scope)
                    .isEqualTo(expected.get("scope_size").asInt() - expected.get("N").asInt());
            assertThat(actual.get("hostRoles").asInt()).as(scope).isEqualTo(expected.get("host_roles").asInt());
            assertThat(actual.get("hostRolesNotCovered").asInt()).as(scope)
                    .isEqualTo(expected.get("host_roles_not_covered").asInt());
            if (expected.get("HHI").isNull()) {
                assertThat(List.of("hhi", "hhiNormalised", "cr1", "cr3", "gini")).as(scope)
                        .allSatisfy(field -> assertThat(actual.get(field).isNull()).as(scope + " " + field).isTrue());
                return;
            }
            assertThat(actual.get("hhi").asDouble()).as(scope + " HHI").isCloseTo(expected.get("HHI").asDouble(), within(1e-6));
            assertThat(actual.get("hhiNormalised").asDouble()).as(scope + " HHI*").isCloseTo(expected.get("HHI_normalised").asDouble(), within(1e-6));
            assertThat(actual.get("cr1").asDouble()).as(scope + " CR1").isCloseTo(expected.get("CR1").asDouble(), within(1e-6));
            assertThat(actual.get("cr3").asDouble()).as(scope + " CR3").isCloseTo(expected.get("CR3").asDouble(), within(1e-6));
            assertThat(actual.get("gini").asDouble()).as(scope + " Gini").isCloseTo(expected.get("Gini").asDouble(), within(1e-6));
        });
    }

    @Test
    void hostRolesAndDependencyPerMunicipality() {
        JsonNode all = get("/api/analysis/hosts?asOf=" + DATE + "&scope=all");
        Map<String, JsonNode> byCode = new HashMap<>();
        all.get("municipalities").forEach(m -> byCode.put(m.get("code").asString(), m));
        facts.get("host_roles").properties().forEach(e ->
                assertThat(byCode.get(e.getKey()).get("hostRoles").asInt()).as("h of " + e.getKey()).isEqualTo(e.getValue().size()));
        // 21 = the illustrative story's 18 and the public-sources bundle's Umeå, Värmdö and Nacka
        assertThat(byCode.values().stream().mapToInt(m -> m.get("hostRoles").asInt()).sum()).isEqualTo(21);
        facts.get("seats").properties().forEach(e ->
                assertThat(byCode.get(e.getKey()).get("seats").asInt()).as("seats of " + e.getKey()).isEqualTo(e.getValue().size()));
        facts.get("dependency").properties().forEach(e -> {
            JsonNode dependency = byCode.get(e.getKey()).get("dependency");
            assertThat(dependency.isNull()).as("dependency of " + e.getKey()).isFalse();
            assertThat(dependency.get("host").asString()).as("host of " + e.getKey()).isEqualTo(e.getValue().get("host").asString());
            assertThat(dependency.get("share").asDouble()).isCloseTo(e.getValue().get("share").asDouble(), within(1e-6));
            assertThat(dependency.get("participations").asInt()).isEqualTo(e.getValue().get("hosted_total").asInt());
        });
        long dependent = byCode.values().stream().filter(m -> !m.get("dependency").isNull()).count();
        assertThat(dependent).isEqualTo(facts.get("dependency").size());
    }

    @Test
    void gapsWithTheirOptionsMatchForEveryArea() {
        facts.get("gaps").properties().forEach(area -> {
            JsonNode actual = get("/api/analysis/gaps?asOf=" + DATE + "&area=" + area.getKey()).get("gaps");
            Map<String, JsonNode> byCode = new HashMap<>();
            actual.forEach(g -> byCode.put(g.get("code").asString(), g));
            assertThat(byCode.keySet()).as("gaps in " + area.getKey())
                    .containsExactlyInAnyOrderElementsOf(strings(fieldOf(area.getValue(), "municipality")));
            for (JsonNode expected : area.getValue()) {
                String where = area.getKey() + "/" + expected.get("municipality").asString();
                JsonNode gap = byCode.get(expected.get("municipality").asString());
                assertThat(gap.get("strength").asDouble()).as(where).isCloseTo(expected.get("strength").asDouble(), within(1e-6));
                assertThat(strings(fieldOf(gap.get("join"), "body"))).as(where + " JOIN")
                        .containsExactlyElementsOf(strings(fieldOf(expected.get("JOIN"), "body")));
                assertThat(strings(fieldOf(gap.get("host"), "code"))).as(where + " HOST")
                        .containsExactlyElementsOf(strings(fieldOf(expected.get("HOST"), "host")));
                List<String> start = gap.get("start").isNull() ? List.of() : strings(gap.get("start").get("members"));
                List<String> expectedStart = expected.get("START").isNull() ? List.of() : strings(expected.get("START"));
                assertThat(start).as(where + " START").containsExactlyInAnyOrderElementsOf(expectedStart);
                assertThat(strings(gap.get("unknownNeighbours"))).as(where + " unknown")
                        .containsExactlyElementsOf(strings(expected.get("unknown_neighbours")));
                if (!expected.get("START").isNull()) {
                    assertThat(strings(gap.get("start").get("unknown"))).as(where + " START unknown")
                            .containsExactlyElementsOf(strings(expected.get("START_unknown")));
                }
                // every gap of the shipped data rests on the illustrative coverage of Skaraborg
                assertThat(gap.get("illustrative").asBoolean()).as(where).isTrue();
            }
        });
    }

    @Test
    void beredskapHasAGapWithAllThreeKindsOfOption() {
        JsonNode gaps = get("/api/analysis/gaps?asOf=" + DATE + "&area=beredskap&municipality=1471").get("gaps");
        assertThat(gaps).hasSize(1);
        JsonNode gotene = gaps.get(0);
        assertThat(gotene.get("join")).isNotEmpty();
        assertThat(gotene.get("host")).isNotEmpty();
        assertThat(strings(gotene.get("start").get("members"))).containsExactly("1471", "1495", "1499");
        // the group's uncovered neighbours (Mullsjö, Herrljunga, Ulricehamn) are listed apart, never as members
        assertThat(strings(gotene.get("start").get("unknown"))).containsExactly("0642", "1466", "1491");
        assertThat(gotene.get("join").get(0).get("reasonSv").asString()).isNotBlank();
        assertThat(gotene.get("join").get(0).get("reasonEn").asString()).isNotBlank();
        // Karlsborg's START used to be Laxå, Kristinehamn, Degerfors, Habo and Mullsjö, only because nothing is
        // loaded for them (issue 14): they are not covered, so Karlsborg has no known partner to start with.
        JsonNode karlsborg = get("/api/analysis/gaps?asOf=" + DATE + "&area=beredskap&municipality=1446").get("gaps").get(0);
        assertThat(karlsborg.get("start").isNull()).isTrue();
    }

    /** domain.md item 8: no gap and no START member is a municipality the data does not cover. */
    @Test
    void gapsNeverNameAnUncoveredMunicipality() {
        List<String> covered = strings(get("/api/analysis/gaps?asOf=" + DATE).get("coverage").get("covered"));
        assertThat(covered).hasSize(15); // the illustrative bundle's Skaraborg
        JsonNode gaps = get("/api/analysis/gaps?asOf=" + DATE).get("gaps");
        assertThat(gaps).isNotEmpty();
        for (JsonNode gap : gaps) {
            assertThat(covered).contains(gap.get("code").asString());
            if (!gap.get("start").isNull()) {
                assertThat(covered).containsAll(strings(gap.get("start").get("members")));
                assertThat(covered).doesNotContainAnyElementsOf(strings(gap.get("start").get("unknown")));
            }
        }
        // Västerbotten: nobody covered, so no gap at all, and the answer says why
        JsonNode umea = get("/api/analysis/gaps?asOf=" + DATE + "&municipality=2480");
        assertThat(umea.get("gaps")).isEmpty();
        assertThat(umea.get("coverage").get("coveredCount").asInt()).isZero();
        assertThat(strings(umea.get("coverage").get("notCovered"))).containsExactly("2480");
    }

    @Test
    void diagonalLinksMatchTheIndependentScores() {
        JsonNode actual = get("/api/analysis/diagonal-links?asOf=" + DATE);
        JsonNode expected = facts.get("diagonal_unlinked");
        assertThat(actual.get("pairs")).hasSize(expected.size());
        Map<String, JsonNode> byPair = new HashMap<>();
        actual.get("pairs").forEach(p -> byPair.put(p.get("a").get("id").asString() + "~" + p.get("b").get("id").asString(), p));
        for (JsonNode pair : expected) {
            String key = pair.get("a").asString() + "~" + pair.get("b").asString();
            JsonNode got = byPair.get(key);
            assertThat(got).as(key).isNotNull();
            assertThat(got.get("score").asDouble()).as(key).isCloseTo(pair.get("score").asDouble(), within(1e-6));
            assertThat(got.get("triadic").asInt()).as(key).isEqualTo(pair.get("triadic").asInt());
            assertThat(strings(got.get("sharedGoals"))).as(key).containsExactlyInAnyOrderElementsOf(strings(pair.get("shared").get("goal")));
            assertThat(strings(got.get("sharedMunicipalities"))).as(key)
                    .containsExactlyInAnyOrderElementsOf(strings(pair.get("shared").get("municipality")));
        }
        double previous = Double.MAX_VALUE;
        for (JsonNode p : actual.get("pairs")) {
            assertThat(p.get("score").asDouble()).isLessThanOrEqualTo(previous);
            previous = p.get("score").asDouble();
        }
        facts.get("unlinked_by_class").properties().forEach(e ->
                assertThat(get("/api/analysis/diagonal-links?asOf=" + DATE + "&classes=" + e.getKey()).get("pairs"))
                        .as(e.getKey()).hasSize(e.getValue().asInt()));
        Map<String, JsonNode> shares = new HashMap<>();
        actual.get("conveners").forEach(c -> shares.put(c.get("convener").asString(), c));
        facts.get("convener_diagonal_share").properties().forEach(e -> {
            assertThat(shares.get(e.getKey()).get("diagonalPairs").asInt()).isEqualTo(e.getValue().get("diagonal_pairs").asInt());
            assertThat(shares.get(e.getKey()).get("linkedPairs").asInt()).isEqualTo(e.getValue().get("linked").asInt());
        });
    }

    /**
     * Nätverk within a scope: the grid holds the scope's networks only and the suggestions are analysis 4 on
     * those alone, as fixtures/make_network_scope_fixture.py computed them from the CSV files (Skaraborg no
     * longer gets GR's and Fyrbodal's pairs).
     */
    @Test
    void networkGridAndDiagonalLinksHonourTheScope() throws Exception {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/network-scope-2026-11-21.json")) {
            fixture = JsonMapper.builder().build().readTree(in);
        }
        for (String scope : List.of("federation:fed-skaraborg", "federation:fed-gr", "county:14", "codes:1497")) {
            JsonNode expected = fixture.get(scope);
            JsonNode grid = get("/api/analysis/network-grid?asOf=" + DATE + "&scope=" + scope);
            assertThat(grid.get("scope").asString()).isEqualTo(scope);
            List<String> networks = new ArrayList<>();
            grid.get("networks").forEach(n -> networks.add(n.get("id").asString()));
            assertThat(networks).as(scope).containsExactlyInAnyOrderElementsOf(strings(expected.get("networks")));
            JsonNode links = get("/api/analysis/diagonal-links?asOf=" + DATE + "&scope=" + scope);
            JsonNode pairs = expected.get("diagonal_unlinked");
            assertThat(links.get("pairs")).as(scope).hasSize(pairs.size());
            Map<String, JsonNode> byPair = new HashMap<>();
            links.get("pairs").forEach(p -> byPair.put(p.get("a").get("id").asString() + "~" + p.get("b").get("id").asString(), p));
            for (JsonNode pair : pairs) {
                String key = pair.get("a").asString() + "~" + pair.get("b").asString();
                JsonNode got = byPair.get(key);
                assertThat(got).as(scope + " " + key).isNotNull();
                assertThat(got.get("score").asDouble()).as(scope + " " + key).isCloseTo(pair.get("score").asDouble(), within(1e-6));
                assertThat(got.get("triadic").asInt()).as(scope + " " + key).isEqualTo(pair.get("triadic").asInt());
            }
            expected.get("unlinked_by_class").properties().forEach(e ->
                    assertThat(get("/api/analysis/diagonal-links?asOf=" + DATE + "&scope=" + scope + "&classes=" + e.getKey())
                            .get("pairs")).as(scope + " " + e.getKey()).hasSize(e.getValue().asInt()));
        }
        JsonNode skaraborg = get("/api/analysis/diagonal-links?asOf=" + DATE + "&scope=federation:fed-skaraborg");
        skaraborg.get("pairs").forEach(p -> assertThat(p.get("a").get("id").asString() + " " + p.get("b").get("id").asString())
                .doesNotContain("-gr-").doesNotContain("-fyr-"));
        JsonNode grid = get("/api/analysis/network-grid?asOf=" + DATE);
        assertThat(strings(grid.get("levels"))).containsExactly("POLITICAL", "STRATEGIC", "TACTICAL", "OPERATIONAL");
        assertThat(strings(grid.get("pairClasses"))).first().isEqualTo("DIAGONAL");
        assertThat(strings(grid.get("pairClasses"))).containsExactlyInAnyOrder("DIAGONAL", "HORIZONTAL", "VERTICAL", "SAME_CELL");
        var bad = new ApiClient(port).get("/api/analysis/network-grid?scope=federation:ill-gn-it-ostra-skaraborg");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(new ApiClient(port).get("/api/analysis/diagonal-links?scope=county:99").status()).isEqualTo(404);
    }

    @Test
    void egoWebOfSkovdeHoldsItsBodiesAndPartners() {
        JsonNode web = get("/api/analysis/web/1496?asOf=" + DATE + "&depth=1");
        List<String> bodies = new ArrayList<>();
        web.get("nodes").forEach(n -> {
            if (n.get("data").get("type").asString().equals("body")) {
                bodies.add(n.get("data").get("id").asString());
            }
        });
        assertThat(bodies).contains("fed-skaraborg", "ill-gn-it-ostra-skaraborg", "ill-avt-beredskap-ostra-skaraborg");
        JsonNode firstPartner = web.get("partners").get(0);
        // The heaviest pairs with Skövde are Tibro and Hjo, w = 9 (checker).
        assertThat(firstPartner.get("weight").asInt()).isEqualTo(9);
        assertThat(List.of("1472", "1497")).contains(firstPartner.get("id").asString());
        assertThat(get("/api/analysis/web/1496?asOf=" + DATE + "&depth=2").get("nodes").size()).isGreaterThan(web.get("nodes").size());
    }

    @Test
    void exitImpactOfLeavingAHostedBody() {
        JsonNode exit = get("/api/analysis/exit?asOf=" + DATE + "&municipality=1496&body=ill-gn-it-ostra-skaraborg");
        assertThat(strings(fieldOf(exit.get("bodiesEnded"), "id"))).containsExactly("ill-gn-it-ostra-skaraborg");
        assertThat(strings(exit.get("areasLostByLeaver"))).contains("it");
    }

    /**
     * Centrality and communities of the whole P against NetworkX 2.8 / igraph run on a projection built
     * independently from the CSV files ({@code fixtures/make_illustrative_fixture.py}).
     */
    @Test
    void centralityAndCommunitiesMatchNetworkX() throws Exception {
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/centrality-illustrative-2026-11-21.json")) {
            expected = JsonMapper.builder().build().readTree(in);
        }
        JsonNode actual = get("/api/analysis/centrality?asOf=" + DATE + "&scope=all");
        List<String> ids = strings(expected.get("vertices"));
        assertThat(actual.get("vertexCount").asInt()).isEqualTo(ids.size());
        // the checker's projection of all shipped bundles (VG, public sources, illustrative): 519 pairs
        assertThat(facts.get("projection").get("edges").asInt()).isEqualTo(519);
        assertThat(actual.get("edgeCount").asInt()).isEqualTo(519);
        Map<String, JsonNode> byId = new HashMap<>();
        actual.get("vertices").forEach(v -> byId.put(v.get("id").asString(), v));
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        for (String measure : List.of("degree", "strength", "betweenness", "weightedBetweenness", "harmonicCloseness",
                "pageRank", "clustering", "coreness", "constraint", "effectiveSize")) {
            double tolerance = measure.contains("etweenness") || measure.equals("pageRank") ? 1e-6 : 1e-9;
            for (int i = 0; i < ids.size(); i++) {
                double want = expected.get("measures").get(measure).get(i).asDouble();
                double got = byId.get(ids.get(i)).get(measure).asDouble();
                assertThat(got).as(measure + " of " + ids.get(i)).isCloseTo(want, within(tolerance * Math.max(1, Math.abs(want))));
                assertThat(byId.get(ids.get(i)).get("ranks").get(measure).asInt()).as("rank " + measure + " of " + ids.get(i))
                        .isEqualTo(expected.get("ranks").get(measure).get(i).asInt());
            }
        }
        assertThat(strings(actual.get("articulationPoints"))).containsExactlyElementsOf(strings(expected.get("articulationPoints")));
        assertThat(actual.get("bridges")).hasSize(1);

        JsonNode communities = get("/api/analysis/communities?asOf=" + DATE + "&scope=all");
        assertThat(communities.get("modularity").asDouble())
                .isGreaterThanOrEqualTo(0.98 * expected.get("igraphMultilevelModularity").asDouble());
        assertThat(communities.get("components")).hasSize(expected.get("components").size());
        assertThat(communities.get("cliques")).hasSize(expected.get("cliques").size());

        // A scope is the induced subgraph: Skaraborg's 15 members are one clique of P.
        JsonNode skaraborg = get("/api/analysis/centrality?asOf=" + DATE + "&scope=federation:fed-skaraborg");
        assertThat(skaraborg.get("vertexCount").asInt()).isEqualTo(15);
        assertThat(skaraborg.get("edgeCount").asInt()).isEqualTo(15 * 14 / 2);
        skaraborg.get("vertices").forEach(v -> assertThat(v.get("degree").asInt()).isEqualTo(14));
    }

    /** Pivot sampling on the API: all vertices as pivots is the exact result; fewer change betweenness and closeness only. */
    @Test
    void centralityAndExitTakePivots() {
        JsonNode exact = get("/api/analysis/centrality?asOf=" + DATE + "&scope=all");
        assertThat(exact.get("pivots").isNull()).isTrue();
        JsonNode all = get("/api/analysis/centrality?asOf=" + DATE + "&scope=all&pivots=100000");
        JsonNode few = get("/api/analysis/centrality?asOf=" + DATE + "&scope=all&pivots=5");
        assertThat(few.get("pivots").asInt()).isEqualTo(5);
        int betweennessDiffers = 0;
        for (int i = 0; i < exact.get("vertices").size(); i++) {
            JsonNode e = exact.get("vertices").get(i);
            JsonNode a = all.get("vertices").get(i);
            JsonNode f = few.get("vertices").get(i);
            assertThat(a.get("id").asString()).isEqualTo(e.get("id").asString());
            assertThat(a.get("betweenness").asDouble()).isCloseTo(e.get("betweenness").asDouble(), within(1e-9));
            assertThat(a.get("weightedBetweenness").asDouble()).isCloseTo(e.get("weightedBetweenness").asDouble(), within(1e-9));
            assertThat(f.get("degree").asInt()).isEqualTo(e.get("degree").asInt());
            assertThat(f.get("pageRank").asDouble()).isEqualTo(e.get("pageRank").asDouble());
            if (Math.abs(f.get("betweenness").asDouble() - e.get("betweenness").asDouble()) > 1e-9) {
                betweennessDiffers++;
            }
        }
        assertThat(betweennessDiffers).as("5 of %d vertices as pivots is an estimate", exact.get("vertexCount").asInt()).isPositive();

        String exit = "/api/analysis/exit?asOf=" + DATE + "&municipality=1496&body=ill-gn-it-ostra-skaraborg";
        JsonNode exitExact = get(exit);
        JsonNode exitAll = get(exit + "&pivots=100000");
        assertThat(strings(fieldOf(exitAll.get("rankChanges"), "code")))
                .containsExactlyElementsOf(strings(fieldOf(exitExact.get("rankChanges"), "code")));

        var api = new ApiClient(port);
        var zero = api.get("/api/analysis/centrality?scope=all&pivots=0");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().get("parameter").asString()).isEqualTo("pivots");
        assertThat(api.get(exit + "&pivots=-1").status()).isEqualTo(400);
    }

    @Test
    void badParametersAreNamed() {
        var api = new ApiClient(port);
        var scope = api.get("/api/analysis/hosts?scope=kommun:14");
        assertThat(scope.status()).isEqualTo(400);
        assertThat(scope.json().get("parameter").asString()).isEqualTo("scope");
        assertThat(scope.json().get("detail").asString()).contains("county:");
        var area = api.get("/api/analysis/gaps?area=nope");
        assertThat(area.status()).isEqualTo(400);
        assertThat(area.json().get("parameter").asString()).isEqualTo("area");
        assertThat(api.get("/api/analysis/web/9999").status()).isEqualTo(404);
        var forms = api.get("/api/analysis/web/1496?forms=CLUB");
        assertThat(forms.status()).isEqualTo(400);
        assertThat(forms.json().get("detail").asString()).contains("FEDERATION");
        var exit = api.get("/api/analysis/exit?municipality=1496&body=fed-gr");
        assertThat(exit.status()).isEqualTo(400);
        for (String list : new String[] {"/api/analysis/gaps?area=beredskap&limit=0", "/api/analysis/diagonal-links?limit=-1"}) {
            var limit = api.get(list);
            assertThat(limit.status()).as(list).isEqualTo(400);
            assertThat(limit.json().get("parameter").asString()).as(list).isEqualTo("limit");
        }
    }

    /** With limit=k the first k rows of the unlimited answer, and the count of all. */
    @Test
    void longListsTakeALimit() {
        JsonNode gaps = get("/api/analysis/gaps?asOf=" + DATE + "&area=beredskap");
        JsonNode firstGaps = get("/api/analysis/gaps?asOf=" + DATE + "&area=beredskap&limit=2");
        assertThat(gaps.has("gapsTotal")).isFalse();
        assertThat(gaps.get("gaps").size()).isGreaterThan(2);
        assertThat(firstGaps.get("gapsTotal").asInt()).isEqualTo(gaps.get("gaps").size());
        assertThat(firstGaps.get("gaps")).containsExactly(gaps.get("gaps").get(0), gaps.get("gaps").get(1));
        JsonNode pairs = get("/api/analysis/diagonal-links?asOf=" + DATE);
        JsonNode firstPairs = get("/api/analysis/diagonal-links?asOf=" + DATE + "&limit=1");
        assertThat(pairs.has("pairsTotal")).isFalse();
        assertThat(firstPairs.get("pairsTotal").asLong()).isEqualTo(pairs.get("pairs").size());
        assertThat(firstPairs.get("pairs")).containsExactly(pairs.get("pairs").get(0));
    }

    @Test
    void aRadiusThatIsNoFiniteNonNegativeNumberIsNamedMaxKm() {
        var api = new ApiClient(port);
        for (String maxKm : new String[] {"Infinity", "-Infinity", "NaN", "-1", "1e999"}) {
            var answer = api.get("/api/analysis/gaps?area=beredskap&maxKm=" + maxKm);
            assertThat(answer.status()).as(maxKm).isEqualTo(400);
            assertThat(answer.json().get("parameter").asString()).as(maxKm).isEqualTo("maxKm");
        }
        assertThat(api.get("/api/analysis/gaps?area=beredskap&maxKm=0").status()).isEqualTo(200);
    }

    /** fixtures/make_federation_web_fixture.py computed these from the bundles' CSV files. */
    @Test
    void federationWebMatchesTheIndependentFixture() throws Exception {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/federation-web.json")) {
            cases = JsonMapper.builder().build().readTree(in);
        }
        for (JsonNode expected : cases) {
            String what = expected.get("id").asString() + " on " + expected.get("asOf").asString();
            JsonNode web = get("/api/analysis/federation-web/" + expected.get("id").asString() + "?asOf=" + expected.get("asOf").asString());
            Map<String, Integer> nodes = new HashMap<>();
            web.get("nodes").forEach(n -> nodes.put(n.get("data").get("id").asString(), n.get("data").get("distance").asInt()));
            Map<String, Integer> wanted = new HashMap<>();
            expected.get("nodes").properties().forEach(e -> wanted.put(e.getKey(), e.getValue().asInt()));
            assertThat(nodes).as(what + " nodes").isEqualTo(wanted);
            List<String> edges = new ArrayList<>();
            web.get("edges").forEach(e -> edges.add(e.get("data").get("source").asString() + "->"
                    + e.get("data").get("target").asString() + " " + e.get("data").get("role").asString()));
            assertThat(edges).as(what + " edges").containsExactlyInAnyOrderElementsOf(strings(expected.get("edges")));
        }
        // Skaraborg's web changes: networks started and ended between the two dates
        assertThat(cases.get(0).get("nodes").size()).isNotEqualTo(cases.get(1).get("nodes").size());
    }

    @Test
    void federationWebRefusesWhatIsNotAnActiveFederation() {
        var api = new ApiClient(port);
        var unknown = api.get("/api/analysis/federation-web/fed-nope?asOf=" + DATE);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).contains("fed-nope").contains(DATE);
        var network = api.get("/api/analysis/federation-web/ill-nat-skb-beredskap?asOf=" + DATE);
        assertThat(network.status()).isEqualTo(400);
        assertThat(network.json().get("detail").asString()).contains("NETWORK");
        // the network started 2023-03-01, so it is not there (nor refused as a network) before
        assertThat(api.get("/api/analysis/federation-web/ill-nat-skb-beredskap?asOf=2020-01-01").status()).isEqualTo(404);
    }

    /** The map's figures agree with the host concentration facts and count the federations. */
    @Test
    void overviewAgreesWithTheIndependentFacts() {
        JsonNode overview = get("/api/analysis/overview?asOf=" + DATE);
        Map<String, JsonNode> byCode = new HashMap<>();
        overview.get("municipalities").forEach(m -> byCode.put(m.get("code").asString(), m));
        assertThat(byCode).hasSize(290);
        facts.get("host_roles").properties().forEach(e ->
                assertThat(byCode.get(e.getKey()).get("hostRoles").asInt()).as("h of " + e.getKey()).isEqualTo(e.getValue().size()));
        assertThat(byCode.values().stream().mapToInt(m -> m.get("hostRoles").asInt()).sum()).isEqualTo(21);
        facts.get("seats").properties().forEach(e ->
                assertThat(byCode.get(e.getKey()).get("seats").asInt()).as("seats of " + e.getKey()).isEqualTo(e.getValue().size()));
        assertThat(overview.get("federations").size()).isEqualTo(facts.get("bodies_active").get("FEDERATION").asInt());
        assertThat(overview.get("illustrativeBodies").asInt()).isEqualTo(facts.get("bodies_active_illustrative").asInt());
        // Skövde (1496) on the default forms: every body of those forms with a 1496 row, counted by hand from the CSVs
        assertThat(byCode.get("1496").get("bodies").asInt()).isEqualTo(SKOVDE_BODIES);
        assertThat(overview.get("municipalities").get(0).get("coversArea").isNull()).isTrue();
        JsonNode withArea = get("/api/analysis/overview?asOf=" + DATE + "&area=beredskap");
        assertThat(withArea.get("municipalities").get(0).has("coversArea")).isTrue();
    }

    static JsonNode fieldOf(JsonNode array, String field) {
        var list = JsonMapper.builder().build().createArrayNode();
        array.forEach(n -> list.add(n.get(field)));
        return list;
    }
}
