package se.samverkansvaven.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.filter.OncePerRequestFilter;
import se.samverkansvaven.ApiClient;

/**
 * The bulkhead with 2 places and 1 waiting: expensive requests that carry {@code X-Test-Hold} are held just behind it
 * (a test filter) until the test lets them go, so "slow" is a fact, not a timing. The third waits, the fourth is
 * answered 503 with Retry-After, and cached and cheap reads answer meanwhile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "samverkansvaven.web.expensive.concurrent=2", "samverkansvaven.web.expensive.queue=1",
        "samverkansvaven.web.expensive.queue-wait=10m"})
@Import(ExpensiveRequestLimitTest.Hold.class)
class ExpensiveRequestLimitTest {

    /** Holds requests marked X-Test-Hold right behind the limit, counting those that got there. */
    @TestConfiguration
    static class Hold {
        final AtomicInteger arrived = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        @Bean
        Hold hold() {
            return this;
        }

        @Bean
        FilterRegistrationBean<OncePerRequestFilter> holdFilter() {
            var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain) throws ServletException, IOException {
                    if (request.getHeader("X-Test-Hold") != null) {
                        arrived.incrementAndGet();
                        try {
                            release.await(2, TimeUnit.MINUTES);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    chain.doFilter(request, response);
                }
            });
            registration.addUrlPatterns("/api/*");
            registration.setOrder(ExpensiveRequestConfiguration.ORDER + 1);
            return registration;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Hold hold;

    @Autowired
    ExpensiveRequestLimit limit;

    private final HttpClient http = HttpClient.newHttpClient();

    private CompletableFuture<HttpResponse<String>> held(String path) {
        return http.sendAsync(HttpRequest.newBuilder(new ApiClient(port).uri(path)).header("X-Test-Hold", "1").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(new ApiClient(port).uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void beyondTheRunningAndWaitingPlacesExpensiveRequestsGet503WhileCachedReadsAnswer() throws Exception {
        assertThat(limit.concurrent()).isEqualTo(2);
        get("/api/municipalities/1496");
        assertThat(get("/api/municipalities/1496").headers().firstValue("X-Cache")).contains("HIT");
        // the cached centrality of a county, before the places are taken
        get("/api/analysis/centrality?scope=county:14");
        assertThat(get("/api/analysis/centrality?scope=county:14").headers().firstValue("X-Cache")).contains("HIT");

        List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
        running.add(held("/api/snapshots?format=gexf&includeChanges=true"));
        running.add(held("/api/analysis/communities?scope=all&seed=7"));
        waitUntil(() -> hold.arrived.get() == 2);
        var waiting = held("/api/snapshots/diff?from=2018-06-01");
        waitUntil(() -> limit.waiting() == 1);

        var refused = get("/api/snapshots?format=graphml");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("600");
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"status\":503").contains("try again in 600 seconds");
        assertThat(get("/api/analysis/exit?municipality=1496&body=fed-skaraborg").statusCode()).isEqualTo(503);

        // beside them: a cached read, a cached analysis, an uncached cheap read
        var cached = get("/api/municipalities/1496");
        assertThat(cached.statusCode()).isEqualTo(200);
        assertThat(cached.headers().firstValue("X-Cache")).contains("HIT");
        assertThat(get("/api/analysis/centrality?scope=county:14").statusCode()).isEqualTo(200);
        assertThat(get("/api/municipalities/1497").statusCode()).isEqualTo(200);
        assertThat(hold.arrived.get()).isEqualTo(2); // the waiting one has not started

        hold.release.countDown();
        for (var response : running) {
            assertThat(response.get(2, TimeUnit.MINUTES).statusCode()).isEqualTo(200);
        }
        assertThat(waiting.get(2, TimeUnit.MINUTES).statusCode()).isEqualTo(200);
        // every place is back: three at once need 2 running and 1 waiting, none is refused
        List<CompletableFuture<HttpResponse<String>>> again = List.of(held("/api/snapshots?format=json"),
                held("/api/snapshots?format=csv"), held("/api/analysis/gaps?area=beredskap"));
        for (var response : again) {
            assertThat(response.get(2, TimeUnit.MINUTES).statusCode()).isEqualTo(200);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("reached within 2 minutes").isTrue();
    }
}
