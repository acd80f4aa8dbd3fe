package se.samverkansvaven.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import se.samverkansvaven.analysis.data.AnalysisCache;
import se.samverkansvaven.body.Form;

/**
 * The hand-runnable Cypher in {@code cypher/queries/} gives the same answers as the Java analyses on the
 * shipped data (Västra Götaland + illustrative), so a planner in Neo4j Browser sees what the app shows.
 */
// Its own database holding exactly the shipped data: other suites add test bodies to the shared one.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "samverkansvaven.test.database=shipped-data-only")
class NamedQueriesTest {

    static final LocalDate DATE = LocalDate.of(2026, 11, 21);

    @Autowired
    Driver driver;

    @Autowired
    AnalysisCache cache;

    List<Record> run(String file, Map<String, Object> parameters) throws IOException {
        String query = Files.readString(Path.of("cypher/queries", file)).strip();
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1);
        }
        Map<String, Object> withDate = new HashMap<>(parameters);
        withDate.put("asOf", DATE);
        try (var session = driver.session()) {
            String text = query;
            return session.executeRead(tx -> tx.run(text, withDate).list());
        }
    }

    static Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void hostCountsMatchHostConcentration() throws IOException {
        var java = new HostConcentrationAnalysis().analyse(cache.data(DATE),
                new HostConcentrationAnalysis.Query(new ArrayList<>(cache.data(DATE).municipalities().keySet()), null, null));
        Map<String, int[]> expected = new HashMap<>();
        java.municipalities().forEach(m -> expected.put(m.code(), new int[] {m.hostRoles(), m.seats()}));
        List<Record> rows = run("host-counts.cypher", params("area", null, "codes", null));
        assertThat(rows).isNotEmpty();
        for (Record row : rows) {
            String code = row.get("code").asString();
            int[] hs = expected.getOrDefault(code, new int[] {0, 0});
            assertThat(row.get("hostRoles").asInt()).as("host roles of " + code).isEqualTo(hs[0]);
            assertThat(row.get("seats").asInt()).as("seats of " + code).isEqualTo(hs[1]);
        }
        assertThat(rows.stream().mapToInt(r -> r.get("hostRoles").asInt()).sum())
                .isEqualTo(java.municipalities().stream().mapToInt(HostConcentrationAnalysis.MunicipalityHosting::hostRoles).sum());
    }

    @Test
    void areaCoverageMatchesTheJavaCoverage() throws IOException {
        var coverage = AreaCoverage.byParty(cache.data(DATE).bodies().values(), Form.DEFAULT_ANALYSIS_FORMS);
        for (String code : List.of("1496", "1497", "1446", "1485", "1490")) {
            List<Record> rows = run("area-coverage.cypher", params("code", code, "forms", null));
            List<String> areas = rows.isEmpty() ? List.of() : rows.getFirst().get("areas").asList(Value::asString);
            SortedSet<String> java = coverage.get(code);
            assertThat(areas).as("areas of " + code).containsExactlyInAnyOrderElementsOf(java == null ? List.of() : java);
        }
    }

    @Test
    void gapsForAnAreaMatchTheGapAnalysis() throws IOException {
        for (String area : List.of("beredskap", "bygg-miljo", "overformyndare", "alkoholtillstand")) {
            var java = new GapAnalysis().analyse(cache.data(DATE), new GapAnalysis.Query(area, null, null, null));
            Map<String, Double> expected = new HashMap<>();
            java.gaps().forEach(g -> expected.put(g.code(), g.strength()));
            List<Record> rows = run("gaps-for-area.cypher", params("area", area, "forms", null));
            Map<String, Double> actual = new HashMap<>();
            rows.forEach(r -> actual.put(r.get("code").asString(), r.get("strength").asDouble()));
            assertThat(actual.keySet()).as("gaps in " + area).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((code, strength) -> assertThat(actual.get(code)).isCloseTo(strength, within(1e-9)));
        }
    }

    @Test
    void gapOptionsMatchTheGapAnalysis() throws IOException {
        var gap = new GapAnalysis().analyse(cache.data(DATE), new GapAnalysis.Query("beredskap", "1446", null, null)).gaps().getFirst();
        List<String> join = run("gap-join-options.cypher", params("code", "1446", "area", "beredskap", "forms", null))
                .stream().map(r -> r.get("body").asString()).toList();
        assertThat(join).containsExactlyElementsOf(gap.join().stream().map(GapAnalysis.JoinOption::body).toList());
        List<Record> hosts = run("gap-host-options.cypher", params("code", "1446", "area", "beredskap", "maxKm", 50.0, "forms", null));
        assertThat(hosts.stream().map(r -> r.get("code").asString()).toList())
                .containsExactlyElementsOf(gap.host().stream().map(GapAnalysis.HostOption::code).toList());
        for (int i = 0; i < hosts.size(); i++) {
            assertThat(hosts.get(i).get("distanceKm").asDouble()).isCloseTo(gap.host().get(i).distanceKm(), within(1e-6));
        }
    }

    @Test
    void egoWebAndPartnersMatchTheEgoWebAnalysis() throws IOException {
        var java = new EgoWebAnalysis().analyse(cache.data(DATE), new EgoWebAnalysis.Query("1496", 1, null));
        List<Record> partners = run("ego-partners.cypher", params("code", "1496", "forms", null));
        assertThat(partners.stream().map(r -> r.get("id").asString() + ":" + r.get("weight").asInt() + ":" + r.get("multiplexity").asInt()).toList())
                .containsExactlyElementsOf(java.partners().stream().map(p -> p.id() + ":" + (int) p.weight() + ":" + p.multiplexity()).toList());
        List<Record> edges = run("ego-web-depth1.cypher", params("code", "1496", "forms", null));
        assertThat(edges.stream().map(r -> r.get("source").asString() + ">" + r.get("target").asString()).sorted().toList())
                .containsExactlyElementsOf(java.edges().stream().map(e -> e.data().source() + ">" + e.data().target()).sorted().toList());
    }
}
