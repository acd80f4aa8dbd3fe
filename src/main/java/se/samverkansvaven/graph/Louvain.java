package se.samverkansvaven.graph;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Louvain community detection (V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre, "Fast unfolding of
 * communities in large networks", J. Stat. Mech. 2008): a partition of high weighted {@link Modularity}, resolution
 * 1. Local moving of vertices in a seeded random order until no move raises modularity, then aggregation of each
 * community into one vertex, repeated until a level moves nothing. Deterministic for a given seed: the only randomness
 * is the visiting order, drawn from {@link SplittableRandom}, and ties between equally good communities go to the one
 * met first in the (ascending) neighbour list. Near-linear in m in practice (O(m) per sweep).
 *
 * <p>The result is the community number of every vertex, numbered 0, 1, … in order of each community's lowest vertex
 * index.
 */
public final class Louvain implements GraphAlgorithm<int[]> {

    /** A move must gain more than this (in units of weight) so rounding noise cannot make it oscillate. */
    private static final double MIN_GAIN = 1e-10;

    private final long seed;

    public Louvain(long seed) {
        this.seed = seed;
    }

    @Override
    public int[] compute(IndexedGraph g) {
        int n = g.vertexCount();
        int[] membership = new int[n];
        for (int v = 0; v < n; v++) {
            membership[v] = v;
        }
        Level level = Level.of(g);
        if (level.twoM == 0) {
            return membership;
        }
        SplittableRandom random = new SplittableRandom(seed);
        while (true) {
            int[] community = level.moveNodes(random);
            int count = renumber(community);
            if (count == level.n) {
                break;
            }
            for (int v = 0; v < n; v++) {
                membership[v] = community[membership[v]];
            }
            level = level.aggregate(community, count);
        }
        renumber(membership);
        return membership;
    }

    /** Renumbers in place to 0..count-1 in order of first appearance; returns count. */
    private static int renumber(int[] labels) {
        int[] map = new int[labels.length];
        Arrays.fill(map, -1);
        int count = 0;
        for (int i = 0; i < labels.length; i++) {
            if (map[labels[i]] < 0) {
                map[labels[i]] = count++;
            }
            labels[i] = map[labels[i]];
        }
        return count;
    }

    /** One level: a weighted graph whose vertices may carry self-loops (the weight inside them). */
    private static final class Level {
        final int n;
        final int[] off;
        final int[] adj;
        final double[] w;
        /** Weighted degree, self-loops counted twice, so Σ k = 2m at every level. */
        final double[] k;
        final double twoM;

        Level(int n, int[] off, int[] adj, double[] w, double[] k) {
            this.n = n;
            this.off = off;
            this.adj = adj;
            this.w = w;
            this.k = k;
            double sum = 0;
            for (double x : k) {
                sum += x;
            }
            this.twoM = sum;
        }

        static Level of(IndexedGraph g) {
            int n = g.vertexCount();
            double[] k = new double[n];
            for (int v = 0; v < n; v++) {
                k[v] = g.strength(v);
            }
            return new Level(n, g.offsets, g.targets, g.weights, k);
        }

        /** Local moving phase; returns each vertex's community (a vertex id of this level). */
        int[] moveNodes(SplittableRandom random) {
            int[] community = new int[n];
            double[] total = new double[n];
            for (int i = 0; i < n; i++) {
                community[i] = i;
                total[i] = k[i];
            }
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double[] toCommunity = new double[n];
            int[] seen = new int[n];
            Arrays.fill(seen, -1);
            int[] neighbours = new int[n];
            int stamp = 0;
            boolean moved = true;
            while (moved) {
                moved = false;
                for (int i : order) {
                    int own = community[i];
                    double ki = k[i];
                    int count = 0;
                    stamp++;
                    for (int e = off[i]; e < off[i + 1]; e++) {
                        int c = community[adj[e]];
                        if (seen[c] != stamp) {
                            seen[c] = stamp;
                            toCommunity[c] = 0;
                            neighbours[count++] = c;
                        }
                        toCommunity[c] += w[e];
                    }
                    total[own] -= ki;
                    double ownLinks = seen[own] == stamp ? toCommunity[own] : 0;
                    int best = own;
                    double bestGain = ownLinks - total[own] * ki / twoM;
                    for (int t = 0; t < count; t++) {
                        int c = neighbours[t];
                        if (c == own) {
                            continue;
                        }
                        double gain = toCommunity[c] - total[c] * ki / twoM;
                        if (gain > bestGain + MIN_GAIN) {
                            best = c;
                            bestGain = gain;
                        }
                    }
                    total[best] += ki;
                    if (best != own) {
                        community[i] = best;
                        moved = true;
                    }
                }
            }
            return community;
        }

        /** The next level: one vertex per community, weights summed, inner weight kept as a self-loop in k. */
        Level aggregate(int[] community, int count) {
            int[] start = new int[count + 1];
            for (int i = 0; i < n; i++) {
                start[community[i] + 1]++;
            }
            for (int c = 0; c < count; c++) {
                start[c + 1] += start[c];
            }
            int[] members = new int[n];
            int[] fill = Arrays.copyOf(start, count);
            for (int i = 0; i < n; i++) {
                members[fill[community[i]]++] = i;
            }
            double[] newK = new double[count];
            int[] newOff = new int[count + 1];
            int[] adjBuffer = new int[adj.length];
            double[] wBuffer = new double[adj.length];
            double[] toCommunity = new double[count];
            int[] seen = new int[count];
            Arrays.fill(seen, -1);
            int size = 0;
            for (int c = 0; c < count; c++) {
                int rowStart = size;
                for (int m = start[c]; m < start[c + 1]; m++) {
                    int i = members[m];
                    newK[c] += k[i];
                    for (int e = off[i]; e < off[i + 1]; e++) {
                        int d = community[adj[e]];
                        if (d == c) {
                            continue;
                        }
                        if (seen[d] != c) {
                            seen[d] = c;
                            toCommunity[d] = 0;
                            adjBuffer[size++] = d;
                        }
                        toCommunity[d] += w[e];
                    }
                }
                Arrays.sort(adjBuffer, rowStart, size);
                for (int e = rowStart; e < size; e++) {
                    wBuffer[e] = toCommunity[adjBuffer[e]];
                }
                newOff[c + 1] = size;
            }
            return new Level(count, newOff, Arrays.copyOf(adjBuffer, size), Arrays.copyOf(wBuffer, size), newK);
        }
    }
}
