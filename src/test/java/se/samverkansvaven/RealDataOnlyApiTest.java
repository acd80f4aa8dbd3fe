package se.samverkansvaven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.neo4j.driver.Driver;
import se.samverkansvaven.audit.ChangeLog;
import se.samverkansvaven.importing.BundleFiles;
import se.samverkansvaven.importing.BundleImporter;
import tools.jackson.databind.JsonNode;

/**
 * {@code illustrative=false} on every read endpoint outside {@code /api/analysis} (issue 14, section 2): the
 * answer is as if the illustrative rows were not loaded. The ids of the illustrative bodies, actors and goals
 * are collected from the default answers first; then every answer (and every export format) with the switch
 * is walked and must hold none of them, no {@code illustrative: true}, and still the real items.
 *
 * <p>Besides the shipped data, one real network {@value #MIXED} carries an illustrative party row (Hjo,
 * 1497), an illustrative link to an illustrative network and an illustrative goal: the switch must strip
 * those from a real body, and the diff must flag the rows resting on them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // the mixed network must not reach other classes' counts
class RealDataOnlyApiTest {

    static final String MIXED = "rt-mixed-net";
    static final String MIXED_SOURCE = "Test: a real network (read 2026-12-01)";
    static final List<String> FORMATS = List.of("json", "graphml", "gexf", "csv", "bundle", "cypher");
    static final Pattern TRUE_IN_CYPHER = Pattern.compile("`?illustrative`?\\s*:\\s*true");

    @LocalServerPort
    int port;
    @Autowired
    BundleImporter importer;
    @Autowired
    Driver driver;

    ApiClient api() {
        return new ApiClient(port);
    }

    @BeforeEach
    void mixedBody() {
        try (var session = driver.session()) {
            if (session.run("MATCH (b:Body {id: $id}) RETURN count(b) AS n", Map.of("id", MIXED)).single()
                    .get("n").asLong() > 0) {
                return;
            }
        }
        importer.importBundle(BundleFiles.of(Map.of(
                "bodies.csv", ("id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source\n"
                        + MIXED + ",NETWORK,Blandnätet Skaraborg,LEDNING,STRATEGIC,,,2020-01-01,,\"" + MIXED_SOURCE + "\"\n")
                        .getBytes(StandardCharsets.UTF_8),
                "parties.csv", ("body_id,party,role,valid_from,valid_to,representative,source\n"
                        + MIXED + ",1496,PARTICIPANT,2020-01-01,,,\"" + MIXED_SOURCE + "\"\n"
                        + MIXED + ",1497,PARTICIPANT,2021-01-01,,,illustrative\n").getBytes(StandardCharsets.UTF_8),
                "links.csv", ("a,b,kind,valid_from,valid_to,source\n"
                        + MIXED + ",ill-nat-skb-planerare,JOINT_MEETING,2021-01-01,,illustrative\n")
                        .getBytes(StandardCharsets.UTF_8),
                "body_goals.csv", ("body_id,goal_id\n" + MIXED + ",ill-mal-drus-2030\n").getBytes(StandardCharsets.UTF_8))));
    }

    /** The ids the default answers mark illustrative: bodies, actors and goals. */
    Set<String> illustrativeIds() {
        Set<String> ids = new TreeSet<>();
        for (String path : List.of("/api/bodies?limit=5000", "/api/actors", "/api/goals")) {
            api().get(path).json().forEach(item -> {
                if (item.get("illustrative").asBoolean()) {
                    ids.add(item.get("id").asString());
                }
            });
        }
        assertThat(ids).as("the shipped illustrative data is loaded").hasSizeGreaterThan(50)
                .contains("ill-nat-skb-planerare", "ill-mal-drus-2030", "ill-lansstyrelsen-vg");
        return ids;
    }

    /** Every field and string value of the answer, walked: none illustrative, none naming an illustrative id. */
    static void assertReal(String where, JsonNode node, Set<String> illustrativeIds) {
        List<String> found = new ArrayList<>();
        walk(node, "$", illustrativeIds, found);
        assertThat(found).as(where).isEmpty();
    }

    private static void walk(JsonNode node, String path, Set<String> ids, List<String> found) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                JsonNode value = field.getValue();
                String at = path + "." + field.getKey();
                if (field.getKey().equals("illustrative") && value.isBoolean() && value.asBoolean()) {
                    found.add(at + " = true");
                }
                if (field.getKey().equals("source") && value.isString() && value.asString().equals("illustrative")) {
                    found.add(at + " = illustrative");
                }
                walk(value, at, ids, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", ids, found);
            }
        } else if (node.isString() && ids.contains(node.asString())) {
            found.add(path + " = " + node.asString());
        }
    }

    static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get(field).asString()));
        return ids;
    }

    @Test
    void bodiesMunicipalitiesActorsGoalsCoverageAndSourcesHoldNoIllustrativeItem() {
        Set<String> invented = illustrativeIds();
        ApiClient api = api();

        JsonNode bodies = api.get("/api/bodies?limit=5000&illustrative=false").json();
        assertReal("/api/bodies", bodies, invented);
        List<String> realIds = ids(bodies, "id");
        assertThat(realIds).contains("fed-skaraborg", "fed-rsg", MIXED);
        assertReal("/api/bodies?q=", api.get("/api/bodies?q=skaraborg&illustrative=false").json(), invented);
        assertThat(ids(api.get("/api/bodies?q=SKARABORG&illustrative=false").json(), "id")).contains("fed-skaraborg")
                .allMatch(id -> !invented.contains(id));

        for (String id : realIds) {
            var body = api.get("/api/bodies/" + id + "?illustrative=false");
            assertThat(body.status()).as(id).isEqualTo(200);
            assertReal("/api/bodies/" + id, body.json(), invented);
        }
        // A real body keeps its real rows and loses the invented ones; by default both are there, marked.
        JsonNode mixed = api.get("/api/bodies/" + MIXED + "?illustrative=false").json();
        assertThat(ids(mixed.get("parties"), "party")).containsExactly("1496");
        assertThat(mixed.get("links")).isEmpty();
        assertThat(mixed.get("goals")).isEmpty();
        assertThat(ids(mixed.get("sources"), "text")).containsExactly(MIXED_SOURCE);
        JsonNode mixedAll = api.get("/api/bodies/" + MIXED).json();
        assertThat(ids(mixedAll.get("parties"), "party")).containsExactly("1496", "1497");
        assertThat(ids(mixedAll.get("links"), "network")).containsExactly("ill-nat-skb-planerare");
        assertThat(ids(mixedAll.get("goals"), "id")).containsExactly("ill-mal-drus-2030");

        var left = api.get("/api/bodies/ill-nat-skb-planerare?illustrative=false");
        assertThat(left.status()).isEqualTo(404);
        assertThat(left.contentType()).startsWith("application/problem+json");
        assertThat(left.json().get("detail").asString()).contains("ill-nat-skb-planerare").contains("illustrative");
        assertThat(api.get("/api/bodies/ill-nat-skb-planerare").status()).isEqualTo(200);

        int withBodies = 0;
        for (JsonNode m : api.get("/api/municipalities").json()) {
            String code = m.get("code").asString();
            JsonNode details = api.get("/api/municipalities/" + code + "?illustrative=false").json();
            assertReal("/api/municipalities/" + code, details, invented);
            withBodies += details.get("bodies").isEmpty() ? 0 : 1;
        }
        assertThat(withBodies).as("municipalities with real bodies").isGreaterThan(50);
        assertThat(ids(api.get("/api/municipalities/1496?illustrative=false").json().get("bodies"), "id"))
                .contains("fed-skaraborg", MIXED);
        assertThat(ids(api.get("/api/municipalities/1497?illustrative=false").json().get("bodies"), "id"))
                .contains("fed-skaraborg").doesNotContain(MIXED);
        // By default Hjo's row in the real network is there, flagged as the invented row it is.
        JsonNode hjoRow = null;
        for (JsonNode b : api.get("/api/municipalities/1497").json().get("bodies")) {
            if (b.get("id").asString().equals(MIXED)) {
                hjoRow = b;
            }
        }
        assertThat(hjoRow).isNotNull();
        assertThat(hjoRow.get("illustrative").asBoolean()).isTrue();

        JsonNode actors = api.get("/api/actors?illustrative=false").json();
        assertReal("/api/actors", actors, invented);
        assertThat(actors).isNotEmpty();
        assertReal("/api/goals", api.get("/api/goals?illustrative=false").json(), invented);

        JsonNode coverage = api.get("/api/coverage?illustrative=false").json();
        assertReal("/api/coverage", coverage, invented);
        assertThat(coverage.get("illustrativeIncluded").asBoolean()).isFalse();
        JsonNode coverageAll = api.get("/api/coverage").json();
        assertThat(coverageAll.get("covered").size()).isGreaterThan(coverage.get("covered").size());
        for (JsonNode covered : coverageAll.get("covered")) {
            String code = covered.get("code").asString();
            assertReal("/api/coverage/" + code, api.get("/api/coverage/" + code + "?illustrative=false").json(), invented);
        }
        JsonNode sources = api.get("/api/sources?illustrative=false").json();
        assertReal("/api/sources", sources, invented);
        assertThat(sources.get("sources")).isNotEmpty();
    }

    /**
     * The editing state of a body and the audit trail take the switch too: an illustrative body's state is a 404
     * saying why, a real body's state loses its invented rows (Hjo's row, the link to an invented network, the
     * invented goal), and the trail leaves out the entries about invented bodies and rows.
     */
    @Test
    void editingStateAndAuditTrailLeaveTheIllustrativeRowsOut() {
        Set<String> invented = illustrativeIds();
        ApiClient api = api();
        JsonNode state = api.get("/api/bodies/" + MIXED + "/state?illustrative=false").json();
        assertReal("/api/bodies/" + MIXED + "/state", state, invented);
        assertThat(ids(state.get("parties"), "party")).containsExactly("1496");
        assertThat(state.get("links")).isEmpty();
        assertThat(state.get("goals")).isEmpty();
        JsonNode stateAll = api.get("/api/bodies/" + MIXED + "/state").json();
        assertThat(ids(stateAll.get("parties"), "party")).containsExactly("1496", "1497");
        assertThat(ids(stateAll.get("links"), "network")).containsExactly("ill-nat-skb-planerare");
        assertThat(stateAll.get("goals").get(0).asString()).isEqualTo("ill-mal-drus-2030");
        for (String id : ids(api.get("/api/bodies?limit=5000&illustrative=false").json(), "id")) {
            var real = api.get("/api/bodies/" + id + "/state?illustrative=false");
            assertThat(real.status()).as(id).isEqualTo(200);
            assertReal("/api/bodies/" + id + "/state", real.json(), invented);
        }
        var left = api.get("/api/bodies/ill-nat-skb-planerare/state?illustrative=false");
        assertThat(left.status()).isEqualTo(404);
        assertThat(left.contentType()).startsWith("application/problem+json");
        assertThat(left.json().get("detail").asString()).contains("ill-nat-skb-planerare").contains("illustrative");
        assertThat(api.get("/api/bodies/ill-nat-skb-planerare/state").status()).isEqualTo(200);

        // Entries as the editing API writes them (StateDiff's and CoverageEdits' field names).
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> ChangeLog.record(tx, "test", "issue 14", List.of(
                    new ChangeLog.Entry("UPDATE", "Body", "ill-nat-skb-planerare", "name", "a", "b"),
                    new ChangeLog.Entry("UPDATE", "Body", MIXED, "name", "a", "b"),
                    new ChangeLog.Entry("UPDATE", "Body", MIXED, "party 1496 PARTICIPANT from 2020-01-01", "x", "y"),
                    new ChangeLog.Entry("UPDATE", "Body", MIXED, "party 1497 PARTICIPANT from 2021-01-01", "x", "y"),
                    new ChangeLog.Entry("UPDATE", "Coverage", "1496",
                            "coverage FEDERATION;JOINT_COMMITTEE;AGREEMENT;COMPANY;ASSOCIATION from 2005-01-01", "x", "y"),
                    new ChangeLog.Entry("CREATE", "Coverage", "1496", "coverage FEDERATION from 2026-01-01", null, "y"))));
        }
        assertThat(ids(api.get("/api/changes?entity=" + MIXED).json(), "field")).containsExactlyInAnyOrder(
                "name", "party 1496 PARTICIPANT from 2020-01-01", "party 1497 PARTICIPANT from 2021-01-01");
        assertThat(ids(api.get("/api/changes?entity=" + MIXED + "&illustrative=false").json(), "field"))
                .containsExactlyInAnyOrder("name", "party 1496 PARTICIPANT from 2020-01-01");
        assertThat(api.get("/api/changes?entity=ill-nat-skb-planerare").json()).hasSize(1);
        assertThat(api.get("/api/changes?entity=ill-nat-skb-planerare&illustrative=false").json()).isEmpty();
        assertThat(api.get("/api/changes?entity=1496").json()).hasSize(2);
        assertThat(ids(api.get("/api/changes?entity=1496&illustrative=false").json(), "field"))
                .containsExactly("coverage FEDERATION from 2026-01-01");
    }

    @Test
    void everyExportFormatLeavesTheIllustrativeRowsOut() throws Exception {
        Set<String> invented = illustrativeIds();
        for (String format : FORMATS) {
            for (String query : List.of("asOf=2025-06-01", "asOf=2025-06-01&county=14", "asOf=2025-06-01&federation=fed-skaraborg")) {
                if (format.equals("gexf") && !query.equals("asOf=2025-06-01")) {
                    continue;
                }
                String where = format + " " + query;
                Map<String, String> files = download("/api/snapshots?format=" + format + "&illustrative=false&" + query);
                for (var file : files.entrySet()) {
                    for (String id : invented) {
                        assertThat(file.getValue()).as(where + " " + file.getKey() + " names " + id)
                                .doesNotContain("\"" + id + "\"").doesNotContain("'" + id + "'")
                                .doesNotContain("," + id + ",").doesNotContain("," + id + "\n")
                                .doesNotContain("\n" + id + ",");
                    }
                }
                assertNoIllustrativeValue(where, format, files);
                String all = String.join("\n", files.values());
                assertThat(all).as(where).contains("fed-skaraborg");
                JsonNode metadata = metadata(format, files);
                if (metadata != null) {
                    assertThat(metadata.get("filters").get("illustrative").asBoolean()).as(where).isFalse();
                    assertThat(metadata.get("counts").get("illustrative").asLong()).as(where).isZero();
                    assertThat(metadata.get("coverage").get("illustrativeRows").asLong()).as(where).isZero();
                }
            }
        }
        // The default is unchanged: the same export holds the illustrative rows, marked.
        Map<String, String> json = download("/api/snapshots?format=json&asOf=2025-06-01");
        assertThat(json.get("content")).contains("\"ill-nat-skb-planerare\"");
        assertThat(metadata("json", json).get("filters").get("illustrative").asBoolean()).isTrue();
        assertThat(metadata("json", json).get("counts").get("illustrative").asLong()).isPositive();
        // The mixed network: its real row is exported, the invented row, link and goal are not.
        JsonNode real = new ApiClient(port).get("/api/snapshots?format=json&asOf=2025-06-01&illustrative=false").json();
        List<String> edges = new ArrayList<>();
        real.get("elements").get("edges").forEach(e -> edges.add(e.get("data").get("id").asString()));
        assertThat(edges).anyMatch(e -> e.startsWith("PARTY_TO:1496>" + MIXED))
                .noneMatch(e -> e.startsWith("PARTY_TO:1497>" + MIXED))
                .noneMatch(e -> e.contains("WORKS_ON:" + MIXED));
        // An illustrative federation is not a scope when illustrative rows are left out.
        var scope = new ApiClient(port).get("/api/snapshots?format=json&federation=ill-forb-rtj-ostra-skaraborg&illustrative=false");
        assertThat(scope.status()).isEqualTo(404);
        assertThat(scope.json().get("detail").asString()).contains("illustrative");
    }

    @Test
    void diffRowsSayWhenTheyRestOnIllustrativeRowsAndTheSwitchLeavesThemOut() throws IOException {
        Set<String> invented = illustrativeIds();
        ApiClient api = api();
        JsonNode diff = api.get("/api/snapshots/diff?from=2018-06-01&to=2026-11-21").json().get("diff");
        // Every row naming an illustrative body, party or network says so; a row of real data does not.
        int flagged = 0;
        for (String list : List.of("bodiesStarted", "bodiesEnded", "partiesJoined", "partiesLeft", "hostsChanged",
                "rolesChanged", "linksMade", "linksEnded")) {
            for (JsonNode row : diff.get(list)) {
                boolean namesInvented = false;
                for (String field : List.of("body", "party", "a", "b")) {
                    namesInvented |= row.has(field) && invented.contains(row.get(field).asString());
                }
                assertThat(row.has("illustrative")).as(list + " " + row).isTrue();
                if (namesInvented) {
                    assertThat(row.get("illustrative").asBoolean()).as(list + " " + row).isTrue();
                    flagged++;
                }
            }
        }
        assertThat(flagged).isGreaterThan(10);
        assertThat(diff.get("hostsChanged").get(0).get("illustrative").asBoolean()).isTrue();
        assertThat(diff.get("rolesChanged")).allSatisfy(r -> assertThat(r.get("illustrative").asBoolean()).isTrue());
        assertThat(diff.get("partiesJoined")).anySatisfy(r -> {
            assertThat(r.get("body").asString()).isEqualTo("fed-rsg");
            assertThat(r.get("illustrative").asBoolean()).isFalse();
        });

        // An invented row in a real body: Hjo joins the real network, which links to an invented one.
        JsonNode mixed = api.get("/api/snapshots/diff?from=2020-06-01&to=2021-06-01").json().get("diff");
        assertThat(mixed.get("partiesJoined")).anySatisfy(r -> {
            assertThat(r.get("body").asString() + ">" + r.get("party").asString()).isEqualTo(MIXED + ">1497");
            assertThat(r.get("illustrative").asBoolean()).isTrue();
        });
        assertThat(mixed.get("linksMade")).anySatisfy(r -> {
            assertThat(List.of(r.get("a").asString(), r.get("b").asString())).contains(MIXED);
            assertThat(r.get("illustrative").asBoolean()).isTrue();
        });
        List<CSVRecord> csv = csv(api.get("/api/snapshots/diff?from=2019-12-31&to=2020-01-01&format=csv").text());
        assertThat(csv).filteredOn(r -> r.get("change").equals("HOST_CHANGED") || r.get("change").equals("ROLE_CHANGED"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.get("illustrative")).isEqualTo("true"));

        // With the switch: no row of invented data, in JSON or CSV; the real ones are still there.
        var real = api.get("/api/snapshots/diff?from=2018-06-01&to=2026-11-21&illustrative=false").json();
        assertReal("diff", real.get("diff"), invented);
        assertThat(real.get("metadata").get("filters").get("illustrative").asBoolean()).isFalse();
        assertThat(ids(real.get("diff").get("partiesJoined"), "body")).contains("fed-rsg");
        assertThat(ids(real.get("diff").get("bodiesStarted"), "body")).contains(MIXED);
        for (CSVRecord row : csv(api.get("/api/snapshots/diff?from=2018-06-01&to=2026-11-21&format=csv&illustrative=false").text())) {
            assertThat(row.get("illustrative")).as(row.toString()).isNotEqualTo("true");
            assertThat(invented).as(row.toString()).doesNotContain(row.get("body"), row.get("party"));
        }
    }

    /** Each file of the download as text: the body itself ("content"), or each entry of a zip. */
    Map<String, String> download(String path) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api().uri(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        Map<String, String> files = new LinkedHashMap<>();
        byte[] body = response.body();
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/zip")) {
            try (var in = new ZipInputStream(new ByteArrayInputStream(body))) {
                for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } else {
            files.put("content", new String(body, StandardCharsets.UTF_8));
        }
        return files;
    }

    /** No property illustrative=true and no source "illustrative", in each format's own way of writing them. */
    static void assertNoIllustrativeValue(String where, String format, Map<String, String> files) throws IOException {
        switch (format) {
            case "json" -> assertReal(where, tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(files.get("content")), Set.of());
            case "cypher" -> {
                assertThat(TRUE_IN_CYPHER.matcher(files.get("content")).find()).as(where).isFalse();
                assertThat(files.get("content")).as(where).doesNotContain("'illustrative'");
            }
            case "graphml", "gexf" -> {
                // GraphML: <key id="n.illustrative" ...> then <data key="n.illustrative">true</data>;
                // GEXF: <attvalue for="illustrative" value="true"/>.
                String xml = files.get("content");
                assertThat(xml).as(where).containsAnyOf("illustrative\">false<", "for=\"illustrative\" value=\"false\"");
                assertThat(xml).as(where).doesNotContain("illustrative\">true<")
                        .doesNotContain("for=\"illustrative\" value=\"true\"")
                        .doesNotContain(">illustrative<").doesNotContain("value=\"illustrative\"");
            }
            case "csv", "bundle" -> {
                for (var file : files.entrySet()) {
                    if (!file.getKey().endsWith(".csv")) {
                        continue;
                    }
                    for (CSVRecord row : csv(file.getValue())) {
                        row.toMap().forEach((column, value) -> {
                            assertThat(column.equals("illustrative") && value.equals("true"))
                                    .as(where + " " + file.getKey() + " " + row).isFalse();
                            assertThat(value).as(where + " " + file.getKey() + " " + column).isNotEqualTo("illustrative");
                        });
                    }
                }
            }
            default -> throw new IllegalArgumentException(format);
        }
    }

    static JsonNode metadata(String format, Map<String, String> files) {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        return switch (format) {
            case "json" -> json.readTree(files.get("content")).get("metadata");
            case "csv", "bundle" -> json.readTree(files.get("metadata.json"));
            case "cypher" -> json.readTree(files.get("content").lines().filter(l -> l.startsWith("// "))
                    .skip(3).map(l -> l.substring(3)).reduce("", (a, b) -> a + b + "\n"));
            default -> null; // GraphML and GEXF carry it as XML; checked by the other formats
        };
    }

    static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(text)).getRecords();
    }
}
