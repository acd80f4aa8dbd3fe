package se.samverkansvaven.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bulkhead: at most {@code concurrent} expensive requests run at once on this instance, at most {@code queue} more
 * wait up to {@code queue-wait} for a place, and the rest are answered at once with 503, {@code Retry-After} and a
 * problem body. Expensive: snapshot exports and the diff (they read and render the whole graph or its history) and
 * the analyses over all pairs (centrality, communities, exit impact, gaps, diagonal links).
 *
 * <p>Without it 32 GEXF exports with the audit trail held every request thread and took a cached read beside them
 * from 13,356 to 24 req/s (issue 18). The limit runs behind {@link CachedResponseFilter}: an analysis answered from
 * the response cache never gets here and is never refused, and so do all the cheap reads, which keep the request
 * threads the expensive ones may not take (at most {@code concurrent + queue} of them).
 */
class ExpensiveRequestLimit extends OncePerRequestFilter {

    static final Pattern EXPENSIVE = Pattern.compile(
            "/api/(snapshots|snapshots/diff|analysis/(centrality|communities|exit|gaps|diagonal-links))");

    private final int concurrent;
    private final int queue;
    private final long queueWaitNanos;
    private final long retryAfterSeconds;
    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();

    ExpensiveRequestLimit(ExpensiveRequestProperties properties) {
        this.concurrent = properties.concurrentOrDefault();
        this.queue = properties.queueOrDefault();
        this.queueWaitNanos = properties.queueWait().toNanos();
        this.retryAfterSeconds = Math.max(1, (properties.queueWait().toMillis() + 999) / 1000);
        this.running = new Semaphore(concurrent, true);
    }

    int concurrent() {
        return concurrent;
    }

    /** Expensive requests waiting for a place now, or for the same answer another one is computing. */
    int waiting() {
        return waiting.get();
    }

    /** Whether this limit guards the request. */
    boolean guards(HttpServletRequest request) {
        return !shouldNotFilter(request);
    }

    /**
     * A place in the queue, for a request waiting for a place or for the same answer another request is computing
     * ({@link CachedResponseFilter}): both hold a request thread. False when the queue is full. Give it back with
     * {@link #leaveQueue()}.
     */
    boolean enterQueue() {
        if (waiting.incrementAndGet() > queue) {
            waiting.decrementAndGet();
            return false;
        }
        return true;
    }

    void leaveQueue() {
        waiting.decrementAndGet();
    }

    /** How long a request waits in the queue. */
    long queueWaitNanos() {
        return queueWaitNanos;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !EXPENSIVE.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!acquire()) {
            refuse(response);
            return;
        }
        boolean releasedLater = false;
        try {
            chain.doFilter(request, response);
            if (request.isAsyncStarted()) {
                // A streamed download goes on after the controller returned: its place is held until it ends.
                request.getAsyncContext().addListener(new ReleaseOnEnd());
                releasedLater = true;
            }
        } finally {
            if (!releasedLater) {
                running.release();
            }
        }
    }

    private boolean acquire() {
        if (running.tryAcquire()) {
            return true;
        }
        if (!enterQueue()) {
            return false;
        }
        try {
            return running.tryAcquire(queueWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            leaveQueue();
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Busy\",\"status\":503,\"detail\":\""
                + "This instance is already running " + concurrent + " expensive requests (exports, the diff, analyses "
                + "over all pairs) with " + queue + " waiting; try again in " + retryAfterSeconds + " seconds. Cached "
                + "answers and other reads are not affected.\"}");
    }

    /** Gives the place back once, however the asynchronous part ends. */
    private final class ReleaseOnEnd implements AsyncListener {
        private final AtomicBoolean released = new AtomicBoolean();

        private void release() {
            if (released.compareAndSet(false, true)) {
                running.release();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            release();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            release();
        }

        @Override
        public void onError(AsyncEvent event) {
            release();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // the request started another asynchronous part, which drops its listeners: stay for that one
            event.getAsyncContext().addListener(this);
        }
    }
}
