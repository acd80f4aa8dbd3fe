package se.samverkansvaven.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samverkansvaven.analysis.CentralityResult.Bridge;
import se.samverkansvaven.analysis.CentralityResult.VertexCentrality;
import se.samverkansvaven.graph.CentralityFixture;
import se.samverkansvaven.graph.IndexedGraph;

class CentralityAnalysisTest {

    private final CentralityAnalysis analysis = new CentralityAnalysis();

    private static Map<String, VertexCentrality> byId(CentralityResult result) {
        return result.vertices().stream().collect(Collectors.toMap(VertexCentrality::id, v -> v));
    }

    // ---- hand-worked values on the small graph (fixtures/small.tsv) ----
    // a-b 2, b-c 3, c-d 6, a-d 1 (a cycle), d-e 1, d-f 1, e-f 2 (a triangle), f-g 4, h isolated.

    @Test
    void smallGraphByHand() {
        CentralityResult result = analysis.analyse(CentralityFixture.load("small").indexed());
        Map<String, VertexCentrality> v = byId(result);
        assertThat(result.vertices()).extracting(VertexCentrality::id)
                .containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
        assertThat(result.vertices()).extracting(VertexCentrality::degree).containsExactly(2, 2, 2, 4, 2, 3, 1, 0);
        assertThat(v.get("d").strength()).isEqualTo(9.0);
        // 1224 ranks: d (4) first, f (3) second, a b c e tied third, g seventh, h eighth.
        assertThat(result.vertices()).extracting(x -> x.ranks().degree()).containsExactly(3, 3, 3, 1, 3, 2, 7, 8);

        // Weighted betweenness of b: a-b-c-d (1/2 + 1/3 + 1/6) is exactly as short as a-d (1), so b lies on
        // half the shortest paths from a to d, e, f, g and on the only one from a to c: 1 + 4 * 1/2 = 3 pairs;
        // normalised by 2/(7*6): 1/7. Doubles summed from a make a-b-c-d shorter and would give b more.
        assertThat(v.get("b").weightedBetweenness()).isCloseTo(1.0 / 7, within(1e-12));
        // c: pairs (b,d) only path, (a,d),(a,e),(a,f),(a,g) half each, (b,e),(b,f),(b,g) only path
        // (b-c-d = 1/2 < b-a-d = 3/2): 1 + 2 + 3 = 6 pairs -> 6 * 2/42.
        assertThat(v.get("c").weightedBetweenness()).isCloseTo(2.0 / 7, within(1e-12));
        assertThat(v.get("a").weightedBetweenness()).isZero();
        // Unweighted: d separates {a,b,c} from {e,f,g} (9 pairs) and lies on half of b's paths to e,f,g... by
        // NetworkX 0.45238 = 9.5 pairs * 2/42.
        assertThat(v.get("d").betweenness()).isCloseTo(9.5 * 2 / 42, within(1e-12));

        // Harmonic closeness of d: a, c, e, f at 1 hop, b and g at 2, h unreachable; / (n-1) = 7.
        assertThat(v.get("d").harmonicCloseness()).isCloseTo(5.0 / 7, within(1e-12));
        assertThat(v.get("h").harmonicCloseness()).isZero();

        // Clustering: d's neighbours a, c, e, f have one edge (e-f) among 6 pairs; f's d, e, g one among 3.
        assertThat(v.get("d").clustering()).isCloseTo(1.0 / 6, within(1e-15));
        assertThat(v.get("f").clustering()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(v.get("e").clustering()).isEqualTo(1.0);
        assertThat(result.vertices()).extracting(VertexCentrality::coreness).containsExactly(2, 2, 2, 2, 2, 2, 1, 0);

        // Constraint, p(u,v) = w(u,v)/s(u): a's partners b (2/3) and d (1/3) are not linked: (2/3)² + (1/3)².
        assertThat(v.get("a").constraint()).isCloseTo(5.0 / 9, within(1e-12));
        // e: d (1/3) and f (2/3) are linked; s(d) = 9, s(f) = 7:
        // (1/3 + 2/3 * 1/7)² + (2/3 + 1/3 * 1/9)² = (3/7)² + (19/27)².
        assertThat(v.get("e").constraint()).isCloseTo(9.0 / 49 + 361.0 / 729, within(1e-12));
        assertThat(v.get("g").constraint()).isEqualTo(1.0);
        assertThat(v.get("h").constraint()).isNull();
        assertThat(v.get("h").ranks().constraint()).isNull();
        // Effective size of e: for d, 1 - p(e,f) * w(d,f)/max_d = 1 - 2/3 * 1/6; for f, 1 - p(e,d) * w(f,d)/max_f
        // = 1 - 1/3 * 1/4: 8/9 + 11/12 = 65/36. a's partners are unlinked: 2.
        assertThat(v.get("e").effectiveSize()).isCloseTo(65.0 / 36, within(1e-12));
        assertThat(v.get("a").effectiveSize()).isCloseTo(2.0, within(1e-12));
        assertThat(v.get("h").effectiveSize()).isNull();

        // PageRank is a distribution; h, isolated, only gets the uniform share.
        assertThat(result.vertices().stream().mapToDouble(VertexCentrality::pageRank).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(v.get("d").ranks().pageRank()).isEqualTo(1);

        assertThat(result.articulationPoints()).containsExactly("d", "f");
        assertThat(result.bridges()).containsExactly(new Bridge("f", "g", 4.0));
    }

    @Test
    void exactTieIsWhatDoublesMiss() {
        CentralityFixture small = CentralityFixture.load("small");
        double[] floaty = small.doubles(small.json().get("floatWeightedBetweenness"));
        double b = byId(analysis.analyse(small.indexed())).get("b").weightedBetweenness();
        // NetworkX on float distances 1/w disagrees at b; the contract is the exact value.
        assertThat(floaty[1]).isNotCloseTo(b, within(1e-3));
        assertThat(small.measure("weightedBetweenness")[1]).isCloseTo(b, within(1e-12));
    }

    // ---- NetworkX 2.8 fixtures ----

    @ParameterizedTest
    @ValueSource(strings = {"small", "municipal", "generated"})
    void matchesNetworkX(String name) {
        CentralityFixture fixture = CentralityFixture.load(name);
        CentralityResult result = analysis.analyse(fixture.indexed());
        List<VertexCentrality> vs = result.vertices();
        assertThat(vs).extracting(VertexCentrality::id).containsExactlyElementsOf(fixture.vertices());

        assertExact(fixture, vs, "degree", VertexCentrality::degree);
        assertExact(fixture, vs, "strength", VertexCentrality::strength);
        assertExact(fixture, vs, "coreness", VertexCentrality::coreness);
        assertClose(fixture, vs, "betweenness", VertexCentrality::betweenness, 1e-6);
        assertClose(fixture, vs, "weightedBetweenness", VertexCentrality::weightedBetweenness, 1e-6);
        assertClose(fixture, vs, "pageRank", VertexCentrality::pageRank, 1e-6);
        assertClose(fixture, vs, "harmonicCloseness", VertexCentrality::harmonicCloseness, 1e-9);
        assertClose(fixture, vs, "clustering", VertexCentrality::clustering, 1e-9);
        assertClose(fixture, vs, "constraint", x -> x.constraint() == null ? Double.NaN : x.constraint(), 1e-9);
        assertClose(fixture, vs, "effectiveSize", x -> x.effectiveSize() == null ? Double.NaN : x.effectiveSize(), 1e-9);

        assertRanks(fixture, vs, "degree", x -> x.ranks().degree());
        assertRanks(fixture, vs, "strength", x -> x.ranks().strength());
        assertRanks(fixture, vs, "betweenness", x -> x.ranks().betweenness());
        assertRanks(fixture, vs, "weightedBetweenness", x -> x.ranks().weightedBetweenness());
        assertRanks(fixture, vs, "harmonicCloseness", x -> x.ranks().harmonicCloseness());
        assertRanks(fixture, vs, "pageRank", x -> x.ranks().pageRank());
        assertRanks(fixture, vs, "clustering", x -> x.ranks().clustering());
        assertRanks(fixture, vs, "coreness", x -> x.ranks().coreness());
        assertRanks(fixture, vs, "constraint", x -> x.ranks().constraint());
        assertRanks(fixture, vs, "effectiveSize", x -> x.ranks().effectiveSize());

        assertThat(result.articulationPoints()).containsExactlyElementsOf(fixture.strings(fixture.json().get("articulationPoints")));
        assertThat(result.bridges()).extracting(br -> List.of(br.source(), br.target()))
                .containsExactlyElementsOf(fixture.sets("bridges").stream().map(List::copyOf).toList());
        assertThat(result.vertices()).filteredOn(VertexCentrality::articulationPoint)
                .extracting(VertexCentrality::id).containsExactlyElementsOf(result.articulationPoints());
    }

    private static void assertExact(CentralityFixture f, List<VertexCentrality> vs, String key,
                                    ToDoubleFunction<VertexCentrality> get) {
        double[] expected = f.measure(key);
        for (int i = 0; i < expected.length; i++) {
            assertThat(get.applyAsDouble(vs.get(i))).as("%s of %s in %s", key, vs.get(i).id(), f.name())
                    .isEqualTo(expected[i]);
        }
    }

    private static void assertClose(CentralityFixture f, List<VertexCentrality> vs, String key,
                                    ToDoubleFunction<VertexCentrality> get, double relative) {
        double[] expected = f.measure(key);
        for (int i = 0; i < expected.length; i++) {
            double actual = get.applyAsDouble(vs.get(i));
            String what = key + " of " + vs.get(i).id() + " in " + f.name();
            if (Double.isNaN(expected[i])) {
                assertThat(actual).as(what).isNaN();
            } else {
                assertThat(actual).as(what)
                        .isCloseTo(expected[i], within(relative * Math.max(Math.abs(expected[i]), 1e-12)));
            }
        }
    }

    private static void assertRanks(CentralityFixture f, List<VertexCentrality> vs, String key,
                                    java.util.function.Function<VertexCentrality, Integer> get) {
        Integer[] expected = f.ranks(key);
        assertThat(vs.stream().map(get).toList()).as("%s ranks in %s", key, f.name()).containsExactly(expected);
    }

    @Test
    void sampledCentralityWithEveryVertexAsPivotIsTheExactAnalysis() {
        IndexedGraph graph = CentralityFixture.load("generated").indexed();
        CentralityResult exact = new CentralityAnalysis().analyse(graph);
        CentralityResult all = new CentralityAnalysis(graph.vertexCount()).analyse(graph);
        assertThat(all).isEqualTo(exact);
        CentralityResult sampled = new CentralityAnalysis(300).analyse(graph);
        assertThat(sampled.vertices()).hasSameSizeAs(exact.vertices());
        double[] closeness = new se.samverkansvaven.graph.BetweennessAndCloseness(300, CentralityAnalysis.PIVOT_SEED)
                .withClosenessFromPivots().compute(graph).harmonicCloseness();
        for (int v = 0; v < exact.vertices().size(); v++) {
            // betweenness and closeness are estimated from the pivots (SharedPassesTest checks the estimate)
            assertThat(sampled.vertices().get(v).harmonicCloseness()).isEqualTo(closeness[v]);
            assertThat(sampled.vertices().get(v).pageRank()).isEqualTo(exact.vertices().get(v).pageRank());
            assertThat(sampled.vertices().get(v).coreness()).isEqualTo(exact.vertices().get(v).coreness());
        }
        assertThatThrownBy(() -> new CentralityAnalysis(0)).hasMessageContaining("pivots");
    }

    @Test
    void weightedBetweennessRefusesFractionalWeights() {
        Graph<String, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        edge(graph, "a", "b", 1.5);
        assertThatThrownBy(() -> analysis.analyse(IndexedGraph.of(graph)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a-b").hasMessageContaining("1.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"municipal", "generated"})
    void articulationPointsAndBridgesMatchJGraphT(String name) {
        Graph<String, DefaultWeightedEdge> graph = CentralityFixture.load(name).graph();
        CentralityResult result = analysis.analyse(IndexedGraph.of(graph));
        BiconnectivityInspector<String, DefaultWeightedEdge> inspector = new BiconnectivityInspector<>(graph);
        assertThat(result.articulationPoints()).containsExactlyInAnyOrderElementsOf(inspector.getCutpoints());
        assertThat(result.bridges()).hasSameSizeAs(inspector.getBridges());
    }

    @Test
    void tinyGraphs() {
        Graph<String, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        assertThat(analysis.analyse(IndexedGraph.of(graph)).vertices()).isEmpty();
        graph.addVertex("x");
        VertexCentrality x = analysis.analyse(IndexedGraph.of(graph)).vertices().getFirst();
        assertThat(x.pageRank()).isEqualTo(1.0);
        assertThat(x.harmonicCloseness()).isZero();
        assertThat(x.constraint()).isNull();
        edge(graph, "x", "y", 2);
        CentralityResult two = analysis.analyse(IndexedGraph.of(graph));
        assertThat(two.vertices()).extracting(VertexCentrality::betweenness).containsExactly(0.0, 0.0);
        assertThat(two.vertices()).extracting(VertexCentrality::pageRank).containsExactly(0.5, 0.5);
        assertThat(two.bridges()).containsExactly(new Bridge("x", "y", 2.0));
        assertThat(two.vertices()).extracting(VertexCentrality::constraint).containsExactly(1.0, 1.0);
    }

    private static void edge(Graph<String, DefaultWeightedEdge> graph, String u, String v, double w) {
        graph.addVertex(u);
        graph.addVertex(v);
        graph.setEdgeWeight(graph.addEdge(u, v), w);
    }
}
