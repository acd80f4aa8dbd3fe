package se.samverkansvaven.graph;

/**
 * Unweighted local clustering coefficient (D. J. Watts and S. H. Strogatz, "Collective dynamics of 'small-world'
 * networks", Nature 393, 1998; NetworkX's {@code clustering(G)}): 2T(v) / (d(v)(d(v) − 1)), T the triangles through
 * v, 0 when d(v) &lt; 2. Triangles are counted once each with edges oriented from lower to higher (degree, index)
 * (forward algorithm, T. Schank and D. Wagner 2005), which bounds the work by O(m^1.5).
 */
public final class LocalClustering implements GraphAlgorithm<double[]> {

    @Override
    public double[] compute(IndexedGraph g) {
        long[] triangles = triangles(g);
        int n = g.vertexCount();
        double[] out = new double[n];
        for (int v = 0; v < n; v++) {
            long d = g.degree(v);
            out[v] = d < 2 ? 0.0 : 2.0 * triangles[v] / (d * (d - 1));
        }
        return out;
    }

    private static long[] triangles(IndexedGraph g) {
        int n = g.vertexCount();
        int[] off = g.offsets;
        int[] tg = g.targets;
        // Forward adjacency: u -> w when (deg u, u) < (deg w, w).
        int[] fwdOff = new int[n + 1];
        for (int u = 0; u < n; u++) {
            int count = 0;
            for (int e = off[u]; e < off[u + 1]; e++) {
                if (before(g, u, tg[e])) {
                    count++;
                }
            }
            fwdOff[u + 1] = fwdOff[u] + count;
        }
        int[] fwd = new int[fwdOff[n]];
        for (int u = 0, k = 0; u < n; u++) {
            for (int e = off[u]; e < off[u + 1]; e++) {
                if (before(g, u, tg[e])) {
                    fwd[k++] = tg[e];
                }
            }
        }
        long[] triangles = new long[n];
        int[] mark = new int[n];
        java.util.Arrays.fill(mark, -1);
        for (int u = 0; u < n; u++) {
            for (int e = fwdOff[u]; e < fwdOff[u + 1]; e++) {
                mark[fwd[e]] = u;
            }
            for (int e = fwdOff[u]; e < fwdOff[u + 1]; e++) {
                int v = fwd[e];
                for (int f = fwdOff[v]; f < fwdOff[v + 1]; f++) {
                    int w = fwd[f];
                    if (mark[w] == u) {
                        triangles[u]++;
                        triangles[v]++;
                        triangles[w]++;
                    }
                }
            }
        }
        return triangles;
    }

    private static boolean before(IndexedGraph g, int u, int w) {
        int du = g.degree(u);
        int dw = g.degree(w);
        return du < dw || (du == dw && u < w);
    }
}
