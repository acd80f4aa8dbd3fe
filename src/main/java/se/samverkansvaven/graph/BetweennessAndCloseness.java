package se.samverkansvaven.graph;

/**
 * Hop-distance betweenness ({@link BrandesBetweenness} with {@link BrandesBetweenness.Distance#HOPS}) and harmonic
 * closeness from the same breadth-first search per vertex, since a centrality report needs both and the search is
 * half of Brandes' work. Harmonic closeness of u is Σ 1/d(u,v) over the vertices v ≠ u reachable from u, d in hops,
 * divided by n − 1 (M. Marchiori and V. Latora, "Harmony in the small-world", Physica A 285, 2000; NetworkX's
 * {@code harmonic_centrality} / (n − 1)); 0 when n ≤ 1. Each vertex's sum is taken in its own discovery order.
 *
 * <p>Exact betweenness is bit for bit {@link BrandesBetweenness}'s. With pivots every vertex still gets its search
 * (closeness stays exact) and only the pivots accumulate; the pivots' sums are then chunked by vertex rather than by
 * draw position, so they may differ from {@link BrandesBetweenness}'s in the last bits (deterministic all the same).
 * Time O(n·m), memory O(n + m) per thread; the sources are spread over threads as in {@link BrandesBetweenness}.
 */
public final class BetweennessAndCloseness implements GraphAlgorithm<BetweennessAndCloseness.Scores> {

    /** Both measures, one value per vertex each. */
    public record Scores(double[] betweenness, double[] harmonicCloseness) {}

    private final int pivots;
    private final long seed;
    private final int parallelism;

    /** Exact betweenness. */
    public BetweennessAndCloseness() {
        this(0, 0, SourceChunks.defaultParallelism());
    }

    /** Betweenness from {@code pivots} sources drawn with the seed, as {@link BrandesBetweenness} draws them. */
    public BetweennessAndCloseness(int pivots, long seed) {
        this(BrandesBetweenness.requirePivots(pivots), seed, SourceChunks.defaultParallelism());
    }

    private BetweennessAndCloseness(int pivots, long seed, int parallelism) {
        this.pivots = pivots;
        this.seed = seed;
        this.parallelism = parallelism;
    }

    /**
     * The same computation on at most {@code threads} threads (at least 1; by default the cores the JVM sees). The
     * result is bit-identical for every value.
     */
    public BetweennessAndCloseness withParallelism(int threads) {
        return new BetweennessAndCloseness(pivots, seed, SourceChunks.requireParallelism(threads));
    }

    @Override
    public Scores compute(IndexedGraph g) {
        int n = g.vertexCount();
        int[] sources = BrandesBetweenness.sources(n, pivots, seed);
        boolean[] pivot = new boolean[n];
        for (int s : sources) {
            pivot[s] = true;
        }
        double[][][] chunks = SourceChunks.run(parallelism, n, c -> {
            double[] bc = new double[n];
            double[] harmonic = new double[n];
            BreadthFirstDag from = new BreadthFirstDag(g);
            for (int s = c; s < n; s += SourceChunks.CHUNKS) {
                if (from.forward(s) > 1) {
                    harmonic[s] = from.harmonic();
                    if (pivot[s]) {
                        from.accumulate(bc);
                    }
                }
                from.clear();
            }
            return new double[][] {bc, harmonic};
        }, double[][][]::new);
        double[] betweenness = new double[n];
        double[] harmonic = new double[n];
        for (double[][] chunk : chunks) {
            for (int v = 0; v < n; v++) {
                betweenness[v] += chunk[0][v];
                harmonic[v] += chunk[1][v];
            }
        }
        BrandesBetweenness.normalise(betweenness, n, sources.length);
        if (n > 1) {
            for (int v = 0; v < n; v++) {
                harmonic[v] /= n - 1;
            }
        }
        return new Scores(betweenness, harmonic);
    }
}
