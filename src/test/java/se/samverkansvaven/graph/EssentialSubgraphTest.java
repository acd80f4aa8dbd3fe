package se.samverkansvaven.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link EssentialSubgraph}: exactly the edges that are shortest paths between their own ends remain (against
 * all-pairs distances by Floyd–Warshall on the exact lengths), and weighted betweenness on what remains is bit for
 * bit the whole graph's.
 */
class EssentialSubgraphTest {

    @Test
    void anEdgeWithAShorterPathGoesAndATiedOneStays() {
        // 0-1 weight 1 (length 1) against 0-2-1 at 1/3 + 1/3: shorter, so 0-1 goes.
        assertThat(edges(essential(List.of(new int[] {0, 1, 1}, new int[] {0, 2, 3}, new int[] {2, 1, 3}))))
                .containsExactly("0-2:3", "1-2:3");
        // 0-1 weight 1 against 0-2-1 at 1/2 + 1/2: a tie, both are shortest paths, so 0-1 stays.
        assertThat(edges(essential(List.of(new int[] {0, 1, 1}, new int[] {0, 2, 2}, new int[] {2, 1, 2}))))
                .containsExactly("0-1:1", "0-2:2", "1-2:2");
        // 0-1 weight 1 against 0-2-3-1 at 3/4, with no shorter path of two edges: the search step removes it.
        assertThat(edges(essential(List.of(new int[] {0, 1, 1}, new int[] {0, 2, 4}, new int[] {2, 3, 4},
                new int[] {3, 1, 4})))).containsExactly("0-2:4", "1-3:4", "2-3:4");
    }

    @Test
    void exactlyTheEdgesThatAreShortestPathsBetweenTheirEndsRemain() {
        List<IndexedGraph> graphs = List.of(DijkstraDagTest.random(200, 8, 20, 1), DijkstraDagTest.random(240, 10, 3, 2),
                DijkstraDagTest.random(180, 12, 7, 3), kings(12, 5, 6));
        for (IndexedGraph g : graphs) {
            long[] len = ((PathLengths.Longs) DijkstraDagTest.lengths(g)).lengths();
            long[][] d = floydWarshall(g, len);
            List<String> expected = new ArrayList<>();
            int removed = 0;
            for (int u = 0; u < g.vertexCount(); u++) {
                for (int e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
                    int v = g.targets[e];
                    if (u < v && len[e] == d[u][v]) {
                        expected.add(u + "-" + v + ":" + (long) g.weights[e]);
                    } else if (u < v) {
                        removed++;
                    }
                }
            }
            assertThat(removed).as("the graph has inessential edges to find").isPositive();
            assertThat(removed).as("and essential ones that are not all of them").isLessThan(g.edgeCount());
            assertThat(edges(new EssentialSubgraph().compute(g))).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void weightedBetweennessOnTheEssentialSubgraphIsTheWholeGraphsBitForBit() {
        for (IndexedGraph g : List.of(DijkstraDagTest.random(300, 8, 20, 4), DijkstraDagTest.random(300, 12, 4, 5),
                kings(15, 4, 7))) {
            IndexedGraph h = new EssentialSubgraph().compute(g);
            assertThat(h.targets.length).isLessThan(g.targets.length);
            for (boolean buckets : new boolean[] {true, false}) {
                assertThat(DijkstraDagTest.dependencies(h, DijkstraDagTest.lengths(h), buckets))
                        .containsExactly(DijkstraDagTest.dependencies(g, DijkstraDagTest.lengths(g), buckets));
            }
        }
    }

    /** All-pairs distances on the exact lengths, Long.MAX_VALUE where unreachable. */
    private static long[][] floydWarshall(IndexedGraph g, long[] len) {
        int n = g.vertexCount();
        long[][] d = new long[n][n];
        for (int u = 0; u < n; u++) {
            java.util.Arrays.fill(d[u], Long.MAX_VALUE);
            d[u][u] = 0;
            for (int e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
                d[u][g.targets[e]] = len[e];
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                if (d[i][k] == Long.MAX_VALUE) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (d[k][j] != Long.MAX_VALUE && d[i][k] + d[k][j] < d[i][j]) {
                        d[i][j] = d[i][k] + d[k][j];
                    }
                }
            }
        }
        return d;
    }

    /** A side × side king's graph (many triangles, as in P) with random weights 1..maxWeight. */
    private static IndexedGraph kings(int side, int maxWeight, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        List<int[]> edges = new ArrayList<>();
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                for (int[] d : new int[][] {{0, 1}, {1, -1}, {1, 0}, {1, 1}}) {
                    int r2 = r + d[0];
                    int c2 = c + d[1];
                    if (r2 < side && c2 >= 0 && c2 < side) {
                        edges.add(new int[] {r * side + c, r2 * side + c2, 1 + random.nextInt(maxWeight)});
                    }
                }
            }
        }
        return DijkstraDagTest.graph(side * side, edges);
    }

    private static IndexedGraph essential(List<int[]> edges) {
        int n = edges.stream().mapToInt(e -> Math.max(e[0], e[1])).max().orElse(0) + 1;
        return new EssentialSubgraph().compute(DijkstraDagTest.graph(n, edges));
    }

    /** "u-v:w" for each edge, u &lt; v, in row order. */
    private static List<String> edges(IndexedGraph g) {
        List<String> out = new ArrayList<>();
        for (int u = 0; u < g.vertexCount(); u++) {
            for (int e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
                if (u < g.targets[e]) {
                    out.add(u + "-" + g.targets[e] + ":" + (long) g.weights[e]);
                }
            }
        }
        return out;
    }
}
