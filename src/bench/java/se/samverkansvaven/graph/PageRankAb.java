package se.samverkansvaven.graph;

import java.nio.file.Path;
import se.samverkansvaven.bench.Median;

/** A/B of PageRank on an edge list written by the bench harness (bench/README.md); not a test. */
public final class PageRankAb {
    public static void main(String[] args) throws Exception {
        IndexedGraph g = EdgeLists.read(Path.of(args[0]));
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        double[] a = power(g);
        int powerSweeps = sweeps;
        double[] b = gaussSeidelFromUniform(g);
        int gsSweeps = sweeps;
        double[] c = new PageRank().compute(g);
        double[] ta = new double[repeats], tb = new double[repeats], tc = new double[repeats];
        for (int r = 0; r < repeats; r++) { // after the warm-up above; the three interleaved
            long t = System.nanoTime();
            a = power(g);
            ta[r] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            b = gaussSeidelFromUniform(g);
            tb[r] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            c = new PageRank().compute(g);
            tc[r] = (System.nanoTime() - t) / 1e6;
        }
        System.out.printf("median of %d: power iteration %.2f ms (%d sweeps), Gauss-Seidel from 1/n to n*1e-15 %.2f ms"
                + " (%d sweeps), PageRank %.2f ms; max relative difference to power iteration: %.2e and %.2e%n",
                repeats, Median.of(ta), powerSweeps, Median.of(tb), gsSweeps, Median.of(tc), maxRelative(a, b), maxRelative(a, c));
    }

    private static double maxRelative(double[] a, double[] b) {
        double diff = 0;
        for (int v = 0; v < a.length; v++) {
            diff = Math.max(diff, Math.abs(a[v] - b[v]) / a[v]);
        }
        return diff;
    }

    /** The Gauss–Seidel PageRank of commit b0b0393: start 1/n, coefficient per arc, stop at L1 change n·1e-15. */
    static double[] gaussSeidelFromUniform(IndexedGraph g) {
        int n = g.vertexCount();
        int[] off = g.offsets;
        int[] tg = g.targets;
        double[] coefficient = new double[tg.length];
        for (int e = 0; e < tg.length; e++) {
            coefficient[e] = g.weights[e] / g.strength(tg[e]);
        }
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1.0 / n);
        sweeps = 0;
        for (int iteration = 0; iteration < 10_000; iteration++) {
            double base = (1 - 0.85) / n; // no dangling vertices in an edge list
            double change = 0;
            for (int v = 0; v < n; v++) {
                double in = 0;
                for (int e = off[v]; e < off[v + 1]; e++) {
                    in += x[tg[e]] * coefficient[e];
                }
                double next = base + 0.85 * in;
                change += Math.abs(next - x[v]);
                x[v] = next;
            }
            sweeps = iteration + 1;
            if (change < n * 1e-15) {
                break;
            }
        }
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        for (int v = 0; v < n; v++) {
            x[v] /= sum;
        }
        return x;
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
