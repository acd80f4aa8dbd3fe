package se.samverkansvaven.graph;

/**
 * The shortest paths from one source at a time, on buffers reused across sources: what Brandes' algorithm needs
 * from a traversal. A subclass's {@link #forward} (breadth-first for hop distances, Dijkstra for exact weighted
 * lengths) fills {@link #order} with the reached vertices in the order they were settled and {@link #sigma} with
 * the number of shortest paths to each, and {@link #mark}s exactly the slots of the CSR rows that are edges of the
 * shortest-path DAG (v to w, w one step further). The backward pass, {@link #accumulate}, is the same for every
 * traversal. Then {@link #clear} readies the buffers for the next source.
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
    /**
     * Bit e set: the forward pass marked slot e (written as the search meets it, sequentially, so the backward pass
     * reads a vertex's candidate successors from a word or two instead of testing its whole row). One bit per slot
     * keeps the marks in a core's cache beside the rows.
     */
    private final long[] marks;
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
        this.marks = new long[(g.targets.length + 63) >>> 6];
    }

    /**
     * The shortest paths from s: fills order and sigma, marks the DAG's edges, and returns the number of vertices
     * reached, s included. Every vertex must be unreached (a fresh instance, or after {@link #clear}).
     */
    abstract int forward(int s);

    /** During {@link #forward}: slot e is an edge of the DAG. */
    final void mark(int e) {
        marks[e >>> 6] |= 1L << e;
    }

    /** During {@link #forward}: slot e is not an edge of the DAG after all (a shorter path was found). */
    final void unmark(int e) {
        marks[e >>> 6] &= ~(1L << e);
    }

    /** After {@link #forward}: whether slot e is marked as an edge of the DAG (tests). */
    final boolean marked(int e) {
        return (marks[e >>> 6] & 1L << e) != 0;
    }

    /** Forgets the last source's distances, path counts and marks. */
    void clear() {
        int[] off = offsets;
        long[] marks = this.marks;
        for (int i = 0; i < reached; i++) {
            int v = order[i];
            sigma[v] = 0;
            delta[v] = 0;
            for (int k = off[v] >>> 6, last = (off[v + 1] - 1) >> 6; k <= last; k++) { // only reached rows are marked
                marks[k] = 0;
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
            double dv = sigma[v] * successorShares(v, share);
            delta[v] = dv;
            share[v] = (1 + dv) / sigma[v];
            bc[v] += dv;
        }
    }

    /** Σ share[w] over the DAG successors w of v, added in row order: the marked slots of v's row, word by word. */
    private double successorShares(int v, double[] share) {
        int from = offsets[v];
        int to = offsets[v + 1];
        int[] tg = targets;
        long[] marks = this.marks;
        double sum = 0;
        for (int k = from >>> 6, last = (to - 1) >> 6; k <= last; k++) {
            long word = marks[k];
            if (k == from >>> 6) {
                word &= -1L << from; // the slots before the row belong to other rows
            }
            if (k == last) {
                word &= -1L >>> (63 - ((to - 1) & 63)); // and those after it
            }
            for (; word != 0; word &= word - 1) {
                sum += share[tg[(k << 6) | Long.numberOfTrailingZeros(word)]];
            }
        }
        return sum;
    }

    /** After {@link #accumulate}: adds the same dependencies into another array too. */
    final void addDependencies(double[] into) {
        for (int i = 1; i < reached; i++) {
            into[order[i]] += delta[order[i]];
        }
    }
}
