package se.samverkansvaven.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.clique.PivotBronKerboschCliqueFinder;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samverkansvaven.graph.CentralityFixture;
import se.samverkansvaven.graph.IndexedGraph;
import se.samverkansvaven.graph.Modularity;

class CommunityAnalysisTest {

    private final CommunityAnalysis analysis = new CommunityAnalysis();

    private static SortedSet<String> set(String... ids) {
        return new TreeSet<>(List.of(ids));
    }

    @Test
    void smallGraphByHand() {
        IndexedGraph graph = CentralityFixture.load("small").indexed();
        CommunityResult result = analysis.analyse(graph, 7);
        assertThat(result.components()).containsExactly(set("a", "b", "c", "d", "e", "f", "g"), set("h"));
        assertThat(result.cliques()).containsExactly(set("d", "e", "f"));
        assertThat(result.seed()).isEqualTo(7);
        // m = 20. {a,b,c}: inside 2+3, strength 3+5+9; {d,e,f,g}: inside 1+1+2+4, strength 9+3+7+4; {h}: nothing.
        double q = 5.0 / 20 - Math.pow(17.0 / 40, 2) + 8.0 / 20 - Math.pow(23.0 / 40, 2);
        // Louvain finds at least that split; h, isolated, is alone.
        assertThat(result.modularity()).isGreaterThanOrEqualTo(q - 1e-12);
        assertThat(result.communities()).contains(set("h"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "municipal", "generated"})
    void matchesNetworkXAndIgraph(String name) {
        CentralityFixture fixture = CentralityFixture.load(name);
        IndexedGraph graph = fixture.indexed();
        CommunityResult result = analysis.analyse(graph, CommunityAnalysis.DEFAULT_SEED);

        assertThat(result.components()).containsExactlyElementsOf(fixture.sets("components"));
        assertThat(result.cliques()).containsExactlyElementsOf(fixture.sets("cliques"));

        // Communities partition the vertices, and the reported modularity is that of the partition reported.
        Set<String> seen = new HashSet<>();
        result.communities().forEach(c -> c.forEach(v -> assertThat(seen.add(v)).as("%s in two communities", v).isTrue()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(fixture.vertices());
        assertThat(Modularity.of(graph, CentralityFixture.membership(graph, result.communities()))).isEqualTo(result.modularity());

        double igraph = fixture.json().get("igraphMultilevelModularity").asDouble();
        assertThat(result.modularity()).as("Louvain vs igraph multilevel %s", igraph).isGreaterThanOrEqualTo(0.98 * igraph);
    }

    @Test
    void sameSeedSameCommunities() {
        IndexedGraph graph = CentralityFixture.load("generated").indexed();
        CommunityResult first = analysis.analyse(graph, 42);
        CommunityResult second = analysis.analyse(graph, 42);
        assertThat(second.communities()).isEqualTo(first.communities());
        assertThat(second.modularity()).isEqualTo(first.modularity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"municipal", "generated"})
    void cliquesMatchJGraphT(String name) {
        Graph<String, DefaultWeightedEdge> graph = CentralityFixture.load(name).graph();
        List<SortedSet<String>> expected = new java.util.ArrayList<>();
        new PivotBronKerboschCliqueFinder<>(graph).forEach(c -> {
            if (c.size() >= 3) {
                expected.add(new TreeSet<>(c));
            }
        });
        expected.sort(CommunityAnalysis.SET_ORDER);
        assertThat(analysis.analyse(IndexedGraph.of(graph), 1).cliques()).containsExactlyElementsOf(expected);
    }

    @Test
    void noEdgesNoModularity() {
        Graph<String, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        graph.addVertex("b");
        graph.addVertex("a");
        CommunityResult result = analysis.analyse(IndexedGraph.of(graph), 1);
        assertThat(result.modularity()).isNull();
        assertThat(result.communities()).containsExactly(set("a"), set("b"));
        assertThat(result.components()).containsExactly(set("a"), set("b"));
        assertThat(result.cliques()).isEmpty();
    }
}
