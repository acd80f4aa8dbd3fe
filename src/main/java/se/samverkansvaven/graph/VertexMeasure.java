package se.samverkansvaven.graph;

/**
 * One per-vertex measure on the int-indexed view: a graph in, one value per vertex out, in the order of
 * {@link IndexedGraph#id(int)}. NaN marks a value the measure leaves undefined (NetworkX's convention).
 */
public interface VertexMeasure {

    double[] compute(IndexedGraph graph);
}
