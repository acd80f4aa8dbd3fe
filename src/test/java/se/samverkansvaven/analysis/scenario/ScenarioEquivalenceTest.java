package se.samverkansvaven.analysis.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.analysis.ActorProjection;
import se.samverkansvaven.analysis.CentralityAnalysis;
import se.samverkansvaven.analysis.EgoWebAnalysis;
import se.samverkansvaven.analysis.ExitImpactAnalysis;
import se.samverkansvaven.analysis.GapAnalysis;
import se.samverkansvaven.analysis.HostConcentrationAnalysis;
import se.samverkansvaven.analysis.data.AnalysisCache;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.PartyRole;
import se.samverkansvaven.editing.BodyChanges;
import se.samverkansvaven.graph.ConnectedComponents;
import se.samverkansvaven.security.Role;
import se.samverkansvaven.security.UserAccount;
import se.samverkansvaven.testing.GraphChecksum;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The property of issue 19: for generated scenarios S on the shipped data, every analysis "with S" equals the same
 * analysis after S's changes were applied for real; and creating, evaluating and deleting a scenario leaves the graph
 * of record's checksum unchanged. Each case is drawn in one of the two views an analysis runs on: with the
 * illustrative rows ({@code illustrative=true}) or on the real rows only ({@code illustrative=false}, where a
 * scenario applies to the date without its illustrative rows and must equal that view of the graph written for
 * real); S is drawn from the data of its view.
 *
 * <p><b>The copy.</b> This class has an application context of its own (the property below), hence a fresh
 * database loaded with exactly the shipped data, like the suite's; it writes S for real through the editing API
 * (the same {@link BodyChanges} the apply endpoint uses: loader, writer, versions) and the context is thrown away
 * after the class ({@link DirtiesContext}). The real data is then read back as every analysis reads it (the
 * {@link AnalysisCache} of the new revision, the in-process reader), so "applied for real" is the whole write and
 * read path, not a model of it. The scenarios build on each other: each S is drawn from the graph as the previous
 * ones left it.
 *
 * <p>The cases come from jqwik's generators ({@link net.jqwik.api.Arbitrary#sampleStream}) run inside this JUnit
 * test (as {@code MalformedInputTest} does), each a seed for choosing changes that fit the current data, and the
 * order of the views a shuffle drawn by jqwik of as many of one as of the other, so both are always tried.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "samverkansvaven.test.context=scenario-copy")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ScenarioEquivalenceTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:test-admin-password"
            .getBytes(StandardCharsets.UTF_8));
    static final LocalDate DATE = LocalDate.parse("2026-06-30");
    static final int TRIES = 12;
    /** Draws in all, refused ones included: 12 comparisons fail to come only if most draws are refused. */
    static final int MAX_DRAWS = 48;
    static final Set<Form> FORMS = Form.DEFAULT_ANALYSIS_FORMS;

    @LocalServerPort
    int port;
    @Autowired
    Driver driver;
    @Autowired
    AnalysisCache cache;
    @Autowired
    Scenarios scenarios;
    @Autowired
    ScenarioStore store;
    @Autowired
    BodyChanges bodyChanges;

    @Test
    void analysesWithAScenarioEqualTheAnalysesAfterApplyingItForReal() {
        ApiClient api = new ApiClient(port);
        UserAccount admin = new UserAccount("admin", "", EnumSet.of(Role.ADMIN), List.of(), 0);
        // as many draws of each view, in an order jqwik shuffles; a draw the rules refuse is replaced by another of its
        // view, so the comparisons done never depend on how many draws were refused (at most MAX_DRAWS in all)
        List<Boolean> views = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            views.add(i % 2 == 0);
        }
        Deque<Boolean> pending = new ArrayDeque<>(Arbitraries.shuffle(views).sample());
        var seeds = Arbitraries.longs().sampleStream().iterator();
        Map<Boolean, Integer> compared = new HashMap<>(Map.of(true, 0, false, 0));
        List<String> refused = new ArrayList<>();
        for (int draw = 0; !pending.isEmpty(); draw++) {
            assertThat(draw).as("draws, refused: " + refused).isLessThan(MAX_DRAWS);
            long seed = seeds.next();
            boolean illustrative = pending.poll();
            String view = "&illustrative=" + illustrative;
            CooperationData now = cache.data(DATE, illustrative);
            Map<String, Object> scenario = generate(now, new Random(seed));
            String checksum = GraphChecksum.of(driver);

            // create and evaluate through the API
            var created = send(api, "POST", "/api/scenarios", scenario);
            if (created.status() == 422) {
                // a draw the rules refuse (e.g. a row that would end the day it starts): nothing to compare, draw again
                refused.add(seed + ": " + created.text());
                pending.add(illustrative);
                continue;
            }
            assertThat(created.status()).as(seed + ": " + created.text()).isEqualTo(201);
            String id = created.json().get("id").asString();
            ScenarioStore.Stored stored = store.byId(id).orElseThrow();
            Scenarios.Resolved resolved = scenarios.resolve(stored, illustrative);
            String what = seed + " " + view + " " + scenario;
            String hostsWith = withoutScenario(send(api, "GET", "/api/analysis/hosts?scope=county:14&scenario=" + id + view, null));
            var comparison = send(api, "GET", "/api/scenarios/" + id + "/comparison?scope=county:14" + view, null);
            assertThat(comparison.status()).as(comparison.text()).isEqualTo(200);
            assertGapsAsTheAnalysisFindsThem(comparison.json(), resolved, what);
            assertThat(send(api, "DELETE", "/api/scenarios/" + id, null).status()).isEqualTo(204);
            assertThat(GraphChecksum.of(driver)).as("creating, evaluating and deleting a scenario").isEqualTo(checksum);

            // apply for real, as the apply endpoint does, and read the date back as the analyses do
            ScenarioDraft draft = ScenarioDraft.parse(Scenarios.readTree(stored.changes(), stored.name(), stored.asOf()),
                    DATE).draft();
            bodyChanges.apply(admin, ScenarioEdits.steps(id, draft), stored.versions(), ScenarioEdits.source(id),
                    "property test " + seed);
            CooperationData real = cache.data(DATE, illustrative);
            CooperationData inMemory = resolved.after();

            assertThat(inMemory.bodies()).as(what).isEqualTo(real.bodies());
            assertThat(inMemory.links()).as(what).isEqualTo(real.links());
            assertThat(inMemory.actors()).as(what).isEqualTo(real.actors());
            assertThat(inMemory.coverage()).as(what).isEqualTo(real.coverage());
            assertSameAnalyses(inMemory, real, resolved.municipalitiesNamed(), what);
            assertThat(withoutScenario(send(api, "GET", "/api/analysis/hosts?scope=county:14&asOf=" + DATE + view, null)))
                    .as(what).isEqualTo(hostsWith);
            compared.merge(illustrative, 1, Integer::sum);
        }
        assertThat(compared).as("scenarios compared per view (refused and drawn again: " + refused + ")")
                .isEqualTo(Map.of(true, TRIES / 2, false, TRIES / 2));
    }

    /**
     * The comparison's gaps closed and opened (computed for the touched areas only, by the gap test alone) are the
     * difference of the whole gap analysis before and after, on the scope and focus.
     */
    static void assertGapsAsTheAnalysisFindsThem(JsonNode comparison, Scenarios.Resolved resolved, String what) {
        Set<String> shown = new TreeSet<>(resolved.municipalitiesNamed());
        resolved.before().municipalities().values().stream().filter(p -> p.countyCode().equals("14"))
                .forEach(p -> shown.add(p.code()));
        var gaps = new GapAnalysis();
        Set<String> before = new TreeSet<>();
        Set<String> after = new TreeSet<>();
        gaps.analyse(resolved.before(), new GapAnalysis.Query(null, null, FORMS, null)).gaps().stream()
                .filter(g -> shown.contains(g.code())).forEach(g -> before.add(g.code() + " " + g.area()));
        gaps.analyse(resolved.after(), new GapAnalysis.Query(null, null, FORMS, null)).gaps().stream()
                .filter(g -> shown.contains(g.code())).forEach(g -> after.add(g.code() + " " + g.area()));
        List<String> closed = before.stream().filter(g -> !after.contains(g)).toList();
        List<String> opened = after.stream().filter(g -> !before.contains(g)).toList();
        List<String> shownClosed = new ArrayList<>();
        comparison.get("gaps").get("closed").forEach(g -> shownClosed.add(g.get("code").asString() + " " + g.get("area").asString()));
        List<String> shownOpened = new ArrayList<>();
        comparison.get("gaps").get("opened").forEach(g -> shownOpened.add(g.get("code").asString() + " " + g.get("area").asString()));
        assertThat(shownClosed).as(what).isEqualTo(closed);
        assertThat(shownOpened).as(what).isEqualTo(opened);
    }

    /** Ego web, host concentration and dependency, gaps, centrality, components and exit impact, each equal. */
    static void assertSameAnalyses(CooperationData a, CooperationData b, List<String> focus, String what) {
        var hosts = new HostConcentrationAnalysis();
        var all = new ArrayList<>(a.municipalities().keySet());
        assertThat(hosts.analyse(a, new HostConcentrationAnalysis.Query(all, null, null)))
                .as(what).isEqualTo(hosts.analyse(b, new HostConcentrationAnalysis.Query(all, null, null)));
        var gaps = new GapAnalysis();
        assertThat(gaps.analyse(a, new GapAnalysis.Query(null, null, FORMS, null)))
                .as(what).isEqualTo(gaps.analyse(b, new GapAnalysis.Query(null, null, FORMS, null)));
        var pa = ActorProjection.of(a, FORMS);
        var pb = ActorProjection.of(b, FORMS);
        assertThat(new CentralityAnalysis().analyse(pa.actors())).as(what).isEqualTo(new CentralityAnalysis().analyse(pb.actors()));
        assertThat(new ConnectedComponents().compute(pa.actors())).as(what).isEqualTo(new ConnectedComponents().compute(pb.actors()));
        var ego = new EgoWebAnalysis();
        var exit = new ExitImpactAnalysis();
        for (String code : focus) {
            var query = new EgoWebAnalysis.Query(code, 2, FORMS);
            assertThat(ego.analyse(a, query)).as(what).isEqualTo(ego.analyse(b, query));
            var leaving = new ExitImpactAnalysis.Query(code, ExitImpactAnalysis.Leaving.ALL, null, FORMS);
            assertThat(exit.analyse(a, leaving)).as(what).isEqualTo(exit.analyse(b, leaving));
        }
    }

    /**
     * One to four changes that fit the data: a municipality joins a body next door, a party leaves, a host is handed
     * to another party, an agreement starts among neighbours, a body ends. All on the date itself, which every
     * active body and row has reached, so the draw never asks for a row before its body.
     */
    static Map<String, Object> generate(CooperationData data, Random random) {
        List<BodyInfo> bodies = data.bodies().values().stream().filter(b -> FORMS.contains(b.form())).toList();
        List<String> codes = List.copyOf(data.municipalities().keySet());
        Set<String> touched = new TreeSet<>();
        List<Map<String, Object>> changes = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int attempt = 0; changes.size() < n && attempt < 50; attempt++) {
            BodyInfo b = bodies.get(random.nextInt(bodies.size()));
            if (!touched.add(b.id())) {
                continue; // one change per body: the generator's own simplicity, not a rule
            }
            List<String> municipal = b.parties().stream().filter(p -> p.type() == CooperationData.PartyType.MUNICIPALITY)
                    .map(PartyInfo::partyId).toList();
            Map<String, Object> c = new LinkedHashMap<>();
            switch (random.nextInt(5)) {
                case 0 -> {
                    String joining = neighbourOutside(data, b, municipal, codes, random);
                    c.putAll(Map.of("type", "JOIN", "body", b.id(), "party", joining, "role",
                            b.form().partyRoles().contains(PartyRole.MEMBER) ? "MEMBER" : "PARTICIPANT"));
                }
                case 1 -> {
                    List<String> leavers = municipal.stream().filter(m -> !m.equals(b.host())).toList();
                    if (leavers.isEmpty()) {
                        continue;
                    }
                    c.putAll(Map.of("type", "LEAVE", "body", b.id(), "party", leavers.get(random.nextInt(leavers.size()))));
                }
                case 2 -> {
                    if (!b.form().requiresHost()) {
                        continue;
                    }
                    List<String> others = municipal.stream().filter(m -> !m.equals(b.host())).toList();
                    String host = others.isEmpty() || random.nextBoolean()
                            ? neighbourOutside(data, b, municipal, codes, random) : others.get(random.nextInt(others.size()));
                    c.putAll(Map.of("type", "HOST", "body", b.id(), "party", host));
                }
                case 3 -> {
                    String m = codes.get(random.nextInt(codes.size()));
                    List<String> members = new ArrayList<>(List.of(m));
                    data.borders().edgesOf(m).stream().limit(2).forEach(e -> {
                        String s = data.borders().getEdgeSource(e);
                        members.add(s.equals(m) ? data.borders().getEdgeTarget(e) : s);
                    });
                    List<String> areas = List.copyOf(data.areas().keySet());
                    c.putAll(Map.of("type", "START", "body", Map.of("name", "Prov " + m, "form", "AGREEMENT",
                            "areas", List.of(areas.get(random.nextInt(areas.size()))), "parties", members, "host", m)));
                }
                default -> c.putAll(Map.of("type", "END", "body", b.id()));
            }
            c.put("from", DATE.toString());
            changes.add(c);
        }
        return Map.of("name", "generated", "asOf", DATE.toString(), "changes", changes);
    }

    private static String neighbourOutside(CooperationData data, BodyInfo b, List<String> parties, List<String> codes,
                                           Random random) {
        for (String p : parties) {
            for (var e : data.borders().edgesOf(p)) {
                String s = data.borders().getEdgeSource(e);
                String other = s.equals(p) ? data.borders().getEdgeTarget(e) : s;
                if (!b.hasParty(other)) {
                    return other;
                }
            }
        }
        String any;
        do {
            any = codes.get(random.nextInt(codes.size()));
        } while (b.hasParty(any));
        return any;
    }

    static ApiClient.Response send(ApiClient api, String method, String path, Object body) {
        var builder = HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .header("Authorization", ADMIN);
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return api.send(builder.build());
    }

    private static String withoutScenario(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        ObjectNode json = (ObjectNode) response.json();
        json.remove("scenario");
        return json.toString();
    }
}
