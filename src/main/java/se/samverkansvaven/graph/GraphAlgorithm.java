package se.samverkansvaven.graph;

/**
 * An algorithm on the CSR view, in JGraphT's style: its options are given to the constructor, {@link #compute} takes
 * the graph and returns the result, and an instance holds no state between calls (so one instance serves any number
 * of graphs and threads). Per-vertex results are arrays indexed like {@link IndexedGraph#id(int)}; NaN marks a value
 * the measure leaves undefined (NetworkX's convention).
 *
 * @param <R> the result
 */
@FunctionalInterface
public interface GraphAlgorithm<R> {

    R compute(IndexedGraph graph);
}
