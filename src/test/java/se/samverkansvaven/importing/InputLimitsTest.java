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
