package se.samverkansvaven.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * An immutable undirected weighted simple graph in compressed sparse row (CSR) form, the input of every algorithm
 * in this package. Vertex i is the i-th id in ascending {@link String} order and every neighbour list is ascending,
 * so an algorithm that walks it is deterministic however the graph was built. Weights are positive and finite;
 * self-loops and parallel edges are refused.
 *
 * <p>The rows are package-private arrays that the algorithms here read directly (their inner loops are the cost of
 * the analyses); everything else reads the graph through the methods below.
 */
public final class IndexedGraph {

    private final String[] ids;
    private final Map<String, Integer> index;
    /** Neighbours of v are {@code targets[offsets[v] .. offsets[v+1])}, ascending; each edge appears once per end. */
    final int[] offsets;
    final int[] targets;
    /** The weight of the edge at each slot of {@link #targets}. */
    final double[] weights;
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

    /** The CSR view of an undirected JGraphT graph (tests and fixtures build their graphs with JGraphT). */
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
        List<DefaultWeightedEdge> edges = new ArrayList<>(graph.edgeSet());
        int[] src = new int[edges.size()];
        int[] dst = new int[edges.size()];
        double[] w = new double[edges.size()];
        for (int e = 0; e < edges.size(); e++) {
            DefaultWeightedEdge edge = edges.get(e);
            src[e] = idx.get(graph.getEdgeSource(edge));
            dst[e] = idx.get(graph.getEdgeTarget(edge));
            w[e] = graph.getEdgeWeight(edge);
        }
        return fromEdges(ids, src, dst, w);
    }

    /**
     * The graph of an edge list over ascending, distinct ids: edge k joins {@code ids[src[k]]} and {@code ids[dst[k]]}
     * with weight {@code w[k]}, in any order.
     *
     * @throws IllegalArgumentException for a self-loop, a parallel edge or a weight that is not positive and finite
     */
    public static IndexedGraph fromEdges(String[] sortedIds, int[] src, int[] dst, double[] w) {
        int n = sortedIds.length;
        for (int i = 1; i < n; i++) {
            if (sortedIds[i - 1].compareTo(sortedIds[i]) >= 0) {
                throw new IllegalArgumentException("vertex ids must be ascending and distinct: '" + sortedIds[i - 1]
                        + "' comes before '" + sortedIds[i] + "'");
            }
        }
        for (int e = 0; e < src.length; e++) {
            if (src[e] == dst[e]) {
                throw new IllegalArgumentException("self-loop at vertex " + sortedIds[src[e]] + " is not allowed");
            }
            if (!(w[e] > 0) || Double.isInfinite(w[e])) {
                throw new IllegalArgumentException("edge " + sortedIds[src[e]] + "-" + sortedIds[dst[e]] + " has weight "
                        + w[e] + "; weights must be positive and finite");
            }
        }
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
        for (int v = 0; v < n; v++) {
            for (int e = offsets[v] + 1; e < offsets[v + 1]; e++) {
                if (targets[e] == targets[e - 1]) {
                    throw new IllegalArgumentException("parallel edges between " + sortedIds[v] + " and "
                            + sortedIds[targets[e]] + " are not allowed");
                }
            }
        }
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

    /** The subgraph induced by those of the given ids that are vertices here (the others are ignored). */
    public IndexedGraph induced(Collection<String> keep) {
        String[] sub = new TreeSet<>(keep).stream().filter(index::containsKey).toArray(String[]::new);
        int[] toSub = new int[ids.length];
        Arrays.fill(toSub, -1);
        for (int i = 0; i < sub.length; i++) {
            toSub[index.get(sub[i])] = i;
        }
        int[] offsets = new int[sub.length + 1];
        int[] targets = new int[this.targets.length];
        double[] weights = new double[this.targets.length];
        int size = 0;
        for (int i = 0; i < sub.length; i++) {
            int v = index.get(sub[i]);
            for (int e = this.offsets[v]; e < this.offsets[v + 1]; e++) {
                int w = toSub[this.targets[e]];
                if (w >= 0) { // ascending in the parent, so ascending here: indices keep the id order
                    targets[size] = w;
                    weights[size++] = this.weights[e];
                }
            }
            offsets[i + 1] = size;
        }
        return new IndexedGraph(sub, offsets, Arrays.copyOf(targets, size), Arrays.copyOf(weights, size));
    }

    /**
     * The same vertices without the edges whose slots are set in {@code removed} (one bit per slot, as
     * {@code removed[e >>> 6] & 1L << e}); the caller sets both slots of each removed edge. Rows keep their order.
     */
    IndexedGraph withoutSlots(long[] removed) {
        int n = ids.length;
        int[] offsets = new int[n + 1];
        int[] targets = new int[this.targets.length];
        double[] weights = new double[this.targets.length];
        int size = 0;
        for (int v = 0; v < n; v++) {
            for (int e = this.offsets[v]; e < this.offsets[v + 1]; e++) {
                if ((removed[e >>> 6] & 1L << e) == 0) {
                    targets[size] = this.targets[e];
                    weights[size++] = this.weights[e];
                }
            }
            offsets[v + 1] = size;
        }
        return new IndexedGraph(ids, offsets, Arrays.copyOf(targets, size), Arrays.copyOf(weights, size));
    }

    public int vertexCount() {
        return ids.length;
    }

    public int edgeCount() {
        return edgeCount;
    }

    /** The id of vertex v. */
    public String id(int v) {
        return ids[v];
    }

    /** The index of an id, or -1 when it is not a vertex. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    public boolean containsVertex(String id) {
        return index.containsKey(id);
    }

    public int degree(int v) {
        return offsets[v + 1] - offsets[v];
    }

    /** Sum of the weights of v's edges. */
    public double strength(int v) {
        return strength[v];
    }

    /** v's neighbours, ascending (a copy). */
    public int[] neighbours(int v) {
        return Arrays.copyOfRange(targets, offsets[v], offsets[v + 1]);
    }

    /** v's k-th neighbour in ascending order, 0 &le; k &lt; {@link #degree(int)}: a walk without the copy. */
    public int neighbour(int v, int k) {
        return targets[offsets[v] + k];
    }

    /** Whether u and v are adjacent (binary search in u's row: O(log degree)). */
    public boolean adjacent(int u, int v) {
        return Arrays.binarySearch(targets, offsets[u], offsets[u + 1], v) >= 0;
    }

    /**
     * The weight of the edge u–v, or 0 when u and v are not adjacent (weights are positive, so 0 means no edge, as
     * in an adjacency matrix). Binary search in u's row: O(log degree).
     */
    public double weight(int u, int v) {
        int at = Arrays.binarySearch(targets, offsets[u], offsets[u + 1], v);
        return at >= 0 ? weights[at] : 0;
    }
}
