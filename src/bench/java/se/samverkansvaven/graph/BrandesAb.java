package se.samverkansvaven.graph;

import java.nio.file.Path;
import java.util.Arrays;
import se.samverkansvaven.bench.Median;

/**
 * A/B of hop-distance Brandes on an edge list written by the bench harness (--edges): the accumulation with a
 * division per DAG edge (before) against one per vertex (now), and betweenness plus a separate harmonic
 * closeness BFS against the fused pass. Runs on {@code k} pivots (same sources for every variant, so the
 * ratio is the one of all sources), variants interleaved, one JVM, median. Not a test (bench/README.md).
 */
public final class BrandesAb {
    public static void main(String[] args) throws Exception {
        IndexedGraph g = EdgeLists.read(Path.of(args[0]));
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int[] sources = new java.util.SplittableRandom(1).ints(0, g.vertexCount()).distinct().limit(k).sorted().toArray();
        double[][] t = new double[4][repeats];
        double[] a = null, b = null;
        for (int r = -1; r < repeats; r++) { // r = -1 warms up
            long t0 = System.nanoTime();
            a = divisionPerEdge(g, sources);
            long t1 = System.nanoTime();
            b = sharePerVertex(g, sources, false);
            long t2 = System.nanoTime();
            sharePerVertex(g, sources, false);
            bfsOnly(g, sources);
            long t3 = System.nanoTime();
            sharePerVertex(g, sources, true);
            long t4 = System.nanoTime();
            if (r >= 0) {
                t[0][r] = (t1 - t0) / 1e6;
                t[1][r] = (t2 - t1) / 1e6;
                t[2][r] = (t3 - t2) / 1e6;
                t[3][r] = (t4 - t3) / 1e6;
            }
        }
        System.out.printf("%d sources, median of %d: division per DAG edge %.0f ms, per vertex %.0f ms (x%.2f); "
                        + "betweenness + separate harmonic BFS %.0f ms, fused %.0f ms (x%.2f); results equal: %s%n",
                k, repeats, Median.of(t[0]), Median.of(t[1]), Median.of(t[0]) / Median.of(t[1]), Median.of(t[2]), Median.of(t[3]),
                Median.of(t[2]) / Median.of(t[3]), Arrays.equals(a, b));
    }

    /** The accumulation before commit 62251d5: (1 + delta[w]) / sigma[w] divided out per DAG edge. */
    static double[] divisionPerEdge(IndexedGraph g, int[] sources) {
        int n = g.vertexCount();
        int[] off = g.offsets;
        int[] tg = g.targets;
        int[] dist = new int[n];
        Arrays.fill(dist, -1);
        double[] sigma = new double[n];
        double[] delta = new double[n];
        double[] bc = new double[n];
        int[] order = new int[n];
        for (int s : sources) {
            int head = 0;
            int tail = 0;
            order[tail++] = s;
            dist[s] = 0;
            sigma[s] = 1;
            while (head < tail) {
                int v = order[head++];
                int next = dist[v] + 1;
                double sv = sigma[v];
                for (int e = off[v]; e < off[v + 1]; e++) {
                    int x = tg[e];
                    if (dist[x] < 0) {
                        dist[x] = next;
                        order[tail++] = x;
                    }
                    if (dist[x] == next) {
                        sigma[x] += sv;
                    }
                }
            }
            for (int i = tail - 1; i > 0; i--) {
                int v = order[i];
                int next = dist[v] + 1;
                double sum = 0;
                for (int e = off[v]; e < off[v + 1]; e++) {
                    int x = tg[e];
                    if (dist[x] == next) {
                        sum += (1 + delta[x]) / sigma[x];
                    }
                }
                delta[v] = sigma[v] * sum;
                bc[v] += delta[v];
            }
            for (int i = 0; i < tail; i++) {
                dist[order[i]] = -1;
                sigma[order[i]] = 0;
                delta[order[i]] = 0;
            }
        }
        return bc;
    }

    /** The current single-source pass ({@link BreadthFirstDag}), optionally with the harmonic sum. */
    static double[] sharePerVertex(IndexedGraph g, int[] sources, boolean harmonic) {
        double[] bc = new double[g.vertexCount()];
        double[] h = new double[g.vertexCount()];
        BreadthFirstDag from = new BreadthFirstDag(g);
        for (int s : sources) {
            if (from.forward(s) > 1) {
                if (harmonic) {
                    h[s] = from.harmonic();
                }
                from.accumulate(bc);
            }
            from.clear();
        }
        return bc;
    }

    /** A harmonic-closeness BFS from each source (the separate pass before the two were fused). */
    static double[] bfsOnly(IndexedGraph g, int[] sources) {
        int n = g.vertexCount();
        int[] off = g.offsets;
        int[] tg = g.targets;
        int[] dist = new int[n];
        Arrays.fill(dist, -1);
        int[] queue = new int[n];
        double[] out = new double[n];
        for (int s : sources) {
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
