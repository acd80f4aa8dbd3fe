package se.samverkansvaven.graph;

import java.util.Arrays;

/**
 * Shortest paths by exact weighted length (1/w, see {@link PathLengths}) from one source at a time, by Dijkstra's
 * algorithm with one of two queues:
 * <ul>
 * <li>with lengths in {@code long} that need at most {@link #MAX_BUCKETS} buckets (P's weights are small integers,
 * 1–20 at size M, so 25 buckets): Dinitz's buckets (E. A. Dinitz, "Economical algorithms for finding shortest paths in
 * a network", 1978; the bucket queue of R. B. Dial, CACM 12(11), 1969, with buckets as wide as the shortest edge).
 * Bucket i holds the vertices whose tentative distance lies in [iΔ, (i+1)Δ), Δ the largest power of two not above the
 * shortest length. An edge from bucket i is at least Δ long, so it leads to a later bucket: when bucket i comes up,
 * every distance in it is final and every predecessor on a shortest path lies in an earlier bucket, so the vertices
 * of a bucket are settled in any order. O(m + n + D/Δ) per source, D the largest distance; a circular array of
 * longest/Δ + 2 buckets suffices, since no edge reaches further ahead;</li>
 * <li>otherwise an indexed binary heap, O((n + m) log n) per source.</li>
 * </ul>
 * The two settle vertices of equal distance in different orders, and a path count is the sum of its predecessors'
 * in settling order. Such sums are exact, hence the same in every order, while every count stays below 2<sup>53</sup>
 * (P's largest at size M is in the hundreds); a search whose counts reach 2<sup>53</sup> is done again with the heap,
 * whose order the values have always had. The DAG, and so the backward pass, is the same for both.
 *
 * <p>The marks are exact: each vertex keeps the chain of slots that reached or tied its tentative distance, and a
 * shorter path unmarks them, so the backward pass reads the DAG without comparing distances again.
 */
final class DijkstraDag extends ShortestPathDag {

    /** A bound on the buckets' memory and on the empty buckets a search may pass; wider spreads of lengths use the heap. */
    static final int MAX_BUCKETS = 1 << 12;
    /** The first path count that a double may have rounded. */
    private static final double EXACT_COUNTS = 0x1p53;

    private final PathLengths.Distances dist;
    private final IndexedMinHeap heap;
    /** The last marked slot into each reached vertex, head of its chain of DAG in-edges. */
    private final int[] lastMark;
    /** The slot marked before slot e into the same vertex, or -1 (meaningful while e is marked). */
    private final int[] previousMark;
    /** Bucket queue state; null when the heap serves. The length of slot e is lengthOf[lengthClass[e]]. */
    private final char[] lengthClass;
    private final long[] lengthOf;
    private final int shift;
    private final int[][] buckets;
    private final int[] bucketSize;
    /**
     * Bit e set: slot e is an edge of the DAG (written as the search meets it, sequentially, so the backward pass
     * reads a vertex's candidate successors from a word or two instead of testing its whole row). One bit per slot
     * keeps the marks in a core's cache beside the rows.
     */
    private final long[] marks;

    /** With the bucket queue where the lengths allow it. */
    DijkstraDag(IndexedGraph g, PathLengths lengths) {
        this(g, lengths, true);
    }

    /** @param buckets false: always the heap (tests compare the two) */
    DijkstraDag(IndexedGraph g, PathLengths lengths, boolean buckets) {
        super(g);
        int n = g.vertexCount();
        this.dist = lengths.distances(n);
        this.heap = new IndexedMinHeap(n, dist);
        this.lastMark = new int[n];
        this.marks = new long[(g.targets.length + 63) >>> 6];
        this.previousMark = new int[g.targets.length];
        int count = buckets ? bucketCount(lengths) : 0;
        if (count > 0) {
            // the distinct lengths and each slot's index among them: a char per slot where a long would not stay in cache
            long[] len = ((PathLengths.Longs) lengths).lengths();
            this.lengthOf = Arrays.stream(len).distinct().sorted().toArray();
            this.lengthClass = new char[len.length];
            for (int e = 0; e < len.length; e++) {
                lengthClass[e] = (char) Arrays.binarySearch(lengthOf, len[e]);
            }
            this.shift = 63 - Long.numberOfLeadingZeros(lengthOf[0]);
            this.buckets = new int[count][16];
            this.bucketSize = new int[count];
        } else {
            this.lengthClass = null;
            this.lengthOf = null;
            this.shift = 0;
            this.buckets = null;
            this.bucketSize = null;
        }
    }

    /**
     * How many buckets the lengths need, or 0 where the heap serves: not longs, no edge, too wide a spread, or more
     * distinct lengths than a char can index.
     */
    static int bucketCount(PathLengths lengths) {
        if (!(lengths instanceof PathLengths.Longs longs) || longs.lengths().length == 0) {
            return 0;
        }
        long[] distinct = Arrays.stream(longs.lengths()).distinct().sorted().toArray();
        if (distinct.length > Character.MAX_VALUE + 1) {
            return 0;
        }
        long count = distinct[distinct.length - 1] / Long.highestOneBit(distinct[0]) + 2;
        return count <= MAX_BUCKETS ? (int) count : 0;
    }

    /** @throws ArithmeticException when a path length overflows the arithmetic of the lengths */
    @Override
    int forward(int s) {
        if (buckets != null) {
            if (forwardInBuckets(s)) {
                return reached;
            }
            clear(); // a path count may have rounded: again in the heap's order
        }
        return forwardInHeap(s);
    }

    private int forwardInHeap(int s) {
        int[] off = offsets;
        int[] tg = targets;
        int[] order = this.order;
        double[] sigma = this.sigma;
        PathLengths.Distances dist = this.dist;
        int settledCount = 0;
        dist.setSource(s);
        sigma[s] = 1;
        heap.insert(s);
        while (!heap.isEmpty()) {
            int v = heap.poll();
            order[settledCount++] = v;
            double sv = sigma[v];
            for (int e = off[v], end = off[v + 1]; e < end; e++) {
                int w = tg[e];
                switch (dist.relax(v, e, w)) {
                    case PathLengths.NEWLY_REACHED -> {
                        sigma[w] = sv;
                        heap.insert(w);
                        markFirst(e, w);
                    }
                    case PathLengths.SHORTER -> {
                        sigma[w] = sv;
                        heap.decreased(w);
                        unmarkAll(w);
                        markFirst(e, w);
                    }
                    case PathLengths.EQUAL -> {
                        sigma[w] += sv;
                        markAlso(e, w);
                    }
                    default -> { }
                }
            }
        }
        reached = settledCount;
        return settledCount;
    }

    /**
     * Dinitz's bucket queue: each bucket's entries are the vertices put there. A vertex whose distance fell to an
     * earlier bucket leaves a stale entry behind, known by a distance outside the bucket (a vertex has at most one
     * entry per bucket, so no mark of "settled" is needed); one whose distance fell within its bucket keeps its entry.
     * Returns false, leaving {@link #reached} set for {@link #clear}, when a path count reached 2<sup>53</sup>.
     */
    private boolean forwardInBuckets(int s) {
        int[] off = offsets;
        int[] tg = targets;
        int[] order = this.order;
        double[] sigma = this.sigma;
        char[] lengthClass = this.lengthClass;
        long[] lengthOf = this.lengthOf;
        long[] dist = ((PathLengths.LongDistances) this.dist).dist;
        int[][] buckets = this.buckets;
        int[] size = bucketSize;
        int count = buckets.length;
        int shift = this.shift;
        boolean exact = true;
        dist[s] = 0;
        sigma[s] = 1;
        push(0, s);
        int pending = 1; // entries in the buckets not yet taken out
        int settledCount = 0;
        long first = 0; // the distance at which the current bucket starts, a multiple of its width
        for (int slot = 0; pending > 0; slot = slot + 1 == count ? 0 : slot + 1, first += 1L << shift) {
            int[] bucket = buckets[slot];
            int entries = size[slot];
            pending -= entries;
            size[slot] = 0; // what this bucket's vertices relax lies in later buckets
            for (int i = 0; i < entries; i++) {
                int v = bucket[i];
                long dv = dist[v];
                if ((dv - first) >>> shift != 0) { // stale: v has moved to an earlier bucket (and been settled there)
                    continue;
                }
                order[settledCount++] = v;
                double sv = sigma[v];
                for (int e = off[v], end = off[v + 1]; e < end; e++) {
                    int w = tg[e];
                    long nd = Math.addExact(dv, lengthOf[lengthClass[e]]);
                    long dw = dist[w];
                    if (nd > dw) {
                        continue;
                    }
                    if (nd == dw) {
                        double sw = sigma[w] + sv;
                        sigma[w] = sw;
                        exact &= sw < EXACT_COUNTS;
                        markAlso(e, w);
                    } else {
                        if (dw != Long.MAX_VALUE) {
                            unmarkAll(w);
                        }
                        markFirst(e, w);
                        dist[w] = nd;
                        sigma[w] = sv;
                        long steps = (nd - first) >>> shift; // within count - 1 buckets
                        if (dw == Long.MAX_VALUE || (dw - first) >>> shift != steps) { // else w's entry is there already
                            int ahead = slot + (int) steps;
                            push(ahead < count ? ahead : ahead - count, w);
                            pending++;
                        }
                    }
                }
            }
        }
        reached = settledCount;
        return exact;
    }

    private void push(int slot, int v) {
        int[] bucket = buckets[slot];
        int at = bucketSize[slot]++;
        if (at == bucket.length) {
            bucket = Arrays.copyOf(bucket, 2 * at);
            buckets[slot] = bucket;
        }
        bucket[at] = v;
    }

    /** During {@link #forward}: slot e is an edge of the DAG. */
    private void mark(int e) {
        marks[e >>> 6] |= 1L << e;
    }

    /** During {@link #forward}: slot e is not an edge of the DAG after all (a shorter path was found). */
    private void unmark(int e) {
        marks[e >>> 6] &= ~(1L << e);
    }

    /** After {@link #forward}: whether slot e is marked as an edge of the DAG (tests). */
    boolean marked(int e) {
        return (marks[e >>> 6] & 1L << e) != 0;
    }

    /** The marked slots of v's row, word by word. */
    @Override
    double successorShares(int i, int v, double[] share) {
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

    /** Slot e, into w, is w's first DAG in-edge so far. */
    private void markFirst(int e, int w) {
        mark(e);
        previousMark[e] = -1;
        lastMark[w] = e;
    }

    /** Slot e, into w, ties w's distance: one more DAG in-edge. */
    private void markAlso(int e, int w) {
        mark(e);
        previousMark[e] = lastMark[w];
        lastMark[w] = e;
    }

    /** A shorter path to w: its marked in-edges are not in the DAG. */
    private void unmarkAll(int w) {
        for (int e = lastMark[w]; e >= 0; e = previousMark[e]) {
            unmark(e);
        }
    }

    @Override
    void clear() {
        if (clearsWhole()) {
            Arrays.fill(marks, 0);
        } else {
            for (int i = 0; i < reached; i++) { // only reached rows are marked
                int v = order[i];
                for (int k = offsets[v] >>> 6, last = (offsets[v + 1] - 1) >> 6; k <= last; k++) {
                    marks[k] = 0;
                }
            }
        }
        if (clearsWhole() && dist instanceof PathLengths.LongDistances longs) {
            Arrays.fill(longs.dist, Long.MAX_VALUE);
        } else {
            for (int i = 0; i < reached; i++) {
                int v = order[i];
                dist.forget(v);
            }
        }
        super.clear();
    }
}
