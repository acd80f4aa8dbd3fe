package se.samverkansvaven.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.importing.BundleImporter;
import se.samverkansvaven.testing.TestBodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audit trail in the exports (issue 6: "the snapshot exports can include it"): an edit made through the
 * API appears, with its exact values, in every format that carries it when {@code includeChanges=true}, and
 * without the flag the export is exactly what it was (the flagged one minus the change elements).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChangesExportTest {

    static final String BODY = "chx-rename";
    static final String OLD_NAME = "Ändringsexport före";
    static final String NEW_NAME = "Ändringsexport <efter> & \"citat\" 'x'";
    static final String REASON = "beslut 2026:17, rad två\nmed radbrytning";
    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            "admin:test-admin-password".getBytes(StandardCharsets.UTF_8));

    @Autowired
    BundleImporter importer;
    @Autowired
    Driver driver;
    @Autowired
    ExportCommand exportCommand;
    @LocalServerPort
    int port;

    ApiClient api;

    /** The change of the name, as stored. */
    record Stored(String id, OffsetDateTime at) {}

    @AfterAll
    static void removeTestBodies(@Autowired Driver driver, @Autowired GraphRevisions revisions) {
        TestBodies.remove(driver, revisions, "chx-");
    }

    @BeforeEach
    void data() {
        ExportTestData.ensureLoaded(importer, driver);
        api = new ApiClient(port);
    }

    /** Creates the body and renames it through the API once per run; returns the stored name change. */
    Stored renamed() {
        if (api.get("/api/bodies/" + BODY + "/state").status() == 404) {
            var created = send("POST", "/api/bodies", Map.of("reason", "test set-up", "body", Map.of("id", BODY,
                    "form", "ASSOCIATION", "name", OLD_NAME, "validFrom", "2026-01-01", "source", "test",
                    "parties", List.of(Map.of("party", "1496", "role", "MEMBER", "validFrom", "2026-01-01")))));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            @SuppressWarnings("unchecked")
            Map<String, Object> body = SnapshotExportTest.JSON.convertValue(created.json(), Map.class);
            body.put("name", NEW_NAME);
            var changed = send("PUT", "/api/bodies/" + BODY, Map.of("version", created.json().get("version").asLong(),
                    "reason", REASON, "body", body));
            assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        }
        try (var session = driver.session()) {
            var r = session.run("MATCH (c:Change {entityId: $id, field: 'name', action: 'UPDATE'})-[:CHANGED]->(:Body {id: $id}) "
                    + "RETURN c.id AS id, c.at AS at", Map.of("id", BODY)).single();
            return new Stored(r.get("id").asString(), r.get("at").asZonedDateTime().toOffsetDateTime());
        }
    }

    ApiClient.Response send(String method, String path, Object body) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .header("Authorization", ADMIN)
                .method(method, HttpRequest.BodyPublishers.ofString(SnapshotExportTest.JSON.writeValueAsString(body)))
                .build());
    }

    /** As a logged-in reader, who gets the trail with user names (AuditTrailPrivacyTest: anonymous readers do not). */
    byte[] download(String query) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri("/api/snapshots?" + query))
                        .header("Authorization", ADMIN).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(query + ": " + new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return response.body();
    }

    /** The day of the change in Sweden: the snapshot of that day holds it, the day before does not. */
    static LocalDate day(Stored change) {
        return change.at().atZoneSameInstant(ZoneId.of("Europe/Stockholm")).toLocalDate();
    }

    @Test
    void jsonCarriesTheChangeAsANodeWithAnEdgeAndWithoutTheFlagNothingElseDiffers() throws Exception {
        Stored change = renamed();
        LocalDate d = day(change);
        JsonNode with = SnapshotExportTest.JSON.readTree(download("format=json&includeChanges=true&asOf=" + d));
        JsonNode without = SnapshotExportTest.JSON.readTree(download("format=json&asOf=" + d));
        JsonNode explicitOff = SnapshotExportTest.JSON.readTree(download("format=json&includeChanges=false&asOf=" + d));

        JsonNode node = find(with.get("elements").get("nodes"), "change:" + change.id());
        assertThat(node.get("type").asString()).isEqualTo("Change");
        assertThat(node.get("key").asString()).isEqualTo(change.id());
        assertThat(node.get("action").asString()).isEqualTo("UPDATE");
        assertThat(node.get("entityType").asString()).isEqualTo("Body");
        assertThat(node.get("entityId").asString()).isEqualTo(BODY);
        assertThat(node.get("field").asString()).isEqualTo("name");
        assertThat(node.get("before").asString()).isEqualTo(OLD_NAME);
        assertThat(node.get("after").asString()).isEqualTo(NEW_NAME);
        assertThat(node.get("reason").asString()).isEqualTo(REASON);
        assertThat(node.get("user").asString()).isEqualTo("admin");
        assertThat(OffsetDateTime.parse(node.get("at").asString())).isEqualTo(change.at());
        JsonNode edge = find(with.get("elements").get("edges"), "CHANGED:change:" + change.id() + ">" + BODY);
        assertThat(edge.get("source").asString()).isEqualTo("change:" + change.id());
        assertThat(edge.get("target").asString()).isEqualTo(BODY);
        assertThat(edge.get("type").asString()).isEqualTo("CHANGED");

        assertThat(with.get("metadata").get("includesChanges").asBoolean()).isTrue();
        long changeNodes = count(with.get("elements").get("nodes"), "Change");
        assertThat(with.get("metadata").get("counts").get("changes").asLong()).isEqualTo(changeNodes);
        assertThat(changeNodes).isEqualTo(storedChangesBefore(d.plusDays(1)));
        assertThat(without.get("metadata").get("includesChanges").asBoolean()).isFalse();
        assertThat(without.get("metadata").get("counts").has("changes")).isFalse();
        assertThat(count(without.get("elements").get("nodes"), "Change")).isZero();
        assertThat(count(without.get("elements").get("edges"), "CHANGED")).isZero();
        // the flagged export minus the change nodes and edges is exactly the one without
        assertThat(withoutChanges(with.get("elements"))).isEqualTo(without.get("elements"));
        assertThat(explicitOff.get("elements")).isEqualTo(without.get("elements"));
        assertThat(with.get("metadata").get("counts").get("nodes")).isEqualTo(without.get("metadata").get("counts").get("nodes"));
        assertThat(with.get("metadata").get("sha256")).isNotEqualTo(without.get("metadata").get("sha256"));

        // Up to the snapshot date: the day before the change does not hold it.
        JsonNode before = SnapshotExportTest.JSON.readTree(download("format=json&includeChanges=true&asOf=" + d.minusDays(1)));
        assertThat(ids(before.get("elements").get("nodes"))).doesNotContain("change:" + change.id());
        assertThat(before.get("metadata").get("counts").get("changes").asLong()).isEqualTo(storedChangesBefore(d));
        // A filter narrows the trail to the exported bodies (no loads, no other bodies).
        JsonNode associations = SnapshotExportTest.JSON.readTree(
                download("format=json&includeChanges=true&forms=ASSOCIATION&asOf=" + d));
        List<String> bodies = new ArrayList<>();
        associations.get("elements").get("nodes").forEach(n -> {
            if (n.get("data").get("type").asString().equals("Body")) {
                bodies.add(n.get("data").get("id").asString());
            }
        });
        assertThat(ids(associations.get("elements").get("nodes"))).contains("change:" + change.id());
        associations.get("elements").get("nodes").forEach(n -> {
            if (n.get("data").get("type").asString().equals("Change")) {
                assertThat(bodies).contains(n.get("data").get("entityId").asString());
            }
        });
    }

    long storedChangesBefore(LocalDate day) {
        try (var session = driver.session()) {
            return session.run("MATCH (c:Change) WHERE c.at < $t RETURN count(c)",
                    Map.of("t", day.atStartOfDay(ZoneId.of("Europe/Stockholm")).toOffsetDateTime())).single().get(0).asLong();
        }
    }

    @Test
    void csvZipGetsAChangesTableAndKeepsNodesAndEdgesByteForByte() throws Exception {
        Stored change = renamed();
        LocalDate d = day(change);
        var with = SnapshotExportTest.unzip(download("format=csv&includeChanges=true&asOf=" + d));
        var without = SnapshotExportTest.unzip(download("format=csv&asOf=" + d));
        assertThat(with.keySet()).containsExactly("nodes.csv", "edges.csv", "changes.csv", "metadata.json");
        assertThat(without.keySet()).containsExactly("nodes.csv", "edges.csv", "metadata.json");
        assertThat(with.get("nodes.csv")).isEqualTo(without.get("nodes.csv"));
        assertThat(with.get("edges.csv")).isEqualTo(without.get("edges.csv"));
        assertThat(new String(with.get("changes.csv"), StandardCharsets.UTF_8))
                .startsWith("id,at,user,action,entityType,entityId,field,before,after,reason\n");
        List<CSVRecord> rows = SnapshotExportTest.csv(with.get("changes.csv"));
        CSVRecord row = rows.stream().filter(r -> r.get("id").equals(change.id())).findFirst().orElseThrow();
        assertThat(OffsetDateTime.parse(row.get("at"))).isEqualTo(change.at());
        assertThat(row.get("user")).isEqualTo("admin");
        assertThat(row.get("action")).isEqualTo("UPDATE");
        assertThat(row.get("entityType")).isEqualTo("Body");
        assertThat(row.get("entityId")).isEqualTo(BODY);
        assertThat(row.get("field")).isEqualTo("name");
        assertThat(row.get("before")).isEqualTo(OLD_NAME);
        assertThat(row.get("after")).isEqualTo(NEW_NAME);
        assertThat(row.get("reason")).isEqualTo(REASON);
        assertThat((long) rows.size()).isEqualTo(storedChangesBefore(d.plusDays(1)));
        assertThat(SnapshotExportTest.JSON.readTree(with.get("metadata.json")).get("includesChanges").asBoolean()).isTrue();
        assertThat(SnapshotExportTest.JSON.readTree(without.get("metadata.json")).get("includesChanges").asBoolean()).isFalse();
    }

    @Test
    void graphmlAndGexfCarryTheChangeAndNetworkxStillReadsThem(@TempDir Path dir) throws Exception {
        Stored change = renamed();
        LocalDate d = day(change);
        String changeNode = "change:" + change.id();
        byte[] graphml = download("format=graphml&includeChanges=true&asOf=" + d);
        byte[] gexf = download("format=gexf&includeChanges=true");
        byte[] graphmlWithout = download("format=graphml&asOf=" + d);

        Document doc = SnapshotExportTest.xml(graphml);
        Map<String, String> keyNames = new HashMap<>();
        NodeList keys = doc.getElementsByTagName("key");
        for (int i = 0; i < keys.getLength(); i++) {
            Element k = (Element) keys.item(i);
            keyNames.put(k.getAttribute("id"), k.getAttribute("attr.name"));
        }
        Map<String, String> data = new HashMap<>();
        NodeList values = ExportRoundTripTest.byId(doc.getElementsByTagName("node"), changeNode).getElementsByTagName("data");
        for (int i = 0; i < values.getLength(); i++) {
            Element v = (Element) values.item(i);
            data.put(keyNames.get(v.getAttribute("key")), v.getTextContent());
        }
        assertThat(data).containsEntry("type", "Change").containsEntry("field", "name").containsEntry("before", OLD_NAME)
                .containsEntry("after", NEW_NAME).containsEntry("reason", REASON).containsEntry("user", "admin")
                .containsEntry("entityId", BODY).containsEntry("action", "UPDATE").containsEntry("key", change.id());
        assertThat(OffsetDateTime.parse(data.get("at"))).isEqualTo(change.at());
        Element edge = ExportRoundTripTest.byId(doc.getElementsByTagName("edge"), "CHANGED:" + changeNode + ">" + BODY);
        assertThat(edge.getAttribute("source")).isEqualTo(changeNode);
        assertThat(edge.getAttribute("target")).isEqualTo(BODY);
        Document plain = SnapshotExportTest.xml(graphmlWithout);
        assertThat(doc.getElementsByTagName("node").getLength() - plain.getElementsByTagName("node").getLength())
                .isEqualTo((int) storedChangesBefore(d.plusDays(1)));
        assertThat(new String(graphmlWithout, StandardCharsets.UTF_8)).doesNotContain(">Change<").doesNotContain("CHANGED")
                .doesNotContain("\"change:")
                .contains("<data key=\"meta.includesChanges\">false</data>");

        Document gx = SnapshotExportTest.xml(gexf);
        Element gexfNode = ExportRoundTripTest.byId(gx.getElementsByTagName("node"), changeNode);
        Map<String, String> attvalues = new HashMap<>();
        NodeList att = gexfNode.getElementsByTagName("attvalue");
        for (int i = 0; i < att.getLength(); i++) {
            Element a = (Element) att.item(i);
            attvalues.put(a.getAttribute("for"), a.getAttribute("value"));
        }
        assertThat(attvalues).containsEntry("before", OLD_NAME).containsEntry("after", NEW_NAME)
                .containsEntry("reason", REASON).containsEntry("field", "name").containsEntry("user", "admin");
        assertThat(gexfNode.getAttribute("label")).isEqualTo("UPDATE " + BODY + " name");

        Path graphmlFile = dir.resolve("c.graphml");
        Path gexfFile = dir.resolve("c.gexf");
        Files.write(graphmlFile, graphml);
        Files.write(gexfFile, gexf);
        JsonNode read = PythonReaders.readExports(graphmlFile, gexfFile, changeNode, "1494>ill-gn-lon-vastra-skaraborg");
        JsonNode nx = read.get("graphml_networkx");
        assertThat(nx.get("node").get("type").asString()).isEqualTo("Change");
        assertThat(nx.get("node").get("before").asString()).isEqualTo(OLD_NAME);
        assertThat(nx.get("node").get("after").asString()).isEqualTo(NEW_NAME);
        assertThat(nx.get("node").get("reason").asString()).isEqualTo(REASON);
        assertThat(nx.get("types").toString()).contains("Change", "Body", "Municipality");
        assertThat(read.get("graphml_igraph").get("node").get("type").asString()).isEqualTo("Change");
        JsonNode gexfRead = read.get("gexf_networkx");
        assertThat(gexfRead.get("node").get("after").asString()).isEqualTo(NEW_NAME);
        assertThat(gexfRead.get("node").get("reason").asString()).isEqualTo(REASON);
        assertThat(gexfRead.get("party")).hasSize(1); // the history is read as before
    }

    @Test
    void cypherCreatesTheChangeAndLinksIt() throws Exception {
        Stored change = renamed();
        LocalDate d = day(change);
        String with = new String(download("format=cypher&includeChanges=true&asOf=" + d), StandardCharsets.UTF_8);
        String without = new String(download("format=cypher&asOf=" + d), StandardCharsets.UTF_8);
        assertThat(with.lines()).contains("CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;",
                "CREATE (:Change {id: '" + change.id() + "', action: 'UPDATE', after: "
                        + CypherScriptWriter.string(NEW_NAME) + ", at: datetime('" + change.at() + "'), before: "
                        + CypherScriptWriter.string(OLD_NAME) + ", entityId: '" + BODY + "', entityType: 'Body', "
                        + "field: 'name', reason: " + CypherScriptWriter.string(REASON) + ", user: 'admin'});",
                "MATCH (a:Change {id: '" + change.id() + "'}), (b:Body {id: '" + BODY + "'}) CREATE (a)-[:CHANGED]->(b);");
        assertThat(without).doesNotContain(":Change").doesNotContain("CHANGED");
        // Apart from the header, the script without the flag is the flagged one without its change lines.
        assertThat(body(with).stream().filter(l -> !l.contains(":Change") && !l.contains("CHANGED")).toList())
                .isEqualTo(body(without));
    }

    static List<String> body(String script) {
        return script.lines().filter(l -> !l.startsWith("//")).toList();
    }

    @Test
    void theBundleRefusesTheFlagAndTheCommandLineTakesIt(@TempDir Path dir) throws Exception {
        var refused = api.get("/api/snapshots?format=bundle&includeChanges=true");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("parameter").asString()).isEqualTo("includeChanges");
        assertThat(refused.json().get("detail").asString()).contains("bundle").contains("csv");
        assertThat(api.get("/api/snapshots?format=json&includeChanges=maybe").status()).isEqualTo(400);

        Stored change = renamed();
        var err = new ByteArrayOutputStream();
        Path file = dir.resolve("c.zip");
        assertThat(exportCommand.run(List.of("--format", "bundle", "--out", file.toString(), "--include-changes"),
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--include-changes").contains("bundle");
        assertThat(file).doesNotExist();
        assertThat(exportCommand.run(List.of("--format", "csv", "--out", file.toString(), "--include-changes=yes"),
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        int code = exportCommand.run(List.of("--format", "csv", "--include-changes", "--as-of", day(change).toString(),
                "--out", file.toString()), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        var entries = SnapshotExportTest.unzip(Files.readAllBytes(file));
        assertThat(SnapshotExportTest.csv(entries.get("changes.csv"))).anySatisfy(r -> {
            assertThat(r.get("id")).isEqualTo(change.id());
            assertThat(r.get("after")).isEqualTo(NEW_NAME);
        });
    }

    static JsonNode find(JsonNode elements, String id) {
        for (JsonNode e : elements) {
            if (e.get("data").get("id").asString().equals(id)) {
                return e.get("data");
            }
        }
        throw new AssertionError("no element " + id);
    }

    static List<String> ids(JsonNode elements) {
        List<String> ids = new ArrayList<>();
        elements.forEach(e -> ids.add(e.get("data").get("id").asString()));
        return ids;
    }

    static long count(JsonNode elements, String type) {
        long n = 0;
        for (JsonNode e : elements) {
            if (e.get("data").get("type").asString().equals(type)) {
                n++;
            }
        }
        return n;
    }

    static JsonNode withoutChanges(JsonNode elements) {
        ObjectNode copy = (ObjectNode) elements.deepCopy();
        for (String part : List.of("nodes", "edges")) {
            ArrayNode kept = SnapshotExportTest.JSON.createArrayNode();
            elements.get(part).forEach(e -> {
                String type = e.get("data").get("type").asString();
                if (!type.equals("Change") && !type.equals("CHANGED")) {
                    kept.add(e);
                }
            });
            copy.set(part, kept);
        }
        return copy;
    }
}
