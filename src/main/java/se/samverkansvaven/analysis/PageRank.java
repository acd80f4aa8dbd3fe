package se.samverkansvaven.analysis;

/**
 * PageRank as NetworkX 2.8 computes it on an undirected weighted graph: damping 0.85, each vertex passes its
 * score to its neighbours in proportion to the edge weights, dangling (isolated) vertices spread theirs
 * uniformly, no personalisation. The fixed point is NetworkX's; how it is reached is not:
 * <ul>
 * <li>the start is the stationary distribution of the plain random walk on the weights (strength / total
 * strength, the PageRank of damping 1), which on P is already close to the answer, instead of 1/n;</li>
 * <li>Gauss–Seidel sweeps: each vertex uses the values already updated in the sweep (the dangling mass is
 * taken at the start of the sweep), about half the sweeps of power iteration;</li>
 * <li>the iterate is kept per unit of strength (x/s), so a sweep reads only the CSR weights, with no
 * per-arc coefficient array to build;</li>
 * <li>sweeps stop when the L1 change of a sweep is below min(1e-10, n·1e-12): PRPACK's tolerance, and never
 * looser than NetworkX's n·1e-12 (domain.md: converged to 1e-12); at most {@value #MAX_ITERATIONS} sweeps.</li>
 * </ul>
 * The result is normalised to sum 1. bench/README.md has the comparison with igraph's PRPACK.
 */
final class PageRank implements VertexMeasure {

    static final double DAMPING = 0.85;
    private static final double PRPACK_TOLERANCE = 1e-10;
    private static final double NETWORKX_TOLERANCE_PER_VERTEX = 1e-12;
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
        double[] strength = new double[n];
        double total = 0;
        int danglingCount = 0;
        for (int v = 0; v < n; v++) {
            strength[v] = g.strength(v);
            total += strength[v];
            if (strength[v] == 0) {
                danglingCount++;
            }
        }
        int[] dangling = new int[danglingCount];
        for (int v = 0, i = 0; v < n; v++) {
            if (strength[v] == 0) {
                dangling[i++] = v;
            }
        }
        // y[v] = x[v] / s(v) for vertices with edges; x[v] itself for dangling ones (they have no arcs).
        double tolerance = Math.min(PRPACK_TOLERANCE, n * NETWORKX_TOLERANCE_PER_VERTEX);
        double[] y = new double[n];
        double connected = (double) (n - danglingCount) / n;
        for (int v = 0; v < n; v++) {
            y[v] = strength[v] == 0 ? 1.0 / n : connected / total;
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double mass = 0;
            for (int v : dangling) {
                mass += y[v];
            }
            double base = (1 - DAMPING) / n + DAMPING * mass / n;
            double change = 0;
            for (int v = 0; v < n; v++) {
                int end = off[v + 1];
                double s = strength[v];
                if (s == 0) {
                    change += Math.abs(base - y[v]);
                    y[v] = base;
                    continue;
                }
                double in = 0;
                for (int e = off[v]; e < end; e++) {
                    in += wt[e] * y[tg[e]];
                }
                double next = base + DAMPING * in;
                change += Math.abs(next - y[v] * s);
                y[v] = next / s;
            }
            if (change < tolerance) {
                break;
            }
        }
        double sum = 0;
        for (int v = 0; v < n; v++) {
            if (strength[v] != 0) {
                y[v] *= strength[v];
            }
            sum += y[v];
        }
        for (int v = 0; v < n; v++) {
            y[v] /= sum;
        }
        return y;
    }
}
