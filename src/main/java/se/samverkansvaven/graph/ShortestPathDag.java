package se.samverkansvaven.graph;

import java.util.Arrays;

/**
 * The shortest paths from one source at a time, on buffers reused across sources: what Brandes' algorithm needs
 * from a traversal. A subclass's {@link #forward} (breadth-first for hop distances, Dijkstra for exact weighted
 * lengths) fills {@link #order} with the reached vertices in the order they were settled and {@link #sigma} with
 * the number of shortest paths to each, and keeps the edges of the shortest-path DAG (v to w, w one step further) so
 * that {@link #successorShares} can read each vertex's successors in row order. The backward pass,
 * {@link #accumulate}, is the same for every traversal. Then {@link #clear} readies the buffers for the next source.
 */
abstract class ShortestPathDag {

    final int[] offsets;
    final int[] targets;
    /** The reached vertices in settling order, the source first: each after every predecessor it has in the DAG. */
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
     * The shortest paths from s: fills order and sigma, keeps the DAG's edges, and returns the number of vertices
     * reached, s included. Every vertex must be unreached (a fresh instance, or after {@link #clear}).
     */
    abstract int forward(int s);

    /**
     * Whether {@link #clear} resets whole arrays rather than the reached vertices one by one: a sequential fill is
     * cheaper once a search reached more than a few percent of the graph.
     */
    final boolean clearsWhole() {
        return reached > order.length >>> 4;
    }

    /** Forgets the last source's path counts and dependencies (a subclass its distances and DAG edges too). */
    void clear() {
        if (clearsWhole()) {
            Arrays.fill(sigma, 0);
            Arrays.fill(delta, 0);
        } else {
            for (int i = 0; i < reached; i++) {
                sigma[order[i]] = 0;
                delta[order[i]] = 0;
            }
        }
        reached = 0;
    }

    /**
     * Brandes' backward pass: the dependency of the source on every reached vertex other than itself, added into bc.
     * Pull form, each vertex summing over its DAG successors in row order: delta[v] = sigma[v] · Σ share[w] with
     * share[w] = (1 + delta[w]) / sigma[w]. Successors are settled later, hence done first in reverse settling order.
     */
    final void accumulate(double[] bc) {
        int[] order = this.order;
        double[] sigma = this.sigma;
        double[] delta = this.delta;
        double[] share = this.share;
        for (int i = reached - 1; i > 0; i--) {
            int v = order[i];
            double dv = sigma[v] * successorShares(i, v, share);
            delta[v] = dv;
            share[v] = (1 + dv) / sigma[v];
            bc[v] += dv;
        }
    }

    /** Σ share[w] over the DAG successors w of v = order[i], added in the order of v's row. */
    abstract double successorShares(int i, int v, double[] share);

    /** After {@link #accumulate}: adds the same dependencies into another array too. */
    final void addDependencies(double[] into) {
        for (int i = 1; i < reached; i++) {
            into[order[i]] += delta[order[i]];
        }
    }
}
