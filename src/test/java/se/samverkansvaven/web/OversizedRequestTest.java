package se.samverkansvaven.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;

/**
 * A request line or header beyond Tomcat's limit (server.max-http-request-header-size, 8 KB) is refused by Tomcat
 * before any servlet runs; the answer must still be the API's problem body (issue 18: it was Tomcat's HTML page).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OversizedRequestTest {

    @LocalServerPort
    int port;

    @Test
    void aQueryStringOverTheLimitGetsAProblemBody() {
        var api = new ApiClient(port);
        var response = api.get("/api/municipalities?q=" + "a".repeat(9000));
        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(response.status());
        assertThat(response.json().get("detail").asString()).contains("8 KB");
        assertThat(response.text()).doesNotContain("Tomcat").doesNotContain("<html").doesNotContain("aaaa");
    }

    @Test
    void aHeaderOverTheLimitGetsAProblemBody() {
        var api = new ApiClient(port);
        var response = api.send(HttpRequest.newBuilder(api.uri("/api/sectors")).header("X-Padding", "b".repeat(9000)).build());
        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text()).doesNotContain("Tomcat").doesNotContain("<html").doesNotContain("bbbb");
    }

    /** curl sends what it is given: å, ä, ö unencoded in the query string; Tomcat refuses them before any servlet. */
    @Test
    void unencodedLettersInTheAddressAreNamedAsSuch() throws Exception {
        try (var socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /api/municipalities?q=skövde HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("percent-encoded").contains("sk%C3%B6vde").doesNotContain("8 KB").doesNotContain("<html");
        }
    }

    @Test
    void anOrdinaryErrorStillGetsTheApisOwnProblemBody() {
        var response = new ApiClient(port).get("/api/municipalities/9999");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
