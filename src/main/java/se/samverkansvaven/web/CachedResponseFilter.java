package se.samverkansvaven.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the read-only JSON of the analyses, municipalities, bodies and catalogue from {@link ResponseCache}
 * while the graph is unchanged: under load the same ego webs and centralities are asked again and again, and
 * serialising and gzipping them each time was most of the cost. A miss runs the controller as usual and keeps
 * exactly the bytes it wrote, when the answer is 200 JSON; errors are never kept. Requests for an answer being
 * computed wait for it rather than compute it again.
 *
 * <p>It runs after Spring Security (see {@code ResponseCacheConfiguration}), so a request that may not read
 * never reaches it, and none of the cached endpoints depends on who asks. The key is the path, the query with
 * its parameters in name order, and today's date in Sweden (what a missing {@code asOf} means); the graph
 * revision is the generation. Answers carry a strong ETag and {@code Cache-Control: no-cache}, so a browser
 * keeps the body and revalidates with {@code If-None-Match} (304 when unchanged).
 */
class CachedResponseFilter extends OncePerRequestFilter {

    /** GET endpoints whose body depends only on the graph, the path and the query. */
    static final Pattern CACHED = Pattern.compile(
            "/api/(analysis/[^/]+(/[^/]+)?|municipalities(/[^/]+)?|bodies(/[^/]+)?|areas|sectors|counties|sources|coverage(/[^/]+)?)");

    /** How long a request waits for the same answer computed by another before it computes its own. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    private final ResponseCache cache;
    private final ConcurrentHashMap<Computing, CompletableFuture<ResponseCache.Entry>> inFlight = new ConcurrentHashMap<>();
    /** Requests waiting for another's answer now, and how many may: a waiting request holds a request thread. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxWaiting;
    private final ExpensiveRequestLimit expensive;
    private final LongSupplier revisions;
    private final Today today;
    private final String cacheControl;

    /**
     * @param revisions  the graph's current revision ({@code GraphRevisions::current}); a Neo4jException if unreachable
     * @param maxWaiting most requests other than expensive ones waiting at once for an answer another request is
     *                   computing, as each holds a request thread
     * @param expensive  the bulkhead, whose queue the expensive requests that wait for another's answer count in
     */
    CachedResponseFilter(ResponseCache cache, LongSupplier revisions, Today today, boolean publicRead, int maxWaiting,
                         ExpensiveRequestLimit expensive) {
        if (maxWaiting < 0) {
            throw new IllegalArgumentException("maxWaiting must not be negative, was " + maxWaiting);
        }
        this.maxWaiting = maxWaiting;
        this.expensive = expensive;
        this.cache = cache;
        this.revisions = revisions;
        this.today = today;
        // Behind a login, no shared cache (a proxy) may keep the body; the browser may, and revalidates.
        this.cacheControl = publicRead ? "no-cache" : "private, no-cache";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // A scenario's answer (scenario=, shared=) depends on who asks and on the scenario, not on the graph alone.
        return !cache.enabled() || !"GET".equals(request.getMethod()) || !CACHED.matcher(path(request)).matches()
                || request.getParameter("scenario") != null || request.getParameter("shared") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long revision;
        try {
            revision = revisions.getAsLong();
        } catch (Neo4jException e) {
            // The database is unreachable: no cache can be trusted, and the controller's own read turns this into
            // the API's 503 problem body (an exception from a filter would bypass ApiExceptionHandler).
            chain.doFilter(request, response);
            return;
        }
        String key = key(request);
        ResponseCache.Entry held = cache.get(revision, key);
        if (held != null) {
            send(request, response, held, "HIT");
            return;
        }
        // One computation per answer: a request for an answer already being computed waits for it instead of
        // computing it again (when many clients ask for the same new answer at once, e.g. after an import).
        var computing = new Computing(revision, key);
        var mine = new CompletableFuture<ResponseCache.Entry>();
        CompletableFuture<ResponseCache.Entry> other = inFlight.putIfAbsent(computing, mine);
        if (other != null) {
            mine = null; // not this request's computation to finish
            ResponseCache.Entry shared = waitFor(other, request);
            if (shared != null) {
                send(request, response, shared, "HIT");
                return;
            }
            // the other computation kept nothing (an error, say), or enough requests wait already, or it took too long:
            // this one computes its own answer, as every request did before, and an expensive one meets the limit
        }
        ResponseCache.Entry entry = null;
        try {
            var buffered = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, buffered);
            String type = buffered.getContentType();
            if (buffered.getStatus() == HttpServletResponse.SC_OK && type != null && isJson(type)
                    && !response.isCommitted() && response.getHeader("Content-Encoding") == null) {
                entry = ResponseCache.Entry.of(type, buffered.getContentAsByteArray());
                cache.put(revision, key, entry);
            } else {
                buffered.copyBodyToResponse();
            }
        } finally {
            if (mine != null) {
                inFlight.remove(computing, mine);
                mine.complete(entry);
            }
        }
        if (entry != null) {
            send(request, response, entry, "MISS");
        }
    }

    /**
     * The other request's answer once it is computed, or null: it kept none, or enough requests wait already (an
     * expensive request waits as one of {@link ExpensiveRequestLimit}'s queue, for as long as that queue waits; the
     * others as one of {@code maxWaiting}, for up to {@link #LONGEST_WAIT}), or it took longer than that.
     */
    private ResponseCache.Entry waitFor(CompletableFuture<ResponseCache.Entry> other, HttpServletRequest request)
            throws IOException {
        if (expensive.guards(request)) {
            if (!expensive.enterQueue()) {
                return null;
            }
            try {
                return await(other, expensive.queueWaitNanos());
            } finally {
                expensive.leaveQueue();
            }
        }
        try {
            return waiting.incrementAndGet() <= maxWaiting ? await(other, LONGEST_WAIT.toNanos()) : null;
        } finally {
            waiting.decrementAndGet();
        }
    }

    private static ResponseCache.Entry await(CompletableFuture<ResponseCache.Entry> other, long nanos) throws IOException {
        try {
            return other.get(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the same answer was being computed");
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** An answer being computed: the revision and the cache key it will be kept under. */
    private record Computing(long revision, String key) {
    }

    private void send(HttpServletRequest request, HttpServletResponse response, ResponseCache.Entry entry,
            String cacheStatus) throws IOException {
        boolean gzip = entry.gzipped() != null && acceptsGzip(request.getHeader("Accept-Encoding"));
        response.setHeader("Cache-Control", cacheControl);
        response.setHeader("Vary", "Accept-Encoding");
        response.setHeader("ETag", gzip ? entry.gzippedEtag() : entry.etag());
        response.setHeader("X-Cache", cacheStatus);
        if (matches(request.getHeader("If-None-Match"), entry)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(entry.contentType());
        byte[] body = gzip ? entry.gzipped() : entry.body();
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Weak comparison, as RFC 9110 prescribes for If-None-Match; either coding's tag names the same content. */
    static boolean matches(String ifNoneMatch, ResponseCache.Entry entry) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(entry.etag()) || t.equals(entry.gzippedEtag())) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            if (!pieces[0].strip().equalsIgnoreCase("gzip")) {
                continue;
            }
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].strip();
                if (p.startsWith("q=") && p.substring(2).strip().matches("0(\\.0*)?")) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isJson(String contentType) {
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("application/json") || type.matches("application/[a-z0-9.+-]*\\+json.*");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Path, query parameters ordered by name (values of one name keep their order), and the default date. */
    String key(HttpServletRequest request) {
        StringBuilder key = new StringBuilder(path(request)).append('?');
        String query = request.getQueryString();
        if (query != null && !query.isEmpty()) {
            List<String> parameters = new ArrayList<>(List.of(query.split("&")));
            parameters.sort(Comparator.comparing(p -> p.indexOf('=') < 0 ? p : p.substring(0, p.indexOf('='))));
            key.append(String.join("&", parameters));
        }
        return key.append("#today=").append(today.date()).toString();
    }
}
