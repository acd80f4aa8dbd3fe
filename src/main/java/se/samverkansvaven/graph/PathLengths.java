package se.samverkansvaven.graph;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The lengths 1/w of a graph's edges, exactly: each scaled to the integer L/w, L the least common multiple of the
 * distinct (integer) weights, so that two paths whose lengths are equal as fractions compare equal, where doubles
 * summed in another order could differ in the last bit (domain.md, analysis 2). The arithmetic is the narrowest
 * that holds them: {@code long}; else fixed-width multi-limb integers (with many distinct weights L has hundreds of
 * bits: P at size M has weights in the thousands; unlike BigInteger it allocates nothing per addition); else
 * {@link BigInteger}. A path sum that overflows its arithmetic throws {@link ArithmeticException}, and the caller
 * starts again one arithmetic wider.
 *
 * <p>The lengths are shared by every traversal; each traversal (one per thread) holds its tentative distances in
 * its own {@link Distances}.
 */
abstract sealed class PathLengths permits PathLengths.Longs, PathLengths.MultiLimb, PathLengths.Big {

    /** The three arithmetics, narrowest first. */
    enum Arithmetic {
        LONG, MULTI_LIMB, BIG;

        Arithmetic wider() {
            return this == LONG ? MULTI_LIMB : BIG;
        }
    }

    /** Multi-limb lengths wider than this many 64-bit limbs go to BigInteger. */
    private static final int MAX_LIMBS = 32;

    /**
     * The lengths of a graph's edges in the narrowest arithmetic, no narrower than {@code from}, that holds L and, with
     * a multi-limb integer, a path of n edges.
     *
     * @param weights the weight of every CSR slot, an integer
     */
    static PathLengths of(long[] weights, int n, Arithmetic from) {
        long[] distinct = Arrays.stream(weights).distinct().toArray();
        if (from == Arithmetic.LONG) {
            long lcm = 1;
            try {
                for (long w : distinct) {
                    lcm = Math.multiplyExact(lcm / gcd(lcm, w), w);
                }
                long[] lengths = new long[weights.length];
                for (int e = 0; e < weights.length; e++) {
                    lengths[e] = lcm / weights[e];
                }
                return new Longs(lengths);
            } catch (ArithmeticException overflow) {
                from = Arithmetic.MULTI_LIMB; // L itself does not fit a long
            }
        }
        BigInteger lcm = BigInteger.ONE;
        for (long w : distinct) {
            BigInteger b = BigInteger.valueOf(w);
            lcm = lcm.divide(lcm.gcd(b)).multiply(b);
        }
        if (from == Arithmetic.MULTI_LIMB) {
            // wide enough for L times n plus headroom; path sums are still checked
            int bits = lcm.bitLength() + 64 - Long.numberOfLeadingZeros(Math.max(1, n)) + 2;
            int limbs = Math.max(2, (bits + 63) / 64);
            if (limbs <= MAX_LIMBS) {
                long[] lengths = new long[weights.length * limbs];
                for (int e = 0; e < weights.length; e++) {
                    BigInteger x = lcm.divide(BigInteger.valueOf(weights[e]));
                    for (int k = 0; k < limbs; k++) {
                        lengths[e * limbs + k] = x.shiftRight(64 * k).longValue();
                    }
                }
                return new MultiLimb(limbs, lengths);
            }
        }
        BigInteger[] lengths = new BigInteger[weights.length];
        for (int e = 0; e < weights.length; e++) {
            lengths[e] = lcm.divide(BigInteger.valueOf(weights[e]));
        }
        return new Big(lengths);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    abstract Arithmetic arithmetic();

    /** Fresh tentative distances for one traversal over n vertices, every vertex unreached. */
    abstract Distances distances(int n);

    /** What {@link Distances#relax} found. */
    static final int NEWLY_REACHED = -2;
    static final int SHORTER = -1;
    static final int EQUAL = 0;
    static final int LONGER = 1;

    /** The tentative distances of one traversal from one source at a time, in one arithmetic. */
    abstract static class Distances implements IndexedMinHeap.Order {

        /** Makes s the source: distance 0. */
        abstract void setSource(int s);

        /**
         * Relaxes CSR slot e, from v (settled) to w: {@link #NEWLY_REACHED} or {@link #SHORTER} when the path through
         * v is shorter than w's tentative distance, which it then becomes; {@link #EQUAL} or {@link #LONGER}.
         *
         * @throws ArithmeticException when the sum overflows this arithmetic
         */
        abstract int relax(int v, int e, int w);

        /**
         * Whether the edge at slot e, of length len(e), joins v and w on a shortest path: dist(v) + len(e) = dist(w),
         * both distances final.
         *
         * @throws ArithmeticException when the sum overflows this arithmetic
         */
        abstract boolean tight(int v, int e, int w);

        /** Makes v unreached again. */
        abstract void forget(int v);
    }

    // ------------------------------------------------------------------------------------------------ long

    static final class Longs extends PathLengths {
        private final long[] lengths;

        Longs(long[] lengths) {
            this.lengths = lengths;
        }

        @Override
        Arithmetic arithmetic() {
            return Arithmetic.LONG;
        }

        /** The length of every CSR slot. */
        long[] lengths() {
            return lengths;
        }

        @Override
        LongDistances distances(int n) {
            return new LongDistances(lengths, n);
        }
    }

    /** Tentative distances in {@code long}; {@link DijkstraDag}'s bucket queue reads and writes {@link #dist} directly. */
    static final class LongDistances extends Distances {
        private final long[] len;
        /** The tentative distance of each vertex, Long.MAX_VALUE where unreached. */
        final long[] dist;

        LongDistances(long[] len, int n) {
            this.len = len;
            this.dist = new long[n];
            Arrays.fill(dist, Long.MAX_VALUE);
        }

        @Override
        void setSource(int s) {
            dist[s] = 0;
        }

        @Override
        int relax(int v, int e, int w) {
            long nd = Math.addExact(dist[v], len[e]);
            long dw = dist[w];
            if (nd < dw) {
                dist[w] = nd;
                return dw == Long.MAX_VALUE ? NEWLY_REACHED : SHORTER;
            }
            return nd == dw ? EQUAL : LONGER;
        }

        @Override
        boolean tight(int v, int e, int w) {
            return Math.addExact(dist[v], len[e]) == dist[w];
        }

        @Override
        public boolean less(int a, int b) {
            return dist[a] < dist[b];
        }

        @Override
        void forget(int v) {
            dist[v] = Long.MAX_VALUE;
        }
    }

    // ------------------------------------------------------------------------------------------------ multi-limb

    /**
     * Fixed-width unsigned integers of {@code limbs} 64-bit limbs, least significant first; slot e's length at
     * {@code [e * limbs, (e + 1) * limbs)}. The top limb is compared signed and Long.MAX_VALUE there marks an
     * unreached vertex.
     */
    static final class MultiLimb extends PathLengths {
        private final int limbs;
        private final long[] lengths;

        MultiLimb(int limbs, long[] lengths) {
            this.limbs = limbs;
            this.lengths = lengths;
        }

        @Override
        Arithmetic arithmetic() {
            return Arithmetic.MULTI_LIMB;
        }

        @Override
        Distances distances(int n) {
            int k = limbs;
            long[] len = lengths;
            long[] dist = new long[n * k];
            for (int v = 0; v < n; v++) {
                dist[v * k + k - 1] = Long.MAX_VALUE;
            }
            long[] sum = new long[k];
            return new Distances() {
                @Override
                void setSource(int s) {
                    Arrays.fill(dist, s * k, s * k + k, 0L);
                }

                @Override
                int relax(int v, int e, int w) {
                    add(dist, v * k, len, e * k, sum, k);
                    if (dist[w * k + k - 1] == Long.MAX_VALUE) {
                        System.arraycopy(sum, 0, dist, w * k, k);
                        return NEWLY_REACHED;
                    }
                    int c = compare(sum, 0, dist, w * k, k);
                    if (c < 0) {
                        System.arraycopy(sum, 0, dist, w * k, k);
                        return SHORTER;
                    }
                    return c == 0 ? EQUAL : LONGER;
                }

                @Override
                boolean tight(int v, int e, int w) {
                    add(dist, v * k, len, e * k, sum, k);
                    return compare(sum, 0, dist, w * k, k) == 0;
                }

                @Override
                public boolean less(int a, int b) {
                    return compare(dist, a * k, dist, b * k, k) < 0;
                }

                @Override
                void forget(int v) {
                    Arrays.fill(dist, v * k, v * k + k - 1, 0L);
                    dist[v * k + k - 1] = Long.MAX_VALUE;
                }
            };
        }

        /** out = a[ai..] + b[bi..] over k limbs; the top limb must stay below Long.MAX_VALUE (the unreached mark). */
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

        /** Compares x[xi..xi+k) with y[yi..yi+k), most significant limb first (top limb signed, the rest unsigned). */
        private static int compare(long[] x, int xi, long[] y, int yi, int k) {
            int c = Long.compare(x[xi + k - 1], y[yi + k - 1]);
            for (int i = k - 2; c == 0 && i >= 0; i--) {
                c = Long.compareUnsigned(x[xi + i], y[yi + i]);
            }
            return c;
        }
    }

    // ------------------------------------------------------------------------------------------------ BigInteger

    static final class Big extends PathLengths {
        private final BigInteger[] lengths;

        Big(BigInteger[] lengths) {
            this.lengths = lengths;
        }

        @Override
        Arithmetic arithmetic() {
            return Arithmetic.BIG;
        }

        @Override
        Distances distances(int n) {
            BigInteger[] len = lengths;
            BigInteger[] dist = new BigInteger[n]; // null: unreached
            return new Distances() {
                @Override
                void setSource(int s) {
                    dist[s] = BigInteger.ZERO;
                }

                @Override
                int relax(int v, int e, int w) {
                    BigInteger nd = dist[v].add(len[e]);
                    BigInteger dw = dist[w];
                    int c = dw == null ? -1 : nd.compareTo(dw);
                    if (c < 0) {
                        dist[w] = nd;
                        return dw == null ? NEWLY_REACHED : SHORTER;
                    }
                    return c == 0 ? EQUAL : LONGER;
                }

                @Override
                boolean tight(int v, int e, int w) {
                    return dist[v].add(len[e]).equals(dist[w]);
                }

                @Override
                public boolean less(int a, int b) {
                    return dist[a].compareTo(dist[b]) < 0;
                }

                @Override
                void forget(int v) {
                    dist[v] = null;
                }
            };
        }
    }
}
