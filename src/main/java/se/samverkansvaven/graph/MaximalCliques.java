package se.samverkansvaven.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maximal cliques (complete subgraphs not contained in a larger one) of at least {@code minSize} vertices:
 * Bron–Kerbosch with Tomita pivoting, the outer loop in degeneracy order (D. Eppstein, M. Löffler and D. Strash,
 * "Listing all maximal cliques in sparse graphs in near-optimal time", ISAAC 2010): O(d·n·3^(d/3)) for degeneracy d.
 * Same cliques as JGraphT's {@code PivotBronKerboschCliqueFinder}, without hashing String vertices.
 *
 * <p>The result is each clique as ascending vertex indices, the cliques in no particular order.
 */
public final class MaximalCliques implements GraphAlgorithm<List<int[]>> {

    private final int minSize;

    public MaximalCliques(int minSize) {
        this.minSize = minSize;
    }

    @Override
    public List<int[]> compute(IndexedGraph g) {
        int n = g.vertexCount();
        int[] order = Coreness.degeneracyOrder(g);
        int[] position = new int[n];
        for (int i = 0; i < n; i++) {
            position[order[i]] = i;
        }
        List<int[]> cliques = new ArrayList<>();
        int[] r = new int[n + 1];
        for (int v : order) {
            int degree = g.degree(v);
            int[] p = new int[degree];
            int[] x = new int[degree];
            int ps = 0;
            int xs = 0;
            for (int e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
                int w = g.targets[e];
                if (position[w] > position[v]) {
                    p[ps++] = w;
                } else {
                    x[xs++] = w;
                }
            }
            r[0] = v;
            expand(g, r, 1, p, ps, x, xs, minSize, cliques);
        }
        return cliques;
    }

    private static void expand(IndexedGraph g, int[] r, int rs, int[] p, int ps, int[] x, int xs, int minSize,
                               List<int[]> out) {
        if (ps == 0) {
            if (xs == 0 && rs >= minSize) {
                int[] clique = Arrays.copyOf(r, rs);
                Arrays.sort(clique);
                out.add(clique);
            }
            return;
        }
        if (rs + ps < minSize) {
            return; // nothing below here can grow to minSize
        }
        int pivot = -1;
        int pivotHits = -1;
        for (int i = 0; i < ps + xs; i++) {
            int u = i < ps ? p[i] : x[i - ps];
            int hits = 0;
            for (int j = 0; j < ps; j++) {
                if (g.adjacent(u, p[j])) {
                    hits++;
                }
            }
            if (hits > pivotHits) {
                pivot = u;
                pivotHits = hits;
            }
        }
        int[] candidates = new int[ps];
        int cs = 0;
        for (int i = 0; i < ps; i++) {
            if (!g.adjacent(pivot, p[i])) {
                candidates[cs++] = p[i];
            }
        }
        // p and x are modified as candidates move from P to X; work on copies owned by this frame.
        int[] pp = Arrays.copyOf(p, ps);
        int[] xx = Arrays.copyOf(x, xs + ps);
        int pSize = ps;
        int xSize = xs;
        for (int c = 0; c < cs; c++) {
            int v = candidates[c];
            int[] np = new int[pSize];
            int nps = 0;
            for (int i = 0; i < pSize; i++) {
                if (pp[i] != v && g.adjacent(v, pp[i])) {
                    np[nps++] = pp[i];
                }
            }
            int[] nx = new int[xSize];
            int nxs = 0;
            for (int i = 0; i < xSize; i++) {
                if (g.adjacent(v, xx[i])) {
                    nx[nxs++] = xx[i];
                }
            }
            r[rs] = v;
            expand(g, r, rs + 1, np, nps, nx, nxs, minSize, out);
            for (int i = 0; i < pSize; i++) {
                if (pp[i] == v) {
                    pp[i] = pp[--pSize];
                    break;
                }
            }
            xx[xSize++] = v;
        }
    }
}
