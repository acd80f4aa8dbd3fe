package se.samverkansvaven.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.AsUnweightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samverkansvaven.graph.BrandesBetweenness.Distance;
import se.samverkansvaven.graph.PathLengths.Arithmetic;

/**
 * The own Brandes against independent references: JGraphT's betweenness for hop distances, and for exact weighted
 * lengths the three arithmetics against one another (and hand-worked ties). NetworkX's values are checked through
 * the centrality analysis ({@code CentralityAnalysisTest}).
 */
class BrandesBetweennessTest {

    // JGraphT's own Brandes (doubles) is the reference for hop distances; it is too slow for the 3,000-vertex graph.
    @ParameterizedTest
    @ValueSource(strings = {"small", "municipal"})
    void unweightedBetweennessMatchesJGraphT(String name) {
        Graph<String, DefaultWeightedEdge> graph = CentralityFixture.load(name).graph();
        IndexedGraph g = IndexedGraph.of(graph);
        int n = g.vertexCount();
        double[] ours = new BrandesBetweenness(Distance.HOPS).compute(g);
        // Unnormalised, JGraphT counts each unordered pair once; NetworkX's normalisation is 2/((n-1)(n-2)).
        Map<String, Double> pairs = new BetweennessCentrality<>(new AsUnweightedGraph<>(graph), false).getScores();
        for (int v = 0; v < n; v++) {
            double expected = pairs.get(g.id(v)) * 2 / ((n - 1.0) * (n - 2.0));
            assertThat(ours[v]).as(g.id(v)).isCloseTo(expected, within(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "municipal", "generated"})
    void bigIntegerPathAgreesWithLongPath(String name) {
        IndexedGraph g = CentralityFixture.load(name).indexed();
        double[] fast = new BrandesBetweenness(Distance.INVERSE_WEIGHT).compute(g);
        double[] big = new BrandesBetweenness(Distance.INVERSE_WEIGHT, Arithmetic.BIG).compute(g);
        for (int v = 0; v < g.vertexCount(); v++) {
            assertThat(big[v]).as(g.id(v)).isCloseTo(fast[v], within(1e-12 * Math.max(1, fast[v])));
        }
    }

    @Test
    void aPathSumThatOverflowsALongIsRedoneInAWiderArithmetic() {
        // L = lcm(1, 2^31, 2^31-1) = 2^62 - 2^31 fits a long, but three weight-1 edges (3L) do not.
        Graph<String, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        String[] path = {"a", "b", "c", "d", "e", "f", "g"};
        double[] weights = {1, 1, 1, 2147483648.0, 2147483647.0, 1};
        for (String v : path) {
            graph.addVertex(v);
        }
        for (int i = 0; i < weights.length; i++) {
            graph.setEdgeWeight(graph.addEdge(path[i], path[i + 1]), weights[i]);
        }
        graph.setEdgeWeight(graph.addEdge("a", "g"), 2147483647.0);
        IndexedGraph g = IndexedGraph.of(graph);
        assertThat(PathLengths.of(integers(g), g.vertexCount(), Arithmetic.LONG).arithmetic()).isEqualTo(Arithmetic.LONG);
        double[] fast = new BrandesBetweenness(Distance.INVERSE_WEIGHT).compute(g);
        double[] big = new BrandesBetweenness(Distance.INVERSE_WEIGHT, Arithmetic.BIG).compute(g);
        assertThat(fast).containsExactly(big);
    }

    @Test
    void theMultiLimbPathAgreesWithBigIntegerWhenTheLcmOverflowsALong() {
        // Weights 1..47: their lcm (~3e20) needs 69 bits; P at size M has weights in the tens to hundreds.
        Graph<String, DefaultWeightedEdge> graph = CentralityFixture.load("generated").graph();
        int i = 0;
        for (DefaultWeightedEdge e : new java.util.ArrayList<>(graph.edgeSet())) {
            graph.setEdgeWeight(e, 1 + (i++ * 7) % 47);
        }
        IndexedGraph g = IndexedGraph.of(graph);
        assertThat(PathLengths.of(integers(g), g.vertexCount(), Arithmetic.LONG).arithmetic()).isEqualTo(Arithmetic.MULTI_LIMB);
        double[] wide = new BrandesBetweenness(Distance.INVERSE_WEIGHT).compute(g);
        double[] big = new BrandesBetweenness(Distance.INVERSE_WEIGHT, Arithmetic.BIG).compute(g);
        for (int v = 0; v < g.vertexCount(); v++) {
            assertThat(wide[v]).as(g.id(v)).isCloseTo(big[v], within(1e-12 * Math.max(1, big[v])));
        }
    }

    @Test
    void pivotSamplingIsExactWithEveryVertexAndDeterministicWithFewer() {
        IndexedGraph g = CentralityFixture.load("generated").indexed();
        int n = g.vertexCount();
        double[] exact = new BrandesBetweenness(Distance.HOPS).compute(g);
        assertThat(new BrandesBetweenness(Distance.HOPS, n, 7).compute(g)).containsExactly(exact);
        double[] once = new BrandesBetweenness(Distance.HOPS, n / 4, 7).compute(g);
        assertThat(new BrandesBetweenness(Distance.HOPS, n / 4, 7).compute(g)).containsExactly(once);
        assertThat(once).isNotEqualTo(exact);
        assertThatThrownBy(() -> new BrandesBetweenness(Distance.HOPS, 0, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exactTiesSurviveWhenTheLcmOverflowsALong() {
        Graph<String, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        // a-b-c (1/6 + 1/6) ties a-c (1/3); a second component with large prime weights pushes L past 2^63.
        edge(graph, "a", "b", 6);
        edge(graph, "b", "c", 6);
        edge(graph, "a", "c", 3);
        edge(graph, "p", "q", 999_983);
        edge(graph, "q", "r", 999_979);
        edge(graph, "r", "s", 999_961);
        edge(graph, "s", "t", 999_959);
        IndexedGraph g = IndexedGraph.of(graph);
        assertThat(PathLengths.of(integers(g), g.vertexCount(), Arithmetic.LONG).arithmetic()).isEqualTo(Arithmetic.MULTI_LIMB);
        double[] bc = new BrandesBetweenness(Distance.INVERSE_WEIGHT).compute(g);
        int n = g.vertexCount();
        double scale = 2.0 / ((n - 1) * (n - 2));
        assertThat(bc[g.indexOf("b")]).isCloseTo(0.5 * scale, within(1e-15));
        // the path p-q-r-s-t: q carries (p,r),(p,s),(p,t); r carries (p,s),(p,t),(q,s),(q,t)
        assertThat(bc[g.indexOf("q")]).isCloseTo(3 * scale, within(1e-15));
        assertThat(bc[g.indexOf("r")]).isCloseTo(4 * scale, within(1e-15));
    }

    @Test
    void weightedBetweennessRefusesFractionalWeights() {
        Graph<String, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        edge(graph, "a", "b", 1.5);
        assertThatThrownBy(() -> new BrandesBetweenness(Distance.INVERSE_WEIGHT).compute(IndexedGraph.of(graph)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a-b").hasMessageContaining("1.5");
    }

    private static long[] integers(IndexedGraph g) {
        long[] out = new long[g.weights.length];
        for (int e = 0; e < out.length; e++) {
            out[e] = (long) g.weights[e];
        }
        return out;
    }

    private static void edge(Graph<String, DefaultWeightedEdge> graph, String u, String v, double w) {
        graph.addVertex(u);
        graph.addVertex(v);
        graph.setEdgeWeight(graph.addEdge(u, v), w);
    }
}
