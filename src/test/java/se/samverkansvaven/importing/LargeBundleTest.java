package se.samverkansvaven.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.municipality.MunicipalityCodes;
import se.samverkansvaven.testing.GraphChecksum;

/**
 * A bundle larger than samverkansvaven.limits.rows-per-transaction (set to 3 here, so every body is its own
 * transaction) with 6-digit municipality codes (samverkansvaven.data.municipality-code-pattern, as the
 * benchmark's L web): it loads completely, and when a later transaction fails the earlier ones are undone.
 * Own context, with no shipped data: the municipalities are made here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "samverkansvaven.data.municipality-code-pattern=[0-9]{6}",
        "samverkansvaven.limits.rows-per-transaction=3",
        "samverkansvaven.data.load-reference=false",
        "samverkansvaven.data.bundles=false",
        "samverkansvaven.data.illustrative=false"})
class LargeBundleTest {

    private static final String ACTORS = """
            id,kind,name,source
            reg-x,REGION,Region X,s
            """;

    @Autowired
    BundleImporter importer;

    @Autowired
    Driver driver;

    @LocalServerPort
    int port;

    @BeforeEach
    void municipalitiesAndNoBodies() {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                tx.run("MATCH (n) WHERE n:Body OR n:Actor OR n:Goal OR n:StagedBody OR n:StagedActor OR n:StagedGoal "
                        + "OR n:StagedLoad DETACH DELETE n").consume();
                tx.run("MERGE (:Sector {id: 'MILJO'}) MERGE (:ServiceArea {id: 'lon', sector: 'STOD'})").consume();
                tx.run("UNWIND ['100001', '100002', '100003'] AS code MERGE (m:Municipality {code: code}) "
                        + "SET m.name = 'Kommun ' + code, m.countyCode = '10', m.lat = 57.0, m.lon = 14.0").consume();
            });
        }
    }

    @Test
    void aBundleOfSeveralTransactionsWithSixDigitCodesLoadsCompletely() {
        var report = importer.importBundle(bundle("Förbund 4"));

        assertThat(report.nodesCreated()).isEqualTo(5); // four federations and the actor
        assertThat(report.relationshipsCreated()).isEqualTo(12); // 8 MEMBER rows and 4 seats
        assertThat(count("MATCH (:Municipality {code: '100002'})-[r:PARTY_TO {role: 'MEMBER'}]->(:Body) RETURN count(r)"))
                .isEqualTo(3);
        assertThat(count("MATCH (:Body:Federation)-[s:SEATED_IN]->(:Municipality {code: '100001'}) RETURN count(s)"))
                .isEqualTo(4);
        assertThat(count("MATCH (b:Body {version: 1}) RETURN count(b)")).isEqualTo(4);
        assertThat(count("MATCH (c:Change {action: 'LOAD'}) RETURN count(c)")).isEqualTo(1);
        // The publish left the load's id on the bodies; the clean-up after it removed it, and the load is over.
        assertThat(count("MATCH (n) WHERE n.loadId IS NOT NULL RETURN count(n)")).isZero();
        assertThat(count("MATCH (l:StagedLoad) RETURN count(l)")).isZero();
    }

    @Test
    void whenALaterTransactionFailsTheEarlierOnesAreUndone() {
        String before = GraphChecksum.withoutRevision(driver);
        // A rule the loader does not know, so its checks pass and the database refuses the fourth body only.
        run("CREATE CONSTRAINT test_body_name IF NOT EXISTS FOR (b:Body) REQUIRE b.name IS UNIQUE");
        try {
            assertThatThrownBy(() -> importer.importBundle(bundle("Förbund 1")))
                    .hasMessageContaining("Förbund 1");
            assertThat(GraphChecksum.withoutRevision(driver)).isEqualTo(before);
        } finally {
            run("DROP CONSTRAINT test_body_name IF EXISTS");
        }
    }

    /**
     * 600 federations of two members each, written in 600 transactions (rows-per-transaction is 3 here), while
     * a reader counts bodies and party rows over and over: it sees none of them or all of them, never a part
     * (before staging, each slice was visible on commit). The reader must also have looked while the load was
     * staging, or the test proves nothing.
     */
    @Test
    void readersSeeALargeLoadWholeOrNotAtAll() throws Exception {
        int n = 600; // enough transactions that the reader looks while they stage, also when staged in process
        var bodies = new StringBuilder("id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source\n");
        var parties = new StringBuilder("body_id,party,role,valid_from,valid_to,representative,source\n");
        for (int i = 0; i < n; i++) {
            bodies.append("big-").append(i).append(",FEDERATION,Förbund ").append(i).append(",,,,100001,,,s\n");
            parties.append("big-").append(i).append(",100001,MEMBER,,,,s\n");
            parties.append("big-").append(i).append(",100002,MEMBER,,,,s\n");
        }
        BundleFiles bundle = TestBundle.empty().file("bodies.csv", bodies.toString())
                .file("parties.csv", parties.toString()).file("actors.csv", ACTORS).toFiles();
        var api = new ApiClient(port);
        List<Long> bodiesSeen = new ArrayList<>();
        List<Long> rowsSeen = new ArrayList<>();
        List<Integer> apiSeen = new ArrayList<>();
        boolean stagingSeen = false;
        try (var pool = java.util.concurrent.Executors.newSingleThreadExecutor()) {
            var load = pool.submit(() -> importer.importBundle(bundle));
            while (!load.isDone()) {
                boolean staging = count("MATCH (b:StagedBody) RETURN count(b)") > 0;
                long visible = count("MATCH (b:Body) WHERE b.id STARTS WITH 'big-' RETURN count(b)");
                stagingSeen |= staging && visible == 0;
                bodiesSeen.add(visible);
                rowsSeen.add(count("MATCH (:Municipality)-[r:PARTY_TO]->(:Body) RETURN count(r)"));
                apiSeen.add(api.get("/api/municipalities/100001").json().get("bodies").size());
            }
            load.get();
        }
        // Each read on its own: the three are separate transactions, so one may come before the last commit and
        // the next after it.
        assertThat(bodiesSeen).as("bodies readers saw during the load").isNotEmpty().allSatisfy(v -> assertThat(v).isIn(0L, (long) n));
        assertThat(rowsSeen).as("party rows readers saw").allSatisfy(v -> assertThat(v).isIn(0L, 2L * n));
        assertThat(apiSeen).as("bodies of 100001 in the API").allSatisfy(v -> assertThat(v).isIn(0, n));
        assertThat(stagingSeen).as("a reader looked while the load was staged").isTrue();
        assertThat(count("MATCH (b:Body) WHERE b.id STARTS WITH 'big-' RETURN count(b)")).isEqualTo(n);
        assertThat(count("MATCH (n) WHERE n:StagedBody OR n:StagedActor OR n:StagedGoal OR n:StagedLoad RETURN count(n)"))
                .isZero();
    }

    /**
     * Every kind of row a bundle has (a seat, HOST and PARTICIPANT, an actor and a network as parties, a
     * convener, areas, goals of the bundle and body goals, a link, a goal relation) ends up the same whether the
     * bundle is staged in 14 transactions and published, or written in one: the same nodes with the same labels
     * and properties, the same relationships between the same ends. The network all-ini names as a party is staged
     * in the slice just before all-ini's, whose commit may still run when all-ini's slice is written.
     */
    @Test
    void aStagedLoadWritesExactlyWhatOneTransactionWrites(@Autowired GraphRevisions revisions,
            @Autowired MunicipalityCodes codes, @Autowired StagedLoads stagedLoads, @Autowired InputLimits limits,
            @Autowired EmbeddedStaging embeddedStaging) {
        BundleFiles bundle = TestBundle.empty()
                .file("bodies.csv", """
                        id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source
                        all-fed,FEDERATION,Förbundet,,,DIRECTORATE,100001,2020-01-01,,s
                        all-jc,JOINT_COMMITTEE,"Nämnd, lön",,,,,2020-01-01,2025-01-01,illustrative
                        all-net,NETWORK,Nätverk,MILJO,STRATEGIC,,,,,s
                        all-ini,INITIATIVE,Projekt,,,,,2021-01-01,2023-01-01,s
                        all-net2,NETWORK,Nätverk 2,MILJO,OPERATIONAL,,,,,s
                        """)
                .file("parties.csv", """
                        body_id,party,role,valid_from,valid_to,representative,source
                        all-fed,100001,MEMBER,2020-01-01,,,s
                        all-fed,100002,MEMBER,,,,s
                        all-jc,100001,HOST,,2022-01-01,,illustrative
                        all-jc,100002,HOST,2022-01-01,,,illustrative
                        all-jc,100003,PARTICIPANT,,,lönechef,illustrative
                        all-net,reg-x,PARTICIPANT,,,,
                        all-net,100003,PARTICIPANT,,,,
                        all-net,all-fed,CONVENER,,,,s
                        all-net2,reg-new,PARTICIPANT,,,,
                        all-net2,reg-new,CONVENER,,,,
                        all-ini,all-net,PARTICIPANT,,,,
                        all-ini,100001,PARTICIPANT,,,,
                        """)
                .file("actors.csv", "id,kind,name,source\nreg-new,REGION,Ny region,s\n")
                .file("areas.csv", "body_id,area\nall-jc,lon\n")
                .file("links.csv", "a,b,kind,valid_from,valid_to,source\nall-net,all-net2,JOINT_MEETING,2021-01-01,,s\n")
                .file("goals.csv", "id,name,source\nall-goal-a,Klimat,s\nall-goal-b,Tillväxt,s\n")
                .file("body_goals.csv", "body_id,goal_id\nall-net,all-goal-a\nall-net2,all-goal-b\n")
                .file("goal_relations.csv", "a,b,kind\nall-goal-a,all-goal-b,CONFLICTS_WITH\n")
                .toFiles();
        run("MERGE (:Actor {id: 'reg-x', kind: 'REGION', name: 'Region X', source: 's', illustrative: false})");

        importer.importBundle(bundle);
        List<String> staged = canonical();
        assertThat(staged).anyMatch(line -> line.contains("CONVENES all-fed->all-net"))
                .anyMatch(line -> line.contains("PARTY_TO reg-new->all-net2")).anyMatch(line -> line.contains("WORKS_ON"));

        run("MATCH (n) WHERE n:Body OR n:Goal OR n.id = 'reg-new' DETACH DELETE n");
        var oneTransaction = new BundleImporter(driver, revisions, new InputLimits(limits.fieldLength(),
                limits.rowsPerFile(), 1_000_000, null, 64, 1000, limits.abandonedLoadAfter()), codes, stagedLoads,
                embeddedStaging);
        oneTransaction.importBundle(bundle);
        assertThat(canonical()).isEqualTo(staged);
    }

    /** The graph without element ids, the audit trail and the revision: labels and properties, ends by key. */
    private List<String> canonical() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                List<String> lines = new ArrayList<>();
                tx.run("MATCH (n) WHERE NOT n:Change AND NOT n:GraphRevision RETURN labels(n) AS l, properties(n) AS p")
                        .forEachRemaining(r -> lines.add("N " + r.get("l").asList(v -> v.asString()).stream().sorted().toList()
                                + " " + new java.util.TreeMap<>(r.get("p").asMap())));
                tx.run("MATCH (a)-[r]->(b) WHERE NOT a:Change RETURN type(r) AS t, coalesce(a.id, a.code) AS a, "
                                + "coalesce(b.id, b.code) AS b, properties(r) AS p")
                        .forEachRemaining(r -> lines.add("R " + r.get("t").asString() + " " + r.get("a").asString() + "->"
                                + r.get("b").asString() + " " + new java.util.TreeMap<>(r.get("p").asMap())));
                lines.sort(null);
                return lines;
            });
        }
    }

    /** What a load killed before publishing left (written here by hand) is gone after the start-up clean-up. */
    @Test
    void whatAKilledLoadStagedIsRemovedAtTheNextStart(@Autowired StagedLoads stagedLoads) {
        String before = GraphChecksum.of(driver);
        String loadId = stagedLoads.begin("test", 2);
        run("""
                MATCH (m:Municipality {code: '100001'})
                CREATE (b:StagedBody {id: 'killed-1', form: 'FEDERATION', name: 'Halvladdad', loadId: '%1$s'}),
                       (a:StagedActor {id: 'killed-actor', kind: 'REGION', name: 'R', loadId: '%1$s'}),
                       (m)-[:PARTY_TO {role: 'MEMBER'}]->(b), (b)-[:SEATED_IN]->(m), (a)-[:PARTY_TO {role: 'MEMBER'}]->(b)
                """.formatted(loadId));
        // An orphan: a removal cut short after the load's node was deleted.
        run("CREATE (:StagedBody {id: 'killed-2', form: 'FEDERATION', name: 'Föräldralös', loadId: 'gone'})");
        assertThat(GraphChecksum.of(driver)).isNotEqualTo(before);

        stagedLoads.afterPropertiesSet();

        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
    }

    /**
     * A load whose process died after its publish committed, before the clean-up removed the load's id from every
     * body (written here by hand: the load's node marked published, two of its four bodies still marked): readers
     * see the load whole meanwhile (an export shows no load id), and the next start finishes the clean-up, leaving
     * the graph a load that finished would have left. A published load is never discarded.
     */
    @Test
    void aCleanUpCutShortAfterThePublishIsFinishedAtTheNextStart(@Autowired StagedLoads stagedLoads) {
        importer.importBundle(bundle("Förbund 4"));
        String loaded = GraphChecksum.withoutRevision(driver);
        String exported = export();
        String loadId = stagedLoads.begin("test", 4);
        run(("MATCH (l:StagedLoad {id: '%1$s'}) SET l.publishedAt = datetime() WITH l MATCH (b:Body) "
                + "WHERE b.id IN ['fed-2', 'fed-4'] SET b.loadId = '%1$s'").formatted(loadId));
        assertThat(count("MATCH (b:Body) WHERE b.loadId = '%s' RETURN count(b)".formatted(loadId))).isEqualTo(2);
        assertThat(export()).as("an export while bodies carry the load's id").doesNotContain(loadId).isEqualTo(exported);

        stagedLoads.afterPropertiesSet();

        assertThat(count("MATCH (b:Body) WHERE b.id STARTS WITH 'fed-' RETURN count(b)")).isEqualTo(4);
        assertThat(GraphChecksum.withoutRevision(driver)).isEqualTo(loaded);
    }

    /** The JSON snapshot of the graph, without the time it was made. */
    private String export() {
        return new ApiClient(port).get("/api/snapshots?format=json&asOf=2025-06-30").text()
                .replaceAll("\"generatedAt\" : \"[^\"]*\"", "");
    }

    /** A load the publish refused leaves nothing: not its staged nodes, not its load node, no mark on any body. */
    @Test
    void aPublishThatFailsLeavesTheGraphAsItWas() {
        importer.importBundle(bundle("Förbund 4"));
        String before = GraphChecksum.withoutRevision(driver);
        var bodies = new StringBuilder("id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source\n");
        var parties = new StringBuilder("body_id,party,role,valid_from,valid_to,representative,source\n");
        for (int i = 0; i < 4; i++) {
            bodies.append("new-").append(i).append(",FEDERATION,Förbund ").append(i + 1).append(",,,,100001,,,s\n");
            parties.append("new-").append(i).append(",100001,MEMBER,,,,s\n");
        }
        // A rule the loader does not know: staging passes (the nodes are StagedBody), the publish breaks it.
        run("CREATE CONSTRAINT test_body_name IF NOT EXISTS FOR (b:Body) REQUIRE b.name IS UNIQUE");
        try {
            assertThatThrownBy(() -> importer.importBundle(TestBundle.empty().file("bodies.csv", bodies.toString())
                    .file("parties.csv", parties.toString()).toFiles())).hasMessageContaining("Förbund");
            assertThat(GraphChecksum.withoutRevision(driver)).isEqualTo(before);
            assertThat(count("MATCH (n) WHERE n.loadId IS NOT NULL OR n:StagedLoad RETURN count(n)")).isZero();
        } finally {
            run("DROP CONSTRAINT test_body_name IF EXISTS");
        }
    }

    @Test
    void theApiTakesSixDigitCodesAndExplainsThePattern() {
        var api = new ApiClient(port);
        assertThat(api.get("/api/municipalities/100001").status()).isEqualTo(200);
        var bad = api.get("/api/municipalities/1496");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("'1496' is not a municipality code; codes match [0-9]{6} "
                + "(samverkansvaven.data.municipality-code-pattern).");
    }

    /** Four federations seated in 100001, each with two members; the fourth is named {@code lastName}. */
    private static BundleFiles bundle(String lastName) {
        return TestBundle.empty()
                .file("bodies.csv", """
                        id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source
                        fed-1,FEDERATION,Förbund 1,,,,100001,,,s
                        fed-2,FEDERATION,Förbund 2,,,,100001,,,s
                        fed-3,FEDERATION,Förbund 3,,,,100001,,,s
                        fed-4,FEDERATION,%s,,,,100001,,,s
                        """.formatted(lastName))
                .file("parties.csv", """
                        body_id,party,role,valid_from,valid_to,representative,source
                        fed-1,100001,MEMBER,,,,s
                        fed-1,100002,MEMBER,,,,s
                        fed-2,100001,MEMBER,,,,s
                        fed-2,100002,MEMBER,,,,s
                        fed-3,100001,MEMBER,,,,s
                        fed-3,100003,MEMBER,,,,s
                        fed-4,100001,MEMBER,,,,s
                        fed-4,100002,MEMBER,,,,s
                        """)
                .file("actors.csv", ACTORS)
                .toFiles();
    }

    private long count(String query) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(query).single().get(0).asLong());
        }
    }

    private void run(String query) {
        try (var session = driver.session()) {
            session.run(query, Map.of()).consume();
        }
    }
}
