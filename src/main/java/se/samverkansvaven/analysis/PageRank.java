package se.samverkansvaven.analysis;

/**
 * PageRank as NetworkX 2.8 computes it on an undirected weighted graph: damping 0.85, each vertex passes its
 * score to its neighbours in proportion to the edge weights, dangling (isolated) vertices spread theirs
 * uniformly, no personalisation, start 1/n. Power iteration until the L1 change is below n·1e-15 (the
 * tolerance the fixtures use in NetworkX), at most {@value #MAX_ITERATIONS} iterations.
 */
final class PageRank implements VertexMeasure {

    static final double DAMPING = 0.85;
    private static final double TOLERANCE = 1e-15;
    private static final int MAX_ITERATIONS = 10_000;

    @Override
    public double[] compute(IndexedGraph g) {
        int n = g.vertexCount();
        if (n == 0) {
            return new double[0];
        }
        int[] off = g.offsets;
        int[] tg = g.targets;
        double[] wt = g.weights;
        double[] x = new double[n];
        double[] next = new double[n];
        double[] share = new double[n];
        java.util.Arrays.fill(x, 1.0 / n);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double dangling = 0;
            for (int v = 0; v < n; v++) {
                double s = g.strength(v);
                if (s == 0) {
                    dangling += x[v];
                    share[v] = 0;
                } else {
                    share[v] = x[v] / s;
                }
            }
            double base = (1 - DAMPING) / n + DAMPING * dangling / n;
            double change = 0;
            for (int v = 0; v < n; v++) {
                double in = 0;
                for (int e = off[v]; e < off[v + 1]; e++) {
                    in += share[tg[e]] * wt[e];
                }
                next[v] = base + DAMPING * in;
                change += Math.abs(next[v] - x[v]);
            }
            double[] t = x;
            x = next;
            next = t;
            if (change < n * TOLERANCE) {
                break;
            }
        }
        return x;
    }
}
