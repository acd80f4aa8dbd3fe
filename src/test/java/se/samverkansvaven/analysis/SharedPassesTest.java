package se.samverkansvaven.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;
import se.samverkansvaven.graph.BrandesBetweenness.Distance;
import se.samverkansvaven.graph.IndexedGraph;
import se.samverkansvaven.graph.BrandesBetweenness;
import se.samverkansvaven.graph.HarmonicCloseness;

/**
 * The speed-ups that share work between measures must give what the separate computations give: hop
 * betweenness with harmonic closeness from one BFS, and exit impact's before/after betweenness that reuses
 * the sources a removal cannot touch. The separate computations are the references (themselves checked
 * against NetworkX and JGraphT in {@link CentralityAnalysisTest}); the graph is the 3,000-vertex fixture, large
 * enough for the two parallel chunks.
 */
class SharedPassesTest {

    private static final IndexedGraph GENERATED = IndexedGraph.of(CentralityFixture.load("generated").graph());

    @Test
    void betweennessWithHarmonicIsBitForBitTheSeparateComputations() {
        BrandesBetweenness.WithHarmonic both = new BrandesBetweenness(Distance.HOPS).computeWithHarmonic(GENERATED);
        assertThat(both.betweenness()).containsExactly(new BrandesBetweenness(Distance.HOPS).compute(GENERATED));
        assertThat(both.harmonic()).containsExactly(new HarmonicCloseness().compute(GENERATED));
    }

    @Test
    void sampledCentralityWithEveryVertexAsPivotIsTheExactAnalysis() {
        Graph<String, DefaultWeightedEdge> graph = CentralityFixture.load("generated").graph();
        CentralityResult exact = new CentralityAnalysis().analyse(graph);
        CentralityResult all = new CentralityAnalysis(graph.vertexSet().size()).analyse(graph);
        assertThat(all).isEqualTo(exact);
        CentralityResult sampled = new CentralityAnalysis(300).analyse(graph);
        assertThat(sampled.vertices()).hasSameSizeAs(exact.vertices());
        for (int v = 0; v < exact.vertices().size(); v++) {
            // only betweenness is sampled
            assertThat(sampled.vertices().get(v).harmonicCloseness()).isEqualTo(exact.vertices().get(v).harmonicCloseness());
            assertThat(sampled.vertices().get(v).pageRank()).isEqualTo(exact.vertices().get(v).pageRank());
        }
        assertThatThrownBy(() -> new CentralityAnalysis(0)).hasMessageContaining("pivots");
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
            double[][] both = ExitImpactAnalysis.exactBeforeAfter(GENERATED, after);
            assertThat(both[0]).containsExactly(new BrandesBetweenness(Distance.HOPS).compute(GENERATED));
            double[] expected = new BrandesBetweenness(Distance.HOPS).compute(after);
            assertThat(both[1]).hasSize(expected.length);
            for (int v = 0; v < expected.length; v++) {
                assertThat(both[1][v]).as(after.id(v)).isCloseTo(expected[v], within(1e-12 * Math.max(1e-3, expected[v])));
            }
        }
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
