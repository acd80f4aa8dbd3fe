package se.samverkansvaven.graph;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Betweenness centrality by Brandes' algorithm on the int-indexed view, normalised as NetworkX 2.8 does for
 * undirected graphs: each unordered pair counted once, times {@code 2/((n-1)(n-2))}; for n ≤ 2 every value
 * is 0.
 *
 * <p>With {@link Distance#INVERSE_WEIGHT} an edge of weight w is 1/w long and shortest paths are counted
 * in exact arithmetic (domain.md, analysis 2): every length is scaled to the integer L/w, L the least
 * common multiple of the distinct weights, so paths whose lengths are equal as fractions tie even where
 * doubles summed in another order would differ in the last bit. If L or a path sum could overflow a long,
 * the same algorithm runs on {@link BigInteger} lengths. Weights must then be integers (numbers of shared
 * bodies).
 *
 * <p>Sources are split into {@link SourceChunks#CHUNKS} interleaved chunks run in parallel; the sum is
 * combined in chunk order, so the result does not depend on the number of cores.
 */
public final class BrandesBetweenness implements VertexMeasure {

    public enum Distance { HOPS, INVERSE_WEIGHT }

    private final Distance distance;
    private final boolean forceBigInteger;
    private final int pivots;
    private final long pivotSeed;

    public BrandesBetweenness(Distance distance) {
        this(distance, false);
    }

    /** {@code forceBigInteger} takes the overflow-safe path even when longs suffice (for tests). */
    public BrandesBetweenness(Distance distance, boolean forceBigInteger) {
        this(distance, forceBigInteger, 0, 0);
    }

    private BrandesBetweenness(Distance distance, boolean forceBigInteger, int pivots, long pivotSeed) {
        this.distance = distance;
        this.forceBigInteger = forceBigInteger;
        this.pivots = pivots;
        this.pivotSeed = pivotSeed;
    }

    /**
     * Approximate betweenness from {@code pivots} sources drawn without replacement with a fixed seed
     * (Brandes and Pich 2007; NetworkX's {@code k}): the sum over the pivots is scaled by n/pivots. With
     * pivots ≥ n it is the exact algorithm. For graphs too large for all sources (bench/README.md, size L).
     */
    public static BrandesBetweenness sampled(Distance distance, int pivots, long seed) {
        if (pivots < 1) {
            throw new IllegalArgumentException("the number of pivots must be at least 1, was " + pivots);
        }
        return new BrandesBetweenness(distance, false, pivots, seed);
    }

    /** The sources: every vertex, or the first {@code pivots} of a seeded shuffle, ascending. */
    private int[] sources(int n) {
        int[] all = new int[n];
        for (int v = 0; v < n; v++) {
            all[v] = v;
        }
        if (pivots == 0 || pivots >= n) {
            return all;
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(pivotSeed);
        for (int i = 0; i < pivots; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, pivots);
        Arrays.sort(chosen);
        return chosen;
    }

    @Override
    public double[] compute(IndexedGraph graph) {
        int n = graph.vertexCount();
        int[] sources = sources(n);
        double[][] chunks;
        if (distance == Distance.HOPS) {
            chunks = SourceChunks.run(n, c -> hops(graph, sources, c), double[][]::new);
        } else {
            long[] weights = integerWeights(graph);
            long[] lengths = forceBigInteger ? null : longLengths(weights);
            chunks = lengths == null ? null
                    : SourceChunks.run(n, c -> longDistances(graph, lengths, sources, c), double[][]::new);
            if (chunks != null && Arrays.asList(chunks).contains(null)) {
                chunks = null; // a path sum overflowed a long: redo every chunk on multi-limb lengths
            }
            if (chunks == null && !forceBigInteger) {
                WideLengths wide = wideLengths(weights, n);
                chunks = wide == null ? null
                        : SourceChunks.run(n, c -> wideDistances(graph, wide, sources, c), double[][]::new);
                if (chunks != null && Arrays.asList(chunks).contains(null)) {
                    chunks = null; // wider than sized for: BigInteger
                }
            }
            if (chunks == null) {
                BigInteger[] big = bigLengths(weights);
                chunks = SourceChunks.run(n, c -> bigDistances(graph, big, sources, c), double[][]::new);
            }
        }
        double[] result = new double[n];
        for (double[] chunk : chunks) {
            for (int v = 0; v < n; v++) {
                result[v] += chunk[v];
            }
        }
        normalise(result, n, sources.length);
        return result;
    }

    /** Betweenness with hop distances and harmonic closeness, from one BFS per vertex. */
    public record WithHarmonic(double[] betweenness, double[] harmonic) {}

    /**
     * This betweenness (hop distances only) together with {@link HarmonicCloseness}'s values, bit for bit, from
     * the same BFS per vertex: the centrality analysis needs both, and the BFS is half of Brandes' work. With
     * pivots, every vertex still gets its BFS (harmonic closeness is exact), and only the pivots accumulate; the
     * pivots' sums are then chunked by vertex rather than by draw position, so they may differ from
     * {@link #compute} in the last bits (deterministic all the same).
     */
    public WithHarmonic computeWithHarmonic(IndexedGraph g) {
        if (distance != Distance.HOPS) {
            throw new IllegalStateException("harmonic closeness comes with hop-distance betweenness only");
        }
        int n = g.vertexCount();
        int[] sources = sources(n);
        boolean[] pivot = new boolean[n];
        for (int s : sources) {
            pivot[s] = true;
        }
        double[][][] chunks = SourceChunks.run(n, c -> {
            double[] bc = new double[n];
            double[] harmonic = new double[n];
            Hops from = new Hops(g);
            for (int s = c; s < n; s += SourceChunks.CHUNKS) {
                if (from.forward(s) > 1) {
                    harmonic[s] = from.harmonic();
                    if (pivot[s]) {
                        from.accumulate(bc);
                    }
                }
                from.clear();
            }
            return new double[][] {bc, harmonic};
        }, double[][][]::new);
        double[] betweenness = new double[n];
        double[] harmonic = new double[n];
        for (double[][] chunk : chunks) {
            for (int v = 0; v < n; v++) {
                betweenness[v] += chunk[0][v];
                harmonic[v] += chunk[1][v];
            }
        }
        normalise(betweenness, n, sources.length);
        if (n > 1) {
            for (int v = 0; v < n; v++) {
                harmonic[v] /= n - 1;
            }
        }
        return new WithHarmonic(betweenness, harmonic);
    }

    /** NetworkX's 2/((n-1)(n-2)) for undirected graphs (each pair counted from both ends), times n/sources. */
    public static void normalise(double[] raw, int n, int sources) {
        if (n > 2) {
            double scale = 1.0 / ((double) (n - 1) * (n - 2)) * ((double) n / sources);
            for (int v = 0; v < n; v++) {
                raw[v] *= scale;
            }
        }
    }

    /** Unnormalised dependencies summed over the sources of one chunk, BFS distances. */
    private static double[] hops(IndexedGraph g, int[] sources, int chunk) {
        double[] bc = new double[g.vertexCount()];
        Hops from = new Hops(g);
        for (int si = chunk; si < sources.length; si += SourceChunks.CHUNKS) {
            if (from.forward(sources[si]) > 1) {
                from.accumulate(bc);
            }
            from.clear();
        }
        return bc;
    }

    /**
     * Brandes from one source at a time with hop distances, on buffers reused across sources: {@link #forward}
     * (BFS, path counts), then optionally {@link #accumulate} (dependencies), then {@link #clear}. Between
     * forward and clear, {@link #dist} holds the distances of the reached vertices and -1 elsewhere, and
     * {@link #order} the reached vertices in BFS discovery order.
     */
    public static final class Hops {
        private final int[] off;
        private final int[] tg;
        public final int[] dist;
        final int[] order;
        private final double[] sigma;
        private final double[] delta;
        /** (1 + delta[w]) / sigma[w], once per vertex rather than once per DAG edge into it. */
        private final double[] share;
        private int reached;

        public Hops(IndexedGraph g) {
            int n = g.vertexCount();
            this.off = g.offsets;
            this.tg = g.targets;
            this.dist = new int[n];
            Arrays.fill(dist, -1);
            this.order = new int[n];
            this.sigma = new double[n];
            this.delta = new double[n];
            this.share = new double[n];
        }

        /** BFS from s counting shortest paths; returns the number of vertices reached, s included. */
        public int forward(int s) {
            int[] off = this.off;
            int[] tg = this.tg;
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
                for (int e = off[v]; e < off[v + 1]; e++) {
                    int w = tg[e];
                    if (dist[w] < 0) {
                        dist[w] = next;
                        order[tail++] = w;
                    }
                    if (dist[w] == next) {
                        sigma[w] += sv;
                    }
                }
            }
            reached = tail;
            return tail;
        }

        /** Σ 1/d over the reached vertices other than the source, added in BFS discovery order. */
        public double harmonic() {
            double sum = 0;
            for (int i = 1; i < reached; i++) {
                sum += 1.0 / dist[order[i]];
            }
            return sum;
        }

        /** Adds the source's dependency of every reached vertex (not the source) into bc. */
        public void accumulate(double[] bc) {
            int[] off = this.off;
            int[] tg = this.tg;
            int[] dist = this.dist;
            int[] order = this.order;
            double[] sigma = this.sigma;
            double[] delta = this.delta;
            double[] share = this.share;
            // Pull form: delta[v] = sigma[v] * sum over successors w of share[w] = (1 + delta[w]) / sigma[w].
            for (int i = reached - 1; i > 0; i--) {
                int v = order[i];
                int next = dist[v] + 1;
                double sum = 0;
                for (int e = off[v]; e < off[v + 1]; e++) {
                    int w = tg[e];
                    if (dist[w] == next) {
                        sum += share[w];
                    }
                }
                delta[v] = sigma[v] * sum;
                share[v] = (1 + delta[v]) / sigma[v];
                bc[v] += delta[v];
            }
        }

        /** After {@link #accumulate}: adds the same dependencies into another array too. */
        public void addDependencies(double[] into) {
            for (int i = 1; i < reached; i++) {
                into[order[i]] += delta[order[i]];
            }
        }

        public void clear() {
            for (int i = 0; i < reached; i++) {
                int v = order[i];
                dist[v] = -1;
                sigma[v] = 0;
                delta[v] = 0;
            }
            reached = 0;
        }
    }

    /** The weights as exact integers; anything else has no exact 1/w distance here. */
    private static long[] integerWeights(IndexedGraph g) {
        long[] out = new long[g.weights.length];
        for (int v = 0; v < g.vertexCount(); v++) {
            for (int e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
                double w = g.weights[e];
                if (w != Math.rint(w) || w >= 0x1p53) {
                    throw new IllegalArgumentException("weighted betweenness needs integer weights (numbers of "
                            + "shared bodies), but edge " + g.id(v) + "-" + g.id(g.targets[e]) + " has weight " + w);
                }
                out[e] = (long) w;
            }
        }
        return out;
    }

    /**
     * L/w per CSR slot, or null when L itself overflows a long. Path sums are not bounded here (the old bound,
     * n−1 times the longest edge, sent every graph of 10,000 vertices with weights up to ~30 to BigInteger, ten
     * times slower); {@link #longDistances} adds with {@link Math#addExact} and reports an overflow instead.
     */
    private static long[] longLengths(long[] weights) {
        long[] distinct = Arrays.stream(weights).distinct().toArray();
        long lcm = 1;
        try {
            for (long w : distinct) {
                lcm = Math.multiplyExact(lcm / gcd(lcm, w), w);
            }
        } catch (ArithmeticException overflow) {
            return null;
        }
        long[] lengths = new long[weights.length];
        for (int e = 0; e < weights.length; e++) {
            lengths[e] = lcm / weights[e];
        }
        return lengths;
    }

    private static BigInteger[] bigLengths(long[] weights) {
        BigInteger lcm = BigInteger.ONE;
        for (long w : Arrays.stream(weights).distinct().toArray()) {
            BigInteger b = BigInteger.valueOf(w);
            lcm = lcm.divide(lcm.gcd(b)).multiply(b);
        }
        BigInteger[] lengths = new BigInteger[weights.length];
        for (int e = 0; e < weights.length; e++) {
            lengths[e] = lcm.divide(BigInteger.valueOf(weights[e]));
        }
        return lengths;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /**
     * Unnormalised dependencies of one chunk, Dijkstra on exact long lengths with an indexed binary heap; null
     * when a tentative distance overflows a long (the caller then redoes the work on BigInteger). Every sum
     * the accumulation compares was formed, without overflow, during the relaxation of the same edge.
     */
    private static double[] longDistances(IndexedGraph g, long[] len, int[] sources, int chunk) {
        try {
            return longDistancesUnchecked(g, len, sources, chunk);
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    private static double[] longDistancesUnchecked(IndexedGraph g, long[] len, int[] sources, int chunk) {
        int n = g.vertexCount();
        int[] off = g.offsets;
        int[] tg = g.targets;
        long[] dist = new long[n];
        Arrays.fill(dist, Long.MAX_VALUE);
        double[] sigma = new double[n];
        double[] delta = new double[n];
        double[] share = new double[n]; // (1 + delta[w]) / sigma[w], once per vertex, not per DAG edge
        double[] bc = new double[n];
        int[] order = new int[n];
        LongKeyHeap heap = new LongKeyHeap(n, dist);
        for (int si = chunk; si < sources.length; si += SourceChunks.CHUNKS) {
            int s = sources[si];
            if (off[s] == off[s + 1]) {
                continue;
            }
            int settled = 0;
            dist[s] = 0;
            sigma[s] = 1;
            heap.insert(s);
            while (!heap.isEmpty()) {
                int v = heap.poll();
                order[settled++] = v;
                long dv = dist[v];
                double sv = sigma[v];
                for (int e = off[v]; e < off[v + 1]; e++) {
                    int w = tg[e];
                    long nd = Math.addExact(dv, len[e]);
                    long dw = dist[w];
                    if (nd < dw) {
                        dist[w] = nd;
                        sigma[w] = sv;
                        if (dw == Long.MAX_VALUE) {
                            heap.insert(w);
                        } else {
                            heap.decreased(w);
                        }
                    } else if (nd == dw) {
                        sigma[w] += sv;
                    }
                }
            }
            for (int i = settled - 1; i > 0; i--) {
                int v = order[i];
                long dv = dist[v];
                double sum = 0;
                for (int e = off[v]; e < off[v + 1]; e++) {
                    int w = tg[e];
                    if (dv + len[e] == dist[w]) {
                        sum += share[w];
                    }
                }
                delta[v] = sigma[v] * sum;
                share[v] = (1 + delta[v]) / sigma[v];
                bc[v] += delta[v];
            }
            for (int i = 0; i < settled; i++) {
                int v = order[i];
                dist[v] = Long.MAX_VALUE;
                sigma[v] = 0;
                delta[v] = 0;
            }
        }
        return bc;
    }

    /**
     * L/w per CSR slot as fixed-width unsigned integers of {@code limbs} 64-bit limbs each (least significant
     * first; slot e at {@code [e * limbs, (e + 1) * limbs)}), wide enough for L times n plus headroom. With many
     * distinct weights (at size M the weights of P reach the thousands and L has hundreds of bits) this keeps
     * the comparison exact without allocating: several times faster than BigInteger.
     */
    private record WideLengths(int limbs, long[] lengths) {}

    private static WideLengths wideLengths(long[] weights, int n) {
        BigInteger lcm = BigInteger.ONE;
        for (long w : Arrays.stream(weights).distinct().toArray()) {
            BigInteger b = BigInteger.valueOf(w);
            lcm = lcm.divide(lcm.gcd(b)).multiply(b);
        }
        int bits = lcm.bitLength() + 64 - Long.numberOfLeadingZeros(Math.max(1, n)) + 2;
        int limbs = Math.max(2, (bits + 63) / 64);
        if (limbs > 32) {
            return null;
        }
        long[] out = new long[weights.length * limbs];
        for (int e = 0; e < weights.length; e++) {
            BigInteger x = lcm.divide(BigInteger.valueOf(weights[e]));
            for (int k = 0; k < limbs; k++) {
                out[e * limbs + k] = x.shiftRight(64 * k).longValue();
            }
        }
        return new WideLengths(limbs, out);
    }

    /** {@link #longDistances} on {@link WideLengths}; null when a sum overflows the width (then BigInteger). */
    private static double[] wideDistances(IndexedGraph g, WideLengths lengths, int[] sources, int chunk) {
        try {
            return wideDistancesUnchecked(g, lengths.limbs(), lengths.lengths(), sources, chunk);
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    /** out = a[ai..] + b[bi..] over k limbs; the top limb must stay below Long.MAX_VALUE (the "unreached" mark). */
    private static void add(long[] a, int ai, long[] b, int bi, long[] out, int k) {
        long carry = 0;
        for (int i = 0; i < k - 1; i++) {
            long x = a[ai + i] + b[bi + i];
            long c = Long.compareUnsigned(x, a[ai + i]) < 0 ? 1 : 0;
            long y = x + carry;
            c |= Long.compareUnsigned(y, x) < 0 ? 1 : 0;
            out[i] = y;
            carry = c;
        }
        long top = Math.addExact(Math.addExact(a[ai + k - 1], b[bi + k - 1]), carry);
        if (top == Long.MAX_VALUE) {
            throw new ArithmeticException("path length overflow");
        }
        out[k - 1] = top;
    }

    /** Compares x[0..k) with d[di..di+k), most significant limb first (top limb signed, the rest unsigned). */
    private static int compare(long[] x, long[] d, int di, int k) {
        int c = Long.compare(x[k - 1], d[di + k - 1]);
        for (int i = k - 2; c == 0 && i >= 0; i--) {
            c = Long.compareUnsigned(x[i], d[di + i]);
        }
        return c;
    }

    private static double[] wideDistancesUnchecked(IndexedGraph g, int k, long[] len, int[] sources, int chunk) {
        int n = g.vertexCount();
        int[] off = g.offsets;
        int[] tg = g.targets;
        long[] dist = new long[n * k];
        for (int v = 0; v < n; v++) {
            dist[v * k + k - 1] = Long.MAX_VALUE; // unreached
        }
        long[] next = new long[k];
        double[] sigma = new double[n];
        double[] delta = new double[n];
        double[] share = new double[n]; // (1 + delta[w]) / sigma[w], once per vertex, not per DAG edge
        double[] bc = new double[n];
        int[] order = new int[n];
        WideKeyHeap heap = new WideKeyHeap(n, dist, k);
        for (int si = chunk; si < sources.length; si += SourceChunks.CHUNKS) {
            int s = sources[si];
            if (off[s] == off[s + 1]) {
                continue;
            }
            int settled = 0;
            Arrays.fill(dist, s * k, s * k + k, 0L);
            sigma[s] = 1;
            heap.insert(s);
            while (!heap.isEmpty()) {
                int v = heap.poll();
                order[settled++] = v;
                double sv = sigma[v];
                for (int e = off[v]; e < off[v + 1]; e++) {
                    int w = tg[e];
                    add(dist, v * k, len, e * k, next, k);
                    boolean unreached = dist[w * k + k - 1] == Long.MAX_VALUE;
                    int c = unreached ? -1 : compare(next, dist, w * k, k);
                    if (c < 0) {
                        System.arraycopy(next, 0, dist, w * k, k);
                        sigma[w] = sv;
                        if (unreached) {
                            heap.insert(w);
                        } else {
                            heap.decreased(w);
                        }
                    } else if (c == 0) {
                        sigma[w] += sv;
                    }
                }
            }
            for (int i = settled - 1; i > 0; i--) {
                int v = order[i];
                double sum = 0;
                for (int e = off[v]; e < off[v + 1]; e++) {
                    int w = tg[e];
                    add(dist, v * k, len, e * k, next, k);
                    if (compare(next, dist, w * k, k) == 0) {
                        sum += share[w];
                    }
                }
                delta[v] = sigma[v] * sum;
                share[v] = (1 + delta[v]) / sigma[v];
                bc[v] += delta[v];
            }
            for (int i = 0; i < settled; i++) {
                int v = order[i];
                Arrays.fill(dist, v * k, v * k + k - 1, 0L);
                dist[v * k + k - 1] = Long.MAX_VALUE;
                sigma[v] = 0;
                delta[v] = 0;
            }
        }
        return bc;
    }

    /** {@link LongKeyHeap} keyed by the multi-limb distances of one shared array. */
    private static final class WideKeyHeap {
        private final int[] heap;
        private final int[] position;
        private final long[] dist;
        private final int k;
        private int size;

        WideKeyHeap(int n, long[] dist, int k) {
            this.heap = new int[n];
            this.position = new int[n];
            this.dist = dist;
            this.k = k;
        }

        public boolean isEmpty() {
            return size == 0;
        }

        public void insert(int v) {
            heap[size] = v;
            position[v] = size;
            up(size++);
        }

        public void decreased(int v) {
            up(position[v]);
        }

        public int poll() {
            int top = heap[0];
            int last = heap[--size];
            if (size > 0) {
                heap[0] = last;
                position[last] = 0;
                down(0);
            }
            return top;
        }

        private boolean less(int a, int b) {
            int ai = a * k;
            int bi = b * k;
            int c = Long.compare(dist[ai + k - 1], dist[bi + k - 1]);
            for (int i = k - 2; c == 0 && i >= 0; i--) {
                c = Long.compareUnsigned(dist[ai + i], dist[bi + i]);
            }
            return c < 0;
        }

        private void up(int i) {
            int v = heap[i];
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                int p = heap[parent];
                if (!less(v, p)) {
                    break;
                }
                heap[i] = p;
                position[p] = i;
                i = parent;
            }
            heap[i] = v;
            position[v] = i;
        }

        private void down(int i) {
            int v = heap[i];
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int c = heap[child];
                int right = child + 1;
                if (right < size && less(heap[right], c)) {
                    child = right;
                    c = heap[child];
                }
                if (!less(c, v)) {
                    break;
                }
                heap[i] = c;
                position[c] = i;
                i = child;
            }
            heap[i] = v;
            position[v] = i;
        }
    }

    private record Entry(BigInteger distance, int vertex) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = distance.compareTo(o.distance);
            return c != 0 ? c : Integer.compare(vertex, o.vertex);
        }
    }

    /** The overflow-safe twin of {@link #longDistances}: same algorithm, BigInteger lengths, lazy heap. */
    private static double[] bigDistances(IndexedGraph g, BigInteger[] len, int[] sources, int chunk) {
        int n = g.vertexCount();
        int[] off = g.offsets;
        int[] tg = g.targets;
        BigInteger[] dist = new BigInteger[n];
        boolean[] done = new boolean[n];
        double[] sigma = new double[n];
        double[] delta = new double[n];
        double[] share = new double[n]; // (1 + delta[w]) / sigma[w], once per vertex, not per DAG edge
        double[] bc = new double[n];
        int[] order = new int[n];
        PriorityQueue<Entry> queue = new PriorityQueue<>();
        for (int si = chunk; si < sources.length; si += SourceChunks.CHUNKS) {
            int s = sources[si];
            if (off[s] == off[s + 1]) {
                continue;
            }
            int settled = 0;
            dist[s] = BigInteger.ZERO;
            sigma[s] = 1;
            queue.add(new Entry(BigInteger.ZERO, s));
            while (!queue.isEmpty()) {
                Entry entry = queue.poll();
                int v = entry.vertex();
                if (done[v] || !entry.distance().equals(dist[v])) {
                    continue;
                }
                done[v] = true;
                order[settled++] = v;
                for (int e = off[v]; e < off[v + 1]; e++) {
                    int w = tg[e];
                    if (done[w]) {
                        continue;
                    }
                    BigInteger nd = dist[v].add(len[e]);
                    int c = dist[w] == null ? -1 : nd.compareTo(dist[w]);
                    if (c < 0) {
                        dist[w] = nd;
                        sigma[w] = sigma[v];
                        queue.add(new Entry(nd, w));
                    } else if (c == 0) {
                        sigma[w] += sigma[v];
                    }
                }
            }
            for (int i = settled - 1; i > 0; i--) {
                int v = order[i];
                double sum = 0;
                for (int e = off[v]; e < off[v + 1]; e++) {
                    int w = tg[e];
                    if (dist[w] != null && dist[v].add(len[e]).equals(dist[w])) {
                        sum += share[w];
                    }
                }
                delta[v] = sigma[v] * sum;
                share[v] = (1 + delta[v]) / sigma[v];
                bc[v] += delta[v];
            }
            for (int i = 0; i < settled; i++) {
                int v = order[i];
                dist[v] = null;
                done[v] = false;
                sigma[v] = 0;
                delta[v] = 0;
            }
        }
        return bc;
    }

    /** A binary min-heap of vertices keyed by a shared distance array, with decrease-key. */
    private static final class LongKeyHeap {
        private final int[] heap;
        private final int[] position;
        private final long[] key;
        private int size;

        LongKeyHeap(int n, long[] key) {
            this.heap = new int[n];
            this.position = new int[n];
            this.key = key;
        }

        public boolean isEmpty() {
            return size == 0;
        }

        public void insert(int v) {
            heap[size] = v;
            position[v] = size;
            up(size++);
        }

        public void decreased(int v) {
            up(position[v]);
        }

        public int poll() {
            int top = heap[0];
            int last = heap[--size];
            if (size > 0) {
                heap[0] = last;
                position[last] = 0;
                down(0);
            }
            return top;
        }

        private void up(int i) {
            int v = heap[i];
            long k = key[v];
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                int p = heap[parent];
                if (key[p] <= k) {
                    break;
                }
                heap[i] = p;
                position[p] = i;
                i = parent;
            }
            heap[i] = v;
            position[v] = i;
        }

        private void down(int i) {
            int v = heap[i];
            long k = key[v];
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int c = heap[child];
                int right = child + 1;
                if (right < size && key[heap[right]] < key[c]) {
                    child = right;
                    c = heap[child];
                }
                if (k <= key[c]) {
                    break;
                }
                heap[i] = c;
                position[c] = i;
                i = child;
            }
            heap[i] = v;
            position[v] = i;
        }
    }
}
