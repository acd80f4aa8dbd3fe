package se.samverkansvaven.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;

/** Open reading, writes only with a login, admin-only calls, CSRF on cookie sessions, headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityTest {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readingIsOpenAndCarriesSecurityHeaders() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri("/api/sectors")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    @Test
    void writingWithoutLoginGets401AndNoPasswordEcho() {
        var response = api.send(HttpRequest.newBuilder(api.uri("/api/imports"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).contains("problem+json");

        var wrong = api.send(HttpRequest.newBuilder(api.uri("/api/imports"))
                .header("Authorization", basic("admin", "wrong-password-xyz"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.text()).doesNotContain("wrong-password-xyz");
    }

    @Test
    void theAdministratorIsCreatedWithAHashedPassword(@Autowired UserStore users) {
        UserAccount admin = users.find("admin").orElseThrow();
        assertThat(admin.isAdmin()).isTrue();
        assertThat(admin.passwordHash()).startsWith("$2").doesNotContain("test-admin-password");
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/me"))
                .header("Authorization", basic("admin", "test-admin-password")).build()).json()
                .get("username").asString()).isEqualTo("admin");
    }

    @Test
    void formLoginGivesAnHttpOnlySameSiteSessionAndCookieWritesNeedTheCsrfToken() throws Exception {
        var cookies = new java.net.CookieManager();
        var http = java.net.http.HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        // The login page (login.html) sends the token of the XSRF cookie set on the first visit in the header.
        assertThat(http.send(HttpRequest.newBuilder(api.uri("/login.html")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        String first = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        String form = "username=admin&password=test-admin-password&continue=%2Fredigera.html%3Fid%3Dfed-skaraborg";
        var login = http.send(HttpRequest.newBuilder(api.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", first)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).as("back where the user was")
                .endsWith("/redigera.html?id=fed-skaraborg");
        String setCookie = String.join("\n", login.headers().allValues("Set-Cookie"));
        assertThat(setCookie).contains("JSESSIONID").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

        // Logged in by cookie, a write without the CSRF header is refused; with it, it passes security.
        HttpRequest.Builder write = HttpRequest.newBuilder(api.uri("/api/bodies/no-such-body/parties"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        var refused = http.send(write.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("CSRF");
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        var passed = http.send(write.header("X-XSRF-TOKEN", token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(passed.statusCode()).isNotIn(401, 403);
    }

    @Test
    void aBasicRequestFromAForeignOriginStillNeedsTheCsrfToken() {
        var response = api.send(HttpRequest.newBuilder(api.uri("/api/bodies/no-such-body/parties"))
                .header("Authorization", basic("admin", "test-admin-password"))
                .header("Origin", "https://evil.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void theAddUserVerbStoresAnEditorWithScopesAndPrintsTheGeneratedPasswordOnce(
            @Autowired java.util.List<se.samverkansvaven.Command> commands, @Autowired UserStore users,
            @Autowired org.springframework.security.crypto.password.PasswordEncoder encoder) {
        var addUser = commands.stream().filter(c -> c.name().equals("add-user")).findFirst().orElseThrow();
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = addUser.run(java.util.List.of("cli-editor", "--role", "EDITOR", "--scope", "municipality:1496",
                "--scope", "federation:fed-skaraborg"), new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
        assertThat(code).as(err.toString()).isZero();
        var matcher = java.util.regex.Pattern.compile("generated password \\(shown once\\): (\\S+)").matcher(out.toString());
        assertThat(matcher.find()).isTrue();
        UserAccount saved = users.find("cli-editor").orElseThrow();
        assertThat(saved.roles()).containsExactly(Role.EDITOR);
        assertThat(saved.scopes()).containsExactly("municipality:1496", "federation:fed-skaraborg");
        assertThat(encoder.matches(matcher.group(1), saved.passwordHash())).isTrue();

        assertThat(addUser.run(java.util.List.of("x", "--role", "EDITOR", "--scope", "kommun:1496"),
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true))).isEqualTo(2);
        assertThat(addUser.run(java.util.List.of("y", "--role", "EDITOR"),
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true))).isEqualTo(2);
        assertThat(users.find("x")).isEmpty();
    }
}
