package se.samverkansvaven.graph;

/**
 * Core number of every vertex, unweighted: the largest k such that the vertex belongs to a subgraph in which every
 * vertex has degree at least k (S. B. Seidman, "Network structure and minimum degree", Social Networks 5, 1983;
 * NetworkX's {@code core_number}). Bucket algorithm of V. Batagelj and M. Zaveršnik, "An O(m) algorithm for cores
 * decomposition of networks", 2003: O(n + m).
 */
public final class Coreness implements GraphAlgorithm<int[]> {

    @Override
    public int[] compute(IndexedGraph g) {
        return run(g, null);
    }

    /**
     * The vertices in degeneracy order (each has at most its core number of neighbours after it), as the
     * Bron–Kerbosch outer loop wants it.
     */
    static int[] degeneracyOrder(IndexedGraph g) {
        int[] order = new int[g.vertexCount()];
        run(g, order);
        return order;
    }

    private static int[] run(IndexedGraph g, int[] orderOut) {
        int n = g.vertexCount();
        int[] deg = new int[n];
        int maxDeg = 0;
        for (int v = 0; v < n; v++) {
            deg[v] = g.degree(v);
            maxDeg = Math.max(maxDeg, deg[v]);
        }
        int[] bin = new int[maxDeg + 1];
        for (int v = 0; v < n; v++) {
            bin[deg[v]]++;
        }
        int start = 0;
        for (int d = 0; d <= maxDeg; d++) {
            int count = bin[d];
            bin[d] = start;
            start += count;
        }
        int[] vert = new int[n];
        int[] pos = new int[n];
        for (int v = 0; v < n; v++) {
            pos[v] = bin[deg[v]]++;
            vert[pos[v]] = v;
        }
        for (int d = maxDeg; d > 0; d--) {
            bin[d] = bin[d - 1];
        }
        if (maxDeg >= 0 && n > 0) {
            bin[0] = 0;
        }
        int[] off = g.offsets;
        int[] tg = g.targets;
        for (int i = 0; i < n; i++) {
            int v = vert[i];
            // deg[v] is final once v is reached (only neighbours above it are lowered), so it is read once.
            int dv = deg[v];
            for (int e = off[v], end = off[v + 1]; e < end; e++) {
                int u = tg[e];
                int du = deg[u];
                if (du > dv) {
                    int pu = pos[u];
                    int pw = bin[du];
                    int w = vert[pw];
                    if (u != w) {
                        pos[u] = pw;
                        vert[pu] = w;
                        pos[w] = pu;
                        vert[pw] = u;
                    }
                    bin[du]++;
                    deg[u]--;
                }
            }
        }
        if (orderOut != null) {
            System.arraycopy(vert, 0, orderOut, 0, n);
        }
        return deg;
    }
}
