package se.samverkansvaven.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.web.NotFoundException;

/**
 * The export's Cypher run in this process gives the same snapshot as over the driver (Bolt), for every kind of
 * read: days, an interval and all time, every filter, the bundle's full records, the audit trail, and the
 * refusals of unknown filters. The comparison is by value, so a {@code Long} read as an {@code Integer} or a list
 * as an array fails it, and the rendered bytes of every format are compared as well.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportQueriesTest {

    @Autowired
    Driver driver;

    @Autowired
    DatabaseManagementService embedded;

    @Autowired
    SnapshotReader appReader;

    private SnapshotReader overDriver() {
        return new SnapshotReader(ExportQueries.overDriver(driver));
    }

    private SnapshotReader inProcess() {
        return new SnapshotReader(ExportQueries.inProcess(embedded.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)));
    }

    @Test
    void theAppReadsInProcessWithTheEmbeddedDatabase() {
        GraphSnapshot expected = inProcess().read(Window.on(LocalDate.of(2025, 6, 30)), SnapshotFilter.NONE, false);
        assertThat(appReader.read(Window.on(LocalDate.of(2025, 6, 30)), SnapshotFilter.NONE, false))
                .isEqualTo(expected);
    }

    @Test
    void inProcessEqualsOverTheDriverForEveryKindOfRead() throws IOException {
        SnapshotReader bolt = overDriver();
        SnapshotReader local = inProcess();
        List<SnapshotFilter> filters = List.of(SnapshotFilter.NONE,
                new SnapshotFilter(null, "14", null, null),
                new SnapshotFilter(null, null, "fed-skaraborg", null),
                new SnapshotFilter(null, "14", null, "lon"),
                new SnapshotFilter(Set.of(Form.JOINT_COMMITTEE, Form.AGREEMENT), null, null, null),
                new SnapshotFilter(null, null, null, null, false),
                new SnapshotFilter(null, "14", null, null, false));
        List<Window> windows = List.of(Window.on(LocalDate.of(2025, 6, 30)), Window.on(LocalDate.of(2019, 1, 1)),
                new Window(LocalDate.of(2018, 1, 1), LocalDate.of(2026, 1, 1)), Window.all());
        int nodes = 0;
        int edges = 0;
        boolean sawChange = false;
        boolean sawCoverage = false;
        for (SnapshotFilter filter : filters) {
            for (Window window : windows) {
                for (boolean full : List.of(false, true)) {
                    if (full && !window.isDay()) {
                        continue; // the bundle is a day's
                    }
                    String what = filter + " " + window + (full ? " full" : "");
                    GraphSnapshot expected = bolt.read(window, filter, full, !full);
                    GraphSnapshot actual = local.read(window, filter, full, !full);
                    assertThat(actual.nodes()).as(what).isEqualTo(expected.nodes());
                    assertThat(actual.edges()).as(what).isEqualTo(expected.edges());
                    assertThat(actual.changes()).as(what).isEqualTo(expected.changes());
                    assertThat(actual.coverage()).as(what).isEqualTo(expected.coverage());
                    assertThat(actual).as(what).isEqualTo(expected);
                    nodes += expected.nodes().size();
                    edges += expected.edges().size();
                    sawChange |= expected.changes() != null && !expected.changes().isEmpty();
                    sawCoverage |= !expected.coverage().isEmpty();
                }
            }
        }
        // the comparison has something to compare
        assertThat(nodes).isGreaterThan(5_000);
        assertThat(edges).isGreaterThan(10_000);
        assertThat(sawCoverage).isTrue();
        assertThat(typesOfValues(bolt.read(Window.all(), SnapshotFilter.NONE, false)))
                .as("stored integers, lists and dates are compared, not only strings")
                .contains("Long", "Boolean", "LocalDate");
        assertThat(sawChange || bolt.read(Window.all(), SnapshotFilter.NONE, false, true).changes().isEmpty())
                .isTrue();

        // the same snapshot renders the same bytes in every format
        GraphSnapshot day = local.read(Window.on(LocalDate.of(2025, 6, 30)), SnapshotFilter.NONE, false);
        GraphSnapshot dayOverBolt = bolt.read(Window.on(LocalDate.of(2025, 6, 30)), SnapshotFilter.NONE, false);
        for (ExportFormat format : ExportFormat.values()) {
            if (format == ExportFormat.BUNDLE) {
                continue; // a full read, compared above
            }
            assertThat(render(format, day)).as(format.name()).isEqualTo(render(format, dayOverBolt));
        }
    }

    /**
     * The party rows read through the Java API against rows.cypher over the driver, record by record, on every
     * date where a row starts or ends (where a window's bounds matter), with and without illustrative rows, and
     * every row's history (the bundle's full read).
     */
    @Test
    void partyRowsInProcessEqualTheQueryOnEveryBoundary() {
        // a row that is not illustrative from a party that is, which the data of the other suites lacks; removed after
        try (var session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    MATCH (b:Body) WITH b ORDER BY b.id LIMIT 1
                    CREATE (:Actor {id: 'eqt-illustrative-actor', name: 'Påhittad aktör', kind: 'OTHER', illustrative: true})
                           -[:PARTY_TO {role: 'MEMBER', validFrom: date('2020-01-01'), illustrative: false}]->(b)""")
                    .consume());
        }
        try {
            comparePartyRows();
        } finally {
            try (var session = driver.session()) {
                session.executeWrite(tx -> tx.run("MATCH (a:Actor {id: 'eqt-illustrative-actor'}) DETACH DELETE a")
                        .consume());
            }
        }
    }

    private void comparePartyRows() {
        ExportQueries bolt = ExportQueries.overDriver(driver);
        ExportQueries local = ExportQueries.inProcess(embedded.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
        String rows = se.samverkansvaven.database.CypherFiles.load("cypher/export/rows.cypher");
        List<String> ids = bolt.read(tx -> tx.list("MATCH (b:Body) RETURN b.id AS id ORDER BY id", Map.of(),
                r -> r.string("id")));
        List<LocalDate> boundaries = bolt.read(tx -> tx.list(
                "MATCH ()-[r:PARTY_TO|CONVENES]->() UNWIND [r.validFrom, r.validTo] AS d WITH DISTINCT d "
                        + "WHERE d IS NOT NULL RETURN d", Map.of(), r -> r.date("d")));
        java.util.SortedSet<LocalDate> dates = new java.util.TreeSet<LocalDate>(boundaries);
        assertThat(dates).hasSizeGreaterThan(10);
        List<Window> windows = new ArrayList<>(List.of(Window.all(),
                new Window(LocalDate.of(2018, 1, 1), LocalDate.of(2026, 1, 1))));
        dates.forEach(d -> windows.add(Window.on(d)));
        int compared = 0;
        boolean sawEnd = false;
        boolean sawIllustrativeParty = false;
        for (Window window : windows) {
            for (boolean illustrative : List.of(true, false)) {
                for (boolean full : window.isDay() ? List.of(false) : List.of(false, true)) {
                    Map<String, Object> params = new java.util.HashMap<>();
                    params.put("from", window.from());
                    params.put("to", window.to());
                    params.put("full", full);
                    params.put("illustrative", illustrative);
                    params.put("ids", ids);
                    List<String> expected = bolt.read(tx -> tx.list(rows, params, ExportQueriesTest::describe));
                    List<String> actual = local.read(tx -> {
                        List<String> list = new ArrayList<>();
                        tx.partyRows(rows, params, r -> list.add(describe(r)));
                        return list;
                    });
                    expected.sort(null);
                    actual.sort(null);
                    assertThat(actual).as(window + " illustrative=" + illustrative + " full=" + full)
                            .isEqualTo(expected);
                    compared += expected.size();
                    sawEnd |= window.isDay() && expected.stream().anyMatch(r -> r.contains("validTo"));
                    sawIllustrativeParty |= illustrative && expected.stream().anyMatch(r -> r.contains("eqt-illustrative"));
                }
            }
        }
        assertThat(compared).isGreaterThan(10_000);
        assertThat(sawEnd).isTrue();
        assertThat(sawIllustrativeParty).isTrue();
    }

    private static String describe(ExportQueries.Fields r) {
        return r.string("type") + " " + r.string("body") + " " + r.string("party") + " " + r.string("partyType") + " "
                + new java.util.TreeMap<>(r.map("props")) + " "
                + r.map("props").values().stream().map(v -> v == null ? "null" : v.getClass().getSimpleName()).sorted().toList();
    }

    @Test
    void unknownFiltersAreRefusedTheSameWay() {
        for (SnapshotReader reader : List.of(overDriver(), inProcess())) {
            assertThatThrownBy(() -> reader.checkFilter(new SnapshotFilter(null, "99", null, null)))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("'99'");
            assertThatThrownBy(() -> reader.checkFilter(new SnapshotFilter(null, null, "fed-nowhere", null)))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("fed-nowhere");
            assertThatThrownBy(() -> reader.checkFilter(new SnapshotFilter(null, null, "ill-gn-it-tso", null)))
                    .as("a network is not a federation").isInstanceOf(NotFoundException.class);
            reader.checkFilter(new SnapshotFilter(null, null, "ill-forb-rtj-ostra-skaraborg", null));
            assertThatThrownBy(() -> reader.checkFilter(new SnapshotFilter(null, null, "ill-forb-rtj-ostra-skaraborg", null, false)))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("illustrative");
            assertThatThrownBy(() -> reader.checkFilter(new SnapshotFilter(null, null, null, "no-such-area")))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-area");
            reader.checkFilter(new SnapshotFilter(null, "14", "fed-skaraborg", "lon"));
        }
    }

    @Test
    void embeddedValuesBecomeTheDriversTypes() {
        Object converted = ExportQueries.EmbeddedFields.asDriverType(Map.of("i", 3, "a", new String[] {"x", "y"},
                "l", new long[] {1L, 2L}, "f", 1.5f, "n", List.of((short) 4, new int[] {5})));
        assertThat(converted).isEqualTo(Map.of("i", 3L, "a", List.of("x", "y"), "l", List.of(1L, 2L), "f", 1.5d,
                "n", List.of(4L, List.of(5L))));
    }

    private static List<String> typesOfValues(GraphSnapshot snapshot) {
        List<String> types = new ArrayList<>();
        snapshot.nodes().forEach(n -> n.props().values().forEach(v -> types.add(v == null ? "null" : v.getClass().getSimpleName())));
        snapshot.edges().forEach(e -> e.props().values().forEach(v -> types.add(v == null ? "null" : v.getClass().getSimpleName())));
        return types.stream().distinct().toList();
    }

    private static byte[] render(ExportFormat format, GraphSnapshot snapshot) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotExporter.writer(format, false).content(snapshot, SnapshotWriter.Entries.into(out));
        return out.toByteArray();
    }
}
