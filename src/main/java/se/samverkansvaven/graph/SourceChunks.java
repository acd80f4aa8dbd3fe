package se.samverkansvaven.graph;

import java.util.function.IntFunction;

/**
 * Runs an all-sources computation in a fixed number of interleaved chunks (the i-th source goes to chunk
 * i % CHUNKS), chunk 0 on the caller's thread and the rest on fresh platform threads, and sums the per-chunk
 * results in chunk order. The chunking does not depend on how many cores there are, so sums come out bit-identical
 * on every machine. This is the one place where the per-source work of {@link BrandesBetweenness},
 * {@link BetweennessAndCloseness} and {@link BetweennessAfterRemoval} is spread over threads.
 */
final class SourceChunks {

    static final int CHUNKS = 2;
    /** Below this many vertices a second thread costs more than it saves. */
    private static final int PARALLEL_FROM = 512;

    private SourceChunks() {}

    /** Computes {@code work.apply(chunk)} for every chunk and returns the results in chunk order. */
    static <T> T[] run(int vertexCount, IntFunction<T> work, IntFunction<T[]> array) {
        T[] results = array.apply(CHUNKS);
        if (vertexCount < PARALLEL_FROM) {
            for (int c = 0; c < CHUNKS; c++) {
                results[c] = work.apply(c);
            }
            return results;
        }
        Thread[] threads = new Thread[CHUNKS];
        RuntimeException[] failures = new RuntimeException[CHUNKS];
        for (int c = 1; c < CHUNKS; c++) {
            int chunk = c;
            threads[c] = Thread.ofPlatform().name("centrality-chunk-" + c).start(() -> {
                try {
                    results[chunk] = work.apply(chunk);
                } catch (RuntimeException e) {
                    failures[chunk] = e;
                }
            });
        }
        results[0] = work.apply(0);
        for (int c = 1; c < CHUNKS; c++) {
            try {
                threads[c].join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while computing centrality", e);
            }
            if (failures[c] != null) {
                throw failures[c];
            }
        }
        return results;
    }

    /** The per-vertex sum of the chunks' arrays (of n values each), added in chunk order. */
    static double[] sum(double[][] chunks, int n) {
        double[] total = new double[n];
        for (double[] chunk : chunks) {
            for (int v = 0; v < n; v++) {
                total[v] += chunk[v];
            }
        }
        return total;
    }
}
