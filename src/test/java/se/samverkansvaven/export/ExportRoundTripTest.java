package se.samverkansvaven.export;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samverkansvaven.export.ExportTestData.ESCAPE_DATE;
import static se.samverkansvaven.export.ExportTestData.ESCAPE_ID;
import static se.samverkansvaven.export.ExportTestData.ESCAPE_NAME;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import se.samverkansvaven.SamverkansvavenApplication;
import se.samverkansvaven.importing.BundleFiles;
import se.samverkansvaven.importing.BundleImporter;
import tools.jackson.databind.JsonNode;

/**
 * Exports read back: the bundle into a second, empty app; the Cypher script into a bare Neo4j; every format
 * with the awkward name; GraphML and GEXF by NetworkX and igraph; the command-line verbs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportRoundTripTest {

    @Autowired
    BundleImporter importer;
    @Autowired
    Driver driver;
    @Autowired
    SnapshotExporter exporter;
    @Autowired
    SnapshotReader reader;
    @Autowired
    ExportCommand exportCommand;
    @Autowired
    DiffCommand diffCommand;

    @BeforeEach
    void data() {
        ExportTestData.ensureLoaded(importer, driver);
    }

    byte[] export(SnapshotExporter from, ExportFormat format, LocalDate asOf) throws IOException {
        var out = new ByteArrayOutputStream();
        from.export(format, asOf, null, null, SnapshotFilter.NONE, ExportProgress.NONE).writeTo(out);
        return out.toByteArray();
    }

    /**
     * The second app gets the reference data only. Until the app loads bundles at start this is its
     * default; the properties switch the loading off where it is wired (samverkansvaven.data.illustrative),
     * and any body, actor or goal found anyway is removed before the test loads the export.
     */
    @Test
    void bundleLoadsIntoAnEmptyDatabaseAndExportsAgainToTheSameBytes() throws Exception {
        try (var second = new SpringApplicationBuilder(SamverkansvavenApplication.class)
                .web(WebApplicationType.NONE)
                .run("--samverkansvaven.data.illustrative=false", "--samverkansvaven.data.bundles=false",
                        "--spring.main.banner-mode=off")) {
            Driver secondDriver = second.getBean(Driver.class);
            try (var session = secondDriver.session()) {
                session.executeWriteWithoutResult(tx -> tx.run("MATCH (n) WHERE n:Body OR n:Actor OR n:Goal DETACH DELETE n"));
                assertThat(session.run("MATCH (m:Municipality) RETURN count(m)").single().get(0).asLong()).isEqualTo(290);
            }
            BundleImporter secondImporter = second.getBean(BundleImporter.class);
            SnapshotExporter secondExporter = second.getBean(SnapshotExporter.class);
            for (LocalDate date : List.of(LocalDate.of(2020, 6, 1), LocalDate.of(2026, 11, 21), ESCAPE_DATE)) {
                byte[] original = export(exporter, ExportFormat.BUNDLE, date);
                secondImporter.importBundle(BundleFiles.fromZip(new ByteArrayInputStream(original),
                        second.getBean(se.samverkansvaven.importing.InputLimits.class)));
                byte[] again = export(secondExporter, ExportFormat.BUNDLE, date);
                Map<String, byte[]> a = SnapshotExportTest.unzip(original);
                Map<String, byte[]> b = SnapshotExportTest.unzip(again);
                assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
                for (String entry : a.keySet()) {
                    String x = new String(a.get(entry), StandardCharsets.UTF_8);
                    String y = new String(b.get(entry), StandardCharsets.UTF_8);
                    if (entry.equals("metadata.json")) {
                        x = x.replaceAll("\"generatedAt\" : \"[^\"]+\"", "");
                        y = y.replaceAll("\"generatedAt\" : \"[^\"]+\"", "");
                    }
                    assertThat(y).as(date + " " + entry).isEqualTo(x);
                }
                assertThat(new String(a.get("bodies.csv"), StandardCharsets.UTF_8).lines().count())
                        .as("bodies in the bundle of " + date).isGreaterThan(40);
            }
            // the awkward name went through CSV, the loader and back
            try (var session = secondDriver.session()) {
                assertThat(session.run("MATCH (b:Body {id: $id}) RETURN b.name", Map.of("id", ESCAPE_ID))
                        .single().get(0).asString()).isEqualTo(ESCAPE_NAME);
            }
        }
    }

    @Test
    void cypherScriptRecreatesTheSnapshotInABareNeo4j(@TempDir Path home) throws Exception {
        // With the audit trail (at least the start-up loads' entries), so its datetime literals are run too.
        var out = new ByteArrayOutputStream();
        exporter.export(ExportFormat.CYPHER, ESCAPE_DATE, null, null, SnapshotFilter.NONE, true, ExportProgress.NONE)
                .writeTo(out);
        byte[] script = out.toByteArray();
        var dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
                .build();
        try {
            var api = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            int port = api.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT).getPort();
            try (Driver bare = GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.none())) {
                List<String> statements = new String(script, StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank() && !l.startsWith("//")).toList();
                assertThat(statements).allMatch(s -> s.endsWith(";"));
                try (var session = bare.session()) {
                    for (String s : statements.stream().filter(s -> s.startsWith("CREATE CONSTRAINT")).toList()) {
                        session.run(s.substring(0, s.length() - 1)).consume();
                    }
                    session.executeWriteWithoutResult(tx -> statements.stream()
                            .filter(s -> !s.startsWith("CREATE CONSTRAINT"))
                            .forEach(s -> tx.run(s.substring(0, s.length() - 1)).consume()));
                    assertThat(session.run("MATCH (b:Body {id: $id}) RETURN b.name", Map.of("id", ESCAPE_ID))
                            .single().get(0).asString()).isEqualTo(ESCAPE_NAME);
                    assertThat(session.run("MATCH (:Municipality {code: '1496'})-[r:PARTY_TO]->(:Body {id: $id}) "
                            + "RETURN r.representative", Map.of("id", ESCAPE_ID)).single().get(0).asString())
                            .isEqualTo("Anna \"A\" <x@y>");
                }
                // read the recreated graph with the same reader: the same graph gives the same content
                GraphSnapshot original = reader.read(Window.on(ESCAPE_DATE), SnapshotFilter.NONE, false, true);
                GraphSnapshot recreated = new SnapshotReader(ExportQueries.overDriver(bare)).read(Window.on(ESCAPE_DATE), SnapshotFilter.NONE, false, true);
                assertThat(original.changes()).isNotEmpty();
                assertThat(recreated.changes()).isEqualTo(original.changes()); // every value, `at` to the nanosecond
                assertThat(recreated.nodeCounts()).isEqualTo(original.nodeCounts());
                assertThat(recreated.edgeCounts()).isEqualTo(original.edgeCounts());
                assertThat(elements(recreated)).isEqualTo(elements(original));
            }
        } finally {
            dbms.shutdown();
        }
    }

    /** The JSON content (what the hash covers) of a snapshot. */
    private static String elements(GraphSnapshot graph) throws IOException {
        var bytes = new ByteArrayOutputStream();
        new CytoscapeJsonWriter().content(graph, SnapshotWriter.Entries.into(bytes));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theAwkwardNameSurvivesEveryFormat() throws Exception {
        // GraphML: element text
        var graphml = SnapshotExportTest.xml(export(exporter, ExportFormat.GRAPHML, ESCAPE_DATE));
        assertThat(graphmlData(graphml, ESCAPE_ID, "n.name")).isEqualTo(ESCAPE_NAME);
        // GEXF: attributes (label, attvalue value)
        var gexf = SnapshotExportTest.xml(export(exporter, ExportFormat.GEXF, ESCAPE_DATE));
        Element node = byId(gexf.getElementsByTagName("node"), ESCAPE_ID);
        assertThat(node.getAttribute("label")).isEqualTo(ESCAPE_NAME);
        NodeList values = node.getElementsByTagName("attvalue");
        boolean found = false;
        for (int i = 0; i < values.getLength(); i++) {
            Element v = (Element) values.item(i);
            if (v.getAttribute("for").equals("name")) {
                assertThat(v.getAttribute("value")).isEqualTo(ESCAPE_NAME);
                found = true;
            }
        }
        assertThat(found).isTrue();
        // CSV
        var csv = SnapshotExportTest.unzip(export(exporter, ExportFormat.CSV, ESCAPE_DATE));
        assertThat(SnapshotExportTest.csv(csv.get("nodes.csv"))).filteredOn(r -> r.get("id").equals(ESCAPE_ID))
                .singleElement().satisfies(r -> assertThat(r.get("name")).isEqualTo(ESCAPE_NAME));
        assertThat(SnapshotExportTest.csv(csv.get("edges.csv"))).filteredOn(r -> r.get("target").equals(ESCAPE_ID))
                .singleElement().satisfies(r -> assertThat(r.get("representative")).isEqualTo("Anna \"A\" <x@y>"));
        // bundle
        var bundle = SnapshotExportTest.unzip(export(exporter, ExportFormat.BUNDLE, ESCAPE_DATE));
        assertThat(SnapshotExportTest.csv(bundle.get("bodies.csv"))).filteredOn(r -> r.get("id").equals(ESCAPE_ID))
                .singleElement().satisfies(r -> assertThat(r.get("name")).isEqualTo(ESCAPE_NAME));
        // JSON
        JsonNode json = SnapshotExportTest.JSON.readTree(export(exporter, ExportFormat.JSON, ESCAPE_DATE));
        boolean inJson = false;
        for (JsonNode n : json.get("elements").get("nodes")) {
            if (n.get("data").get("id").asString().equals(ESCAPE_ID)) {
                assertThat(n.get("data").get("name").asString()).isEqualTo(ESCAPE_NAME);
                inJson = true;
            }
        }
        assertThat(inJson).isTrue();
        // Cypher: one statement per line even with a newline in the name (recreation tested above)
        String cypher = new String(export(exporter, ExportFormat.CYPHER, ESCAPE_DATE), StandardCharsets.UTF_8);
        assertThat(cypher.lines().filter(l -> l.contains(ESCAPE_ID) && l.startsWith("CREATE ("))).singleElement()
                .satisfies(l -> assertThat(l).contains("'Nät <b>&amp; \"citat\" \\'apostrof\\'\\nny rad\\r\\ttab \\\\ ]]>"));
    }

    static String graphmlData(org.w3c.dom.Document doc, String nodeId, String key) {
        NodeList data = byId(doc.getElementsByTagName("node"), nodeId).getElementsByTagName("data");
        for (int i = 0; i < data.getLength(); i++) {
            Element d = (Element) data.item(i);
            if (d.getAttribute("key").equals(key)) {
                return d.getTextContent();
            }
        }
        throw new AssertionError("no " + key + " on " + nodeId);
    }

    static Element byId(NodeList nodes, String id) {
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("id").equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no element " + id);
    }

    /** NetworkX 2.8 and python-igraph from Debian read the files; CI installs them, so missing them fails. */
    @Test
    void networkxAndIgraphReadGraphmlAndGexf(@TempDir Path dir) throws Exception {
        Path graphml = dir.resolve("s.graphml");
        Path gexf = dir.resolve("s.gexf");
        Files.write(graphml, export(exporter, ExportFormat.GRAPHML, ESCAPE_DATE));
        Files.write(gexf, export(exporter, ExportFormat.GEXF, ESCAPE_DATE));
        JsonNode read = PythonReaders.readExports(graphml, gexf, ESCAPE_ID, "1494>ill-gn-lon-vastra-skaraborg");

        GraphSnapshot snapshot = reader.read(Window.on(ESCAPE_DATE), SnapshotFilter.NONE, false);
        long activeBodies;
        long allBodies;
        try (var session = driver.session()) {
            activeBodies = session.run("MATCH (b:Body) WHERE (b.validFrom IS NULL OR b.validFrom <= $d) "
                    + "AND (b.validTo IS NULL OR b.validTo > $d) RETURN count(b)", Map.of("d", ESCAPE_DATE)).single().get(0).asLong();
            allBodies = session.run("MATCH (b:Body) RETURN count(b)").single().get(0).asLong();
        }
        assertThat(snapshot.nodeCounts().get("Body")).isEqualTo(activeBodies);

        JsonNode nx = read.get("graphml_networkx");
        assertThat(nx.get("nodes").asLong()).isEqualTo(snapshot.nodes().size());
        assertThat(nx.get("edges").asLong()).isEqualTo(snapshot.edges().size());
        assertThat(nx.get("node").get("name").asString()).isEqualTo(ESCAPE_NAME);
        assertThat(nx.get("node").get("illustrative").asBoolean()).isTrue();
        assertThat(nx.get("node").get("validFrom").asString()).isEqualTo("2027-01-01");
        assertThat(nx.get("graph").get("sha256").asString()).matches("[0-9a-f]{64}");
        assertThat(nx.get("types").toString()).contains("Municipality", "Body", "County", "ServiceArea", "Sector", "Goal", "Actor");

        JsonNode ig = read.get("graphml_igraph");
        assertThat(ig.get("nodes").asLong()).isEqualTo(snapshot.nodes().size());
        assertThat(ig.get("edges").asLong()).isEqualTo(snapshot.edges().size());
        assertThat(ig.get("node").get("name").asString()).isEqualTo(ESCAPE_NAME);

        JsonNode gx = read.get("gexf_networkx");
        GraphSnapshot history = reader.read(Window.all(), SnapshotFilter.NONE, false);
        assertThat(gx.get("mode").asString()).isEqualTo("dynamic");
        assertThat(gx.get("nodes").asLong()).isEqualTo(history.nodes().size());
        assertThat(history.nodeCounts().get("Body")).isEqualTo(allBodies);
        assertThat(gx.get("edges").asLong()).isEqualTo(history.edges().stream()
                .map(e -> e.type().matches("PARTY_TO|CONVENES|LINKED_WITH") ? e.type() + e.source() + ">" + e.target() : e.id())
                .distinct().count());
        // The metadata counts what the file holds: a party's rows in one body are one edge with spells
        // (Gephi read 1,775 edges from a history file whose metadata said 1,777).
        JsonNode counts = SnapshotExportTest.metadataOf("gexf", Files.readAllBytes(gexf)).get("counts");
        assertThat(counts.get("edges").asLong()).as("metadata edges = edges in the file").isEqualTo(gx.get("edges").asLong());
        assertThat(counts.get("edgeRows").asLong()).isEqualTo(history.edges().size()).isGreaterThan(gx.get("edges").asLong());
        long partyEdges = history.edges().stream().filter(e -> e.type().equals("PARTY_TO"))
                .map(e -> e.source() + ">" + e.target()).distinct().count();
        assertThat(counts.get("edgesByType").get("PARTY_TO").asLong()).isEqualTo(partyEdges);
        assertThat(gx.get("node").get("label").asString()).isEqualTo(ESCAPE_NAME);
        // Lidköping hosted the Västra Skaraborg lön committee to 2020-01-01, then took part: one edge, two spells
        JsonNode party = gx.get("party");
        assertThat(party).hasSize(1);
        assertThat(party.get(0).get("spells").toString()).contains("2019-12-31").contains("2020-01-01");
        assertThat(party.get(0).get("spells")).hasSize(2);
        assertThat(party.get(0).get("role").toString()).contains("HOST").contains("PARTICIPANT");
    }

    @Test
    void exportAndDiffCommands(@TempDir Path dir) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        Path file = dir.resolve("s.gexf");
        int code = exportCommand.run(List.of("--as-of", "2025-01-01", "--format", "gexf", "--out", file.toString(),
                "--forms", "NETWORK,INITIATIVE"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("100%").contains("#");
        assertThat(Files.readString(file)).contains("mode=\"dynamic\"").contains("\"forms\" : [ \"NETWORK\", \"INITIATIVE\" ]");
        try (var files = Files.list(dir)) { // written beside it, then moved into place: no part file left
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("s.gexf");
        }

        err.reset();
        assertThat(exportCommand.run(List.of("--format", "pdf", "--out", file.toString()), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--format").contains("graphml, gexf, csv");
        assertThat(exportCommand.run(List.of("--format", "json"), System.out, new PrintStream(err))).isEqualTo(2);
        assertThat(exportCommand.run(List.of("--format", "json", "--out", file.toString(), "--as-of", "2025-02-30"),
                System.out, new PrintStream(err))).isEqualTo(2);
        assertThat(exportCommand.run(List.of("--format", "json", "--out", file.toString(), "--county", "99"),
                System.out, new PrintStream(err))).isEqualTo(2);
        assertThat(exportCommand.run(List.of("--format", "json", "--out", dir.resolve("no/such/dir.json").toString()),
                System.out, new PrintStream(err))).isEqualTo(2);
        err.reset();
        assertThat(exportCommand.run(List.of("--format", "json", "--out", dir.toString()), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2); // a folder, not a file to replace
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out").contains("is a folder");

        out.reset();
        assertThat(diffCommand.run(List.of("--from", "2019-12-31", "--to", "2020-01-01"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ill-gn-lon-vastra-skaraborg").contains("\"metadata\"");
        Path csv = dir.resolve("d.csv");
        assertThat(diffCommand.run(List.of("--from", "2022-12-31", "--to", "2023-01-01", "--format", "csv", "--out",
                csv.toString()), System.out, System.err)).isZero();
        assertThat(Files.readString(csv)).startsWith("change,body,").contains("BODY_ENDED,ill-avt-bygg-tibro-hjo");
        assertThat(Files.readString(dir.resolve("d.csv.metadata.json"))).contains("\"sha256\"");
        assertThat(diffCommand.run(List.of("--to", "2020-01-01"), System.out, new PrintStream(err))).isEqualTo(2);
        assertThat(diffCommand.run(List.of("--from", "2020-01-01", "--format", "xml"), System.out, new PrintStream(err))).isEqualTo(2);
    }
}
