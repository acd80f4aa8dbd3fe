package se.samverkansvaven.graph;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Betweenness centrality: for every vertex v, the share of shortest paths between pairs of other vertices that run
 * through v, c(v) = Σ_{s≠v≠t} σ_st(v) / σ_st. Computed by Brandes' algorithm (U. Brandes, "A faster algorithm for
 * betweenness centrality", J. Math. Sociol. 25(2), 2001): from each source a forward traversal counts shortest paths
 * and a backward pass accumulates the dependencies. Normalised as NetworkX 2.8 does for undirected graphs: each
 * unordered pair counted once, times {@code 2/((n-1)(n-2))}; every value is 0 for n ≤ 2.
 *
 * <p>Distances: {@link Distance#HOPS}, by breadth-first search; or {@link Distance#INVERSE_WEIGHT}, an edge of
 * weight w being 1/w long, by Dijkstra on lengths compared exactly ({@link PathLengths}: domain.md, analysis 2), for
 * which the weights must be integers (in P, numbers of shared bodies).
 *
 * <p>With {@code pivots}, the sum runs over that many sources drawn without replacement with a fixed seed and is
 * scaled by n/pivots (U. Brandes and C. Pich, "Centrality estimation in large networks", Int. J. Bifurcation and
 * Chaos 17(7), 2007; NetworkX's {@code k}); pivots ≥ n is the exact algorithm.
 *
 * <p>Time O(n·m) with hops; weighted O(n·(n + m) log n) with a binary heap, or O(n·(n + m + D/Δ)) with the bucket
 * queue {@link DijkstraDag} uses when the longest edge is at most a few thousand times the shortest Δ (D the largest
 * distance); O(pivots·…) sampled; memory O(n + m) per thread. With enough sources the weighted searches run on the
 * {@link EssentialSubgraph}, without the edges that lie on no shortest path: the same distances, path counts and DAG,
 * so the same values bit for bit, from fewer edges (in P about 40 % of them). Sources
 * are split into {@link SourceChunks} computed in parallel ({@link #withParallelism}) and summed in a fixed order, so
 * the result does not depend on the parallelism or the number of cores.
 */
public final class BrandesBetweenness implements GraphAlgorithm<double[]> {

    public enum Distance { HOPS, INVERSE_WEIGHT }

    private final Distance distance;
    private final int pivots;
    private final long seed;
    private final PathLengths.Arithmetic narrowest;
    private final int parallelism;

    /** Exact betweenness: every vertex a source. */
    public BrandesBetweenness(Distance distance) {
        this(distance, 0, 0, PathLengths.Arithmetic.LONG);
    }

    /** Betweenness estimated from {@code pivots} sources drawn with the given seed (at least 1; ≥ n is exact). */
    public BrandesBetweenness(Distance distance, int pivots, long seed) {
        this(distance, requirePivots(pivots), seed, PathLengths.Arithmetic.LONG);
    }

    /** Exact betweenness with path lengths in {@code narrowest} arithmetic or wider (tests of the wider ones). */
    BrandesBetweenness(Distance distance, PathLengths.Arithmetic narrowest) {
        this(distance, 0, 0, narrowest);
    }

    private BrandesBetweenness(Distance distance, int pivots, long seed, PathLengths.Arithmetic narrowest) {
        this(distance, pivots, seed, narrowest, SourceChunks.defaultParallelism());
    }

    private BrandesBetweenness(Distance distance, int pivots, long seed, PathLengths.Arithmetic narrowest,
                               int parallelism) {
        this.distance = distance;
        this.pivots = pivots;
        this.seed = seed;
        this.narrowest = narrowest;
        this.parallelism = parallelism;
    }

    /**
     * The same computation on at most {@code threads} threads (at least 1; by default the cores the JVM sees). The
     * result is bit-identical for every value.
     */
    public BrandesBetweenness withParallelism(int threads) {
        return new BrandesBetweenness(distance, pivots, seed, narrowest, SourceChunks.requireParallelism(threads));
    }

    static int requirePivots(int pivots) {
        if (pivots < 1) {
            throw new IllegalArgumentException("the number of pivots must be at least 1, was " + pivots);
        }
        return pivots;
    }

    @Override
    public double[] compute(IndexedGraph g) {
        int n = g.vertexCount();
        int[] sources = sources(n, pivots, seed);
        double[][] chunks;
        if (distance == Distance.HOPS) {
            chunks = SourceChunks.run(parallelism, n, c -> dependencies(new BreadthFirstDag(g), sources, c), double[][]::new);
        } else {
            IndexedGraph h = worthRemovingInessential(g, sources.length) ? new EssentialSubgraph().compute(g) : g;
            long[] weights = integerWeights(h); // refuses what has no exact length, naming the edge (or the subgraph did)
            PathLengths.Arithmetic arithmetic = narrowest;
            while (true) {
                PathLengths lengths = PathLengths.of(weights, n, arithmetic);
                chunks = SourceChunks.run(parallelism, n, c -> dependenciesOrNull(new DijkstraDag(h, lengths), sources, c),
                        double[][]::new);
                if (!Arrays.asList(chunks).contains(null)) {
                    break;
                }
                arithmetic = lengths.arithmetic().wider(); // a path sum overflowed: all chunks again, wider
            }
        }
        return normalise(SourceChunks.sum(chunks, n), n, sources.length);
    }

    /**
     * The unnormalised dependencies summed over the sources of one chunk, in source order: the per-source work of
     * Brandes' algorithm, to be summed over the chunks in chunk order.
     */
    static double[] dependencies(ShortestPathDag dag, int[] sources, int chunk) {
        double[] bc = new double[dag.sigma.length];
        for (int i = chunk; i < sources.length; i += SourceChunks.CHUNKS) {
            if (dag.forward(sources[i]) > 1) {
                dag.accumulate(bc);
            }
            dag.clear();
        }
        return bc;
    }

    private static double[] dependenciesOrNull(ShortestPathDag dag, int[] sources, int chunk) {
        try {
            return dependencies(dag, sources, chunk);
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    /** The sources: every vertex, or the first {@code pivots} of a seeded shuffle, ascending. */
    static int[] sources(int n, int pivots, long seed) {
        int[] all = new int[n];
        for (int v = 0; v < n; v++) {
            all[v] = v;
        }
        if (pivots == 0 || pivots >= n) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < pivots; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, pivots);
        Arrays.sort(chosen);
        return chosen;
    }

    /** In place: NetworkX's 2/((n-1)(n-2)) for undirected graphs (each pair counted from both ends), times n/sources. */
    static double[] normalise(double[] raw, int n, int sources) {
        if (n > 2) {
            double scale = 1.0 / ((double) (n - 1) * (n - 2)) * ((double) n / sources);
            for (int v = 0; v < n; v++) {
                raw[v] *= scale;
            }
        }
        return raw;
    }

    /**
     * Whether removing the edges that lie on no shortest path pays: it costs about as much as n/50 searches where
     * degrees are even (O(Σ deg²) and short bounded searches), and in P it takes half of each search's work away.
     */
    private static boolean worthRemovingInessential(IndexedGraph g, int sources) {
        long pairs = 0;
        for (int v = 0; v < g.vertexCount(); v++) {
            pairs += (long) g.degree(v) * g.degree(v);
        }
        return sources >= g.vertexCount() / 16 && pairs < (long) sources * g.targets.length;
    }

    /** The weights as exact integers; anything else has no exact 1/w distance here. */
    static long[] integerWeights(IndexedGraph g) {
        long[] out = new long[g.weights.length];
        for (int v = 0; v < g.vertexCount(); v++) {
            for (int e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
                double w = g.weights[e];
                if (w != Math.rint(w) || w >= 0x1p53) {
                    throw new IllegalArgumentException("weighted betweenness needs integer weights (numbers of "
                            + "shared bodies), but edge " + g.id(v) + "-" + g.id(g.targets[e]) + " has weight " + w);
                }
                out[e] = (long) w;
            }
        }
        return out;
    }
}
