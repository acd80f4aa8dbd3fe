package se.samverkansvaven.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A graph and its reference values, written by {@code fixtures/make_centrality_fixtures.py} (NetworkX 2.8 and
 * igraph): {@code <name>.tsv} and {@code centrality-<name>.json}.
 */
public record CentralityFixture(String name, Graph<String, DefaultWeightedEdge> graph, JsonNode json) {

    public static CentralityFixture load(String name) {
        Graph<String, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (String line : read("/fixtures/" + name + ".tsv").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t");
            graph.addVertex(cells[0]);
            if (cells.length == 3) {
                graph.addVertex(cells[1]);
                graph.setEdgeWeight(graph.addEdge(cells[0], cells[1]), Double.parseDouble(cells[2]));
            }
        }
        JsonNode json = JsonMapper.builder().build().readTree(read("/fixtures/centrality-" + name + ".json"));
        return new CentralityFixture(name, graph, json);
    }

    private static String read(String resource) {
        try (InputStream in = CentralityFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> vertices() {
        return strings(json.get("vertices"));
    }

    /** A per-vertex measure; null entries (NaN in NetworkX) become NaN. */
    public double[] measure(String key) {
        return doubles(json.get("measures").get(key));
    }

    public double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        }
        return out;
    }

    /** Ranks of a measure; null where NetworkX's value is NaN. */
    public Integer[] ranks(String key) {
        JsonNode array = json.get("ranks").get(key);
        Integer[] out = new Integer[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).isNull() ? null : array.get(i).asInt();
        }
        return out;
    }

    public List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asString()));
        return out;
    }

    /** An array of arrays of ids, as sets in the given order. */
    public List<SortedSet<String>> sets(String key) {
        List<SortedSet<String>> out = new ArrayList<>();
        json.get(key).forEach(set -> out.add(new TreeSet<>(strings(set))));
        return out;
    }

    /** The graph as the CSR view the algorithms read. */
    public IndexedGraph indexed() {
        return IndexedGraph.of(graph);
    }

    /**
     * A partition given as sets of ids as a membership array: the part of every vertex, parts numbered in order of
     * their lowest vertex index, as {@link Louvain} and {@link ConnectedComponents} number theirs.
     *
     * @throws IllegalArgumentException when it names an id that is not a vertex, one twice, or leaves one out
     */
    public static int[] membership(IndexedGraph g, Collection<? extends Collection<String>> partition) {
        int[] membership = new int[g.vertexCount()];
        Arrays.fill(membership, -1);
        int part = 0;
        for (Collection<String> ids : partition) {
            for (String id : ids) {
                int v = g.indexOf(id);
                if (v < 0 || membership[v] >= 0) {
                    throw new IllegalArgumentException("partition names " + id + " twice or as no vertex");
                }
                membership[v] = part;
            }
            part++;
        }
        int[] renumbered = new int[part];
        Arrays.fill(renumbered, -1);
        int next = 0;
        for (int v = 0; v < membership.length; v++) {
            if (membership[v] < 0) {
                throw new IllegalArgumentException("partition leaves out vertex " + g.id(v));
            }
            if (renumbered[membership[v]] < 0) {
                renumbered[membership[v]] = next++;
            }
            membership[v] = renumbered[membership[v]];
        }
        return membership;
    }
}
