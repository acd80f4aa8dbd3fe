package se.samverkansvaven.graph;

import java.util.Arrays;

/**
 * Competition ranks ("1224"), largest value first, for every measure of domain.md analysis 2: the rank of x
 * is 1 + the number of values larger than x by more than {@value #TIE} (absolute), so values within 1e-9
 * share a rank. NaN (an undefined value) gets no rank and does not count.
 */
public final class CompetitionRanks {

    static final double TIE = 1e-9;

    private CompetitionRanks() {}

    /** One rank per value, null where the value is NaN. */
    public static Integer[] of(double[] values) {
        double[] sorted = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        Integer[] ranks = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                ranks[i] = 1 + sorted.length - upperBound(sorted, values[i] + TIE);
            }
        }
        return ranks;
    }

    /** The number of entries ≤ key in an ascending array. */
    private static int upperBound(double[] sorted, double key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
