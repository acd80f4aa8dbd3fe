package se.samverkansvaven.graph;

/**
 * Connected components: the classes of the relation "joined by a path". Breadth-first search from each vertex not yet
 * labelled, in index order. O(n + m).
 *
 * <p>The result is the component number of every vertex, components numbered 0, 1, … in order of their lowest vertex
 * index.
 */
public final class ConnectedComponents implements GraphAlgorithm<int[]> {

    @Override
    public int[] compute(IndexedGraph g) {
        int n = g.vertexCount();
        int[] component = new int[n];
        java.util.Arrays.fill(component, -1);
        int[] queue = new int[n];
        int[] off = g.offsets;
        int[] tg = g.targets;
        int count = 0;
        for (int s = 0; s < n; s++) {
            if (component[s] >= 0) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            component[s] = count;
            while (head < tail) {
                int v = queue[head++];
                for (int e = off[v], end = off[v + 1]; e < end; e++) {
                    int w = tg[e];
                    if (component[w] < 0) {
                        component[w] = count;
                        queue[tail++] = w;
                    }
                }
            }
            count++;
        }
        return component;
    }
}
