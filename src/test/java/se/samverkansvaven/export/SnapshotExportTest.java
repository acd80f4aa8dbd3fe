package se.samverkansvaven.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.importing.BundleImporter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Snapshots, diffs and the API on the shipped bundles (docs/illustrative-data.md). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SnapshotExportTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    BundleImporter importer;
    @Autowired
    Driver driver;
    @Autowired
    SnapshotExporter exporter;
    @Autowired
    SnapshotDiffer differ;
    @LocalServerPort
    int port;

    @BeforeEach
    void data() {
        ExportTestData.ensureLoaded(importer, driver);
    }

    byte[] export(ExportFormat format, LocalDate asOf, SnapshotFilter filter) throws IOException {
        var out = new ByteArrayOutputStream();
        exporter.export(format, asOf, null, null, filter, ExportProgress.NONE).writeTo(out);
        return out.toByteArray();
    }

    JsonNode json(LocalDate asOf, SnapshotFilter filter) throws IOException {
        return JSON.readTree(export(ExportFormat.JSON, asOf, filter));
    }

    static List<String> ids(JsonNode snapshot, String type) {
        List<String> ids = new ArrayList<>();
        snapshot.get("elements").get("nodes").forEach(n -> {
            if (n.get("data").get("type").asString().equals(type)) {
                ids.add(n.get("data").get("id").asString());
            }
        });
        return ids;
    }

    long count(String query, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.run(query, params).single().get(0).asLong();
        }
    }

    @Test
    void anEndedBodyIsInTheSnapshotBeforeItsEndAndAbsentFrom() throws IOException {
        // ill-avt-bygg-tibro-hjo ran 2010 to 2023-01-01 (valid_to is the first day it no longer holds)
        assertThat(ids(json(LocalDate.of(2022, 12, 31), SnapshotFilter.NONE), "Body")).contains("ill-avt-bygg-tibro-hjo");
        assertThat(ids(json(LocalDate.of(2023, 1, 1), SnapshotFilter.NONE), "Body")).doesNotContain("ill-avt-bygg-tibro-hjo");
        // the host change of ill-gn-lon-vastra-skaraborg on 2020-01-01
        assertThat(hostOf(json(LocalDate.of(2019, 12, 31), SnapshotFilter.NONE), "ill-gn-lon-vastra-skaraborg")).isEqualTo("1494");
        assertThat(hostOf(json(LocalDate.of(2020, 1, 1), SnapshotFilter.NONE), "ill-gn-lon-vastra-skaraborg")).isEqualTo("1495");
    }

    static String hostOf(JsonNode snapshot, String body) {
        List<String> hosts = new ArrayList<>();
        snapshot.get("elements").get("edges").forEach(e -> {
            JsonNode d = e.get("data");
            if (d.get("type").asString().equals("PARTY_TO") && d.get("target").asString().equals(body)
                    && d.get("role").asString().equals("HOST")) {
                hosts.add(d.get("source").asString());
            }
        });
        assertThat(hosts).hasSize(1);
        return hosts.getFirst();
    }

    @Test
    void snapshotHoldsWhatTheDatabaseHoldsOnTheDate() throws IOException {
        LocalDate d = LocalDate.of(2026, 11, 21);
        JsonNode snapshot = json(d, SnapshotFilter.NONE);
        Map<String, Object> p = Map.of("d", d);
        String active = "(x.validFrom IS NULL OR x.validFrom <= $d) AND (x.validTo IS NULL OR x.validTo > $d)";
        assertThat((long) ids(snapshot, "Body").size())
                .isEqualTo(count("MATCH (x:Body) WHERE " + active + " RETURN count(x)", p));
        assertThat((long) ids(snapshot, "Municipality").size()).isEqualTo(290);
        long partyRows = count("MATCH (p)-[x:PARTY_TO]->(b:Body) WHERE " + active + " AND "
                + active.replace("x.", "b.") + " RETURN count(x)", p);
        JsonNode counts = snapshot.get("metadata").get("counts");
        assertThat(counts.get("edgesByType").get("PARTY_TO").asLong()).isEqualTo(partyRows);
        assertThat(counts.get("edgesByType").get("BORDERS").asLong()).isEqualTo(757);
        assertThat(counts.get("nodesByType").get("County").asLong()).isEqualTo(21);
        // docs/illustrative-data.md: 9 federations, 11 joint committees, 9 agreements, 3 companies,
        // 4 associations, 19 networks, 3 initiatives active on 2026-11-21; the public-sources bundle adds
        // 16 federations active then (of its 19: Mälardalens brand- och räddningsförbund and Södra Bohuslän
        // have ended), 2 joint committees and 1 agreement (check_illustrative.py counts the same)
        Map<String, Integer> forms = new HashMap<>();
        snapshot.get("elements").get("nodes").forEach(n -> {
            if (n.get("data").get("type").asString().equals("Body")) {
                forms.merge(n.get("data").get("form").asString(), 1, Integer::sum);
            }
        });
        assertThat(forms).containsExactlyInAnyOrderEntriesOf(Map.of("FEDERATION", 25, "JOINT_COMMITTEE", 13,
                "AGREEMENT", 10, "COMPANY", 3, "ASSOCIATION", 4, "NETWORK", 19, "INITIATIVE", 3));
        // every body carries source and illustrative
        snapshot.get("elements").get("nodes").forEach(n -> {
            JsonNode data = n.get("data");
            if (data.get("type").asString().equals("Body")) {
                assertThat(data.has("illustrative")).isTrue();
                assertThat(data.get("illustrative").asBoolean())
                        .isEqualTo("illustrative".equals(data.path("provenance").asString(null)));
            }
        });
    }

    @Test
    void filtersNarrowTheBodiesAndTheCountyFilterTheMunicipalities() throws IOException {
        LocalDate d = LocalDate.of(2026, 11, 21);
        JsonNode networks = json(d, new SnapshotFilter(Set.of(se.samverkansvaven.body.Form.NETWORK), null, null, null));
        assertThat(ids(networks, "Body")).hasSize(19).allMatch(id -> id.contains("nat") || id.startsWith("net-"));
        assertThat(ids(networks, "Municipality")).hasSize(290);
        JsonNode skaraborg = json(d, new SnapshotFilter(null, null, "fed-skaraborg", null));
        assertThat(ids(skaraborg, "Body")).contains("fed-skaraborg", "ill-gn-lon-ostra-skaraborg")
                .doesNotContain("ill-ab-avfall-gr");
        assertThat(ids(skaraborg, "Municipality")).contains("1496", "1497").doesNotContain("0180");
        JsonNode county = json(d, new SnapshotFilter(null, "14", null, "lon"));
        assertThat(ids(county, "Body")).contains("ill-gn-lon-ostra-skaraborg", "ill-gn-lon-vastra-skaraborg")
                .doesNotContain("ill-gn-it-ostra-skaraborg");
        assertThat(ids(county, "Municipality")).contains("1496").doesNotContain("0180");
    }

    /** A scope picks bodies, not parties: every party of an exported body is exported, from outside the scope too. */
    @Test
    void aScopedExportKeepsEveryPartyOfItsBodies() throws IOException {
        LocalDate d = LocalDate.of(2026, 11, 21);
        JsonNode national = json(d, SnapshotFilter.NONE);
        JsonNode skaraborg = json(d, new SnapshotFilter(null, null, "fed-skaraborg", null));
        Set<String> bodies = new HashSet<>(ids(skaraborg, "Body"));
        List<String> parties = partyEdgesInto(skaraborg, bodies);
        assertThat(parties).isNotEmpty().isEqualTo(partyEdgesInto(national, bodies));
        Set<String> members = new HashSet<>();
        try (var session = driver.session()) {
            session.run("MATCH (:Body {id: 'fed-skaraborg'})<-[:PARTY_TO]-(m:Municipality) RETURN m.code AS code")
                    .forEachRemaining(r -> members.add(r.get("code").asString()));
        }
        assertThat(parties).anyMatch(edge -> {
            String party = edge.substring(0, edge.indexOf('>'));
            return party.matches("[0-9]{4}") && !members.contains(party);
        });
    }

    /** The PARTY_TO edges into the given bodies, as {@code source>target|id}, sorted. */
    private static List<String> partyEdgesInto(JsonNode snapshot, Set<String> bodies) {
        List<String> edges = new ArrayList<>();
        snapshot.get("elements").get("edges").forEach(e -> {
            JsonNode data = e.get("data");
            if (data.get("type").asString().equals("PARTY_TO") && bodies.contains(data.get("target").asString())) {
                edges.add(data.get("source").asString() + ">" + data.get("target").asString() + "|"
                        + data.get("id").asString());
            }
        });
        edges.sort(null);
        return edges;
    }

    @Test
    void diffReportsTheIllustrativeStory() {
        SnapshotDiff diff = differ.diff(LocalDate.of(2018, 6, 1), LocalDate.of(2026, 11, 21), SnapshotFilter.NONE);
        // with the real histories of the public-sources bundle (check_illustrative.py's "diff" agrees)
        assertThat(diff.bodiesEnded()).extracting(SnapshotDiff.BodyChange::body).containsExactly(
                "fed-mbr", "fed-sbrf", "ill-ab-skaraborg-bredband", "ill-avt-beredskap-dalsland", "ill-avt-bygg-tibro-hjo",
                "ill-gn-lon-ale-lerum", "ill-nat-skb-energiradgivare");
        assertThat(diff.bodiesStarted()).hasSize(16).extracting(SnapshotDiff.BodyChange::body)
                .contains("ill-avt-beredskap-ostra-skaraborg", "ill-avt-e-arkiv-skaraborg", "ill-gn-nara-vard-mtg",
                        "ill-nat-skb-beredskap", "ill-ini-skb-ovning-2026", "fed-rtmd", "avt-overformyndare-nacka-varmdo-vaxholm");
        assertThat(diff.partiesJoined()).extracting(c -> c.party() + ">" + c.body())
                .containsExactly("1415>fed-rsg", "1419>fed-rsg", "1462>fed-rsg", "1278>fed-rsnv",
                        "1439>ill-avt-miljo-uddevalla", "1471>ill-gn-lon-ostra-skaraborg");
        assertThat(diff.partiesLeft()).extracting(c -> c.party() + "<" + c.body())
                .containsExactly("1439<ill-forb-miljo-dalsland", "1471<ill-gn-lon-vastra-skaraborg");
        assertThat(diff.hostsChanged()).singleElement().satisfies(h -> {
            assertThat(h.body()).isEqualTo("ill-gn-lon-vastra-skaraborg");
            assertThat(h.before()).containsExactly("1494");
            assertThat(h.after()).containsExactly("1495");
        });
        assertThat(diff.rolesChanged()).extracting(r -> r.party() + ":" + r.before() + ">" + r.after())
                .containsExactly("1494:HOST>PARTICIPANT", "1495:PARTICIPANT>HOST");
        // the link energiradgivare–miljostrateger ended with its network
        assertThat(diff.linksEnded()).extracting(l -> l.a() + "~" + l.b())
                .anyMatch(s -> s.contains("ill-nat-skb-energiradgivare"));

        // the ended body appears across its end date, not across a span after it
        SnapshotDiff across = differ.diff(LocalDate.of(2022, 12, 31), LocalDate.of(2023, 1, 1), SnapshotFilter.NONE);
        assertThat(across.bodiesEnded()).extracting(SnapshotDiff.BodyChange::body)
                .contains("ill-avt-bygg-tibro-hjo", "ill-avt-beredskap-dalsland");
        SnapshotDiff after = differ.diff(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 1), SnapshotFilter.NONE);
        assertThat(after.bodiesEnded()).extracting(SnapshotDiff.BodyChange::body).doesNotContain("ill-avt-bygg-tibro-hjo");
    }

    @Test
    void apiServesEveryFormatWithNameTypeAndHash() throws Exception {
        ApiClient api = new ApiClient(port);
        Map<String, String[]> expected = Map.of(
                "graphml", new String[] {"application/graphml+xml", "samverkansvaven-2025-01-01.graphml"},
                "gexf", new String[] {"application/gexf+xml", "samverkansvaven-history.gexf"},
                "csv", new String[] {"application/zip", "samverkansvaven-2025-01-01-csv.zip"},
                "bundle", new String[] {"application/zip", "samverkansvaven-2025-01-01-bundle.zip"},
                "json", new String[] {"application/json", "samverkansvaven-2025-01-01.json"},
                "cypher", new String[] {"text/plain", "samverkansvaven-2025-01-01.cypher"});
        var http = java.net.http.HttpClient.newHttpClient();
        for (var entry : expected.entrySet()) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(
                    api.uri("/api/snapshots?asOf=2025-01-01&format=" + entry.getKey())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(entry.getValue()[0]);
            assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("attachment").contains("filename=\"" + entry.getValue()[1] + "\"");
            String sha = response.headers().firstValue("X-Content-SHA256").orElseThrow();
            assertThat(sha).matches("[0-9a-f]{64}");
            String metadataSha = metadataOf(entry.getKey(), response.body()).get("sha256").asString();
            assertThat(metadataSha).as(entry.getKey()).isEqualTo(sha);
        }
    }

    /** The metadata inside each format. */
    static JsonNode metadataOf(String format, byte[] body) throws Exception {
        String text = new String(body, StandardCharsets.UTF_8);
        return switch (format) {
            case "json" -> JSON.readTree(body).get("metadata");
            case "csv", "bundle" -> JSON.readTree(unzip(body).get("metadata.json"));
            case "cypher" -> JSON.readTree(text.lines().filter(l -> l.startsWith("// "))
                    .skip(3).map(l -> l.substring(3)).reduce("", (a, b) -> a + b + "\n"));
            case "gexf" -> JSON.readTree(xml(body).getElementsByTagName("description").item(0).getTextContent());
            case "graphml" -> {
                Document doc = xml(body);
                NodeList data = doc.getElementsByTagName("data");
                String sha = null;
                for (int i = 0; i < data.getLength(); i++) {
                    Element e = (Element) data.item(i);
                    if (e.getAttribute("key").equals("meta.sha256")) {
                        sha = e.getTextContent();
                    }
                }
                yield JSON.readTree("{\"sha256\":\"" + sha + "\"}");
            }
            default -> throw new IllegalArgumentException(format);
        };
    }

    static Document xml(byte[] body) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static List<CSVRecord> csv(byte[] bytes) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)).getRecords();
    }

    @Test
    void badParametersAre400AndUnknownNames404() {
        ApiClient api = new ApiClient(port);
        var format = api.get("/api/snapshots?format=pdf");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().get("parameter").asString()).isEqualTo("format");
        assertThat(format.json().get("detail").asString()).contains("graphml, gexf, csv, bundle, json, cypher");
        var forms = api.get("/api/snapshots?format=json&forms=FEDERATION,CLUB");
        assertThat(forms.status()).isEqualTo(400);
        assertThat(forms.json().get("parameter").asString()).isEqualTo("forms");
        assertThat(forms.json().get("detail").asString()).contains("JOINT_COMMITTEE");
        assertThat(api.get("/api/snapshots?format=json&county=1").json().get("parameter").asString()).isEqualTo("county");
        assertThat(api.get("/api/snapshots?format=json&asOf=2025-13-01").status()).isEqualTo(400);
        assertThat(api.get("/api/snapshots?format=json&county=99").status()).isEqualTo(404);
        assertThat(api.get("/api/snapshots?format=json&federation=fed-nowhere").status()).isEqualTo(404);
        assertThat(api.get("/api/snapshots?format=json&federation=ill-gn-it-tso").status()).isEqualTo(404);
        assertThat(api.get("/api/snapshots?format=json&area=no-such-area").status()).isEqualTo(404);
        assertThat(api.get("/api/snapshots/diff?from=2020-01-01&format=xml").json().get("parameter").asString())
                .isEqualTo("format");
        assertThat(api.get("/api/snapshots/diff?format=json").status()).isEqualTo(400);
        assertThat(api.get("/api/snapshots/diff?from=2020-01-01&county=99").status()).isEqualTo(404);
    }

    @Test
    void diffOverHttpInJsonAndCsv() throws IOException {
        ApiClient api = new ApiClient(port);
        var json = api.get("/api/snapshots/diff?from=2019-12-31&to=2020-01-01");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("diff").get("hostsChanged").get(0).get("body").asString())
                .isEqualTo("ill-gn-lon-vastra-skaraborg");
        assertThat(json.json().get("diff").get("from").asString()).isEqualTo("2019-12-31");
        // Every change names its body, so a page or a reader of the CSV need not look names up.
        JsonNode role = json.json().get("diff").get("rolesChanged").get(0);
        assertThat(role.get("body").asString()).isEqualTo("ill-gn-lon-vastra-skaraborg");
        assertThat(role.get("bodyName").asString())
                .isEqualTo(json.json().get("diff").get("hostsChanged").get(0).get("name").asString()).isNotBlank();
        assertThat(json.json().get("metadata").get("counts").get("hostsChanged").asInt()).isEqualTo(1);
        var csv = api.get("/api/snapshots/diff?from=2022-12-31&to=2023-01-01&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<CSVRecord> rows = csv(csv.text().getBytes(StandardCharsets.UTF_8));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("change")).isEqualTo("BODY_ENDED");
            assertThat(r.get("body")).isEqualTo("ill-avt-bygg-tibro-hjo");
            assertThat(r.get("illustrative")).isEqualTo("true");
        });
    }

    @Test
    void sameGraphSameHashAndOnlyTheGenerationTimeDiffers() throws Exception {
        LocalDate d = LocalDate.of(2025, 1, 1);
        for (ExportFormat format : ExportFormat.values()) {
            var first = exporter.export(format, d, null, null, SnapshotFilter.NONE, ExportProgress.NONE);
            Thread.sleep(5);
            var second = exporter.export(format, d, null, null, SnapshotFilter.NONE, ExportProgress.NONE);
            assertThat(second.sha256()).as(format.id()).isEqualTo(first.sha256());
            assertThat(second.metadata().get("generatedAt")).isNotEqualTo(first.metadata().get("generatedAt"));
            String a = withoutGeneratedAt(first, format);
            String b = withoutGeneratedAt(second, format);
            assertThat(b).as(format.id()).isEqualTo(a);
        }
        var other = exporter.export(ExportFormat.JSON, LocalDate.of(2015, 1, 1), null, null, SnapshotFilter.NONE,
                ExportProgress.NONE);
        assertThat(other.sha256()).isNotEqualTo(
                exporter.export(ExportFormat.JSON, d, null, null, SnapshotFilter.NONE, ExportProgress.NONE).sha256());
    }

    static String withoutGeneratedAt(SnapshotExporter.Export export, ExportFormat format) throws IOException {
        var out = new ByteArrayOutputStream();
        export.writeTo(out);
        String generatedAt = (String) export.metadata().get("generatedAt");
        if (format == ExportFormat.CSV || format == ExportFormat.BUNDLE) {
            StringBuilder all = new StringBuilder();
            unzip(out.toByteArray()).forEach((name, bytes) ->
                    all.append(name).append('\n').append(new String(bytes, StandardCharsets.UTF_8)));
            return all.toString().replace(generatedAt, "GENERATED");
        }
        return out.toString(StandardCharsets.UTF_8).replace(generatedAt, "GENERATED")
                .replace(generatedAt.substring(0, 10), "GENERATED-DAY");
    }

    /** A diff is kept until the graph changes: asked again after a write, it holds the write. */
    @Test
    void aKeptDiffFollowsAWrite(@Autowired se.samverkansvaven.database.GraphRevisions revisions) {
        LocalDate from = LocalDate.of(2031, 1, 1);
        LocalDate to = LocalDate.of(2031, 6, 1);
        SnapshotDiff first = differ.diff(from, to, SnapshotFilter.NONE);
        assertThat(differ.diff(from, to, SnapshotFilter.NONE)).as("kept").isSameAs(first);
        assertThat(first.bodiesStarted()).extracting(SnapshotDiff.BodyChange::body).doesNotContain("exp-kept-diff");
        try {
            importer.importBundle(se.samverkansvaven.importing.BundleFiles.of(java.util.Map.of(
                    "bodies.csv", ("id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source\n"
                            + "exp-kept-diff,ASSOCIATION,Kept diff test,,,,,2031-03-01,,test\n").getBytes(StandardCharsets.UTF_8),
                    "parties.csv", ("body_id,party,role,valid_from,valid_to,representative,source\n"
                            + "exp-kept-diff,1496,MEMBER,2031-03-01,,,test\n").getBytes(StandardCharsets.UTF_8))));
            assertThat(differ.diff(from, to, SnapshotFilter.NONE).bodiesStarted()).extracting(SnapshotDiff.BodyChange::body)
                    .contains("exp-kept-diff");
        } finally {
            se.samverkansvaven.testing.TestBodies.remove(driver, revisions, "exp-kept-diff");
        }
    }
}
