package se.samverkansvaven.bench;

import java.util.Arrays;
import java.util.List;

/** The median of timings, the one figure every harness here reports (the mean of the middle two for an even count). */
public final class Median {

    private Median() {}

    /** The median; 0 for no values. */
    public static double of(double... values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? 0 : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    public static double of(List<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
