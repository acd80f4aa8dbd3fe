package se.samverkansvaven.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;

/**
 * {@code public-read=false}: every page and endpoint needs a login. Its own application context (the
 * switch is read when the filter chain is built), without the shipped data to keep it quick.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "samverkansvaven.security.public-read=false", "samverkansvaven.data.load-reference=false"})
class PrivateReadTest {

    @LocalServerPort
    int port;

    @Test
    void everyPageAndEndpointNeedsALogin() throws Exception {
        var api = new ApiClient(port);
        var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : new String[] {"/api/sectors", "/api/bodies/x", "/api/changes", "/api/analysis/hosts"}) {
            var response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
        }
        for (String page : new String[] {"/", "/index.html", "/karta.html", "/andringar.html"}) {
            var response = http.send(HttpRequest.newBuilder(api.uri(page)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
        }
        var withLogin = api.send(HttpRequest.newBuilder(api.uri("/api/changes"))
                .header("Authorization", SecurityTest.basic("admin", "test-admin-password")).build());
        assertThat(withLogin.status()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(api.uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
    }
}
