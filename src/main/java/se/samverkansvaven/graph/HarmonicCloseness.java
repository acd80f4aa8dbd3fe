package se.samverkansvaven.graph;

import java.util.Arrays;

/**
 * Harmonic closeness: Σ 1/d(u,v) over the vertices v ≠ u reachable from u, d in hops, divided by n − 1
 * (NetworkX's {@code harmonic_centrality} / (n − 1); 0 when n ≤ 1). One BFS per source, sources in parallel
 * chunks; each vertex's sum is taken in its own BFS order, so the result is deterministic.
 */
public final class HarmonicCloseness implements VertexMeasure {

    @Override
    public double[] compute(IndexedGraph g) {
        int n = g.vertexCount();
        double[][] chunks = SourceChunks.run(n, c -> chunk(g, c), double[][]::new);
        double[] result = new double[n];
        for (double[] chunk : chunks) {
            for (int v = 0; v < n; v++) {
                result[v] += chunk[v];
            }
        }
        if (n > 1) {
            for (int v = 0; v < n; v++) {
                result[v] /= n - 1;
            }
        }
        return result;
    }

    private static double[] chunk(IndexedGraph g, int chunk) {
        int n = g.vertexCount();
        int[] off = g.offsets;
        int[] tg = g.targets;
        int[] dist = new int[n];
        Arrays.fill(dist, -1);
        int[] queue = new int[n];
        double[] out = new double[n];
        for (int s = chunk; s < n; s += SourceChunks.CHUNKS) {
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            dist[s] = 0;
            double sum = 0;
            while (head < tail) {
                int v = queue[head++];
                int next = dist[v] + 1;
                for (int e = off[v]; e < off[v + 1]; e++) {
                    int w = tg[e];
                    if (dist[w] < 0) {
                        dist[w] = next;
                        queue[tail++] = w;
                        sum += 1.0 / next;
                    }
                }
            }
            out[s] = sum;
            for (int i = 0; i < tail; i++) {
                dist[queue[i]] = -1;
            }
        }
        return out;
    }
}
