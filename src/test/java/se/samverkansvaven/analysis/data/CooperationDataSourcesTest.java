package se.samverkansvaven.analysis.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;

/**
 * The in-process source repeats the rules of the projection's Cypher by hand; this holds it to the Cypher over
 * Bolt on every date where something starts or ends, and on the day before each (the shipped data with the
 * bodies other suites add).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CooperationDataSourcesTest {

    @Autowired
    Driver driver;

    @Autowired
    CooperationDataQueries queries;

    @Autowired
    DatabaseManagementService embedded;

    @Autowired
    CooperationDataReader appReader;

    @Test
    void inProcessReadEqualsTheCypherOnEveryDateWhereSomethingChanges() {
        var cypher = new CooperationDataReader(new CypherDataSource(driver, queries));
        // two threads (the read and the assembly side by side) against one (issue 17): the same data
        var inProcess = new CooperationDataReader(
                new EmbeddedDataSource(embedded.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME))).withParallelism(2);
        var oneThread = inProcess.withParallelism(1);
        var cypherOneThread = cypher.withParallelism(1);
        TreeSet<LocalDate> changes = new TreeSet<>();
        try (var session = driver.session()) {
            session.executeRead(tx -> tx.run("""
                    MATCH (x) WHERE x.validFrom IS NOT NULL OR x.validTo IS NOT NULL
                    RETURN x.validFrom AS f, x.validTo AS t
                    UNION
                    MATCH ()-[x]->() WHERE x.validFrom IS NOT NULL OR x.validTo IS NOT NULL
                    RETURN x.validFrom AS f, x.validTo AS t""").list()).forEach(r -> {
                for (String key : List.of("f", "t")) {
                    if (!r.get(key).isNull()) {
                        changes.add(r.get(key).asLocalDate());
                    }
                }
            });
        }
        assertThat(changes).hasSizeGreaterThan(20);
        // Every change date is a boundary; the day before it, what starts is not yet there and what ends still is.
        TreeSet<LocalDate> dates = new TreeSet<>(List.of(LocalDate.of(1900, 1, 1), LocalDate.of(2026, 11, 21)));
        for (LocalDate d : changes) {
            dates.add(d);
            dates.add(d.minusDays(1));
        }

        boolean sawMunicipalityParty = false, sawActorParty = false, sawBodyParty = false, sawConvener = false,
                sawSeat = false, sawLink = false, sawGoal = false, sawCoverage = false, sawIllustrativeParty = false,
                sawIllustrativeGoal = false, sawIllustrativeActor = false;
        for (LocalDate date : dates) {
            CooperationData expected = cypher.read(date);
            CooperationData actual = inProcess.read(date);
            assertSameData(actual, expected, "in process against Cypher on " + date);
            assertSameData(oneThread.read(date), actual, "in process on 1 thread against 2 on " + date);
            assertSameData(cypherOneThread.read(date), expected, "Cypher on 1 thread against 2 on " + date);
            sawCoverage |= !expected.coverage().isEmpty();
            sawIllustrativeActor |= expected.actors().values().stream().anyMatch(CooperationData.ActorInfo::illustrative);
            for (var body : expected.bodies().values()) {
                for (var party : body.parties()) {
                    sawMunicipalityParty |= party.type() == PartyType.MUNICIPALITY;
                    sawActorParty |= party.type() == PartyType.ACTOR;
                    sawBodyParty |= party.type() == PartyType.BODY;
                    sawIllustrativeParty |= party.illustrative();
                }
                sawIllustrativeGoal |= !body.illustrativeGoals().isEmpty();
                sawConvener |= !body.conveners().isEmpty();
                sawSeat |= body.seatCode() != null;
                sawGoal |= !body.goals().isEmpty();
            }
            sawLink |= !expected.links().isEmpty();
        }
        // The comparison covers every kind of row the sources read, not only empty lists.
        assertThat(List.of(sawMunicipalityParty, sawActorParty, sawBodyParty, sawConvener, sawSeat, sawLink, sawGoal,
                sawCoverage, sawIllustrativeParty, sawIllustrativeGoal, sawIllustrativeActor)).containsOnly(true);
        // The illustrative bundle's coverage rows (docs/data.md "Coverage shipped"): 15 Skaraborg municipalities
        // for the five default forms from 2005-01-01, each marked illustrative.
        CooperationData today = inProcess.read(LocalDate.of(2026, 11, 21));
        assertThat(today.coverage()).hasSize(15);
        assertThat(today.coverage().values()).allSatisfy(rows -> assertThat(rows).singleElement()
                .satisfies(row -> assertThat(row.illustrative()).isTrue()));
        assertThat(today.covered("1496", se.samverkansvaven.body.Form.DEFAULT_ANALYSIS_FORMS)).isTrue();
        assertThat(today.coveredOnlyByIllustrative("1496", se.samverkansvaven.body.Form.DEFAULT_ANALYSIS_FORMS)).isTrue();
        assertThat(today.covered("2480", se.samverkansvaven.body.Form.DEFAULT_ANALYSIS_FORMS)).isFalse();
        assertThat(inProcess.read(LocalDate.of(2004, 12, 31)).coverage()).isEmpty();
        assertThat(edges(cypher.read(LocalDate.of(2026, 11, 21)))).hasSizeGreaterThan(700);
    }

    @Test
    void theAppReadsInProcessWhenTheDatabaseIsEmbedded() {
        assertThat(appReader.source()).isInstanceOf(EmbeddedDataSource.class);
    }

    private static void assertSameData(CooperationData actual, CooperationData expected, String what) {
        assertThat(actual.asOf()).as("date, %s", what).isEqualTo(expected.asOf());
        assertThat(actual.municipalities()).as("municipalities, %s", what).isEqualTo(expected.municipalities());
        assertThat(List.copyOf(actual.municipalities().keySet())).as("municipality order, %s", what)
                .isEqualTo(List.copyOf(expected.municipalities().keySet()));
        assertThat(edges(actual)).as("borders, %s", what).isEqualTo(edges(expected));
        assertThat(List.copyOf(actual.borders().vertexSet())).as("border vertex order, %s", what)
                .isEqualTo(List.copyOf(expected.borders().vertexSet()));
        assertThat(actual.actors()).as("actors, %s", what).isEqualTo(expected.actors());
        assertThat(actual.areas()).as("areas, %s", what).isEqualTo(expected.areas());
        assertThat(actual.bodies().keySet()).as("bodies, %s", what).isEqualTo(expected.bodies().keySet());
        for (var body : expected.bodies().values()) {
            assertThat(actual.bodies().get(body.id())).as("body %s, %s", body.id(), what).isEqualTo(body);
        }
        assertThat(actual.links()).as("links, %s", what).isEqualTo(expected.links());
        assertThat(actual.coverage()).as("coverage, %s", what).isEqualTo(expected.coverage());
    }

    private static TreeSet<String> edges(CooperationData data) {
        TreeSet<String> edges = new TreeSet<>();
        for (var e : data.borders().edgeSet()) {
            String a = data.borders().getEdgeSource(e);
            String b = data.borders().getEdgeTarget(e);
            edges.add(a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a);
        }
        return edges;
    }
}
