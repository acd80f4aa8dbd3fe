package se.samverkansvaven.graph;

/**
 * Shortest paths by exact weighted length (1/w, see {@link PathLengths}) from one source at a time: Dijkstra's
 * algorithm with an indexed binary heap, then one pass over the settled vertices' rows that marks the slots lying on
 * a shortest path. O((n + m) log n) per source.
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
        int mark = ++source;
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
                    }
                    case PathLengths.SHORTER -> {
                        sigma[w] = sv;
                        heap.decreased(w);
                    }
                    case PathLengths.EQUAL -> sigma[w] += sv;
                    default -> { }
                }
            }
        }
        reached = settled;
        int[] successor = this.successor;
        for (int i = 1; i < settled; i++) { // the source's own row is not needed: it accumulates nothing
            int v = order[i];
            for (int e = off[v], end = off[v + 1]; e < end; e++) {
                if (dist.tight(v, e, tg[e])) {
                    successor[e] = mark;
                }
            }
        }
        return settled;
    }

    @Override
    void clear() {
        for (int i = 0; i < reached; i++) {
            dist.forget(order[i]);
        }
        super.clear();
    }
}
