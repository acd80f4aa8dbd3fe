package se.samverkansvaven.bench;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.neo4j.driver.Driver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import se.samverkansvaven.SamverkansvavenApplication;
import se.samverkansvaven.analysis.scenario.ScenarioBench;
import se.samverkansvaven.export.ExportFormat;
import se.samverkansvaven.export.SnapshotExporter;
import se.samverkansvaven.export.SnapshotFilter;
import se.samverkansvaven.importing.BundleFiles;
import se.samverkansvaven.importing.BundleImporter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark of issue 7 (bench/README.md), run by bench/run.sh on the test classpath, never by the
 * test suite. One JVM: starts the app on a fresh embedded database, loads the geography (synthetic sizes)
 * and the bundle through the real loader, then measures the projection, every analysis, the side-by-side
 * metrics (and runs bench/side_by_side.py on the same edge list), sampled betweenness, the exports and,
 * with --serve, the API under wrk and the six pages in headless Chromium. Writes one JSON file.
 *
 * <pre>BenchmarkMain --size S --bundle DIR [--geography DIR] --work DIR --out FILE.json [--serve]
 *   [--repeats N] [--as-of 2025-06-30] [--pivots 100,500,1000] [--wrk-seconds 30] [--wrk-warmup 10] [--api-only] [--uncached]
 *   [--properties "key=value;..."] [--skip "name=reason;..."] [--load-only]
 *   [--metrics-only] [--only name,name (profiling: those analyses/metrics only; with_scenario_NAME: an analysis on the bench
 *   scenario's data)] [--dump DIR (results as JSON)]
 *   [--edges FILE (P as an edge list)] [--pages-only] [--projection-threads N (rounds of 1 against 2 threads)]</pre>
 *
 * <p>{@code --api-only} (with {@code --serve}): load, find the hub, then only the API under wrk; no analyses,
 * metrics, exports or pages, so the API can be re-measured in a few minutes. {@code --uncached} switches the
 * response cache off and reads the revision per request, as before the cache, for an A/B in one sitting.
 *
 * <p>{@code --skip} names analyses or metrics (e.g. {@code centrality_all}, {@code betweenness}) or whole parts
 * ({@code exports}, {@code side_by_side}, {@code exact_betweenness}) that are not run, each with its reason,
 * which the JSON and the table report in their place: at L the all-pairs ones would take hours.
 *
 * <p>--pages-only (with --serve) loads the bundle and measures only the six pages, with each page's API calls
 * and resources from the browser's resource timing: a quick re-measure after a change to the web pages.
 */
public final class BenchmarkMain {

    private final Map<String, String> options;
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final HeapSampler heap = new HeapSampler();
    /** What --skip names, with why. */
    private final Map<String, String> skipped = new LinkedHashMap<>();

    private BenchmarkMain(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(key, args[++i]);
            } else {
                options.put(key, "true");
            }
        }
        try {
            new BenchmarkMain(options).run();
        } catch (Throwable failure) {
            // Neo4j leaves non-daemon threads behind: without the exit a failed run would hang, saying nothing
            failure.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        String size = options.get("size");
        Path bundle = Path.of(options.get("bundle"));
        Path geography = options.containsKey("geography") ? Path.of(options.get("geography")) : null;
        Path work = Path.of(options.get("work"));
        boolean serve = options.containsKey("serve");
        int repeats = Integer.parseInt(options.getOrDefault("repeats", "5"));
        LocalDate asOf = LocalDate.parse(options.getOrDefault("as-of", "2025-06-30"));
        Files.createDirectories(work);
        heap.start();
        for (String entry : options.getOrDefault("skip", "").split(";")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                skipped.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
            }
        }
        report.put("skipped", skipped);

        report.put("size", size);
        report.put("as_of", asOf.toString());
        report.put("machine", machine());
        report.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);

        SpringApplication app = new SpringApplication(SamverkansvavenApplication.class);
        app.setWebApplicationType(serve ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        long t0 = System.nanoTime();
        List<String> arguments = new ArrayList<>(List.of(
                "--samverkansvaven.embedded.data-dir=" + work.resolve("neo4j"),
                "--samverkansvaven.embedded.bolt-port=0",
                "--samverkansvaven.embedded.page-cache-bytes=" + options.getOrDefault("page-cache", "1073741824"),
                "--samverkansvaven.data.load-reference=" + (geography == null),
                "--samverkansvaven.data.bundles=false",
                "--samverkansvaven.data.illustrative=false",
                "--server.port=0",
                "--logging.level.root=WARN",
                "--logging.level.se.samverkansvaven.importing.BundleImporter=DEBUG", // the loader's time per step
                "--spring.main.banner-mode=off",
                // as deployed: the test classpath's config/application.properties (on this classpath) turns it off
                "--samverkansvaven.analysis.prepare-today=true"));
        if (options.containsKey("uncached")) {
            // The API as it was before the response cache: the revision read from Neo4j on every request, no
            // kept responses. Same build, so an A/B in one sitting compares only the caching.
            arguments.add("--samverkansvaven.cache.revision-check-interval=0s");
            arguments.add("--samverkansvaven.cache.responses=0B");
        }
        report.put("uncached", options.containsKey("uncached"));
        // --properties "key=value;key=value": app settings a size needs (L: wider municipality codes, more rows)
        for (String property : options.getOrDefault("properties", "").split(";")) {
            if (!property.isBlank()) {
                arguments.add("--" + property.strip());
            }
        }
        report.put("app_properties", List.copyOf(arguments));
        ConfigurableApplicationContext context = app.run(arguments.toArray(String[]::new));
        report.put("startup_s", seconds(t0));
        Driver driver = context.getBean(Driver.class);

        if (geography != null) {
            loadGeography(driver, context.getBean(se.samverkansvaven.database.GraphRevisions.class), geography);
        }
        loadBundle(context.getBean(BundleImporter.class), bundle);
        save();
        if (options.containsKey("load-only")) { // for profiling the loader
            context.close();
            return;
        }

        BenchAccess access = new BenchAccess(context);
        var projection = measureProjection(access, asOf, repeats);
        String hub = projection.hub();
        report.put("hub_municipality", hub);
        save();
        boolean metricsOnly = options.containsKey("metrics-only"); // re-measure the side by side quickly
        boolean apiOnly = serve && options.containsKey("api-only"); // re-measure the API under load quickly
        boolean pagesOnly = serve && options.containsKey("pages-only"); // re-measure the web pages quickly
        if (options.containsKey("edges")) { // P as an edge list for the A/B mains (PageRankAb)
            Files.writeString(Path.of(options.get("edges")), projection.edgeList());
        }
        int pivots = Integer.parseInt(options.getOrDefault("centrality-pivots", "100"));
        report.put("centrality_pivots", pivots);
        if (options.containsKey("only")) { // profiling: just these analyses (and "exports", "betweenness_sampled"), then stop
            List<String> only = List.of(options.get("only").split(","));
            Map<String, Supplier<Object>> runs = new LinkedHashMap<>(access.analyses(projection, hub, "it", pivots));
            runs.putAll(access.metrics(projection));
            runs.putAll(ScenarioBench.runs(projection.data(), hub));
            // the same analyses on the bench scenario's data ("with scenario"), to dump and diff their answers; built
            // only when asked for (at L a second P held beside the exports)
            if (only.stream().anyMatch(name -> name.startsWith("with_scenario_"))) {
                access.analyses(access.project(ScenarioBench.after(projection.data())), hub, "it", pivots)
                        .forEach((name, run) -> runs.put("with_scenario_" + name, run));
            }
            runs.keySet().retainAll(only);
            measure("analyses", runs, repeats);
            pivotError();
            exactEstimates(projection.vertices(), pivots);
            save();
            if (only.contains("betweenness_sampled")) {
                sampledBetweenness(access, projection);
                save();
            }
            if (only.contains("export_read")) { // the export's read over Bolt and in process, alternating
                report.put("export_read", se.samverkansvaven.export.ExportReadAb.run(context, asOf, Math.max(2, Math.min(repeats, 3))));
                save();
            }
            if (only.contains("exports")) {
                exports(context.getBean(SnapshotExporter.class), asOf, Math.min(repeats, 3), dumpDir());
                save();
            }
            context.close();
            return;
        }
        if (!metricsOnly && !apiOnly && !pagesOnly) {
            measure("analyses", access.analyses(projection, hub, "it", pivots), repeats);
            pivotError();
            exactEstimates(projection.vertices(), pivots);
            save();
            measure("scenario", ScenarioBench.runs(projection.data(), hub), repeats);
            save();
        }
        if (!apiOnly && !pagesOnly) {
            measure("metrics", access.metrics(projection), repeats);
            save();
        }
        if (!metricsOnly && !apiOnly && !pagesOnly) {
            sampledBetweenness(access, projection);
            save();
            if (!skipped.containsKey("exports")) {
                exports(context.getBean(SnapshotExporter.class), asOf, Math.min(repeats, 3), dumpDir());
            }
        }
        if (!apiOnly && !pagesOnly && !skipped.containsKey("side_by_side")) {
            sideBySide(access, projection, work, repeats);
        }

        if (serve) {
            String port = context.getEnvironment().getProperty("local.server.port");
            String base = "http://127.0.0.1:" + port;
            if (!pagesOnly) {
                load(base, hub, asOf, work);
            }
            if (!apiOnly) {
                pages(base, hub, asOf, work);
            }
        }
        Path out = save();
        System.out.println("BENCH-JSON " + out);
        context.close();
    }

    /** Writes what is measured so far, so a run stopped by its time cap still leaves its figures. */
    private Path save() throws IOException {
        report.put("run_peak_heap_mb", heap.overallPeakMb());
        Path out = Path.of(options.get("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        return out;
    }

    // ----------------------------------------------------------------------------------------- loading

    /**
     * A synthetic country (bench/generate.py M|L): counties, municipalities and borders, then the sector and
     * area catalogue, with the same MERGE statements as the reference loader, in UNWIND batches.
     */
    private void loadGeography(Driver driver, se.samverkansvaven.database.GraphRevisions revisions, Path folder) throws IOException {
        List<Map<String, Object>> counties = csv(Files.newBufferedReader(folder.resolve("counties.csv")), r -> Map.of(
                "code", r.get("county_code"), "name", r.get("county_name")));
        List<Map<String, Object>> municipalities = csv(Files.newBufferedReader(folder.resolve("municipalities.csv")), r -> Map.of(
                "code", r.get("code"), "name", r.get("name"), "countyCode", r.get("county_code"),
                "lat", Double.parseDouble(r.get("lat")), "lon", Double.parseDouble(r.get("lon")),
                "population", Long.parseLong(r.get("population"))));
        List<Map<String, Object>> borders = csv(Files.newBufferedReader(folder.resolve("borders.csv")), r -> Map.of(
                "a", r.get("a"), "b", r.get("b")));
        List<Map<String, Object>> sectors = csv(classpath("reference/sectors.csv"), r -> Map.of(
                "id", r.get("id"), "nameSv", r.get("name_sv"), "nameEn", r.get("name_en")));
        List<Map<String, Object>> areas = csv(classpath("reference/areas.csv"), r -> Map.of(
                "id", r.get("id"), "nameSv", r.get("name_sv"), "nameEn", r.get("name_en"),
                "sector", r.get("sector"), "source", r.get("source")));
        heap.reset();
        long t0 = System.nanoTime();
        try (var session = driver.session()) {
            revisions.writeWithoutResult(session, tx -> {
                batched(tx, "UNWIND $rows AS row MERGE (c:County {code: row.code}) SET c.name = row.name", counties);
                batched(tx, """
                        UNWIND $rows AS row
                        MERGE (m:Municipality {code: row.code})
                        SET m.name = row.name, m.countyCode = row.countyCode, m.lat = row.lat, m.lon = row.lon,
                            m.population = row.population
                        WITH m, row MATCH (c:County {code: row.countyCode}) MERGE (m)-[:IN_COUNTY]->(c)""", municipalities);
                batched(tx, """
                        UNWIND $rows AS row
                        MATCH (a:Municipality {code: row.a}), (b:Municipality {code: row.b})
                        MERGE (a)-[:BORDERS]->(b)""", borders);
                batched(tx, "UNWIND $rows AS row MERGE (s:Sector {id: row.id}) SET s.nameSv = row.nameSv, s.nameEn = row.nameEn", sectors);
                batched(tx, """
                        UNWIND $rows AS row
                        MERGE (a:ServiceArea {id: row.id})
                        SET a.nameSv = row.nameSv, a.nameEn = row.nameEn, a.sector = row.sector, a.source = row.source
                        WITH a, row MATCH (s:Sector {id: row.sector}) MERGE (a)-[:IN_SECTOR]->(s)""", areas);
                se.samverkansvaven.database.GraphRevisions.bump(tx);
            });
        }
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("municipalities", municipalities.size());
        g.put("borders", borders.size());
        g.put("seconds", seconds(t0));
        report.put("geography", g);
        System.out.printf("geography: %d municipalities, %d borders in %.1f s%n", municipalities.size(), borders.size(),
                (double) g.get("seconds"));
    }

    private static void batched(org.neo4j.driver.TransactionContext tx, String query, List<Map<String, Object>> rows) {
        for (int from = 0; from < rows.size(); from += 10_000) {
            tx.run(query, Map.of("rows", rows.subList(from, Math.min(rows.size(), from + 10_000)))).consume();
        }
    }

    private void loadBundle(BundleImporter importer, Path folder) throws IOException {
        long parties = lines(folder.resolve("parties.csv"));
        long rows = 0;
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                rows += lines(f);
            }
        }
        BundleFiles files = BundleFiles.fromDirectory(folder);
        System.gc();
        heap.reset();
        double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        var result = importer.importBundle(files);
        double s = seconds(t0);
        double cpu = (cpuNanos() - cpu0) / 1e9;
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("rows", rows);
        l.put("party_rows", parties);
        l.put("seconds", s);
        l.put("rows_per_s", Math.round(rows / s));
        l.put("party_rows_per_s", Math.round(parties / s));
        l.put("peak_heap_mb", heap.peakMb());
        // The machine is shared: CPU seconds of this JVM (app and database) are steadier than wall time.
        l.put("process_cpu_s", cpu);
        l.put("party_rows_per_cpu_s", Math.round(parties / cpu));
        l.put("load_average_1m_at_start", loadAverage);
        l.put("nodes_created", result.nodesCreated());
        l.put("relationships_created", result.relationshipsCreated());
        report.put("load", l);
        System.out.printf("load: %d rows (%d party rows) in %.1f s = %d party rows/s (%.1f CPU s, %d per CPU s), "
                + "peak heap %d MB%n", rows, parties, s, Math.round(parties / s), cpu, Math.round(parties / cpu),
                heap.peakMb());
    }

    private static long lines(Path file) throws IOException {
        try (var stream = Files.lines(file)) {
            return stream.count() - 1;
        }
    }

    // ----------------------------------------------------------------------------------------- projection

    private BenchAccess.Projection measureProjection(BenchAccess access, LocalDate asOf, int repeats) {
        System.gc();
        long before = usedAfterGc();
        heap.reset();
        long t0 = System.nanoTime();
        var data = access.readData(asOf);
        double readCold = seconds(t0);
        t0 = System.nanoTime();
        var projection = access.project(data);
        double projectCold = seconds(t0);
        long peak = heap.peakMb();
        long retained = usedAfterGc() - before;
        List<Double> reads = new ArrayList<>();
        List<Double> projects = new ArrayList<>();
        for (int i = 0; i < Math.min(repeats, 3); i++) {
            long t = System.nanoTime();
            var d = access.readData(asOf);
            reads.add(seconds(t));
            t = System.nanoTime();
            access.project(d);
            projects.add(seconds(t));
        }
        // --projection-threads N: N rounds of the read and build on 1 thread against 2 (not at L: two more dates in the heap)
        Map<String, Object> threads = options.containsKey("projection-threads")
                ? threadsCompared(access, asOf, Integer.parseInt(options.get("projection-threads"))) : null;
        // The reference read (Cypher over Bolt, as against a server) beside the in-process one, in the same run.
        List<Double> cypherReads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long t = System.nanoTime();
            access.readDataWithCypher(asOf);
            cypherReads.add(seconds(t));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bodies_active", projection.bodies());
        p.put("vertices", projection.vertices());
        p.put("edges", projection.edges());
        p.put("read_cold_s", readCold);
        p.put("project_cold_s", projectCold);
        p.put("read_warm_s", Median.of(reads));
        p.put("project_warm_s", Median.of(projects));
        p.put("total_warm_s", Median.of(reads) + Median.of(projects));
        p.put("read_with_cypher_over_bolt_s", cypherReads.getLast());
        p.put("retained_heap_mb", retained >> 20);
        p.put("peak_heap_mb", peak);
        if (threads != null) {
            p.put("threads_compared", threads);
        }
        report.put("projection", p);
        System.out.printf("projection: %d bodies, P %d vertices %d edges; read %.2f s + project %.2f s warm; retained %d MB;"
                        + " read with Cypher over Bolt %.2f s%n", projection.bodies(), projection.vertices(), projection.edges(),
                Median.of(reads), Median.of(projects), retained >> 20, cypherReads.getLast());
        return projection;
    }

    /**
     * Issue 17: the read and the build on 1 thread against 2, alternating (1, 2, 1, 2 …) so both meet the same
     * machine; medians, and whether every run gave the same data and P as the first 1-thread run.
     */
    private static Map<String, Object> threadsCompared(BenchAccess access, LocalDate asOf, int rounds) {
        Map<Integer, List<Double>> reads = new LinkedHashMap<>();
        Map<Integer, List<Double>> builds = new LinkedHashMap<>();
        BenchAccess.Projection reference = null;
        boolean same = true;
        for (int round = 0; round < rounds; round++) {
            for (int t : new int[] {1, 2}) {
                long start = System.nanoTime();
                var data = access.readData(asOf, t);
                reads.computeIfAbsent(t, k -> new ArrayList<>()).add(seconds(start));
                start = System.nanoTime();
                var built = access.project(data, t);
                builds.computeIfAbsent(t, k -> new ArrayList<>()).add(seconds(start));
                if (reference == null) {
                    reference = built;
                } else {
                    same &= BenchAccess.same(reference, built);
                }
            }
        }
        Map<String, Object> compared = new LinkedHashMap<>();
        for (int t : new int[] {1, 2}) {
            compared.put("read_warm_s_" + t + "_threads", Median.of(reads.get(t)));
            compared.put("project_warm_s_" + t + "_threads", Median.of(builds.get(t)));
        }
        compared.put("rounds", rounds);
        compared.put("identical", same);
        System.out.printf("projection on 1 / 2 threads (median of %d, alternating): read %.3f / %.3f s, build %.3f / %.3f s;"
                        + " identical: %s%n", rounds, Median.of(reads.get(1)), Median.of(reads.get(2)),
                Median.of(builds.get(1)), Median.of(builds.get(2)), same);
        return compared;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ----------------------------------------------------------------------------------------- timing

    /** The last result of the centrality runs, for the error of the pivots' estimate against exact. */
    private final Map<String, Object> centralityResults = new HashMap<>();

    /**
     * centrality_pivots against centrality_all, when both ran (S, M): Spearman rank correlation, top-20 overlap and
     * the median relative error of each estimated measure; at L exact is not run, and M's figures stand for it.
     */
    private void pivotError() {
        if (!(centralityResults.get("centrality_all") instanceof se.samverkansvaven.analysis.CentralityResult exact)
                || !(centralityResults.get("centrality_pivots") instanceof se.samverkansvaven.analysis.CentralityResult sampled)) {
            return;
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("pivots", report.get("centrality_pivots"));
        Map<String, java.util.function.ToDoubleFunction<se.samverkansvaven.analysis.CentralityResult.VertexCentrality>> measures =
                new LinkedHashMap<>();
        measures.put("betweenness", se.samverkansvaven.analysis.CentralityResult.VertexCentrality::betweenness);
        measures.put("weighted_betweenness", se.samverkansvaven.analysis.CentralityResult.VertexCentrality::weightedBetweenness);
        measures.put("harmonic_closeness", se.samverkansvaven.analysis.CentralityResult.VertexCentrality::harmonicCloseness);
        measures.forEach((name, f) -> {
            double[] a = exact.vertices().stream().mapToDouble(f).toArray();
            double[] b = sampled.vertices().stream().mapToDouble(f).toArray();
            double[] relative = java.util.stream.IntStream.range(0, a.length).filter(v -> a[v] > 0)
                    .mapToDouble(v -> Math.abs(b[v] - a[v]) / a[v]).sorted().toArray();
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("spearman", spearman(a, b));
            one.put("top20_overlap", topOverlap(a, b, 20));
            one.put("median_relative_error", relative.length == 0 ? 0 : relative[relative.length / 2]);
            section.put(name, one);
            System.out.printf("centrality with %s pivots, %s: spearman %.4f, top-20 overlap %d/20, median relative error %.4f%n",
                    report.get("centrality_pivots"), name, (double) one.get("spearman"), (int) one.get("top20_overlap"),
                    (double) one.get("median_relative_error"));
        });
        report.put("centrality_pivots_error", section);
    }

    private static final double FAST_S = 0.1;
    /** Sub-100 ms calls run untimed for this long first: the JIT compiles a 1 ms loop only after dozens of calls. */
    private static final double FAST_WARM_UP_S = 1.0;
    private static final int FAST_REPEATS = 15;

    private Map<String, Double> measure(String name, Map<String, Supplier<Object>> runs, int repeats) throws IOException {
        Map<String, Object> section = new LinkedHashMap<>();
        Map<String, Double> medians = new LinkedHashMap<>();
        for (var run : runs.entrySet()) {
            List<Double> times = new ArrayList<>();
            Map<String, Object> one = new LinkedHashMap<>();
            if (skipped.containsKey(run.getKey())) {
                one.put("not_run", skipped.get(run.getKey()));
                section.put(run.getKey(), one);
                System.out.printf("%s %-16s not run: %s%n", name, run.getKey(), skipped.get(run.getKey()));
                continue;
            }
            try {
                heap.reset();
                long w = System.nanoTime();
                Object sink = run.getValue().get(); // warm-up
                // A median of 3 is a weak figure for a 20 ms call on a shared JVM: sub-100 ms calls run 15 times,
                // after a second of untimed runs, since one warm-up run leaves a 1 ms call half compiled (2.1 ms
                // median for coreness at M against 1.0 ms once compiled). bench/side_by_side.py applies the same
                // rule to NetworkX and igraph.
                boolean fast = seconds(w) < FAST_S;
                for (long warm = System.nanoTime(); fast && seconds(warm) < FAST_WARM_UP_S; ) {
                    sink = run.getValue().get();
                }
                int timedRuns = fast ? Math.max(repeats, FAST_REPEATS) : repeats;
                for (int i = 0; i < timedRuns; i++) {
                    long t = System.nanoTime();
                    sink = run.getValue().get();
                    times.add(seconds(t));
                }
                if (sink == null) {
                    throw new IllegalStateException(run.getKey() + " returned nothing");
                }
                if (run.getKey().equals("centrality_all") || run.getKey().equals("centrality_pivots")) {
                    centralityResults.put(run.getKey(), sink);
                }
                // how many rows a bounded answer stands for (diagonal links, gaps)
                if (sink instanceof se.samverkansvaven.analysis.DiagonalLinkAnalysis.DiagonalLinks links) {
                    one.put("pairs", links.pairs().size());
                    one.put("pairs_total", links.pairsTotal());
                }
                if (sink instanceof se.samverkansvaven.analysis.GapAnalysis.Gaps gaps) {
                    one.put("gaps", gaps.gaps().size());
                    one.put("gaps_total", gaps.gapsTotal());
                }
                if (one.containsKey("pairs") || one.containsKey("gaps")) { // the answer's size, to scale to the whole list
                    one.put("json_bytes", JsonMapper.builder().build().writeValueAsBytes(sink).length);
                }
                if (options.containsKey("dump")) { // the results themselves, to diff two versions of the code
                    Path dump = Path.of(options.get("dump"), run.getKey() + ".json");
                    Files.createDirectories(dump.getParent());
                    try {
                        Files.writeString(dump, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(sink));
                    } catch (RuntimeException e) { // a result JSON cannot write (a scenario's whole data): keep the times
                        one.put("dump_error", e.toString());
                    }
                }
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                one.put("error", e.toString());
                section.put(run.getKey(), one);
                System.out.printf("%s %-16s FAILED: %s%n", name, run.getKey(), e);
                continue;
            }
            one.put("median_s", Median.of(times));
            one.put("peak_heap_mb", heap.peakMb()); // sampled used heap during the runs, garbage and the cached P included
            one.put("min_s", times.stream().mapToDouble(Double::doubleValue).min().orElse(0));
            one.put("runs", times.size());
            section.put(run.getKey(), one);
            medians.put(run.getKey(), Median.of(times));
            System.out.printf("%s %-16s %10.4f s (median of %d warm runs)%n", name, run.getKey(), Median.of(times), times.size());
        }
        report.put(name, section);
        return medians;
    }

    /**
     * For the exact runs that --skip leaves out, the time of the sampled run beside it scaled by n / pivots: the
     * measured estimate the skip rests on (the traversals from every vertex are n / pivots times as many; the rest
     * of the analysis, scaled too, makes it an overestimate).
     */
    @SuppressWarnings("unchecked")
    private void exactEstimates(int vertices, int pivots) {
        Map<String, Object> analyses = (Map<String, Object>) report.getOrDefault("analyses", Map.of());
        Map<String, Object> estimates = new LinkedHashMap<>();
        for (String[] pair : new String[][] {{"centrality_all", "centrality_pivots"}, {"exit_all", "exit_pivots"}}) {
            if (skipped.containsKey(pair[0]) && analyses.get(pair[1]) instanceof Map<?, ?> m && m.get("median_s") instanceof Double t) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("from", pair[1]);
                one.put("sampled_s", t);
                one.put("estimate_s", t * vertices / pivots);
                estimates.put(pair[0], one);
                System.out.printf("%s not run: estimated %.0f s (%s %.2f s x %d/%d)%n", pair[0], t * vertices / pivots,
                        pair[1], t, vertices, pivots);
            }
        }
        report.put("exact_estimates", estimates);
    }

    /** Exact betweenness against pivot sampling: time, Spearman rank correlation, top-20 overlap. */
    private void sampledBetweenness(BenchAccess access, BenchAccess.Projection projection) {
        int n = projection.vertices();
        // At L exact betweenness is skipped: the sampled times are measured, their error only at M.
        double[] exact = skipped.containsKey("exact_betweenness") ? null : access.betweenness(projection);
        Map<String, Object> section = new LinkedHashMap<>();
        for (String k : options.getOrDefault("pivots", "100,500,1000").split(",")) {
            int pivots = Integer.parseInt(k.strip());
            if (pivots >= n) {
                continue;
            }
            access.sampledBetweenness(projection, pivots, 1L);
            long t = System.nanoTime();
            double[] approx = access.sampledBetweenness(projection, pivots, 1L);
            double s = seconds(t);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("seconds", s);
            if (exact == null) {
                one.put("error_not_measured", skipped.get("exact_betweenness"));
                one.put("exact_estimate_s", s * n / pivots); // every vertex a source: n / pivots times the searches
                section.put(String.valueOf(pivots), one);
                System.out.printf("betweenness sampled k=%d: %.3f s (no exact values to compare)%n", pivots, s);
                continue;
            }
            one.put("spearman", spearman(exact, approx));
            one.put("top20_overlap", topOverlap(exact, approx, 20));
            section.put(String.valueOf(pivots), one);
            System.out.printf("betweenness sampled k=%d: %.3f s, spearman %.4f, top-20 overlap %d/20%n", pivots, s,
                    (double) one.get("spearman"), (int) one.get("top20_overlap"));
        }
        report.put("betweenness_sampled", section);
    }

    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElse(0);
        double mb = Arrays.stream(rb).average().orElse(0);
        double num = 0, da = 0, db = 0;
        for (int i = 0; i < a.length; i++) {
            num += (ra[i] - ma) * (rb[i] - mb);
            da += (ra[i] - ma) * (ra[i] - ma);
            db += (rb[i] - mb) * (rb[i] - mb);
        }
        return num / Math.sqrt(da * db);
    }

    /** Average ranks (ties share the mean rank), as Spearman's coefficient needs. */
    private static double[] ranks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(x[i], x[j]));
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; ) {
            int j = i;
            while (j + 1 < x.length && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                r[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return r;
    }

    private static int topOverlap(double[] a, double[] b, int k) {
        var ta = top(a, k);
        var tb = top(b, k);
        ta.retainAll(tb);
        return ta.size();
    }

    private static java.util.Set<Integer> top(double[] x, int k) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(x[j], x[i]));
        return new java.util.HashSet<>(Arrays.asList(order).subList(0, Math.min(k, x.length)));
    }

    private Path dumpDir() {
        return options.containsKey("dump") ? Path.of(options.get("dump")) : null;
    }

    /** @param dump null, or where each format's file goes once more after the timed runs (to diff two versions) */
    private void exports(SnapshotExporter exporter, LocalDate asOf, int repeats, Path dump) throws IOException {
        Map<String, Object> section = new LinkedHashMap<>();
        for (ExportFormat format : ExportFormat.values()) {
            List<Double> times = new ArrayList<>();
            long bytes = 0;
            heap.reset();
            Map<String, Object> one = new LinkedHashMap<>();
            try {
                for (int i = 0; i <= repeats; i++) {
                    long t = System.nanoTime();
                    var export = exporter.export(format, asOf, null, null, SnapshotFilter.NONE, (phase, percent) -> { });
                    CountingStream out = new CountingStream();
                    export.writeTo(out);
                    if (i > 0 || repeats == 0) {
                        times.add(seconds(t)); // the first run warms up, unless it is the only one
                    }
                    bytes = out.count;
                }
                if (dump != null) {
                    Files.createDirectories(dump);
                    var export = exporter.export(format, asOf, null, null, SnapshotFilter.NONE, (phase, percent) -> { });
                    try (var file = new java.io.BufferedOutputStream(Files.newOutputStream(dump.resolve(export.fileName())))) {
                        export.writeTo(file);
                    }
                }
            } catch (RuntimeException | OutOfMemoryError e) {
                one.put("error", e.toString());
                one.put("peak_heap_mb", heap.peakMb());
                section.put(format.name().toLowerCase(), one);
                report.put("export", section);
                save();
                System.out.printf("export %-8s FAILED: %s%n", format.name().toLowerCase(), e);
                continue;
            }
            one.put("median_s", Median.of(times));
            one.put("bytes", bytes);
            one.put("peak_heap_mb", heap.peakMb());
            section.put(format.name().toLowerCase(), one);
            report.put("export", section);
            save(); // a format that runs out of memory or time leaves the ones before it
            System.out.printf("export %-8s %8.3f s %,12d bytes%n", format.name().toLowerCase(), Median.of(times), bytes);
        }
        report.put("export", section);
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    // ----------------------------------------------------------------------------------------- side by side

    private static final List<String> METRICS = List.of("components", "coreness", "pagerank", "betweenness", "louvain",
            "harmonic");

    @SuppressWarnings("unchecked")
    private void sideBySide(BenchAccess access, BenchAccess.Projection projection, Path work, int repeats) throws Exception {
        Path edges = work.resolve("projection-edges.txt");
        Files.writeString(edges, projection.edgeList());
        Map<String, Object> ours = (Map<String, Object>) report.get("metrics");
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("edge_list", edges.toString());
        section.put("ours_threads", Runtime.getRuntime().availableProcessors());
        section.put("ours_checks", access.checks(projection));
        section.put("ours_modularity", access.modularity(projection));
        List<Map<String, Object>> tools = new ArrayList<>();
        Map<String, Object> missing = new LinkedHashMap<>();
        // One bench/side_by_side.py per Python: Debian's (NetworkX 2.8, igraph 0.10) and the venv's of bench/run.sh.
        for (String python : List.of("/usr/bin/python3", options.getOrDefault("peers-python",
                System.getProperty("user.home") + "/.cache/samverkansvaven-bench/venv/bin/python"))) {
            if (!Files.isExecutable(Path.of(python))) {
                missing.put(python, "not installed (bench/run.sh creates the venv)");
                continue;
            }
            Process process = new ProcessBuilder(python, options.getOrDefault("side-by-side", "bench/side_by_side.py"),
                    edges.toString(), "--repeats", String.valueOf(Math.max(1, Math.min(repeats, 3))), "--threads",
                    String.valueOf(Runtime.getRuntime().availableProcessors()))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                missing.put(python, "side_by_side.py failed (exit " + process.exitValue() + ")");
                continue;
            }
            Map<String, Object> theirs = JsonMapper.builder().build().readValue(output, Map.class);
            section.putIfAbsent("vertices", theirs.get("vertices"));
            section.putIfAbsent("edges", theirs.get("edges"));
            for (Map<String, Object> tool : (List<Map<String, Object>>) theirs.get("tools")) {
                tool.put("python", theirs.get("python"));
                tools.add(tool);
            }
            ((Map<String, Object>) theirs.get("missing")).forEach((module, why) -> missing.put(python + " " + module, why));
            section.put("tools", tools);
            section.put("missing", missing);
            report.put("side_by_side", section);
            save();
        }
        section.put("tools", tools);
        section.put("missing", missing);
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (String metric : METRICS) {
            Map<String, Object> m = (Map<String, Object>) ours.get(metric);
            if (m == null || m.get("median_s") == null) {
                continue;
            }
            double our = (double) m.get("median_s");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ours_s", our);
            String fastest = null;
            double fastestS = Double.POSITIVE_INFINITY;
            for (Map<String, Object> tool : tools) {
                Map<String, Object> t = (Map<String, Object>) ((Map<String, Object>) tool.get("metrics")).get(metric);
                if (t != null && t.get("seconds") != null) {
                    double s = ((Number) t.get("seconds")).doubleValue();
                    String name = tool.get("name") + " " + tool.get("version");
                    r.put(name, s);
                    if (s < fastestS) {
                        fastestS = s;
                        fastest = name;
                    }
                }
            }
            if (fastest != null) {
                r.put("fastest_peer", fastest);
                r.put("fastest_peer_over_ours", fastestS / our);
            }
            ratios.put(metric, r);
            System.out.printf("side-by-side %-12s ours %9.4f s | fastest peer %s %s%n", metric, our, fastest,
                    fastest == null ? "" : String.format("%9.4f s (%.2fx ours)", fastestS, fastestS / our));
        }
        section.put("ratios", ratios);
        report.put("side_by_side", section);
    }

    // ----------------------------------------------------------------------------------------- API and pages

    private void load(String base, String hub, LocalDate asOf, Path work) throws Exception {
        Map<String, List<String>> runs = new LinkedHashMap<>();
        runs.put("ego_web_depth1", List.of(base + "/api/analysis/web/" + hub + "?depth=1&asOf=" + asOf));
        runs.put("ego_web_depth2", List.of(base + "/api/analysis/web/" + hub + "?depth=2&asOf=" + asOf));
        runs.put("centrality_all", List.of(base + "/api/analysis/centrality?scope=all&asOf=" + asOf));
        // A realistic mix: every municipality's ego web, depth 1 and 2 in turn, with nothing warmed first.
        Path script = egoWebCycle(base, asOf, work);
        runs.put("ego_web_all_codes", List.of("-s", script.toString(), base + "/"));
        String seconds = options.getOrDefault("wrk-seconds", "30");
        Map<String, Object> section = new LinkedHashMap<>();
        // The server's start-up work first: after a load, TodayPreparation reads today's data and asks the server for
        // its ego webs (the JIT warm-up of samverkansvaven.analysis.warm-up-requests, up to a minute). A server is
        // started before traffic reaches it, so the clock starts once this JVM has been idle for three seconds in a
        // row (under 0.1 CPU s in each; the preparation looks for a new revision every second), at most two minutes
        // later; the JSON says how long that took.
        long idleFrom = System.nanoTime();
        int idleSeconds = 0;
        for (long cpu = cpuNanos(); idleSeconds < 3 && System.nanoTime() - idleFrom < 120_000_000_000L; ) {
            Thread.sleep(1000);
            long now = cpuNanos();
            idleSeconds = now - cpu < 100_000_000L ? idleSeconds + 1 : 0;
            cpu = now;
        }
        section.put("waited_for_idle_server_s", seconds(idleFrom));
        var os = ManagementFactory.getOperatingSystemMXBean();
        section.put("load_average_1m_at_start", os.getSystemLoadAverage());
        // An untimed run first, so the server's request path is compiled by the JIT before any clock starts (the
        // first measured run took that cost in its p99); it asks only for the hub, so the all-codes cycle stays cold.
        int warmUp = Integer.parseInt(options.getOrDefault("wrk-warmup", "30"));
        if (warmUp > 0) {
            new ProcessBuilder("wrk", "-t2", "-c32", "-d" + warmUp + "s", "-H", "Accept-Encoding: gzip",
                    runs.get("ego_web_depth1").getFirst()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        section.put("warm_up_s", warmUp);
        for (var e : runs.entrySet()) {
            List<String> target = e.getValue();
            if (target.size() == 1) {
                // one request first, so the projection is warm when the clock starts
                new ProcessBuilder("curl", "-s", "-o", "/dev/null", target.getFirst()).start().waitFor();
            }
            List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c32", "-d" + seconds + "s", "--latency",
                    "-H", "Accept-Encoding: gzip"));
            command.addAll(target);
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            Map<String, Object> one = new LinkedHashMap<>();
            String url = target.getLast();
            one.put("url", target.size() == 1 ? url.substring(base.length())
                    : "/api/analysis/web/{each of the 290 codes}?depth={1,2}&asOf=" + asOf + " (wrk Lua script)");
            one.put("requests_per_s", number(out, "Requests/sec:\\s+([0-9.]+)"));
            one.put("p50_ms", millis(out, "50%"));
            one.put("p99_ms", millis(out, "99%"));
            Double requests = number(out, "(\\d+) requests in");
            Double non2xx = number(out, "Non-2xx or 3xx responses: (\\d+)");
            Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
            long socketErrors = 0;
            if (socket.find()) {
                for (int g = 1; g <= 4; g++) {
                    socketErrors += Long.parseLong(socket.group(g));
                }
            }
            one.put("requests", requests);
            one.put("errors", (non2xx == null ? 0 : non2xx.longValue()) + socketErrors);
            one.put("non_2xx", non2xx == null ? 0 : non2xx.longValue());
            one.put("socket_errors", socketErrors); // mostly wrk's 2 s timeout on this shared machine
            one.put("connections", 32);
            one.put("seconds", Integer.parseInt(seconds));
            section.put(e.getKey(), one);
            System.out.printf("wrk %-18s %8.0f req/s p50 %6.2f ms p99 %6.2f ms errors %s%n", e.getKey(),
                    one.get("requests_per_s"), one.get("p50_ms"), one.get("p99_ms"), one.get("errors"));
        }
        report.put("api_load", section);
    }

    /**
     * A wrk script requesting the ego web of every municipality the API lists, depth 1 then 2, in a cycle; the
     * second thread starts half-way round, so the two threads do not ask for the same web at the same moment.
     */
    private static Path egoWebCycle(String base, LocalDate asOf, Path work) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/municipalities")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        List<String> codes = new ArrayList<>();
        JsonMapper.builder().build().readTree(body).forEach(m -> codes.add(m.get("code").asString()));
        String lua = """
                local codes = {%s}
                local counter = 0
                local threads = 0
                function setup(thread)
                  thread:set("offset", threads * math.floor(#codes / 2))
                  threads = threads + 1
                end
                function init(args)
                  counter = offset or 0
                end
                function request()
                  local i = counter %% #codes + 1
                  local depth = math.floor(counter / #codes) %% 2 + 1
                  counter = counter + 1
                  return wrk.format("GET", "/api/analysis/web/" .. codes[i] .. "?depth=" .. depth .. "&asOf=%s")
                end
                """.formatted(String.join(",", codes.stream().map(c -> "\"" + c + "\"").toList()), asOf);
        Path script = work.resolve("ego-web-cycle.lua");
        Files.writeString(script, lua);
        System.out.printf("wrk script: %d municipality codes%n", codes.size());
        return script;
    }

    private static Double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : null;
    }

    /** A wrk latency percentile ("99%  12.34ms") in milliseconds. */
    private static Double millis(String text, String percentile) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)").matcher(text);
        if (!m.find()) {
            return null;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private void pages(String base, String hub, LocalDate asOf, Path work) {
        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary("/usr/bin/chromium");
        chrome.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,800",
                "--user-data-dir=" + work.resolve("chromium-profile"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
        ChromeDriver driver = new ChromeDriver(service, chrome);
        Map<String, Object> section = new LinkedHashMap<>();
        try {
            // The date goes in the address, as the pages keep it (and a copied link carries it).
            String dated = "asOf=" + asOf + "&lang=sv";
            String county = "county:" + hub.substring(0, 2);
            // Jämför: the hub beside its county's seat (SCB codes: every county has one ending in 80, and 81).
            String other = hub.substring(0, 2) + (hub.endsWith("80") ? "81" : "80");
            String[][] pages = {
                    {"index.html?code=" + hub + "&" + dated, "#node-list li"},
                    {"karta.html?" + dated, "path.leaflet-interactive"},
                    {"luckor.html?area=it&" + dated, "#gap-table tbody tr"},
                    {"vardkoncentration.html?scope=all&" + dated, "#host-bars li"},
                    {"natverk.html?" + dated, "#pair-table tbody tr"},
                    {"tidslinje.html?subject=" + hub + "&" + dated, "#summary p"},
                    {"mellanhander.html?scope=" + county + "&" + dated, "#broker-table tbody tr"},
                    {"jamfor.html?a=" + hub + "&b=" + other + "&" + dated, "#compare-table tbody tr"},
                    {"forandringar.html?from=" + asOf.minusYears(1) + "&to=" + asOf + "&" + dated, "#diff-table tbody tr, #changes .message.notice"},
                    {"rapport.html?code=" + hub + "&" + dated, "#report-picture svg"}};
            for (int round = 0; round < 2; round++) { // round 0 warms the server and the browser cache
                for (String[] page : pages) {
                    driver.get(base + "/" + page[0]);
                    Object ready;
                    try {
                        ready = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(10)).until(d ->
                                driver.executeScript("return document.querySelector(arguments[0]) && "
                                        + "!document.querySelector('.message.loading') ? performance.now() : null", page[1]));
                    } catch (RuntimeException e) {
                        ready = null;
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> nav = (Map<String, Object>) driver.executeScript(
                            "const n = performance.getEntriesByType('navigation')[0]; return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd};");
                    // where the time went: every request of the page (path, start, duration, bytes), from resource timing
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> resources = (List<Map<String, Object>>) driver.executeScript(
                            "return performance.getEntriesByType('resource').map(r => ({path: new URL(r.name).pathname + new URL(r.name).search,"
                                    + " start_ms: Math.round(r.startTime), duration_ms: Math.round(r.duration), response_end_ms: Math.round(r.responseEnd),"
                                    + " transfer_bytes: r.transferSize, body_bytes: r.decodedBodySize}));");
                    if (round == 1) {
                        Map<String, Object> one = new LinkedHashMap<>();
                        one.put("ready_selector", page[1]);
                        one.put("dom_content_loaded_ms", nav.get("dcl"));
                        one.put("load_event_end_ms", nav.get("load"));
                        one.put("content_ready_ms", ready);
                        one.put("resources", resources);
                        section.put(page[0].replaceAll("\\?.*", ""), one);
                        System.out.printf("page %-24s loadEventEnd %8.0f ms, content ready %s ms%n", page[0].replaceAll("\\?.*", ""),
                                ((Number) nav.get("load")).doubleValue(), ready == null ? "TIMEOUT" : String.format("%.0f", ((Number) ready).doubleValue()));
                        for (Map<String, Object> r : resources) {
                            System.out.printf("    %6s ms +%5s ms %8s B  %s%n", r.get("start_ms"), r.get("duration_ms"), r.get("body_bytes"), r.get("path"));
                        }
                    }
                }
            }
        } finally {
            driver.quit();
        }
        report.put("pages", section);
    }

    // ----------------------------------------------------------------------------------------- helpers

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        m.put("memory_gb", Math.round(os.getTotalMemorySize() / 1e9));
        m.put("load_average_1m", os.getSystemLoadAverage());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("started", java.time.OffsetDateTime.now().toString());
        return m;
    }

    private static Reader classpath(String path) throws IOException {
        return new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
    }

    private static List<Map<String, Object>> csv(Reader in, java.util.function.Function<CSVRecord, Map<String, Object>> f) throws IOException {
        try (in; var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                rows.add(f.apply(r));
            }
            return rows;
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Peak heap use between resets, sampled every 10 ms (GC makes exact peaks unobservable anyway). */
    private static final class HeapSampler {
        private volatile long peak;
        private volatile long overall;

        void start() {
            Thread t = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                var memory = ManagementFactory.getMemoryMXBean();
                while (true) {
                    long used = memory.getHeapMemoryUsage().getUsed();
                    if (used > peak) {
                        peak = used;
                    }
                    if (used > overall) {
                        overall = used;
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void reset() {
            peak = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        long peakMb() {
            return peak >> 20;
        }

        /** The peak of the whole run, never reset. */
        long overallPeakMb() {
            return overall >> 20;
        }
    }
}
