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
    /**
     * The DAG successors of order[i] are successors[firstSuccessor[i] .. firstSuccessor[i + 1]), in row order: a
     * vertex's successors are exactly the neighbours one hop further that its row finds when it leaves the queue, so
     * the backward pass reads them in sequence instead of going back to the rows.
     */
    private final int[] successors;
    private final int[] firstSuccessor;

    BreadthFirstDag(IndexedGraph g) {
        super(g);
        this.dist = new int[g.vertexCount()];
        Arrays.fill(dist, -1);
        this.successors = new int[g.targets.length];
        this.firstSuccessor = new int[g.vertexCount() + 1];
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
        int[] successors = this.successors;
        int[] firstSuccessor = this.firstSuccessor;
        int found = 0;
        while (head < tail) {
            firstSuccessor[head] = found;
            int v = order[head++];
            int next = dist[v] + 1;
            double sv = sigma[v];
            for (int e = off[v], end = off[v + 1]; e < end; e++) {
                int w = tg[e];
                int dw = dist[w];
                if (dw < 0) {
                    dist[w] = next;
                    order[tail++] = w;
                    sigma[w] = sv;
                    successors[found++] = w;
                } else if (dw == next) {
                    sigma[w] += sv;
                    successors[found++] = w;
                }
            }
        }
        firstSuccessor[tail] = found;
        reached = tail;
        return tail;
    }

    @Override
    double successorShares(int i, int v, double[] share) {
        int[] successors = this.successors;
        double sum = 0;
        for (int k = firstSuccessor[i], end = firstSuccessor[i + 1]; k < end; k++) {
            sum += share[successors[k]];
        }
        return sum;
    }

    /** Σ 1/d over the reached vertices other than the source, added in discovery order. */
    double harmonic() {
        double sum = 0;
        int level = 0;
        double inverse = 0;
        for (int i = 1; i < reached; i++) {
            int d = dist[order[i]];
            if (d != level) { // discovery order is by level: one division per level, the same 1.0 / d
                level = d;
                inverse = 1.0 / d;
            }
            sum += inverse;
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
        if (clearsWhole()) {
            Arrays.fill(dist, -1);
        } else {
            for (int i = 0; i < reached; i++) {
                dist[order[i]] = -1;
            }
        }
        super.clear();
    }
}
