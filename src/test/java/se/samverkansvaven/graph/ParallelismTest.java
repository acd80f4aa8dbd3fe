package se.samverkansvaven.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import se.samverkansvaven.graph.BrandesBetweenness.Distance;

/**
 * The all-sources algorithms give bit-identical doubles (exact equality, no tolerance) for every parallelism: the
 * reference is the sum of the chunks computed one after the other on the test's thread, in chunk order, with the
 * per-source work of Brandes' algorithm ({@link BrandesBetweenness#dependencies}), itself checked against NetworkX
 * and JGraphT in {@link BrandesBetweennessTest}. The graphs have at least 512 vertices, so the chunks do run on
 * separate threads: the 3,000-vertex fixture and random graphs with several components and integer weights.
 */
class ParallelismTest {

    private static final int[] PARALLELISMS = {1, 2, 3};

    private static List<IndexedGraph> graphs() {
        List<IndexedGraph> graphs = new ArrayList<>();
        graphs.add(CentralityFixture.load("generated").indexed());
        for (long seed = 1; seed <= 3; seed++) {
            graphs.add(random(600 + 150 * (int) seed, 4 + 2 * (int) seed, seed));
        }
        return graphs;
    }

    @Test
    void hopAndWeightedBetweennessAreTheChunksSummedInOrder() {
        for (IndexedGraph g : graphs()) {
            int n = g.vertexCount();
            int[] all = BrandesBetweenness.sources(n, 0, 0);
            double[] hops = sequential(n, all, c -> BrandesBetweenness.dependencies(new BreadthFirstDag(g), all, c));
            PathLengths lengths = PathLengths.of(integerWeights(g), n, PathLengths.Arithmetic.LONG);
            double[] weighted = sequential(n, all,
                    c -> BrandesBetweenness.dependencies(new DijkstraDag(g, lengths), all, c));
            int[] pivots = BrandesBetweenness.sources(n, n / 3, 5);
            double[] sampled = sequential(n, pivots,
                    c -> BrandesBetweenness.dependencies(new BreadthFirstDag(g), pivots, c));
            BrandesBetweenness.normalise(sampled, n, pivots.length);
            for (int p : PARALLELISMS) {
                assertThat(new BrandesBetweenness(Distance.HOPS).withParallelism(p).compute(g))
                        .as("hops, parallelism %d, n %d", p, n).containsExactly(hops);
                assertThat(new BrandesBetweenness(Distance.INVERSE_WEIGHT).withParallelism(p).compute(g))
                        .as("weighted, parallelism %d, n %d", p, n).containsExactly(weighted);
                assertThat(new BrandesBetweenness(Distance.HOPS, n / 3, 5).withParallelism(p).compute(g))
                        .as("pivots, parallelism %d, n %d", p, n).containsExactly(sampled);
            }
        }
    }

    @Test
    void betweennessWithClosenessIsTheSameForEveryParallelism() {
        for (IndexedGraph g : graphs()) {
            BetweennessAndCloseness.Scores one = new BetweennessAndCloseness().withParallelism(1).compute(g);
            BetweennessAndCloseness.Scores sampledOne = new BetweennessAndCloseness(g.vertexCount() / 4, 3)
                    .withParallelism(1).compute(g);
            assertThat(one.betweenness()).containsExactly(new BrandesBetweenness(Distance.HOPS).withParallelism(1).compute(g));
            for (int p : PARALLELISMS) {
                BetweennessAndCloseness.Scores other = new BetweennessAndCloseness().withParallelism(p).compute(g);
                assertThat(other.betweenness()).as("parallelism %d", p).containsExactly(one.betweenness());
                assertThat(other.harmonicCloseness()).as("parallelism %d", p).containsExactly(one.harmonicCloseness());
                BetweennessAndCloseness.Scores sampled = new BetweennessAndCloseness(g.vertexCount() / 4, 3)
                        .withParallelism(p).compute(g);
                assertThat(sampled.betweenness()).as("pivots, parallelism %d", p).containsExactly(sampledOne.betweenness());
                assertThat(sampled.harmonicCloseness()).containsExactly(one.harmonicCloseness());
                BetweennessAndCloseness.Scores fromPivots = new BetweennessAndCloseness(g.vertexCount() / 4, 3)
                        .withClosenessFromPivots().withParallelism(p).compute(g);
                BetweennessAndCloseness.Scores fromPivotsOne = new BetweennessAndCloseness(g.vertexCount() / 4, 3)
                        .withClosenessFromPivots().withParallelism(1).compute(g);
                assertThat(fromPivots.betweenness()).as("closeness from pivots, parallelism %d", p)
                        .containsExactly(fromPivotsOne.betweenness());
                assertThat(fromPivots.harmonicCloseness()).as("closeness from pivots, parallelism %d", p)
                        .containsExactly(fromPivotsOne.harmonicCloseness());
            }
        }
    }

    @Test
    void harmonicClosenessAloneIsTheSharedPassesClosenessForEveryParallelism() {
        for (IndexedGraph g : graphs()) {
            double[] shared = new BetweennessAndCloseness().withParallelism(1).compute(g).harmonicCloseness();
            for (int p : PARALLELISMS) {
                assertThat(new HarmonicCloseness().withParallelism(p).compute(g)).as("parallelism %d", p)
                        .containsExactly(shared);
            }
        }
    }

    @Test
    void betweennessAfterRemovalIsTheSameForEveryParallelism() {
        for (IndexedGraph g : graphs()) {
            IndexedGraph after = withoutHighestDegree(g);
            BetweennessAfterRemoval.Scores one = new BetweennessAfterRemoval().withParallelism(1).compute(g, after);
            for (int p : PARALLELISMS) {
                BetweennessAfterRemoval.Scores other = new BetweennessAfterRemoval().withParallelism(p).compute(g, after);
                assertThat(other.before()).as("parallelism %d", p).containsExactly(one.before());
                assertThat(other.after()).as("parallelism %d", p).containsExactly(one.after());
            }
        }
    }

    @Test
    void aParallelismBelowOneIsRefused() {
        assertThatThrownBy(() -> new BrandesBetweenness(Distance.HOPS).withParallelism(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism must be at least 1, was 0");
        assertThatThrownBy(() -> new BetweennessAndCloseness().withParallelism(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BetweennessAfterRemoval().withParallelism(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HarmonicCloseness().withParallelism(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The chunks' dependencies computed one after the other and added in chunk order, unnormalised. */
    private static double[] sequential(int n, int[] sources, java.util.function.IntFunction<double[]> chunk) {
        double[][] chunks = new double[SourceChunks.CHUNKS][];
        for (int c = 0; c < SourceChunks.CHUNKS; c++) {
            chunks[c] = chunk.apply(c);
        }
        double[] total = new double[n];
        for (double[] part : chunks) {
            for (int v = 0; v < n; v++) {
                total[v] += part[v];
            }
        }
        return sources.length == n ? BrandesBetweenness.normalise(total, n, n) : total;
    }

    private static long[] integerWeights(IndexedGraph g) {
        long[] out = new long[g.weights.length];
        for (int e = 0; e < out.length; e++) {
            out[e] = (long) g.weights[e];
        }
        return out;
    }

    /**
     * n vertices in three parts of different sizes (so the graph has several components, plus isolated vertices),
     * each part a random graph of the given mean degree, integer weights 1–6 (many equal-length shortest paths).
     */
    private static IndexedGraph random(int n, int meanDegree, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] ids = new String[n];
        for (int v = 0; v < n; v++) {
            ids[v] = String.format("v%05d", v);
        }
        int[] bounds = {0, n / 2, n * 5 / 6, n - 5};
        java.util.Set<Long> seen = new java.util.HashSet<>();
        List<int[]> edges = new ArrayList<>();
        for (int part = 0; part < 3; part++) {
            int from = bounds[part];
            int size = bounds[part + 1] - from;
            for (int k = 0; k < size * meanDegree / 2; k++) {
                int u = from + random.nextInt(size);
                int v = from + random.nextInt(size);
                if (u != v && seen.add((long) Math.min(u, v) * n + Math.max(u, v))) {
                    edges.add(new int[] {u, v});
                }
            }
        }
        double[] w = new double[edges.size()];
        for (int k = 0; k < w.length; k++) {
            w[k] = 1 + random.nextInt(6);
        }
        return IndexedGraph.fromEdges(ids, edges.stream().mapToInt(e -> e[0]).toArray(),
                edges.stream().mapToInt(e -> e[1]).toArray(), w);
    }

    private static IndexedGraph withoutHighestDegree(IndexedGraph g) {
        int hub = 0;
        for (int v = 0; v < g.vertexCount(); v++) {
            if (g.degree(v) > g.degree(hub)) {
                hub = v;
            }
        }
        List<String> ids = new ArrayList<>();
        int[] index = new int[g.vertexCount()];
        for (int v = 0; v < g.vertexCount(); v++) {
            index[v] = v == hub ? -1 : ids.size();
            if (v != hub) {
                ids.add(g.id(v));
            }
        }
        List<int[]> edges = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int u = 0; u < g.vertexCount(); u++) {
            for (int e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
                int v = g.targets[e];
                if (u < v && index[u] >= 0 && index[v] >= 0) {
                    edges.add(new int[] {index[u], index[v]});
                    weights.add(g.weights[e]);
                }
            }
        }
        return IndexedGraph.fromEdges(ids.toArray(String[]::new), edges.stream().mapToInt(x -> x[0]).toArray(),
                edges.stream().mapToInt(x -> x[1]).toArray(), weights.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
