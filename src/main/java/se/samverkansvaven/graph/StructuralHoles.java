package se.samverkansvaven.graph;

import java.util.Arrays;

/**
 * Burt's constraint and effective size with weights, exactly as NetworkX 2.8's {@code constraint(G,
 * weight='weight')} and {@code effective_size(G, weight='weight')} define them on an undirected graph. With
 * p(u,v) = w(u,v)/s(u) (s the strength) and m(v,w) = w(v,w)/max_x w(v,x):
 * <ul>
 * <li>constraint(u) = Σ_{v∈N(u)} (p(u,v) + Σ_{w∈N(u)} p(u,w) p(w,v))²</li>
 * <li>effective size(u) = Σ_{v∈N(u)} (1 − Σ_{w∈N(u)} p(u,w) m(v,w))</li>
 * </ul>
 * Both are undefined (NaN, as in NetworkX) for an isolated vertex. R. S. Burt, "Structural Holes", 1992. O(Σ_v d(v)²):
 * each vertex's row is read once per neighbour.
 */
public final class StructuralHoles implements GraphAlgorithm<StructuralHoles.Values> {

    /** The two measures, one value per vertex each. */
    public record Values(double[] constraint, double[] effectiveSize) {}

    @Override
    public Values compute(IndexedGraph g) {
        int n = g.vertexCount();
        int[] off = g.offsets;
        int[] tg = g.targets;
        double[] wt = g.weights;
        double[] maxWeight = new double[n];
        for (int v = 0; v < n; v++) {
            for (int e = off[v]; e < off[v + 1]; e++) {
                maxWeight[v] = Math.max(maxWeight[v], wt[e]);
            }
        }
        double[] constraint = new double[n];
        double[] effective = new double[n];
        // p[w] = p(u,w) for the current u, valid where mark[w] == u.
        double[] p = new double[n];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        for (int u = 0; u < n; u++) {
            if (off[u] == off[u + 1]) {
                constraint[u] = Double.NaN;
                effective[u] = Double.NaN;
                continue;
            }
            double su = g.strength(u);
            for (int e = off[u]; e < off[u + 1]; e++) {
                mark[tg[e]] = u;
                p[tg[e]] = wt[e] / su;
            }
            double c = 0;
            double es = 0;
            for (int e = off[u]; e < off[u + 1]; e++) {
                int v = tg[e];
                double indirect = 0;
                double redundancy = 0;
                for (int f = off[v]; f < off[v + 1]; f++) {
                    int w = tg[f];
                    if (mark[w] == u) {
                        // w is a common neighbour of u and v; w(w,v) = wt[f].
                        indirect += p[w] * wt[f] / g.strength(w);
                        redundancy += p[w] * wt[f];
                    }
                }
                double local = p[v] + indirect;
                c += local * local;
                es += 1 - redundancy / maxWeight[v];
            }
            constraint[u] = c;
            effective[u] = es;
        }
        return new Values(constraint, effective);
    }
}
