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
 *
 * <p>{@link #withClosenessFromPivots()} searches from the pivots only, for graphs where n searches are too many
 * (docs/scaling.md): betweenness is then bit for bit {@link BrandesBetweenness}'s with the same pivots, and harmonic
 * closeness is estimated from the same searches as Eppstein and Wang estimate closeness (D. Eppstein and J. Wang,
 * "Fast approximation of centrality", J. Graph Algorithms Appl. 8(1), 2004): Σ over the pivots s ≠ u of 1/d(s,u)
 * (d is symmetric), scaled by n/pivots, an unbiased estimate of Σ over every v ≠ u, then divided by n − 1 as the
 * exact value. Time O(pivots·m).
 */
public final class BetweennessAndCloseness implements GraphAlgorithm<BetweennessAndCloseness.Scores> {

    /** Both measures, one value per vertex each. */
    public record Scores(double[] betweenness, double[] harmonicCloseness) {}

    private final int pivots;
    private final long seed;
    private final int parallelism;
    private final boolean closenessFromPivots;

    /** Exact betweenness. */
    public BetweennessAndCloseness() {
        this(0, 0, SourceChunks.defaultParallelism(), false);
    }

    /** Betweenness from {@code pivots} sources drawn with the seed, as {@link BrandesBetweenness} draws them. */
    public BetweennessAndCloseness(int pivots, long seed) {
        this(BrandesBetweenness.requirePivots(pivots), seed, SourceChunks.defaultParallelism(), false);
    }

    private BetweennessAndCloseness(int pivots, long seed, int parallelism, boolean closenessFromPivots) {
        this.pivots = pivots;
        this.seed = seed;
        this.parallelism = parallelism;
        this.closenessFromPivots = closenessFromPivots;
    }

    /**
     * The same with harmonic closeness estimated from the pivots' searches too (see above), so only the pivots are
     * searched; without pivots, or with pivots ≥ n, both measures stay exact.
     */
    public BetweennessAndCloseness withClosenessFromPivots() {
        return new BetweennessAndCloseness(pivots, seed, parallelism, true);
    }

    /**
     * The same computation on at most {@code threads} threads (at least 1; by default the cores the JVM sees). The
     * result is bit-identical for every value.
     */
    public BetweennessAndCloseness withParallelism(int threads) {
        return new BetweennessAndCloseness(pivots, seed, SourceChunks.requireParallelism(threads), closenessFromPivots);
    }

    @Override
    public Scores compute(IndexedGraph g) {
        int n = g.vertexCount();
        int[] sources = BrandesBetweenness.sources(n, pivots, seed);
        if (closenessFromPivots && sources.length < n) {
            return fromPivots(g, sources);
        }
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
        double[][] sums = sum(chunks, n);
        double[] betweenness = sums[0];
        double[] harmonic = sums[1];
        BrandesBetweenness.normalise(betweenness, n, sources.length);
        if (n > 1) {
            for (int v = 0; v < n; v++) {
                harmonic[v] /= n - 1;
            }
        }
        return new Scores(betweenness, harmonic);
    }

    /** Both measures from the pivots' searches alone, chunked by draw position as {@link BrandesBetweenness}. */
    private Scores fromPivots(IndexedGraph g, int[] sources) {
        int n = g.vertexCount();
        double[][][] chunks = SourceChunks.run(parallelism, n, c -> {
            double[] bc = new double[n];
            double[] harmonic = new double[n];
            BreadthFirstDag from = new BreadthFirstDag(g);
            for (int i = c; i < sources.length; i += SourceChunks.CHUNKS) {
                if (from.forward(sources[i]) > 1) {
                    from.accumulate(bc);
                    from.addInverseDistances(harmonic);
                }
                from.clear();
            }
            return new double[][] {bc, harmonic};
        }, double[][][]::new);
        double[][] sums = sum(chunks, n);
        double[] betweenness = sums[0];
        double[] harmonic = sums[1];
        BrandesBetweenness.normalise(betweenness, n, sources.length);
        double scale = (double) n / sources.length / (n - 1); // sources.length < n, so n ≥ 2
        for (int v = 0; v < n; v++) {
            harmonic[v] *= scale;
        }
        return new Scores(betweenness, harmonic);
    }

    /** Each chunk's {betweenness, harmonic} added in chunk order, so the sums do not depend on the threads. */
    private static double[][] sum(double[][][] chunks, int n) {
        double[] betweenness = new double[n];
        double[] harmonic = new double[n];
        for (double[][] chunk : chunks) {
            for (int v = 0; v < n; v++) {
                betweenness[v] += chunk[0][v];
                harmonic[v] += chunk[1][v];
            }
        }
        return new double[][] {betweenness, harmonic};
    }
}
