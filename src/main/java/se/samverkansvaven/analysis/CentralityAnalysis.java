package se.samverkansvaven.analysis;

import java.util.ArrayList;
import java.util.List;
import se.samverkansvaven.analysis.CentralityResult.Bridge;
import se.samverkansvaven.analysis.CentralityResult.Ranks;
import se.samverkansvaven.analysis.CentralityResult.VertexCentrality;
import se.samverkansvaven.graph.BetweennessAndCloseness;
import se.samverkansvaven.graph.Biconnectivity;
import se.samverkansvaven.graph.BrandesBetweenness.Distance;
import se.samverkansvaven.graph.BrandesBetweenness;
import se.samverkansvaven.graph.CompetitionRanks;
import se.samverkansvaven.graph.Coreness;
import se.samverkansvaven.graph.IndexedGraph;
import se.samverkansvaven.graph.LocalClustering;
import se.samverkansvaven.graph.PageRank;
import se.samverkansvaven.graph.StructuralHoles;

/**
 * Every centrality measure of domain.md analysis 2 on a weighted actor projection (P, or the induced
 * subgraph of a scope, see {@link ActorProjection#induced}). Conventions are NetworkX 2.8's:
 * <ul>
 * <li>degree = number of partners; strength = sum of the weights (shared bodies);</li>
 * <li>betweenness normalised by 2/((n−1)(n−2)), zeros for n ≤ 2; weighted betweenness with distance 1/w,
 * shortest paths compared exactly ({@link BrandesBetweenness});</li>
 * <li>harmonic closeness = Σ 1/d over reachable v ≠ u, d in hops, divided by n − 1, from the searches of hop
 * betweenness ({@link BetweennessAndCloseness}; with pivots estimated from the pivots' searches);</li>
 * <li>PageRank, damping 0.85 on w, dangling vertices spread uniformly ({@link PageRank});</li>
 * <li>local clustering and coreness unweighted ({@link LocalClustering}, {@link Coreness});</li>
 * <li>Burt's constraint and effective size with w, null for isolated vertices ({@link StructuralHoles});</li>
 * <li>articulation points and bridges ({@link Biconnectivity});</li>
 * <li>competition ranks of every numeric measure ({@link CompetitionRanks}).</li>
 * </ul>
 * Isolated vertices: degree, strength, betweenness, closeness, clustering and coreness 0; PageRank from the
 * uniform spread of dangling vertices; constraint and effective size null.
 */
public final class CentralityAnalysis {

    /** Seed of the pivot draw, fixed so a sampled result is reproducible. */
    static final long PIVOT_SEED = 1L;

    private final int pivots;
    private final int parallelism;

    /** Exact betweenness (every vertex a source). */
    public CentralityAnalysis() {
        this(0, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Both betweenness measures and harmonic closeness estimated from {@code pivots} sources (seed
     * {@link #PIVOT_SEED}), for graphs too large for searches from every vertex (docs/scaling.md): betweenness as
     * Brandes and Pich, closeness as Eppstein and Wang ({@link BetweennessAndCloseness#withClosenessFromPivots()});
     * every other measure stays exact. With pivots ≥ the number of vertices it is the exact analysis.
     */
    public CentralityAnalysis(int pivots) {
        if (pivots < 1) {
            throw new IllegalArgumentException("centrality: the number of pivots must be at least 1, was " + pivots);
        }
        this(pivots, Runtime.getRuntime().availableProcessors());
    }

    private CentralityAnalysis(int pivots, int parallelism) {
        this.pivots = pivots;
        this.parallelism = parallelism;
    }

    /**
     * The same analysis with the all-sources traversals (both betweenness measures, harmonic closeness) on at most
     * {@code threads} threads (by default the cores the JVM sees); the result is identical for every value.
     */
    public CentralityAnalysis withParallelism(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("centrality: the parallelism must be at least 1, was " + threads);
        }
        return new CentralityAnalysis(pivots, threads);
    }

    public CentralityResult analyse(IndexedGraph g) {
        int n = g.vertexCount();
        double[] degree = new double[n];
        double[] strength = new double[n];
        for (int v = 0; v < n; v++) {
            degree[v] = g.degree(v);
            strength[v] = g.strength(v);
        }
        BetweennessAndCloseness.Scores hops = (pivots == 0 ? new BetweennessAndCloseness()
                : new BetweennessAndCloseness(pivots, PIVOT_SEED).withClosenessFromPivots())
                .withParallelism(parallelism).compute(g);
        double[] betweenness = hops.betweenness();
        double[] harmonic = hops.harmonicCloseness();
        double[] weighted = (pivots == 0 ? new BrandesBetweenness(Distance.INVERSE_WEIGHT)
                : new BrandesBetweenness(Distance.INVERSE_WEIGHT, pivots, PIVOT_SEED)).withParallelism(parallelism).compute(g);
        double[] pageRank = new PageRank().compute(g);
        double[] clustering = new LocalClustering().compute(g);
        int[] cores = new Coreness().compute(g);
        double[] coreness = new double[n];
        for (int v = 0; v < n; v++) {
            coreness[v] = cores[v];
        }
        StructuralHoles.Values holes = new StructuralHoles().compute(g);
        Biconnectivity.Result bicon = new Biconnectivity().compute(g);

        Integer[] rDegree = CompetitionRanks.of(degree);
        Integer[] rStrength = CompetitionRanks.of(strength);
        Integer[] rBetweenness = CompetitionRanks.of(betweenness);
        Integer[] rWeighted = CompetitionRanks.of(weighted);
        Integer[] rHarmonic = CompetitionRanks.of(harmonic);
        Integer[] rPageRank = CompetitionRanks.of(pageRank);
        Integer[] rClustering = CompetitionRanks.of(clustering);
        Integer[] rCoreness = CompetitionRanks.of(coreness);
        Integer[] rConstraint = CompetitionRanks.of(holes.constraint());
        Integer[] rEffective = CompetitionRanks.of(holes.effectiveSize());

        List<VertexCentrality> vertices = new ArrayList<>(n);
        List<String> articulationPoints = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (bicon.articulation()[v]) {
                articulationPoints.add(g.id(v));
            }
            vertices.add(new VertexCentrality(
                    g.id(v),
                    g.degree(v),
                    strength[v],
                    betweenness[v],
                    weighted[v],
                    harmonic[v],
                    pageRank[v],
                    clustering[v],
                    cores[v],
                    orNull(holes.constraint()[v]),
                    orNull(holes.effectiveSize()[v]),
                    bicon.articulation()[v],
                    new Ranks(rDegree[v], rStrength[v], rBetweenness[v], rWeighted[v], rHarmonic[v],
                            rPageRank[v], rClustering[v], rCoreness[v], rConstraint[v], rEffective[v])));
        }
        List<Bridge> bridges = new ArrayList<>();
        for (int[] b : bicon.bridges()) {
            // Indices ascend with ids, so the lower index is the lower id.
            bridges.add(new Bridge(g.id(b[0]), g.id(b[1]), g.weight(b[0], b[1])));
        }
        return new CentralityResult(n, g.edgeCount(), List.copyOf(vertices), List.copyOf(articulationPoints),
                List.copyOf(bridges));
    }

    private static Double orNull(double x) {
        return Double.isNaN(x) ? null : x;
    }
}
