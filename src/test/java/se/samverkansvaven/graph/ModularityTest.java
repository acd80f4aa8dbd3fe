package se.samverkansvaven.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModularityTest {

    @Test
    void smallGraphByHand() {
        IndexedGraph g = CentralityFixture.load("small").indexed();
        // m = 20. {a,b,c}: inside 2+3, strength 3+5+9; {d,e,f,g}: inside 1+1+2+4, strength 9+3+7+4; {h}: nothing.
        double q = 5.0 / 20 - Math.pow(17.0 / 40, 2) + 8.0 / 20 - Math.pow(23.0 / 40, 2);
        int[] membership = CentralityFixture.membership(g, List.of(Set.of("a", "b", "c"), Set.of("d", "e", "f", "g"), Set.of("h")));
        assertThat(Modularity.of(g, membership)).isCloseTo(q, within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "municipal", "generated"})
    void partitionsScoredByNetworkX(String name) {
        CentralityFixture fixture = CentralityFixture.load(name);
        IndexedGraph g = fixture.indexed();
        for (String partition : List.of("igraphPartition", "halvesPartition")) {
            double expected = fixture.json().get(partition + "Modularity").asDouble();
            assertThat(Modularity.of(g, CentralityFixture.membership(g, fixture.sets(partition)))).as(partition)
                    .isCloseTo(expected, within(1e-9 * Math.max(1e-12, Math.abs(expected))));
        }
    }

    @Test
    void undefinedWithoutEdges() {
        IndexedGraph g = IndexedGraph.fromEdges(new String[] {"a", "b"}, new int[0], new int[0], new double[0]);
        assertThat(Modularity.of(g, new int[] {0, 1})).isNaN();
    }
}
