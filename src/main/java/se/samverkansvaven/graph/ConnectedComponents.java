package se.samverkansvaven.graph;

/** Connected components by BFS on the int-indexed view. */
public final class ConnectedComponents {

    private ConnectedComponents() {}

    /** Component number per vertex, numbered 0.. in order of each component's lowest vertex index. */
    public static int[] of(IndexedGraph g) {
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
