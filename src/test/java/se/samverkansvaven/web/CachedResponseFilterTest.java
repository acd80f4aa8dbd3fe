package se.samverkansvaven.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The response cache's filter with a controller that waits until the test lets it answer, so two requests for the
 * same answer overlap for certain: the second waits for the first's answer instead of computing its own.
 */
class CachedResponseFilterTest {

    private static final String ANSWER = "{\"nodes\":[\"1480\",\"1482\"]}";

    private final ExecutorService threads = Executors.newFixedThreadPool(3);
    /** The bulkhead: one expensive request at a time, one more in its queue. */
    private final ExpensiveRequestLimit expensive = new ExpensiveRequestLimit(new ExpensiveRequestProperties(1, 1,
            java.time.Duration.ofSeconds(5)));
    /** At most one request (not an expensive one) waits for another's answer. */
    private final CachedResponseFilter filter = new CachedResponseFilter(new ResponseCache(1 << 20, 1 << 20), () -> 7L,
            new Today(), true, 1, expensive);
    private final AtomicInteger computed = new AtomicInteger();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch answer = new CountDownLatch(1);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** The controller: counts its runs, says it began, and answers once the test allows it (status as given). */
    private FilterChain controller(int... statuses) {
        return (request, response) -> {
            int run = computed.getAndIncrement();
            entered.countDown();
            try {
                assertThat(answer.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            var http = (HttpServletResponse) response;
            http.setStatus(statuses[Math.min(run, statuses.length - 1)]);
            http.setContentType("application/json");
            response.getOutputStream().write(ANSWER.getBytes(StandardCharsets.UTF_8));
        };
    }

    private Future<MockHttpServletResponse> ask(FilterChain chain) {
        return ask(chain, "/api/analysis/web/1480");
    }

    private Future<MockHttpServletResponse> ask(FilterChain chain, String path) {
        return threads.submit(() -> {
            var request = new MockHttpServletRequest("GET", path);
            request.setQueryString("depth=1");
            request.setParameter("depth", "1");
            var response = new MockHttpServletResponse();
            filter.doFilter(request, response, chain);
            return response;
        });
    }

    @Test
    void aRequestForAnAnswerBeingComputedWaitsForItInsteadOfComputingItAgain() throws Exception {
        FilterChain chain = controller(200);
        Future<MockHttpServletResponse> first = ask(chain);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        Future<MockHttpServletResponse> second = ask(chain);
        Thread.sleep(300); // time enough for the second to reach the controller, if it were going to
        assertThat(computed).as("the second request did not run the controller").hasValue(1);
        assertThat(second).isNotDone();

        answer.countDown();
        MockHttpServletResponse a = first.get(10, TimeUnit.SECONDS);
        MockHttpServletResponse b = second.get(10, TimeUnit.SECONDS);
        assertThat(computed).hasValue(1);
        assertThat(a.getStatus()).isEqualTo(200);
        assertThat(b.getStatus()).isEqualTo(200);
        assertThat(a.getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(b.getHeader("X-Cache")).isEqualTo("HIT");
        assertThat(b.getContentAsString()).isEqualTo(ANSWER).isEqualTo(a.getContentAsString());
        assertThat(b.getHeader("ETag")).isEqualTo(a.getHeader("ETag"));
    }

    /** A waiting request holds a request thread: beyond the bound, a request computes its own answer as before. */
    @Test
    void beyondTheBoundOnWaitingRequestsARequestComputesItsOwnAnswer() throws Exception {
        FilterChain chain = controller(200);
        Future<MockHttpServletResponse> first = ask(chain);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        Future<MockHttpServletResponse> second = ask(chain);
        Thread.sleep(300);
        assertThat(computed).as("the second waits").hasValue(1);
        Future<MockHttpServletResponse> third = ask(chain);
        Thread.sleep(300);
        assertThat(computed).as("the third, beyond the bound of one, runs the controller").hasValue(2);

        answer.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(second.get(10, TimeUnit.SECONDS).getHeader("X-Cache")).isEqualTo("HIT");
        MockHttpServletResponse c = third.get(10, TimeUnit.SECONDS);
        assertThat(c.getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(c.getContentAsString()).isEqualTo(ANSWER);
        assertThat(computed).hasValue(2);
    }

    /**
     * An expensive answer (centrality) is waited for as one of the bulkhead's queue, so the request threads held by
     * expensive requests stay bounded by the bulkhead: with its one place taken, a third request computes its own
     * (and would meet the bulkhead).
     */
    @Test
    void requestsWaitingForAnExpensiveAnswerCountInTheBulkheadsQueue() throws Exception {
        FilterChain chain = controller(200);
        String centrality = "/api/analysis/centrality";
        Future<MockHttpServletResponse> first = ask(chain, centrality);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        Future<MockHttpServletResponse> second = ask(chain, centrality);
        Thread.sleep(300);
        assertThat(computed).as("the second waits").hasValue(1);
        assertThat(expensive.waiting()).as("in the bulkhead's queue").isEqualTo(1);
        Future<MockHttpServletResponse> third = ask(chain, centrality);
        Thread.sleep(300);
        assertThat(computed).as("the queue is full: the third runs on").hasValue(2);

        answer.countDown();
        assertThat(second.get(10, TimeUnit.SECONDS).getHeader("X-Cache")).isEqualTo("HIT");
        assertThat(first.get(10, TimeUnit.SECONDS).getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(third.get(10, TimeUnit.SECONDS).getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(expensive.waiting()).as("the place is given back").isZero();
    }

    @Test
    void whenTheOtherComputationKeepsNothingTheWaitingRequestComputesItsOwn() throws Exception {
        FilterChain chain = controller(503, 200); // the first answer is an error, never kept
        Future<MockHttpServletResponse> first = ask(chain);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        Future<MockHttpServletResponse> second = ask(chain);
        Thread.sleep(300);
        assertThat(computed).hasValue(1);

        answer.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(503);
        MockHttpServletResponse b = second.get(10, TimeUnit.SECONDS);
        assertThat(computed).as("the second request ran the controller itself").hasValue(2);
        assertThat(b.getStatus()).isEqualTo(200);
        assertThat(b.getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(b.getContentAsString()).isEqualTo(ANSWER);
    }
}
