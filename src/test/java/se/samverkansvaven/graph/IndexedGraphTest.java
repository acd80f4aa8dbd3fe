package se.samverkansvaven.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;

class IndexedGraphTest {

    // The small fixture: a-b 2, b-c 3, c-d 6, a-d 1, d-e 1, d-f 1, e-f 2, f-g 4, h isolated.
    private final IndexedGraph small = CentralityFixture.load("small").indexed();

    @Test
    void verticesAreIndexedInIdOrderAndRowsAscend() {
        assertThat(small.vertexCount()).isEqualTo(8);
        assertThat(small.edgeCount()).isEqualTo(8);
        assertThat(small.id(0)).isEqualTo("a");
        assertThat(small.indexOf("h")).isEqualTo(7);
        assertThat(small.indexOf("zz")).isEqualTo(-1);
        assertThat(small.containsVertex("h")).isTrue();
        int d = small.indexOf("d");
        assertThat(small.neighbours(d)).containsExactly(0, 2, 4, 5); // a, c, e, f
        assertThat(small.degree(d)).isEqualTo(4);
        assertThat(small.neighbour(d, 0)).isZero();
        assertThat(small.neighbour(d, 3)).isEqualTo(5);
        assertThat(small.strength(d)).isEqualTo(9.0);
        assertThat(small.neighbours(small.indexOf("h"))).isEmpty();
    }

    @Test
    void edgeWeightsAreLookedUpFromEitherEnd() {
        int c = small.indexOf("c");
        int d = small.indexOf("d");
        assertThat(small.weight(c, d)).isEqualTo(6.0);
        assertThat(small.weight(d, c)).isEqualTo(6.0);
        assertThat(small.adjacent(c, d)).isTrue();
        assertThat(small.weight(small.indexOf("a"), small.indexOf("g"))).isZero();
        assertThat(small.adjacent(small.indexOf("a"), small.indexOf("g"))).isFalse();
    }

    @Test
    void theInducedSubgraphKeepsTheEdgesAmongTheChosenVertices() {
        IndexedGraph sub = small.induced(List.of("f", "d", "e", "nobody", "a"));
        assertThat(sub.vertexCount()).isEqualTo(4);
        assertThat(List.of(sub.id(0), sub.id(1), sub.id(2), sub.id(3))).containsExactly("a", "d", "e", "f");
        // a-d 1, d-e 1, d-f 1, e-f 2; c-d and f-g leave with c and g
        assertThat(sub.edgeCount()).isEqualTo(4);
        assertThat(sub.weight(sub.indexOf("e"), sub.indexOf("f"))).isEqualTo(2.0);
        assertThat(sub.strength(sub.indexOf("d"))).isEqualTo(3.0);
        assertThat(small.induced(List.of()).vertexCount()).isZero();
    }

    @Test
    void anEdgeListGivesTheSameViewAsTheJGraphTGraph() {
        // the same graph with its edges in another order, and listed from the other end
        String[] ids = {"a", "b", "c", "d", "e", "f", "g", "h"};
        IndexedGraph fromList = IndexedGraph.fromEdges(ids,
                new int[] {6, 4, 3, 4, 3, 2, 1, 1}, new int[] {5, 5, 5, 3, 0, 3, 2, 0},
                new double[] {4, 2, 1, 1, 1, 6, 3, 2});
        for (int v = 0; v < ids.length; v++) {
            assertThat(fromList.neighbours(v)).as(ids[v]).containsExactly(small.neighbours(v));
            for (int w : small.neighbours(v)) {
                assertThat(fromList.weight(v, w)).isEqualTo(small.weight(v, w));
            }
        }
    }

    @Test
    void whatPCannotHoldIsRefusedWithTheReason() {
        String[] ab = {"a", "b"};
        assertThatThrownBy(() -> IndexedGraph.fromEdges(ab, new int[] {0}, new int[] {0}, new double[] {1}))
                .hasMessageContaining("self-loop at vertex a");
        assertThatThrownBy(() -> IndexedGraph.fromEdges(ab, new int[] {0, 1}, new int[] {1, 0}, new double[] {1, 2}))
                .hasMessageContaining("parallel edges between a and b");
        assertThatThrownBy(() -> IndexedGraph.fromEdges(ab, new int[] {0}, new int[] {1}, new double[] {0}))
                .hasMessageContaining("edge a-b has weight 0.0");
        assertThatThrownBy(() -> IndexedGraph.fromEdges(new String[] {"b", "a"}, new int[0], new int[0], new double[0]))
                .hasMessageContaining("ascending");
        Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        g.addVertex("x");
        g.addVertex("y");
        g.setEdgeWeight(g.addEdge("x", "y"), Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> IndexedGraph.of(g)).hasMessageContaining("positive and finite");
    }
}
