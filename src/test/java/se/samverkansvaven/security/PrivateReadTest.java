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
            assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login.html");
        }
        var withLogin = api.send(HttpRequest.newBuilder(api.uri("/api/changes"))
                .header("Authorization", SecurityTest.basic("admin", "test-admin-password")).build());
        assertThat(withLogin.status()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(api.uri("/login.html")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(api.uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("Location").orElse("")).endsWith("/login.html");
    }

    /** The response cache sits behind the login: a body kept for one reader is never served to an anonymous one. */
    @Test
    void cachedAnswersStillNeedALogin() {
        var api = new ApiClient(port);
        String admin = SecurityTest.basic("admin", "test-admin-password");
        HttpRequest authenticated = HttpRequest.newBuilder(api.uri("/api/counties"))
                .header("Authorization", admin).build();
        assertThat(api.send(authenticated).status()).isEqualTo(200);
        var http = HttpClient.newHttpClient();
        HttpResponse<String> cached = send(http, authenticated);
        assertThat(cached.statusCode()).isEqualTo(200);
        assertThat(cached.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(cached.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        String tag = cached.headers().firstValue("ETag").orElseThrow();

        assertThat(api.get("/api/counties").status()).isEqualTo(401);
        HttpResponse<String> anonymous = send(http, HttpRequest.newBuilder(api.uri("/api/counties"))
                .header("If-None-Match", tag).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("X-Cache")).isEmpty();
        assertThat(anonymous.body()).doesNotContain("\"code\"");
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
