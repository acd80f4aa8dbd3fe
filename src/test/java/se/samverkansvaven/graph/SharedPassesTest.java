package se.samverkansvaven.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import se.samverkansvaven.graph.BrandesBetweenness.Distance;

/**
 * The speed-ups that share work between measures must give what the separate computations give: hop
 * betweenness with harmonic closeness from one BFS, and exit impact's before/after betweenness that reuses
 * the sources a removal cannot touch. The separate computations are the references (themselves checked
 * against NetworkX and JGraphT in {@link BrandesBetweennessTest} and the centrality analysis' test); the graph is
 * the 3,000-vertex fixture, large enough for the two parallel chunks.
 */
class SharedPassesTest {

    private static final IndexedGraph GENERATED = CentralityFixture.load("generated").indexed();

    @Test
    void betweennessWithHarmonicIsBitForBitTheSeparateComputations() {
        BetweennessAndCloseness.Scores both = new BetweennessAndCloseness().compute(GENERATED);
        assertThat(both.betweenness()).containsExactly(new BrandesBetweenness(Distance.HOPS).compute(GENERATED));
        assertThat(both.harmonicCloseness()).containsExactly(harmonicCloseness(GENERATED));
    }

    @Test
    void sampledBetweennessWithHarmonicDrawsTheSamePivots() {
        double[] sampled = new BetweennessAndCloseness(300, 7).compute(GENERATED).betweenness();
        double[] alone = new BrandesBetweenness(Distance.HOPS, 300, 7).compute(GENERATED);
        for (int v = 0; v < sampled.length; v++) { // chunked by vertex, not by draw: equal up to rounding
            assertThat(sampled[v]).isCloseTo(alone[v], within(1e-12 * Math.max(1e-3, alone[v])));
        }
        assertThat(sampled).isNotEqualTo(new BetweennessAndCloseness().compute(GENERATED).betweenness());
    }

    @Test
    void closenessFromPivotsIsEppsteinWangsEstimateFromThePivotsSearches() {
        int n = GENERATED.vertexCount();
        BetweennessAndCloseness.Scores sampled = new BetweennessAndCloseness(300, 7).withClosenessFromPivots().compute(GENERATED);
        // betweenness: the same pivots, chunked by draw as BrandesBetweenness, so bit for bit its values
        assertThat(sampled.betweenness()).containsExactly(new BrandesBetweenness(Distance.HOPS, 300, 7).compute(GENERATED));
        // closeness: Σ over the pivots s ≠ u of 1/d(s,u), by a plain BFS from each pivot, × n/300 / (n − 1)
        double[] expected = new double[n];
        for (int s : BrandesBetweenness.sources(n, 300, 7)) {
            int[] dist = hops(GENERATED, s);
            for (int u = 0; u < n; u++) {
                if (u != s && dist[u] > 0) {
                    expected[u] += 1.0 / dist[u];
                }
            }
        }
        double[] exact = harmonicCloseness(GENERATED);
        double meanError = 0;
        for (int u = 0; u < n; u++) {
            expected[u] *= (double) n / 300 / (n - 1);
            assertThat(sampled.harmonicCloseness()[u]).isCloseTo(expected[u], within(1e-12 * Math.max(1e-3, expected[u])));
            meanError += Math.abs(expected[u] - exact[u]) / exact[u] / n;
        }
        assertThat(meanError).as("an estimate near the exact values (300 of %d sources)", n).isLessThan(0.1);
        // every vertex a pivot: the exact computation
        BetweennessAndCloseness.Scores all = new BetweennessAndCloseness(n, 7).withClosenessFromPivots().compute(GENERATED);
        assertThat(all.harmonicCloseness()).containsExactly(new BetweennessAndCloseness().compute(GENERATED).harmonicCloseness());
    }

    /** Hops from s by a plain BFS; -1 where not reached. */
    private static int[] hops(IndexedGraph g, int s) {
        int[] dist = new int[g.vertexCount()];
        Arrays.fill(dist, -1);
        int[] queue = new int[g.vertexCount()];
        int head = 0;
        int tail = 0;
        queue[tail++] = s;
        dist[s] = 0;
        while (head < tail) {
            int v = queue[head++];
            for (int w : g.neighbours(v)) {
                if (dist[w] < 0) {
                    dist[w] = dist[v] + 1;
                    queue[tail++] = w;
                }
            }
        }
        return dist;
    }

    @Test
    void exitBetweennessReusingUntouchedSourcesEqualsARecomputation() {
        // Remove the highest-degree vertex (as when the hub leaves everything) and, separately, a few edges.
        int n = GENERATED.vertexCount();
        int hub = 0;
        for (int v = 0; v < n; v++) {
            if (GENERATED.degree(v) > GENERATED.degree(hub)) {
                hub = v;
            }
        }
        SplittableRandom random = new SplittableRandom(7);
        boolean[] dropEdge = new boolean[GENERATED.targets.length];
        for (int i = 0; i < 5; i++) {
            dropEdge[random.nextInt(dropEdge.length)] = true;
        }
        for (IndexedGraph after : List.of(without(GENERATED, hub, new boolean[dropEdge.length]), without(GENERATED, -1, dropEdge))) {
            BetweennessAfterRemoval.Scores both = new BetweennessAfterRemoval().compute(GENERATED, after);
            assertThat(both.before()).containsExactly(new BrandesBetweenness(Distance.HOPS).compute(GENERATED));
            double[] expected = new BrandesBetweenness(Distance.HOPS).compute(after);
            assertThat(both.after()).hasSize(expected.length);
            for (int v = 0; v < expected.length; v++) {
                assertThat(both.after()[v]).as(after.id(v)).isCloseTo(expected[v], within(1e-12 * Math.max(1e-3, expected[v])));
            }
        }
    }

    @Test
    void aGraphThatIsNotASubgraphIsComputedInFull() {
        IndexedGraph other = IndexedGraph.fromEdges(new String[] {"x", "y", "z"}, new int[] {0, 1}, new int[] {1, 2},
                new double[] {1, 1});
        BetweennessAfterRemoval.Scores both = new BetweennessAfterRemoval().compute(GENERATED, other);
        assertThat(both.after()).containsExactly(0.0, 1.0, 0.0); // y is on the one path x-z: 1 pair × 2/(2·1)
    }

    /**
     * Harmonic closeness the plain way, as the reference: one BFS per source, Σ 1/d in discovery order, / (n − 1).
     */
    private static double[] harmonicCloseness(IndexedGraph g) {
        int n = g.vertexCount();
        double[] out = new double[n];
        int[] dist = new int[n];
        int[] queue = new int[n];
        for (int s = 0; s < n; s++) {
            Arrays.fill(dist, -1);
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            dist[s] = 0;
            double sum = 0;
            while (head < tail) {
                int v = queue[head++];
                for (int w : g.neighbours(v)) {
                    if (dist[w] < 0) {
                        dist[w] = dist[v] + 1;
                        queue[tail++] = w;
                        sum += 1.0 / dist[w];
                    }
                }
            }
            out[s] = n > 1 ? sum / (n - 1) : 0;
        }
        return out;
    }

    /** g without vertex {@code drop} (-1: none) and without the edges whose slot (either end) is marked. */
    private static IndexedGraph without(IndexedGraph g, int drop, boolean[] dropSlot) {
        List<String> ids = new ArrayList<>();
        int[] index = new int[g.vertexCount()];
        for (int v = 0; v < g.vertexCount(); v++) {
            index[v] = v == drop ? -1 : ids.size();
            if (v != drop) {
                ids.add(g.id(v));
            }
        }
        boolean[] dropped = dropSlot.clone();
        for (int u = 0; u < g.vertexCount(); u++) {
            for (int e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
                if (dropped[e]) { // mark the twin slot v->u too
                    int v = g.targets[e];
                    for (int f = g.offsets[v]; f < g.offsets[v + 1]; f++) {
                        if (g.targets[f] == u) {
                            dropped[f] = true;
                        }
                    }
                }
            }
        }
        List<int[]> edges = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int u = 0; u < g.vertexCount(); u++) {
            for (int e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
                int v = g.targets[e];
                if (u < v && !dropped[e] && index[u] >= 0 && index[v] >= 0) {
                    edges.add(new int[] {index[u], index[v]});
                    weights.add(g.weights[e]);
                }
            }
        }
        return IndexedGraph.fromEdges(ids.toArray(String[]::new), edges.stream().mapToInt(x -> x[0]).toArray(),
                edges.stream().mapToInt(x -> x[1]).toArray(), weights.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
