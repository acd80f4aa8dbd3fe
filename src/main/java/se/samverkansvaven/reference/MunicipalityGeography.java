package se.samverkansvaven.reference;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Centroids and borders read from the shipped municipality polygons. Two municipalities border each other
 * when their polygons share a vertex (domain.md): the simplified polygons were cut from one topology, so a
 * shared boundary keeps identical coordinates on both sides and exact comparison is the right test.
 *
 * @param centroids code → (lat, lon) from {@code geo_point_2d}
 * @param borders   each bordering pair once, lower code first, sorted
 */
record MunicipalityGeography(SortedMap<String, double[]> centroids, SortedSet<List<String>> borders) {

    static MunicipalityGeography read(InputStream geojson) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(geojson);
        SortedMap<String, double[]> centroids = new TreeMap<>();
        Map<Vertex, Set<String>> owners = new HashMap<>();
        for (JsonNode feature : root.get("features")) {
            JsonNode properties = feature.get("properties");
            String code = properties.get("id").asString();
            JsonNode point = properties.get("geo_point_2d");
            centroids.put(code, new double[] {point.get(0).asDouble(), point.get(1).asDouble()});
            collectVertices(feature.get("geometry").get("coordinates"), code, owners);
        }
        SortedSet<List<String>> borders = new TreeSet<>((a, b) -> {
            int c = a.get(0).compareTo(b.get(0));
            return c != 0 ? c : a.get(1).compareTo(b.get(1));
        });
        for (Set<String> codes : owners.values()) {
            if (codes.size() > 1) {
                List<String> sorted = new ArrayList<>(new TreeSet<>(codes));
                for (int i = 0; i < sorted.size(); i++) {
                    for (int j = i + 1; j < sorted.size(); j++) {
                        borders.add(List.of(sorted.get(i), sorted.get(j)));
                    }
                }
            }
        }
        return new MunicipalityGeography(centroids, borders);
    }

    private static void collectVertices(JsonNode coordinates, String code, Map<Vertex, Set<String>> owners) {
        if (coordinates.get(0).isNumber()) {
            owners.computeIfAbsent(new Vertex(coordinates.get(0).asDouble(), coordinates.get(1).asDouble()),
                    k -> new TreeSet<>()).add(code);
            return;
        }
        for (JsonNode child : coordinates) {
            collectVertices(child, code, owners);
        }
    }

    /** A polygon vertex; record equality compares the coordinates exactly. */
    private record Vertex(double lon, double lat) {}
}
