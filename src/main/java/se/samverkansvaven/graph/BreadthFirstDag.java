package se.samverkansvaven.graph;

import java.util.Arrays;

/**
 * Shortest paths in hops from one source at a time by breadth-first search: the forward pass of hop-distance
 * betweenness, which also gives harmonic closeness ({@link BetweennessAndCloseness}) and the sources exit impact can
 * reuse ({@link BetweennessAfterRemoval}). O(n + m) per source.
 */
final class BreadthFirstDag extends ShortestPathDag {

    /** The distance of a vertex not reached: above every level, so that it counts as "one hop further or more". */
    static final int UNREACHED = Integer.MAX_VALUE;

    /** Hops from the source; {@link #UNREACHED} where not reached. */
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
        Arrays.fill(dist, UNREACHED);
        this.successors = new int[g.targets.length];
        this.firstSuccessor = new int[g.vertexCount() + 1];
    }

    /**
     * Levels first, path counts after: the search only lists each vertex's successors, since a branch on "one hop
     * further" per slot is what a breadth-first search mostly waits for; the counts then follow the lists in
     * discovery order, the same additions in the same order as when they were taken during the search.
     */
    @Override
    int forward(int s) {
        int[] off = offsets;
        int[] tg = targets;
        int[] dist = this.dist;
        int[] order = this.order;
        int[] successors = this.successors;
        int[] firstSuccessor = this.firstSuccessor;
        int head = 0;
        int tail = 0;
        order[tail++] = s;
        dist[s] = 0;
        int found = 0;
        while (head < tail) {
            firstSuccessor[head] = found;
            int v = order[head++];
            int next = dist[v] + 1;
            for (int e = off[v], end = off[v + 1]; e < end; e++) {
                int w = tg[e];
                int dw = dist[w];
                successors[found] = w; // kept when w is one hop further or not reached yet: dw >= next
                found += (next - 1 - dw) >>> 31;
                if (dw > next) {
                    dist[w] = next;
                    order[tail++] = w;
                }
            }
        }
        firstSuccessor[tail] = found;
        reached = tail;
        double[] sigma = this.sigma;
        sigma[s] = 1;
        for (int i = 0; i < tail; i++) {
            double sv = sigma[order[i]];
            for (int k = firstSuccessor[i], end = firstSuccessor[i + 1]; k < end; k++) {
                sigma[successors[k]] += sv;
            }
        }
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
            Arrays.fill(dist, UNREACHED);
        } else {
            for (int i = 0; i < reached; i++) {
                dist[order[i]] = UNREACHED;
            }
        }
        super.clear();
    }
}
