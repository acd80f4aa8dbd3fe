package se.samverkansvaven.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * An immutable int-indexed (CSR) view of an undirected weighted simple graph, built once and shared by the
 * algorithms of {@link CentralityAnalysis} and {@link CommunityAnalysis}. Vertex i is the i-th id in
 * ascending {@link String} order, and every neighbour list is ascending, so each algorithm that walks it
 * is deterministic whatever order the source graph iterates in.
 */
public final class IndexedGraph {

    private final String[] ids;
    private final Map<String, Integer> index;
    /** Neighbours of v are {@code targets[offsets[v] .. offsets[v+1])}; each edge appears once per end. */
    public final int[] offsets;
    public final int[] targets;
    public final double[] weights;
    private final double[] strength;
    private final int edgeCount;

    private IndexedGraph(String[] ids, int[] offsets, int[] targets, double[] weights) {
        this.ids = ids;
        this.offsets = offsets;
        this.targets = targets;
        this.weights = weights;
        this.edgeCount = targets.length / 2;
        this.index = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
        }
        this.strength = new double[ids.length];
        for (int v = 0; v < ids.length; v++) {
            double s = 0;
            for (int e = offsets[v]; e < offsets[v + 1]; e++) {
                s += weights[e];
            }
            strength[v] = s;
        }
    }

    /**
     * The view of an undirected graph whose edge weights are positive and finite (in P: the number of shared
     * bodies). Self-loops and parallel edges are refused: P has neither.
     */
    public static IndexedGraph of(Graph<String, DefaultWeightedEdge> graph) {
        if (graph.getType().isDirected()) {
            throw new IllegalArgumentException("expected an undirected graph, got a directed one");
        }
        String[] ids = graph.vertexSet().toArray(String[]::new);
        Arrays.sort(ids);
        Map<String, Integer> idx = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            idx.put(ids[i], i);
        }
        int n = ids.length;
        List<DefaultWeightedEdge> edges = new ArrayList<>(graph.edgeSet());
        int[] src = new int[edges.size()];
        int[] dst = new int[edges.size()];
        double[] w = new double[edges.size()];
        for (int e = 0; e < edges.size(); e++) {
            DefaultWeightedEdge edge = edges.get(e);
            String s = graph.getEdgeSource(edge);
            String t = graph.getEdgeTarget(edge);
            double weight = graph.getEdgeWeight(edge);
            if (s.equals(t)) {
                throw new IllegalArgumentException("self-loop at vertex " + s + " is not allowed in P");
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("edge " + s + "-" + t + " has weight " + weight
                        + "; weights must be positive and finite");
            }
            src[e] = idx.get(s);
            dst[e] = idx.get(t);
            w[e] = weight;
        }
        IndexedGraph indexed = fromEdges(ids, src, dst, w);
        for (int v = 0; v < n; v++) {
            for (int e = indexed.offsets[v] + 1; e < indexed.offsets[v + 1]; e++) {
                if (indexed.targets[e] == indexed.targets[e - 1]) {
                    throw new IllegalArgumentException("parallel edges between " + ids[v] + " and "
                            + ids[indexed.targets[e]] + " are not allowed in P");
                }
            }
        }
        return indexed;
    }

    /** Builds a view directly from ascending ids and an edge list of index pairs (tests, aggregation). */
    public static IndexedGraph fromEdges(String[] sortedIds, int[] src, int[] dst, double[] w) {
        int n = sortedIds.length;
        int[] offsets = new int[n + 1];
        for (int e = 0; e < src.length; e++) {
            offsets[src[e] + 1]++;
            offsets[dst[e] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            offsets[v + 1] += offsets[v];
        }
        int[] fill = Arrays.copyOf(offsets, n);
        int[] targets = new int[offsets[n]];
        double[] weights = new double[offsets[n]];
        for (int e = 0; e < src.length; e++) {
            targets[fill[src[e]]] = dst[e];
            weights[fill[src[e]]++] = w[e];
            targets[fill[dst[e]]] = src[e];
            weights[fill[dst[e]]++] = w[e];
        }
        sortRows(offsets, targets, weights);
        return new IndexedGraph(sortedIds.clone(), offsets, targets, weights);
    }

    /** Sorts each row by target (insertion sort for short rows, else an index sort). */
    private static void sortRows(int[] offsets, int[] targets, double[] weights) {
        for (int v = 0; v + 1 < offsets.length; v++) {
            int from = offsets[v];
            int to = offsets[v + 1];
            if (to - from <= 32) {
                for (int i = from + 1; i < to; i++) {
                    int t = targets[i];
                    double w = weights[i];
                    int j = i - 1;
                    while (j >= from && targets[j] > t) {
                        targets[j + 1] = targets[j];
                        weights[j + 1] = weights[j];
                        j--;
                    }
                    targets[j + 1] = t;
                    weights[j + 1] = w;
                }
            } else {
                long[] packed = new long[to - from];
                for (int i = from; i < to; i++) {
                    packed[i - from] = ((long) targets[i] << 32) | (i - from);
                }
                Arrays.sort(packed);
                double[] w = Arrays.copyOfRange(weights, from, to);
                for (int i = 0; i < packed.length; i++) {
                    targets[from + i] = (int) (packed[i] >>> 32);
                    weights[from + i] = w[(int) packed[i]];
                }
            }
        }
    }

    public int vertexCount() {
        return ids.length;
    }

    public int edgeCount() {
        return edgeCount;
    }

    public String id(int v) {
        return ids[v];
    }

    /** The index of an id, or -1 when it is not a vertex. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    public int degree(int v) {
        return offsets[v + 1] - offsets[v];
    }

    /** Sum of the weights of v's edges. */
    public double strength(int v) {
        return strength[v];
    }

    /** Whether u and v are adjacent (binary search in u's ascending row). */
    public boolean adjacent(int u, int v) {
        return Arrays.binarySearch(targets, offsets[u], offsets[u + 1], v) >= 0;
    }
}
