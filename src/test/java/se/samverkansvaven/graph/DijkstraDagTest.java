package se.samverkansvaven.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The two queues of {@link DijkstraDag}: Dinitz's buckets give the binary heap's dependencies bit for bit (exact
 * equality), including where path counts pass 2<sup>53</sup> and the order of their sums would show, and with either
 * queue the marks are exactly the slots that join two final distances (the backward pass trusts them). The values
 * themselves are checked against NetworkX through {@code CentralityAnalysisTest} and by hand in
 * {@link BrandesBetweennessTest}.
 */
class DijkstraDagTest {

    @Test
    void theBucketsGiveTheHeapsDependenciesBitForBit() {
        for (long seed = 1; seed <= 4; seed++) {
            int maxWeight = seed % 2 == 0 ? 4 : 20;
            IndexedGraph g = random(300 + 100 * (int) seed, 6, maxWeight, seed);
            PathLengths lengths = lengths(g);
            assertThat(DijkstraDag.bucketCount(lengths)).as("seed %d uses the buckets", seed).isPositive();
            assertThat(dependencies(g, lengths, true)).as("seed %d", seed)
                    .containsExactly(dependencies(g, lengths, false));
        }
    }

    @Test
    void pathCountsPast2To53AreSummedInTheHeapsOrder() {
        // Layers of 6, each vertex joined to 3-5 of the layer before by weight-1 edges: path counts grow about
        // fourfold a layer, unequal, each the sum of 3-5 others, so past 2^53 the order of the sum shows.
        IndexedGraph g = layers(40, 6, 11);
        PathLengths lengths = lengths(g);
        assertThat(DijkstraDag.bucketCount(lengths)).isPositive();
        DijkstraDag heap = new DijkstraDag(g, lengths, false);
        heap.forward(0);
        double most = 0;
        for (double s : heap.sigma) {
            most = Math.max(most, s);
        }
        assertThat(most).as("the counts pass 2^53").isGreaterThan(0x1p60);
        heap.clear();
        assertThat(dependencies(g, lengths, true)).containsExactly(dependencies(g, lengths, false));
    }

    @Test
    void theMarksAreExactlyTheTightSlots() {
        for (IndexedGraph g : List.of(random(400, 8, 3, 7), kings(20, 5))) {
            PathLengths lengths = lengths(g);
            for (boolean buckets : new boolean[] {true, false}) {
                DijkstraDag dag = new DijkstraDag(g, lengths, buckets);
                PathLengths.Distances reference = lengths.distances(g.vertexCount());
                for (int s = 0; s < g.vertexCount(); s += 37) {
                    dag.forward(s);
                    finalDistances(g, reference, s);
                    for (int v = 0; v < g.vertexCount(); v++) {
                        for (int e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
                            int w = g.targets[e];
                            boolean tight = dag.sigma[v] > 0 && reference.tight(v, e, w);
                            assertThat(dag.marked(e)).as("buckets %s, source %d, slot %d", buckets, s, e).isEqualTo(tight);
                        }
                    }
                    dag.clear();
                    for (int v = 0; v < g.vertexCount(); v++) {
                        reference.forget(v);
                    }
                }
            }
        }
    }

    /** The final distances from s by Bellman–Ford on the exact lengths, independent of either queue. */
    private static void finalDistances(IndexedGraph g, PathLengths.Distances d, int s) {
        d.setSource(s);
        Set<Integer> reached = new HashSet<>(List.of(s));
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int v : List.copyOf(reached)) {
                for (int e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
                    int r = d.relax(v, e, g.targets[e]);
                    if (r == PathLengths.NEWLY_REACHED || r == PathLengths.SHORTER) {
                        reached.add(g.targets[e]);
                        changed = true;
                    }
                }
            }
        }
    }

    static double[] dependencies(IndexedGraph g, PathLengths lengths, boolean buckets) {
        int[] all = BrandesBetweenness.sources(g.vertexCount(), 0, 0);
        return BrandesBetweenness.dependencies(new DijkstraDag(g, lengths, buckets), all, 0);
    }

    static PathLengths lengths(IndexedGraph g) {
        long[] weights = new long[g.weights.length];
        for (int e = 0; e < weights.length; e++) {
            weights[e] = (long) g.weights[e];
        }
        return PathLengths.of(weights, g.vertexCount(), PathLengths.Arithmetic.LONG);
    }

    /** A random graph in two components plus isolated vertices, integer weights 1..maxWeight. */
    static IndexedGraph random(int n, int meanDegree, int maxWeight, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> seen = new HashSet<>();
        List<int[]> edges = new ArrayList<>();
        int[] bounds = {0, n * 2 / 3, n - 3};
        for (int part = 0; part < 2; part++) {
            int from = bounds[part];
            int size = bounds[part + 1] - from;
            for (int k = 0; k < size * meanDegree / 2; k++) {
                int u = from + random.nextInt(size);
                int v = from + random.nextInt(size);
                if (u != v && seen.add((long) Math.min(u, v) * n + Math.max(u, v))) {
                    edges.add(new int[] {u, v, 1 + random.nextInt(maxWeight)});
                }
            }
        }
        return graph(n, edges);
    }

    /** {@code count} layers of {@code width} vertices, each joined to 3-5 random vertices of the layer before, weight 1. */
    private static IndexedGraph layers(int count, int width, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> edges = new ArrayList<>();
        for (int layer = 1; layer < count; layer++) {
            for (int i = 0; i < width; i++) {
                int v = layer * width + i;
                Set<Integer> before = new HashSet<>();
                for (int k = 3 + random.nextInt(3); before.size() < k; ) {
                    before.add((layer - 1) * width + random.nextInt(width));
                }
                for (int u : before) {
                    edges.add(new int[] {u, v, 1});
                }
            }
        }
        return graph(count * width, edges);
    }

    /** A side × side king's graph, every edge of weight 1 except every {@code every}-th, of weight 2. */
    static IndexedGraph kings(int side, int every) {
        List<int[]> edges = new ArrayList<>();
        int k = 0;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int v = r * side + c;
                int[][] ahead = {{0, 1}, {1, -1}, {1, 0}, {1, 1}};
                for (int[] d : ahead) {
                    int r2 = r + d[0];
                    int c2 = c + d[1];
                    if (r2 < side && c2 >= 0 && c2 < side) {
                        edges.add(new int[] {v, r2 * side + c2, ++k % every == 0 ? 2 : 1});
                    }
                }
            }
        }
        return graph(side * side, edges);
    }

    static IndexedGraph graph(int n, List<int[]> edges) {
        String[] ids = new String[n];
        for (int v = 0; v < n; v++) {
            ids[v] = String.format("v%05d", v);
        }
        return IndexedGraph.fromEdges(ids, edges.stream().mapToInt(e -> e[0]).toArray(),
                edges.stream().mapToInt(e -> e[1]).toArray(), edges.stream().mapToDouble(e -> e[2]).toArray());
    }
}
