package se.samverkansvaven.graph;

/**
 * The modularity of a partition (M. E. J. Newman, "Analysis of weighted networks", Phys. Rev. E 70, 2004), with
 * weights and resolution 1, as NetworkX's {@code community.modularity(G, partition, weight='weight')}:
 * Q = Σ_c [L_c/m − (D_c/2m)²], L_c the weight inside c, D_c the strength of c, m the total weight. Undefined (NaN)
 * for a graph without edges, where NetworkX divides by zero. A measure of a given partition rather than an algorithm
 * on the graph alone, hence a function. O(n + m).
 */
public final class Modularity {

    private Modularity() {}

    /** @param membership community number (0..n-1) of every vertex */
    public static double of(IndexedGraph g, int[] membership) {
        int n = g.vertexCount();
        double twoM = 0;
        double[] inside = new double[n];
        double[] total = new double[n];
        for (int v = 0; v < n; v++) {
            int c = membership[v];
            total[c] += g.strength(v);
            twoM += g.strength(v);
            for (int e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
                if (membership[g.targets[e]] == c) {
                    inside[c] += g.weights[e]; // each inner edge twice, once from each end
                }
            }
        }
        if (twoM == 0) {
            return Double.NaN;
        }
        double q = 0;
        for (int c = 0; c < n; c++) {
            double share = total[c] / twoM;
            q += inside[c] / twoM - share * share;
        }
        return q;
    }
}
