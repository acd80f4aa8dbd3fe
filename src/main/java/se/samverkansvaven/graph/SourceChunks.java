package se.samverkansvaven.graph;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs an all-sources computation in a fixed number of interleaved chunks (the i-th source goes to chunk
 * i % CHUNKS) on up to {@code parallelism} threads (the caller's and fresh platform threads, each taking the next
 * chunk not yet taken), and sums the per-chunk results in chunk order. Neither the chunking nor the order of the sum
 * depends on the parallelism or the number of cores, so sums come out bit-identical for every parallelism and on
 * every machine; parallelism 1 computes the same chunks one after the other on the caller's thread. This is the one
 * place where the per-source work of {@link BrandesBetweenness}, {@link BetweennessAndCloseness} and
 * {@link BetweennessAfterRemoval} is spread over threads.
 *
 * <p>CHUNKS is 2, so at most two threads work: more chunks would let more cores help, but would change the order of
 * the sums, hence the last bits of every betweenness and closeness value the application has answered so far.
 */
final class SourceChunks {

    static final int CHUNKS = 2;
    /** Below this many vertices a second thread costs more than it saves. */
    private static final int PARALLEL_FROM = 512;

    private SourceChunks() {}

    /** The default parallelism of the algorithms: the cores the JVM sees. */
    static int defaultParallelism() {
        return Runtime.getRuntime().availableProcessors();
    }

    static int requireParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("the parallelism must be at least 1, was " + parallelism);
        }
        return parallelism;
    }

    /** Computes {@code work.apply(chunk)} for every chunk and returns the results in chunk order. */
    static <T> T[] run(int parallelism, int vertexCount, IntFunction<T> work, IntFunction<T[]> array) {
        T[] results = array.apply(CHUNKS);
        int threads = vertexCount < PARALLEL_FROM ? 1 : Math.min(parallelism, CHUNKS);
        AtomicInteger next = new AtomicInteger();
        RuntimeException[] failures = new RuntimeException[CHUNKS];
        Runnable worker = () -> {
            for (int c = next.getAndIncrement(); c < CHUNKS; c = next.getAndIncrement()) {
                try {
                    results[c] = work.apply(c);
                } catch (RuntimeException e) {
                    failures[c] = e;
                }
            }
        };
        Thread[] helpers = new Thread[threads - 1];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = Thread.ofPlatform().name("centrality-chunk-" + (t + 1)).start(worker);
        }
        worker.run();
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while computing centrality", e);
            }
        }
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
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
