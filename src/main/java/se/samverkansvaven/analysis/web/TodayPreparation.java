package se.samverkansvaven.analysis.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import se.samverkansvaven.analysis.ActorProjection;
import se.samverkansvaven.analysis.data.AnalysisCache;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.database.CacheProperties;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.web.Today;

/**
 * Has today's date ready before anyone asks for it, so that the first requests of the day, or after a write, pay
 * only their own analysis (issue 17): on one background thread, off the request threads,
 *
 * <ul>
 *   <li>it reads today's data and builds P for the default forms into {@link AnalysisCache}, exactly the entries a
 *       request without {@code asOf} and {@code forms} uses, at start-up and again whenever the graph's revision or
 *       the date moved (checked every {@code samverkansvaven.cache.revision-check-interval}, at least every second,
 *       so another instance's write is seen too);</li>
 *   <li>once, as soon as today's P has a municipality with partners, it asks this server for
 *       {@code samverkansvaven.analysis.warm-up-requests} ego webs of today (depth 1 and 2, for at most a minute), as
 *       real HTTP requests through the whole request path (security, MVC, the analysis, Jackson, gzip, the response
 *       cache), so the JIT has compiled that path before the users' requests arrive: on a fresh JVM a request paid
 *       about twice its CPU (bench/README.md).</li>
 * </ul>
 *
 * Nothing here changes an answer: it asks what a user could ask and keeps what the cache would keep. With
 * {@code samverkansvaven.security.public-read=false} the warm-up's first request is refused (it has no credentials)
 * and it stops there; the data is prepared all the same. {@code samverkansvaven.analysis.prepare-today=false} turns
 * it all off.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "samverkansvaven.analysis.prepare-today", havingValue = "true", matchIfMissing = true)
class TodayPreparation implements ApplicationListener<WebServerInitializedEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TodayPreparation.class);
    private static final Duration LONGEST_REQUEST = Duration.ofSeconds(60);
    /** The warm-up stops asking after this long, whatever the count: at L one ego web costs far more than at S. */
    private static final Duration LONGEST_WARM_UP = Duration.ofSeconds(60);

    private final AnalysisCache cache;
    private final GraphRevisions revisions;
    private final Today today;
    private final Environment environment;
    private final int parallelism;
    private final int warmUpRequests;
    private final long checkIntervalMillis;

    private volatile Thread worker;
    private volatile boolean stopped;
    /** What was last prepared (the revision known before the read, and the date); read by tests. */
    private volatile Prepared prepared;
    /** Ego-web requests the warm-up made that were answered 200; -1 until the warm-up ran. */
    private volatile int warmedUp = -1;

    record Prepared(long revision, LocalDate date) {}

    TodayPreparation(AnalysisCache cache, GraphRevisions revisions, Today today, Environment environment,
                     CacheProperties cacheProperties,
                     @Value("${samverkansvaven.analysis.parallelism:0}") int parallelism,
                     @Value("${samverkansvaven.analysis.warm-up-requests:2400}") int warmUpRequests) {
        if (warmUpRequests < 0) {
            throw new IllegalArgumentException("samverkansvaven.analysis.warm-up-requests must be 0 or more, was "
                    + warmUpRequests);
        }
        this.cache = cache;
        this.revisions = revisions;
        this.today = today;
        this.environment = environment;
        this.parallelism = parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors();
        this.warmUpRequests = warmUpRequests;
        this.checkIntervalMillis = Math.max(1000, cacheProperties.revisionCheckInterval().toMillis());
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // the application's own server, not a separate management port
        if (event.getApplicationContext().getServerNamespace() != null || worker != null) {
            return;
        }
        int port = event.getWebServer().getPort();
        worker = Thread.ofPlatform().name("prepare-today").daemon().start(() -> run(port));
    }

    private void run(int port) {
        boolean warm = warmUpRequests == 0 || !plainHttp();
        String lastFailure = null;
        while (!stopped) {
            try {
                ActorProjection projection = prepareIfMoved();
                if (!warm && projection != null) {
                    warm = warmUp(port, projection);
                }
                lastFailure = null;
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
                // once per distinct failure (an unreachable server would otherwise log every second)
                if (!Objects.equals(lastFailure, e.toString())) {
                    log.warn("Could not prepare today's analysis input (will try again): {}", e.toString());
                    lastFailure = e.toString();
                }
            }
            try {
                Thread.sleep(checkIntervalMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Reads today's data and builds P when the revision or the date moved since the last time; returns P when it
     * was built now, else null. The revision is taken before the read: a write during it moves it again, and the
     * next round prepares once more.
     */
    ActorProjection prepareIfMoved() {
        Prepared now = new Prepared(revisions.current(), today.date());
        if (now.equals(prepared)) {
            return null;
        }
        long start = System.nanoTime();
        CooperationData data = cache.data(now.date(), true);
        ActorProjection projection = AnalysisController.projection(cache, data, Form.DEFAULT_ANALYSIS_FORMS, parallelism);
        prepared = now;
        log.debug("Prepared {} at revision {} in {} ms", now.date(), now.revision(), (System.nanoTime() - start) / 1_000_000);
        return projection;
    }

    /**
     * Asks for the ego webs of municipalities spread evenly over P (then of the others), depth 1 and 2, until
     * {@code warm-up-requests} were answered or {@link #LONGEST_WARM_UP} passed. The JIT compiles a method only after
     * thousands of calls, and on a fresh JVM the first ~1,200 misses of the S web cost 2.3 to 1.3 times a warm one
     * (bench/README.md), so once every web was asked it asks again under another query that means the same today:
     * {@code asOf} of today, the default {@code forms} named, both. Each is a miss of the response cache that reads
     * the same data and P, so it runs the whole path again without reading another date. Returns false when P has
     * no municipality with partners yet (nothing worth compiling: it waits for data), else true, also when a request
     * was refused (it is not tried again).
     */
    private boolean warmUp(int port, ActorProjection projection) {
        List<String> codes = new ArrayList<>();
        var municipalities = cache.data(prepared.date(), true).municipalities(); // the date read just now, cached
        var p = projection.actors();
        for (int v = 0; v < p.vertexCount(); v++) {
            if (p.degree(v) > 0 && municipalities.containsKey(p.id(v))) {
                codes.add(p.id(v));
            }
        }
        if (codes.isEmpty()) {
            return false;
        }
        int withPartners = codes.size();
        var others = new TreeSet<>(municipalities.keySet());
        codes.forEach(others::remove);
        codes.addAll(others);
        int webs = Math.min(codes.size(), Math.max(1, warmUpRequests / 2));
        String date = prepared.date().toString();
        String forms = String.join(",", Form.DEFAULT_ANALYSIS_FORMS.stream().map(Form::name).sorted().toList());
        List<String> sameToday = List.of("", "&asOf=" + date, "&forms=" + forms, "&asOf=" + date + "&forms=" + forms);
        String base = "http://" + host() + ":" + port + environment.getProperty("server.servlet.context-path", "");
        long start = System.nanoTime();
        long end = start + LONGEST_WARM_UP.toNanos();
        int answered = 0;
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build()) {
            for (String query : sameToday) {
                for (int i = 0; i < webs && answered < warmUpRequests && !stopped && System.nanoTime() < end; i++) {
                    // the municipalities with partners spread evenly first, as far as the webs reach
                    int pick = webs <= withPartners ? (int) ((long) i * withPartners / webs) : i;
                    String code = codes.get(pick);
                    for (int depth = 1; depth <= 2 && answered < warmUpRequests; depth++) {
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                                        URI.create(base + "/api/analysis/web/" + code + "?depth=" + depth + query))
                                .header("Accept-Encoding", "gzip").header("Accept", "application/json")
                                .timeout(LONGEST_REQUEST).build(), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            log.info("Warm-up of the ego-web requests stopped: {} answered {}", code,
                                    response.statusCode());
                            warmedUp = answered;
                            return true;
                        }
                        answered++;
                    }
                }
            }
        } catch (java.io.IOException e) {
            log.info("Warm-up of the ego-web requests stopped: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        warmedUp = answered;
        log.info("Warmed up the ego-web requests: {} answers in {} ms", answered, (System.nanoTime() - start) / 1_000_000);
        return true;
    }

    /** The warm-up speaks plain HTTP to this server; behind TLS it is left out. */
    private boolean plainHttp() {
        boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class,
                environment.containsProperty("server.ssl.bundle") || environment.containsProperty("server.ssl.key-store")
                        || environment.containsProperty("server.ssl.certificate"));
        if (tls) {
            log.info("The ego-web warm-up is left out: the server speaks TLS");
        }
        return !tls;
    }

    private String host() {
        String address = environment.getProperty("server.address");
        if (address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::")) {
            return "127.0.0.1";
        }
        return address.contains(":") ? "[" + address + "]" : address;
    }

    Prepared prepared() {
        return prepared;
    }

    int warmedUp() {
        return warmedUp;
    }

    @Override
    public void destroy() throws InterruptedException {
        stopped = true;
        Thread running = worker;
        if (running != null) {
            running.interrupt();
            running.join(5000);
        }
    }
}
