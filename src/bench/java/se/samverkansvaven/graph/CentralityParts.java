package se.samverkansvaven.graph;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import se.samverkansvaven.analysis.CentralityAnalysis;
import se.samverkansvaven.bench.Median;
import se.samverkansvaven.graph.BrandesBetweenness.Distance;

/**
 * Where the time of {@code CentralityAnalysis} on all of P goes: each of its parts timed alone on an edge list the
 * bench harness wrote (--edges), then the whole analysis, each with a SHA-256 over every value of its result (the
 * records' or arrays' text, whose doubles print exactly) to check that a change leaves the answers identical. Not a
 * test (bench/README.md).
 *
 * <pre>CentralityParts EDGES [threads=2] [repeats=3] [parts=hop,weighted,rest,whole,sampleK]</pre>
 */
public final class CentralityParts {

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        IndexedGraph g = EdgeLists.read(Path.of(args[0]));
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        java.util.List<String> parts = java.util.List.of((args.length > 3 ? args[3] : "hop,weighted,rest,whole").split(","));
        System.out.printf("n %d, m %d, %d threads, load %.2f%n", g.vertexCount(), g.edgeCount(), threads,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Map<String, Supplier<Object>> runs = new LinkedHashMap<>();
        if (parts.contains("hop")) {
            runs.put("hop betweenness + harmonic", () -> new BetweennessAndCloseness().withParallelism(threads).compute(g));
        }
        if (parts.contains("weighted")) {
            runs.put("weighted betweenness", () -> new BrandesBetweenness(Distance.INVERSE_WEIGHT).withParallelism(threads).compute(g));
        }
        int sample = parts.stream().filter(p -> p.startsWith("sample")).mapToInt(p -> Integer.parseInt(p.substring(6)))
                .findFirst().orElse(0);
        if (sample > 0) { // the per-source work alone, on that many pivots (a quick A/B on a busy machine)
            runs.put("hop betweenness, " + sample + " pivots",
                    () -> new BrandesBetweenness(Distance.HOPS, sample, 1).withParallelism(threads).compute(g));
            runs.put("weighted betweenness, " + sample + " pivots",
                    () -> new BrandesBetweenness(Distance.INVERSE_WEIGHT, sample, 1).withParallelism(threads).compute(g));
        }
        if (parts.contains("rest")) {
            runs.put("pagerank", () -> new PageRank().compute(g));
            runs.put("clustering", () -> new LocalClustering().compute(g));
            runs.put("coreness", () -> new Coreness().compute(g));
            runs.put("structural holes", () -> new StructuralHoles().compute(g));
            runs.put("biconnectivity", () -> new Biconnectivity().compute(g));
        }
        if (parts.contains("whole")) {
            runs.put("whole CentralityAnalysis", () -> new CentralityAnalysis().withParallelism(threads).analyse(g));
        }
        for (var run : runs.entrySet()) {
            Object result = run.getValue().get(); // warm-up
            double[] t = new double[repeats];
            double[] cpu = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                result = run.getValue().get();
                t[r] = (System.nanoTime() - t0) / 1e9;
                cpu[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
            }
            // on one thread the caller's CPU time is the work's, steadier than wall time on a busy machine
            System.out.printf("%-36s median %9.4f s wall, %9.4f s CPU of the caller  %s  SHA-256 %s%n", run.getKey(),
                    Median.of(t), Median.of(cpu), Arrays.toString(cpu), sha256(result));
        }
    }

    /** A digest of every value: the records' text (doubles print exactly), or the arrays'. */
    private static String sha256(Object result) throws Exception {
        String text = switch (result) {
            case double[] a -> Arrays.toString(a);
            case int[] a -> Arrays.toString(a);
            case BetweennessAndCloseness.Scores s -> Arrays.toString(s.betweenness()) + Arrays.toString(s.harmonicCloseness());
            case StructuralHoles.Values v -> Arrays.toString(v.constraint()) + Arrays.toString(v.effectiveSize());
            case Biconnectivity.Result r -> Arrays.toString(r.articulation()) + r.bridges().stream().map(Arrays::toString).toList();
            default -> result.toString();
        };
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 16);
    }
}
