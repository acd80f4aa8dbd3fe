package se.samverkansvaven.graph;

/**
 * Harmonic closeness alone: for every vertex u, Σ 1/d(u,v) over the vertices v ≠ u reachable from u, d in hops,
 * divided by n − 1 (M. Marchiori and V. Latora, "Harmony in the small-world", Physica A 285, 2000; NetworkX's
 * {@code harmonic_centrality} / (n − 1)); 0 when n ≤ 1. Bit for bit the closeness of {@link BetweennessAndCloseness}
 * (the same discovery order, each vertex's sum in that order), by a plain breadth-first search without the path counts
 * and the backward pass of betweenness: for a caller that needs closeness only.
 *
 * <p>Time O(n·m), memory O(n + m) per thread; the sources are spread over threads as in {@link BrandesBetweenness},
 * and since each vertex's value comes from its own search alone, the result is the same for every parallelism.
 */
public final class HarmonicCloseness implements GraphAlgorithm<double[]> {

    private final int parallelism;

    /** On as many threads as the JVM sees cores. */
    public HarmonicCloseness() {
        this(SourceChunks.defaultParallelism());
    }

    private HarmonicCloseness(int parallelism) {
        this.parallelism = parallelism;
    }

    /** The same computation on at most {@code threads} threads (at least 1). */
    public HarmonicCloseness withParallelism(int threads) {
        return new HarmonicCloseness(SourceChunks.requireParallelism(threads));
    }

    @Override
    public double[] compute(IndexedGraph g) {
        int n = g.vertexCount();
        double[][] chunks = SourceChunks.run(parallelism, n, c -> {
            double[] harmonic = new double[n];
            int[] dist = new int[n];
            int[] order = new int[n];
            java.util.Arrays.fill(dist, -1);
            for (int s = c; s < n; s += SourceChunks.CHUNKS) {
                harmonic[s] = search(g, s, dist, order);
            }
            return harmonic;
        }, double[][]::new);
        double[] harmonic = SourceChunks.sum(chunks, n);
        if (n > 1) {
            for (int v = 0; v < n; v++) {
                harmonic[v] /= n - 1;
            }
        }
        return harmonic;
    }

    /**
     * Σ 1/d from s by breadth-first search, added in discovery order (as {@link BreadthFirstDag#harmonic}, which
     * visits in the same order); leaves {@code dist} all −1 again.
     */
    private static double search(IndexedGraph g, int s, int[] dist, int[] order) {
        int[] off = g.offsets;
        int[] tg = g.targets;
        int head = 0;
        int tail = 0;
        order[tail++] = s;
        dist[s] = 0;
        double sum = 0;
        while (head < tail) {
            int v = order[head++];
            int next = dist[v] + 1;
            for (int e = off[v], end = off[v + 1]; e < end; e++) {
                int w = tg[e];
                if (dist[w] < 0) {
                    dist[w] = next;
                    order[tail++] = w;
                }
            }
        }
        for (int i = 1; i < tail; i++) {
            sum += 1.0 / dist[order[i]];
        }
        for (int i = 0; i < tail; i++) {
            dist[order[i]] = -1;
        }
        return sum;
    }
}
