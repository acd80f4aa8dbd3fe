package se.samverkansvaven.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The errors found in one bundle: all are counted, the first {@code limit} in report order are kept
 * (samverkansvaven.limits.errors-reported), so a bundle of a million bad rows neither answers with a million
 * messages nor holds them in the heap. Errors equal in report order keep the order they were found in.
 */
final class BundleErrors {

    private record Found(BundleError error, long sequence) {}

    private final int limit;
    private final Comparator<Found> order;
    /** The kept errors, the last in report order at the head, so it is the one a better error replaces. */
    private final PriorityQueue<Found> kept;
    private long total;

    BundleErrors(int limit, Comparator<BundleError> reportOrder) {
        if (limit < 1) {
            throw new IllegalArgumentException("samverkansvaven.limits.errors-reported must be at least 1");
        }
        this.limit = limit;
        this.order = Comparator.comparing(Found::error, reportOrder).thenComparingLong(Found::sequence);
        this.kept = new PriorityQueue<>(Math.min(limit, 1024) + 1, order.reversed());
    }

    void add(BundleError error) {
        Found found = new Found(error, total++);
        if (kept.size() < limit) {
            kept.add(found);
        } else if (order.compare(found, kept.peek()) < 0) {
            kept.poll();
            kept.add(found);
        }
    }

    boolean isEmpty() {
        return total == 0;
    }

    /** How many errors were found, the ones not kept included. */
    long total() {
        return total;
    }

    /** The kept errors, in report order. */
    List<BundleError> first() {
        List<Found> sorted = new ArrayList<>(kept);
        sorted.sort(order);
        return sorted.stream().map(Found::error).toList();
    }

    BundleRejectedException rejection() {
        return new BundleRejectedException(first(), total);
    }
}
