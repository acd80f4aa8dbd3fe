package se.samverkansvaven.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** A/B of PageRank on an edge list written by the bench harness (bench/README.md); not a test. */
public final class PageRankAb {
    public static void main(String[] args) throws Exception {
        List<String[]> rows = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] p = line.split(" ");
            rows.add(p);
            ids.add(p[0]);
            ids.add(p[1]);
        }
        String[] sorted = ids.toArray(String[]::new);
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < sorted.length; i++) {
            index.put(sorted[i], i);
        }
        int[] src = new int[rows.size()], dst = new int[rows.size()];
        double[] w = new double[rows.size()];
        for (int e = 0; e < rows.size(); e++) {
            src[e] = index.get(rows.get(e)[0]);
            dst[e] = index.get(rows.get(e)[1]);
            w[e] = Double.parseDouble(rows.get(e)[2]);
        }
        IndexedGraph g = IndexedGraph.fromEdges(sorted, src, dst, w);
        double[] a = null, b = null;
        long ta = Long.MAX_VALUE, tb = Long.MAX_VALUE;
        for (int r = 0; r < 15; r++) {
            long t = System.nanoTime();
            a = power(g);
            ta = Math.min(ta, System.nanoTime() - t);
            t = System.nanoTime();
            b = new PageRank().compute(g);
            tb = Math.min(tb, System.nanoTime() - t);
        }
        double diff = 0;
        for (int v = 0; v < a.length; v++) {
            diff = Math.max(diff, Math.abs(a[v] - b[v]) / a[v]);
        }
        System.out.printf("power iteration %.2f ms (%d sweeps), gauss-seidel %.2f ms, max relative difference %.2e%n",
                ta / 1e6, sweeps, tb / 1e6, diff);
    }

    static int sweeps;

    /** The power iteration PageRank replaced in commit b0b0393. */
    static double[] power(IndexedGraph g) {
        int n = g.vertexCount();
        int[] off = g.offsets;
        int[] tg = g.targets;
        double[] wt = g.weights;
        double[] x = new double[n], next = new double[n], share = new double[n];
        java.util.Arrays.fill(x, 1.0 / n);
        for (int iteration = 0; iteration < 10_000; iteration++) {
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
            double base = (1 - 0.85) / n + 0.85 * dangling / n;
            double change = 0;
            for (int v = 0; v < n; v++) {
                double in = 0;
                for (int e = off[v]; e < off[v + 1]; e++) {
                    in += share[tg[e]] * wt[e];
                }
                next[v] = base + 0.85 * in;
                change += Math.abs(next[v] - x[v]);
            }
            double[] t = x;
            x = next;
            next = t;
            sweeps = iteration + 1;
            if (change < n * 1e-15) {
                break;
            }
        }
        return x;
    }
}
