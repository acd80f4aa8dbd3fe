package se.samverkansvaven.graph;

/**
 * PageRank (S. Brin and L. Page, "The anatomy of a large-scale hypertextual Web search engine", 1998): the stationary
 * distribution of a walk that follows an edge with probability 0.85, chosen in proportion to its weight, and else
 * jumps to a uniformly random vertex. As NetworkX 2.8 computes it on an undirected weighted graph: damping 0.85,
 * dangling (isolated) vertices spread their score uniformly, no personalisation, start 1/n. The fixed point is
 * NetworkX's; how it is reached is not:
 * <ul>
 * <li>the iterate is kept per unit of strength, y = x/s, so a sweep reads only the CSR weights (no per-arc
 * coefficient array to build), and in y the system is (D − 0.85·W) y = b with D the strengths and W the
 * symmetric weights: symmetric, strictly diagonally dominant, positive diagonal, hence positive definite;</li>
 * <li>successive over-relaxation sweeps on it (Gauss–Seidel, each vertex using the values already updated
 * in the sweep, with the step scaled by ω = {@value #OMEGA}; SOR converges for any 0 &lt; ω &lt; 2 on such a
 * system), which needs about a third of power iteration's sweeps on P (bench/README.md); the dangling mass is taken
 * at the start of each sweep;</li>
 * <li>sweeps stop when the L1 change of a sweep is below min(1e-10, n·1e-12): PRPACK's tolerance, and never
 * looser than NetworkX's n·1e-12 (domain.md: converged to 1e-12); at most {@value #MAX_ITERATIONS} sweeps.</li>
 * </ul>
 * The result is normalised to sum 1. O(m) per sweep.
 */
public final class PageRank implements GraphAlgorithm<double[]> {

    static final double DAMPING = 0.85;
    private static final double PRPACK_TOLERANCE = 1e-10;
    private static final double NETWORKX_TOLERANCE_PER_VERTEX = 1e-12;
    private static final int MAX_ITERATIONS = 10_000;
    /** Over-relaxation factor: near the best on P at size M (1.4), kept below it as the best varies by graph. */
    static final double OMEGA = 1.3;

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
        int danglingCount = 0;
        for (int v = 0; v < n; v++) {
            strength[v] = g.strength(v);
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
        double tolerance = Math.min(PRPACK_TOLERANCE, n * NETWORKX_TOLERANCE_PER_VERTEX);
        // y[v] = x[v] / s(v) for vertices with edges; x[v] itself for dangling ones (they have no arcs).
        double[] y = new double[n];
        for (int v = 0; v < n; v++) {
            y[v] = strength[v] == 0 ? 1.0 / n : 1.0 / n / strength[v];
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
                double old = y[v] * s;
                double next = old + OMEGA * (base + DAMPING * in - old);
                change += Math.abs(next - old);
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
