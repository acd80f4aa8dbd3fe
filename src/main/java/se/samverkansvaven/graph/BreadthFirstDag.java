package se.samverkansvaven.graph;

import java.util.Arrays;

/**
 * Shortest paths in hops from one source at a time by breadth-first search: the forward pass of hop-distance
 * betweenness, which also gives harmonic closeness ({@link BetweennessAndCloseness}) and the sources exit impact can
 * reuse ({@link BetweennessAfterRemoval}). O(n + m) per source.
 */
final class BreadthFirstDag extends ShortestPathDag {

    /** Hops from the source; -1 where not reached. */
    final int[] dist;

    BreadthFirstDag(IndexedGraph g) {
        super(g);
        this.dist = new int[g.vertexCount()];
        Arrays.fill(dist, -1);
    }

    @Override
    int forward(int s) {
        int[] off = offsets;
        int[] tg = targets;
        int[] dist = this.dist;
        int[] order = this.order;
        double[] sigma = this.sigma;
        int head = 0;
        int tail = 0;
        order[tail++] = s;
        dist[s] = 0;
        sigma[s] = 1;
        while (head < tail) {
            int v = order[head++];
            int next = dist[v] + 1;
            double sv = sigma[v];
            for (int e = off[v], end = off[v + 1]; e < end; e++) {
                int w = tg[e];
                if (dist[w] < 0) {
                    dist[w] = next;
                    order[tail++] = w;
                }
                if (dist[w] == next) {
                    sigma[w] += sv;
                    mark(e);
                }
            }
        }
        reached = tail;
        return tail;
    }

    /** Σ 1/d over the reached vertices other than the source, added in discovery order. */
    double harmonic() {
        double sum = 0;
        for (int i = 1; i < reached; i++) {
            sum += 1.0 / dist[order[i]];
        }
        return sum;
    }

    /** Adds 1/d(source, v) to {@code sums[v]} for every reached v other than the source, in discovery order. */
    void addInverseDistances(double[] sums) {
        for (int i = 1; i < reached; i++) {
            int v = order[i];
            sums[v] += 1.0 / dist[v];
        }
    }

    @Override
    void clear() {
        for (int i = 0; i < reached; i++) {
            dist[order[i]] = -1;
        }
        super.clear();
    }
}
