package se.samverkansvaven.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact hop-distance betweenness ({@link BrandesBetweenness}, normalised the same way) of a graph before and after
 * the removal of some of its vertices and edges, for exit impact. A source none of whose shortest paths uses a
 * removed edge (every removed edge joins two vertices at the same distance from it, or lies outside its component)
 * has the same shortest-path DAG after, hence the same dependencies: those are kept from the pass over the graph
 * before, and Brandes runs on the graph after only from the other sources. Removing little costs little more than
 * one betweenness; removing a hub, whose edges every source reaches, costs two.
 *
 * <p>When {@code after} is not {@code before} minus some vertices and edges (same ids, nothing added), both are
 * computed in full. After-values may differ from a recomputation in the last bits (kept and redone dependencies
 * are summed separately).
 */
public final class BetweennessAfterRemoval {

    /** The betweenness of each graph, indexed like that graph. */
    public record Scores(double[] before, double[] after) {}

    private final int parallelism;

    /** On as many threads as the JVM sees cores. */
    public BetweennessAfterRemoval() {
        this(SourceChunks.defaultParallelism());
    }

    private BetweennessAfterRemoval(int parallelism) {
        this.parallelism = parallelism;
    }

    /**
     * The same computation on at most {@code threads} threads (at least 1); the result is bit-identical for every
     * value ({@link BrandesBetweenness#withParallelism}).
     */
    public BetweennessAfterRemoval withParallelism(int threads) {
        return new BetweennessAfterRemoval(SourceChunks.requireParallelism(threads));
    }

    public Scores compute(IndexedGraph before, IndexedGraph after) {
        int nb = before.vertexCount();
        int na = after.vertexCount();
        int[] toAfter = new int[nb];
        int mapped = 0;
        for (int v = 0; v < nb; v++) {
            toAfter[v] = after.indexOf(before.id(v));
            mapped += toAfter[v] >= 0 ? 1 : 0;
        }
        List<int[]> removed = new ArrayList<>();
        for (int u = 0; u < nb; u++) {
            for (int e = before.offsets[u]; e < before.offsets[u + 1]; e++) {
                int v = before.targets[e];
                if (u < v && (toAfter[u] < 0 || toAfter[v] < 0 || !after.adjacent(toAfter[u], toAfter[v]))) {
                    removed.add(new int[] {u, v});
                }
            }
        }
        if (mapped != na || after.edgeCount() != before.edgeCount() - removed.size()) {
            BrandesBetweenness exact = new BrandesBetweenness(BrandesBetweenness.Distance.HOPS).withParallelism(parallelism);
            return new Scores(exact.compute(before), exact.compute(after));
        }
        int[] removedU = removed.stream().mapToInt(x -> x[0]).toArray();
        int[] removedV = removed.stream().mapToInt(x -> x[1]).toArray();
        double[][][] chunks = SourceChunks.run(parallelism, nb, c -> {
            double[] all = new double[nb];
            double[] kept = new double[nb];
            double[] redone = new double[na];
            BreadthFirstDag from = new BreadthFirstDag(before);
            BreadthFirstDag fromAfter = new BreadthFirstDag(after);
            for (int s = c; s < nb; s += SourceChunks.CHUNKS) {
                if (from.forward(s) > 1) {
                    from.accumulate(all);
                }
                boolean affected = false;
                for (int i = 0; i < removedU.length && !affected; i++) {
                    affected = from.dist[removedU[i]] != from.dist[removedV[i]];
                }
                if (!affected) {
                    from.addDependencies(kept);
                } else if (toAfter[s] >= 0) {
                    if (fromAfter.forward(toAfter[s]) > 1) {
                        fromAfter.accumulate(redone);
                    }
                    fromAfter.clear();
                }
                from.clear();
            }
            return new double[][] {all, kept, redone};
        }, double[][][]::new);
        double[] bBefore = new double[nb];
        double[] bAfter = new double[na];
        for (double[][] chunk : chunks) {
            for (int v = 0; v < nb; v++) {
                bBefore[v] += chunk[0][v];
                if (toAfter[v] >= 0) {
                    bAfter[toAfter[v]] += chunk[1][v];
                }
            }
            for (int v = 0; v < na; v++) {
                bAfter[v] += chunk[2][v];
            }
        }
        BrandesBetweenness.normalise(bBefore, nb, nb);
        BrandesBetweenness.normalise(bAfter, na, na);
        return new Scores(bBefore, bAfter);
    }
}
