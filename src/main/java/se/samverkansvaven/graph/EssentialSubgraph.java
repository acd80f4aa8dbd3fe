package se.samverkansvaven.graph;

/**
 * The essential subgraph for shortest paths by exact length 1/w (see {@link PathLengths}; the weights must be
 * integers): the same vertices with only the edges that are shortest paths between their own ends, ℓ(u,v) = d(u,v),
 * ties included (C. C. McGeoch, "All-pairs shortest paths and the essential subgraph", Algorithmica 13(5), 1995; D. R.
 * Karger, D. Koller and S. J. Phillips, "Finding the hidden path", SIAM J. Comput. 22(6), 1993). An edge longer than
 * d(u,v) lies on no shortest path between any two vertices (such a path would get shorter through u's and v's
 * shortest path), so removing it changes no distance, no number of shortest paths and no edge of any shortest-path
 * DAG; the rows keep their order, so sums over a row's DAG edges are taken in the same order as on the whole graph.
 *
 * <p>Two steps. First the edges with a strictly shorter path of two edges, 1/w(u,x) + 1/w(x,v) &lt; 1/w(u,v), found
 * exactly as c·(a + b) &lt; a·b in 128-bit products (a = w(u,x), b = w(x,v), c = w(u,v)): in P, where edges close
 * many triangles, most of the inessential ones. Then, on what is left, from each vertex u Dijkstra's search up to
 * u's longest edge, which settles every vertex that a shorter path to one of u's neighbours passes through; this step
 * needs the lengths in {@code long} and is skipped otherwise (the result then keeps some inessential edges, which is
 * still correct). Time O(Σ<sub>x</sub> deg(x)²) for the first step and, for the second, a search per vertex over the
 * ball of radius its longest edge (a few hops where lengths vary little), O(n·(n + m) log n) at worst; memory O(n + m).
 */
final class EssentialSubgraph implements GraphAlgorithm<IndexedGraph> {

    @Override
    public IndexedGraph compute(IndexedGraph g) {
        int n = g.vertexCount();
        int[] off = g.offsets;
        int[] tg = g.targets;
        long[] weight = BrandesBetweenness.integerWeights(g);
        long[] removed = new long[(tg.length + 63) >>> 6];
        long[] weightTo = new long[n]; // w(u,v) for u's neighbours v, else 0
        int[] slotTo = new int[n];
        for (int u = 0; u < n; u++) {
            for (int e = off[u]; e < off[u + 1]; e++) {
                weightTo[tg[e]] = weight[e];
                slotTo[tg[e]] = e;
            }
            for (int e = off[u]; e < off[u + 1]; e++) {
                int x = tg[e];
                long a = weight[e];
                for (int f = off[x]; f < off[x + 1]; f++) {
                    long c = weightTo[tg[f]];
                    if (c != 0 && shorter(a, weight[f], c)) {
                        int slot = slotTo[tg[f]];
                        removed[slot >>> 6] |= 1L << slot; // the slot v–u goes when v's row is tested
                    }
                }
            }
            for (int e = off[u]; e < off[u + 1]; e++) {
                weightTo[tg[e]] = 0;
            }
        }
        IndexedGraph h = g.withoutSlots(removed);
        PathLengths lengths = PathLengths.of(BrandesBetweenness.integerWeights(h), n, PathLengths.Arithmetic.LONG);
        return lengths instanceof PathLengths.Longs longs ? withoutLongerThanDistance(h, longs.lengths()) : h;
    }

    /**
     * h without the edges u–v longer than d(u, v): from each vertex u, Dijkstra's search up to the longest of u's
     * edges, which settles every vertex a shorter path to a neighbour passes through. Overflowing sums count as longer.
     */
    private static IndexedGraph withoutLongerThanDistance(IndexedGraph h, long[] len) {
        int n = h.vertexCount();
        int[] off = h.offsets;
        int[] tg = h.targets;
        long[] dist = new long[n];
        java.util.Arrays.fill(dist, Long.MAX_VALUE);
        int[] touched = new int[n];
        IndexedMinHeap heap = new IndexedMinHeap(n, (a, b) -> dist[a] < dist[b]);
        boolean[] inHeap = new boolean[n];
        long[] removed = new long[(tg.length + 63) >>> 6];
        boolean any = false;
        for (int u = 0; u < n; u++) {
            long radius = 0;
            for (int e = off[u]; e < off[u + 1]; e++) {
                radius = Math.max(radius, len[e]);
            }
            int reached = 0;
            dist[u] = 0;
            touched[reached++] = u;
            heap.insert(u);
            inHeap[u] = true;
            while (!heap.isEmpty()) {
                int v = heap.poll();
                inHeap[v] = false;
                long dv = dist[v];
                if (dv >= radius) {
                    break; // no path shorter than an edge of u's passes through v or later
                }
                for (int e = off[v]; e < off[v + 1]; e++) {
                    int w = tg[e];
                    long nd = dv + len[e];
                    if (nd < 0 || nd >= dist[w]) {
                        continue;
                    }
                    if (dist[w] == Long.MAX_VALUE) {
                        touched[reached++] = w;
                    }
                    dist[w] = nd;
                    if (inHeap[w]) {
                        heap.decreased(w);
                    } else {
                        heap.insert(w);
                        inHeap[w] = true;
                    }
                }
            }
            for (int e = off[u]; e < off[u + 1]; e++) {
                if (dist[tg[e]] < len[e]) {
                    removed[e >>> 6] |= 1L << e;
                    any = true;
                }
            }
            while (!heap.isEmpty()) {
                inHeap[heap.poll()] = false;
            }
            for (int i = 0; i < reached; i++) {
                dist[touched[i]] = Long.MAX_VALUE;
            }
        }
        return any ? h.withoutSlots(removed) : h;
    }

    /** Whether 1/a + 1/b &lt; 1/c for positive integers below 2<sup>53</sup>: c·(a + b) &lt; a·b without rounding. */
    static boolean shorter(long a, long b, long c) {
        long s = a + b;
        long leftHigh = Math.multiplyHigh(c, s);
        long rightHigh = Math.multiplyHigh(a, b);
        if (leftHigh != rightHigh) {
            return leftHigh < rightHigh;
        }
        return Long.compareUnsigned(c * s, a * b) < 0;
    }
}
