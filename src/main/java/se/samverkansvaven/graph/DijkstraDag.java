package se.samverkansvaven.graph;

/**
 * Shortest paths by exact weighted length (1/w, see {@link PathLengths}) from one source at a time: Dijkstra's
 * algorithm with an indexed binary heap. O((n + m) log n) per source.
 */
final class DijkstraDag extends ShortestPathDag {

    private final PathLengths.Distances dist;
    private final IndexedMinHeap heap;

    DijkstraDag(IndexedGraph g, PathLengths lengths) {
        super(g);
        this.dist = lengths.distances(g.vertexCount());
        this.heap = new IndexedMinHeap(g.vertexCount(), dist);
    }

    /** @throws ArithmeticException when a path length overflows the arithmetic of the lengths */
    @Override
    int forward(int s) {
        int[] off = offsets;
        int[] tg = targets;
        int[] order = this.order;
        double[] sigma = this.sigma;
        PathLengths.Distances dist = this.dist;
        int settled = 0;
        dist.setSource(s);
        sigma[s] = 1;
        heap.insert(s);
        while (!heap.isEmpty()) {
            int v = heap.poll();
            order[settled++] = v;
            double sv = sigma[v];
            for (int e = off[v], end = off[v + 1]; e < end; e++) {
                int w = tg[e];
                switch (dist.relax(v, e, w)) {
                    case PathLengths.NEWLY_REACHED -> {
                        sigma[w] = sv;
                        heap.insert(w);
                        mark(e);
                    }
                    case PathLengths.SHORTER -> {
                        sigma[w] = sv;
                        heap.decreased(w);
                        mark(e);
                    }
                    case PathLengths.EQUAL -> {
                        sigma[w] += sv;
                        mark(e);
                    }
                    default -> { }
                }
            }
        }
        reached = settled;
        return settled;
    }

    /**
     * The edge lies on a shortest path: its length is exactly the difference of the two final distances (the search
     * marked every slot that reached or tied its target's distance at the time, some of which a shorter path beat).
     */
    @Override
    boolean isSuccessor(int v, int e, int w) {
        return dist.tight(v, e, w);
    }

    /**
     * The shared backward pass, compiled once more for this final class: inside it the JIT knows the exact type, so
     * {@link #isSuccessor} is inlined rather than dispatched per slot (both traversals run in one JVM).
     */
    @Override
    void accumulate(double[] bc) {
        super.accumulate(bc);
    }

    @Override
    void clear() {
        for (int i = 0; i < reached; i++) {
            dist.forget(order[i]);
        }
        super.clear();
    }
}
