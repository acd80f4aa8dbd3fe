package se.samverkansvaven.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.testing.GraphChecksum;

/**
 * The configurable bounds on input, over real HTTP as an administrator: an upload over the size limit is a
 * 413, a file with too many rows or a too long value is a 422 naming it, and nothing is loaded. Own context:
 * the limits are set low here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "samverkansvaven.limits.rows-per-file=20",
        "samverkansvaven.limits.field-length=40",
        "spring.servlet.multipart.max-file-size=4KB",
        "spring.servlet.multipart.max-request-size=4KB",
        "samverkansvaven.limits.unzipped-size=64KB",
        "samverkansvaven.limits.zip-entries=12",
        "samverkansvaven.limits.errors-reported=5",
        "samverkansvaven.data.illustrative=false",
        "samverkansvaven.data.bundles=false"})
class InputLimitsTest {

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    ApiClient.Response upload(byte[] zip) {
        String boundary = "----limits" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(zip);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var api = new ApiClient(port);
        String credentials = Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
        return api.send(HttpRequest.newBuilder(api.uri("/api/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    @Test
    void theValidBundleFitsTheLimits() {
        assertThat(upload(TestBundle.valid().toZip(null)).status()).isEqualTo(201);
    }

    @Test
    void tooManyRowsIs422NamingTheLimit() {
        String before = GraphChecksum.of(driver);
        var bundle = TestBundle.valid();
        var goals = new StringBuilder("id,name,source\n");
        for (int i = 1; i <= 21; i++) {
            goals.append("t-goal-").append(i).append(",Mål ").append(i).append(",illustrative\n");
        }
        var response = upload(bundle.file("goals.csv", goals.toString()).toZip(null));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("file").asString()).isEqualTo("goals.csv");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .contains("21 rows").contains("samverkansvaven.limits.rows-per-file");
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
    }

    @Test
    void aTooLongValueIs422NamingFileLineAndColumn() {
        String before = GraphChecksum.of(driver);
        String longName = "x".repeat(41);
        var response = upload(TestBundle.valid()
                .line("bodies.csv", 4, "t-net,NETWORK," + longName + ",MILJO,STRATEGIC,,,,,illustrative").toZip(null));
        assertThat(response.status()).isEqualTo(422);
        var error = response.json().get("errors").get(0);
        assertThat(error.get("file").asString()).isEqualTo("bodies.csv");
        assertThat(error.get("line").asInt()).isEqualTo(4);
        assertThat(error.get("column").asString()).isEqualTo("name");
        assertThat(error.get("message").asString()).contains("41 characters").contains("40");
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
    }

    @Test
    void aZipExpandingBeyondTheUnzippedSizeIs413NamingTheEntryAndLoadsNothing() throws Exception {
        String before = GraphChecksum.of(driver);
        var bomb = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bomb)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("bodies.csv"));
            zip.write(TestBundle.valid().toFiles().files().get("bodies.csv"));
            zip.putNextEntry(new java.util.zip.ZipEntry("parties.csv"));
            zip.write(new byte[1 << 20]); // 1 MB of zeros in a zip of ~1 kB
            zip.closeEntry();
        }
        assertThat(bomb.size()).isLessThan(4096);
        var response = upload(bomb.toByteArray());
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).contains("application/problem+json");
        var error = response.json().get("errors").get(0);
        assertThat(error.get("file").asString()).isEqualTo("parties.csv");
        assertThat(error.get("message").asString()).contains("65536 bytes").contains("samverkansvaven.limits.unzipped-size");
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
    }

    @Test
    void aZipWithMoreEntriesThanAllowedIs413() throws Exception {
        var many = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(many)) {
            for (int i = 0; i < 13; i++) {
                zip.putNextEntry(new java.util.zip.ZipEntry("x" + i + ".csv"));
            }
        }
        var response = upload(many.toByteArray());
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .contains("13 entries").contains("samverkansvaven.limits.zip-entries");
    }

    /** A zip cut short answered 200 with no body: its EOFException was taken for a client that went away. */
    @Test
    void aZipCutShortIs422WithAProblemBodyAndLoadsNothing() {
        String before = GraphChecksum.of(driver);
        byte[] whole = TestBundle.valid().toZip(null);
        for (int length : new int[] {whole.length / 4, whole.length / 2, whole.length - 30, whole.length - 1}) {
            var response = upload(java.util.Arrays.copyOf(whole, length));
            assertThat(response.status()).as("cut at " + length).isEqualTo(422);
            assertThat(response.contentType()).contains("application/problem+json");
            assertThat(response.json().get("errors").get(0).get("message").asString()).contains("cut short");
        }
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
    }

    /** 19 bad rows: the first 5 in line order are listed, with the count of all and of those left out. */
    @Test
    void theErrorsListedAreCappedWithACountOfTheRest() {
        String before = GraphChecksum.of(driver);
        var parties = new StringBuilder("body_id,party,role,valid_from,valid_to,representative,source\n");
        for (int i = 0; i < 19; i++) {
            parties.append("t-fed,").append(9900 + i).append(",MEMBER,,,,s\n");
        }
        var response = upload(TestBundle.empty().file("bodies.csv", """
                id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source
                t-fed,FEDERATION,Testförbundet,,,,,,,s
                """).file("parties.csv", parties.toString()).toZip(null));
        assertThat(response.status()).isEqualTo(422);
        var json = response.json();
        assertThat(json.get("errors").size()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(json.get("errors").get(i).get("file").asString()).isEqualTo("parties.csv");
            assertThat(json.get("errors").get(i).get("line").asInt()).isEqualTo(2 + i);
            assertThat(json.get("errors").get(i).get("message").asString()).isEqualTo("no municipality has code " + (9900 + i));
        }
        assertThat(json.get("errorCount").asLong()).isEqualTo(19);
        assertThat(json.get("errorsOmitted").asLong()).isEqualTo(json.get("errorCount").asLong() - 5);
        assertThat(json.get("detail").asString()).contains("The first 5 are listed");
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
    }

    @Test
    void anUploadOverTheSizeLimitIs413() {
        String before = GraphChecksum.of(driver);
        byte[] noise = new byte[16 * 1024];
        new Random(7).nextBytes(noise);
        var response = upload(noise);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asString()).contains("nothing was loaded");
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
    }
}
