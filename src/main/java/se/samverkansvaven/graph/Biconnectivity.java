package se.samverkansvaven.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Articulation points (vertices whose removal disconnects their component) and bridges (such edges) by one
 * depth-first search with low points (J. Hopcroft and R. Tarjan, "Algorithm 447: efficient algorithms for graph
 * manipulation", CACM 16(6), 1973), O(n + m). Iterative, with an explicit stack: JGraphT's BiconnectivityInspector
 * recurses once per level of the search and overflows the thread stack on P at 10,000 municipalities.
 */
public final class Biconnectivity implements GraphAlgorithm<Biconnectivity.Result> {

    /**
     * @param articulation whether each vertex is an articulation point
     * @param bridges      bridges as index pairs {lower, higher}, ascending
     */
    public record Result(boolean[] articulation, List<int[]> bridges) {}

    @Override
    public Result compute(IndexedGraph g) {
        int n = g.vertexCount();
        int[] off = g.offsets;
        int[] tg = g.targets;
        int[] disc = new int[n];
        int[] low = new int[n];
        int[] parent = new int[n];
        int[] next = new int[n];
        int[] stack = new int[n];
        boolean[] articulation = new boolean[n];
        List<int[]> bridges = new ArrayList<>();
        int time = 0;
        for (int root = 0; root < n; root++) {
            if (disc[root] != 0) {
                continue;
            }
            int top = 0;
            stack[top++] = root;
            disc[root] = low[root] = ++time;
            parent[root] = -1;
            next[root] = off[root];
            int rootChildren = 0;
            while (top > 0) {
                int v = stack[top - 1];
                if (next[v] < off[v + 1]) {
                    int w = tg[next[v]++];
                    if (disc[w] == 0) {
                        parent[w] = v;
                        disc[w] = low[w] = ++time;
                        next[w] = off[w];
                        stack[top++] = w;
                        if (v == root) {
                            rootChildren++;
                        }
                    } else if (w != parent[v]) {
                        low[v] = Math.min(low[v], disc[w]);
                    }
                } else {
                    top--;
                    int p = parent[v];
                    if (p >= 0) {
                        low[p] = Math.min(low[p], low[v]);
                        if (low[v] > disc[p]) {
                            bridges.add(new int[] {Math.min(p, v), Math.max(p, v)});
                        }
                        if (p != root && low[v] >= disc[p]) {
                            articulation[p] = true;
                        }
                    }
                }
            }
            if (rootChildren > 1) {
                articulation[root] = true;
            }
        }
        bridges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        return new Result(articulation, bridges);
    }
}
