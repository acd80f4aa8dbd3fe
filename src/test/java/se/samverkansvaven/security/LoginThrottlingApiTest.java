package se.samverkansvaven.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.samverkansvaven.ApiClient;

/**
 * Password guessing over HTTP Basic and the login form (issue 18: 400 wrong passwords at 14-28/s were all
 * answered 401 and the right one then worked at once). The throttle's clock is moved by the test, so the locks
 * end without waiting: 3 failures per name, 6 per address, the first lock 1 minute.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "samverkansvaven.security.login.user-attempts=3", "samverkansvaven.security.login.address-attempts=6",
        "samverkansvaven.security.login.first-lock=1m", "samverkansvaven.security.login.longest-lock=10m",
        // logins only: the reference data without the shipped bundles, which would be most of this context's start
        "samverkansvaven.data.bundles=false", "samverkansvaven.data.illustrative=false"})
@Import(LoginThrottlingApiTest.MovedClock.class)
class LoginThrottlingApiTest {

    @TestConfiguration
    static class MovedClock {
        @Bean
        LoginThrottleTest.MovableClock movableClock() {
            return new LoginThrottleTest.MovableClock();
        }

        @Bean
        @Primary
        LoginThrottle movedThrottle(LoginThrottleProperties properties, LoginThrottleTest.MovableClock clock) {
            return new LoginThrottle(properties, clock);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    LoginThrottleTest.MovableClock clock;

    ApiClient api;

    @BeforeEach
    void users(@Autowired UserStore users, @Autowired PasswordEncoder encoder) {
        api = new ApiClient(port);
        users.save("guessed", encoder.encode("guessed-right-1"), EnumSet.of(Role.EDITOR), List.of("municipality:1496"));
        users.save("bystander", encoder.encode("bystander-right-1"), EnumSet.of(Role.EDITOR), List.of("municipality:1496"));
    }

    /** Every lock over and every count forgotten (1 h after the last failure), for the next test. */
    @AfterEach
    void forget() {
        clock.advance(Duration.ofHours(2));
    }

    private ApiClient.Response me(String user, String password) {
        return api.send(HttpRequest.newBuilder(api.uri("/api/me"))
                .header("Authorization", SecurityTest.basic(user, password)).build());
    }

    @Test
    void aFailedBasicLoginAnswersTheProblemBody() {
        var failed = me("guessed", "wrong");
        assertThat(failed.status()).isEqualTo(401);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.json().get("title").asString()).isEqualTo("Login required");
        assertThat(failed.json().get("status").asInt()).isEqualTo(401);
        assertThat(failed.text()).doesNotContain("wrong").doesNotContain("guessed");
    }

    @Test
    void aStormOfWrongPasswordsLocksThatNameOnlyAndTheRightPasswordWorksAgainAfterTheLock() {
        for (int i = 0; i < 3; i++) {
            assertThat(me("guessed", "wrong-" + i).status()).isEqualTo(401);
        }
        var locked = api.send(HttpRequest.newBuilder(api.uri("/api/me"))
                .header("Authorization", SecurityTest.basic("guessed", "guessed-right-1")).build());
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(locked.json().get("title").asString()).isEqualTo("Too many failed logins");
        assertThat(locked.json().get("detail").asString()).contains("60 seconds");
        assertThat(retryAfter("guessed", "guessed-right-1")).isEqualTo("60");

        // another user name from the same address is not locked
        assertThat(me("bystander", "bystander-right-1").json().get("username").asString()).isEqualTo("bystander");

        clock.advance(Duration.ofSeconds(61));
        var again = me("guessed", "guessed-right-1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("username").asString()).isEqualTo("guessed");
        // the success started the name's count again: one more wrong password is a plain 401
        assertThat(me("guessed", "wrong-again").status()).isEqualTo(401);
    }

    @Test
    void theLockDoublesWithEachFailureAfterIt() {
        for (int i = 0; i < 3; i++) {
            me("guessed", "wrong-" + i);
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(me("guessed", "wrong-3").status()).isEqualTo(401);
        assertThat(retryAfter("guessed", "guessed-right-1")).isEqualTo("120");
    }

    @Test
    void oneAddressGuessingAcrossNamesIsLockedForEveryName() {
        for (int i = 0; i < 6; i++) {
            assertThat(me("made-up-" + i, "wrong").status()).isEqualTo(401);
        }
        assertThat(me("bystander", "bystander-right-1").status()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(61));
        assertThat(me("bystander", "bystander-right-1").status()).isEqualTo(200);
    }

    @Test
    void theLoginFormIsThrottledTooAndWorksAfterTheLock() throws Exception {
        var cookies = new CookieManager();
        var http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < 3; i++) {
            var wrong = formLogin(http, cookies, "guessed", "wrong-" + i);
            assertThat(wrong.statusCode()).isEqualTo(302);
            assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login.html?error");
        }
        var locked = formLogin(http, cookies, "guessed", "guessed-right-1");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).contains("60");
        assertThat(locked.body()).contains("Försök igen om 60 sekunder").contains("Try again in 60 seconds");

        clock.advance(Duration.ofSeconds(61));
        var in = formLogin(http, cookies, "guessed", "guessed-right-1");
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private String retryAfter(String user, String password) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri("/api/me"))
                    .header("Authorization", SecurityTest.basic(user, password)).build(),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("Retry-After").orElse(null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> formLogin(HttpClient http, CookieManager cookies, String user, String password) throws Exception {
        // The login page (login.html) sends the token of the XSRF cookie set on the first visit in the header.
        http.send(HttpRequest.newBuilder(api.uri("/login.html")).build(), HttpResponse.BodyHandlers.discarding());
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        String form = "username=" + user + "&password=" + password;
        return http.send(HttpRequest.newBuilder(api.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
