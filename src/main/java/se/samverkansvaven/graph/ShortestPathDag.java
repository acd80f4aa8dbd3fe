package se.samverkansvaven.graph;

/**
 * The shortest paths from one source at a time, on buffers reused across sources: what Brandes' algorithm needs
 * from a traversal. A subclass's {@link #forward} (breadth-first for hop distances, Dijkstra for exact weighted
 * lengths) fills {@link #order} with the reached vertices in the order they were settled and {@link #sigma} with
 * the number of shortest paths to each, and its {@link #isSuccessor} says which slots of the CSR rows are edges of
 * the shortest-path DAG. The backward pass, {@link #accumulate}, is the same for every traversal. Then
 * {@link #clear} readies the buffers for the next source.
 */
abstract class ShortestPathDag {

    final int[] offsets;
    final int[] targets;
    /** The reached vertices in settling order (non-decreasing distance); the source first. */
    final int[] order;
    /** The number of shortest paths from the source; 0 where not reached. */
    final double[] sigma;
    /** The dependency of the source on each vertex, after {@link #accumulate}. */
    private final double[] delta;
    /** (1 + delta[w]) / sigma[w], once per vertex rather than once per DAG edge into it. */
    private final double[] share;
    /** How many vertices the last {@link #forward} reached, the source included. */
    int reached;

    ShortestPathDag(IndexedGraph g) {
        int n = g.vertexCount();
        this.offsets = g.offsets;
        this.targets = g.targets;
        this.order = new int[n];
        this.sigma = new double[n];
        this.delta = new double[n];
        this.share = new double[n];
    }

    /**
     * The shortest paths from s: fills order and sigma, and returns the number of vertices reached, s included.
     * Every vertex must be unreached (a fresh instance, or after {@link #clear}).
     */
    abstract int forward(int s);

    /** After {@link #forward}: whether slot e of v's row, to w, is an edge of the shortest-path DAG (w after v). */
    abstract boolean isSuccessor(int v, int e, int w);

    /** Forgets the last source's distances and path counts. */
    void clear() {
        for (int i = 0; i < reached; i++) {
            int v = order[i];
            sigma[v] = 0;
            delta[v] = 0;
        }
        reached = 0;
    }

    /**
     * Brandes' backward pass: the dependency of the source on every reached vertex other than itself, added into bc.
     * Pull form, each vertex summing over its DAG successors in row order: delta[v] = sigma[v] · Σ share[w] with
     * share[w] = (1 + delta[w]) / sigma[w]. Successors are settled later, hence done first in reverse settling order.
     */
    void accumulate(double[] bc) {
        int[] off = offsets;
        int[] tg = targets;
        int[] order = this.order;
        double[] sigma = this.sigma;
        double[] delta = this.delta;
        double[] share = this.share;
        for (int i = reached - 1; i > 0; i--) {
            int v = order[i];
            double sum = 0;
            for (int e = off[v], end = off[v + 1]; e < end; e++) {
                int w = tg[e];
                if (isSuccessor(v, e, w)) {
                    sum += share[w];
                }
            }
            double dv = sigma[v] * sum;
            delta[v] = dv;
            share[v] = (1 + dv) / sigma[v];
            bc[v] += dv;
        }
    }

    /** After {@link #accumulate}: adds the same dependencies into another array too. */
    final void addDependencies(double[] into) {
        for (int i = 1; i < reached; i++) {
            into[order[i]] += delta[order[i]];
        }
    }
}
