package se.samverkansvaven.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import se.samverkansvaven.export.GraphSnapshot.Edge;
import se.samverkansvaven.export.GraphSnapshot.Node;

/**
 * Cytoscape.js elements: {@code {"metadata": {...}, "elements": {"nodes": [{"data": {...}}], "edges":
 * [...]}}}. Node data: id, type, labels, then the properties; edge data: id, source, target (the ends, as
 * Cytoscape wants), type, then the properties. Because {@code source} is an edge's start there, the
 * model's {@code source} property (the citation) is named {@code provenance} in this format, on nodes and
 * edges alike. Dates are ISO strings. With the audit trail, each change is a node of type Change (with
 * {@code at} an ISO date-time) and a CHANGED edge to the body it changed.
 */
final class CytoscapeJsonWriter implements SnapshotWriter {

    static final String PROVENANCE = "provenance";

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public void content(GraphSnapshot graph, Entries entries) throws IOException {
        try (JsonGenerator gen = json.createGenerator(SnapshotWriter.unclosable(entries.next("elements")))) {
            gen.writeStartObject();
            gen.writeName("nodes");
            gen.writeStartArray();
            for (Node node : graph.nodesWithChanges()) {
                gen.writeStartObject();
                gen.writeName("data");
                gen.writeStartObject();
                gen.writeStringProperty("id", node.id());
                gen.writeStringProperty("type", node.type());
                gen.writeName("labels");
                gen.writeStartArray();
                for (String label : node.labels()) {
                    gen.writeString(label);
                }
                gen.writeEndArray();
                properties(gen, node.props());
                gen.writeEndObject();
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeName("edges");
            gen.writeStartArray();
            for (Edge edge : graph.edgesWithChanges()) {
                gen.writeStartObject();
                gen.writeName("data");
                gen.writeStartObject();
                gen.writeStringProperty("id", edge.id());
                gen.writeStringProperty("source", edge.source());
                gen.writeStringProperty("target", edge.target());
                gen.writeStringProperty("type", edge.type());
                properties(gen, edge.props());
                gen.writeEndObject();
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
    }

    @Override
    public void write(GraphSnapshot graph, ExportMetadata metadata, OutputStream out) throws IOException {
        out.write(("{\"metadata\":" + metadata.json() + ",\n\"elements\":").getBytes(StandardCharsets.UTF_8));
        content(graph, Entries.into(out));
        out.write("}\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void properties(JsonGenerator gen, Map<String, Object> props) {
        for (var entry : props.entrySet()) {
            String name = entry.getKey().equals("source") ? PROVENANCE : entry.getKey();
            switch (entry.getValue()) {
                case null -> { }
                case Boolean b -> gen.writeBooleanProperty(name, b);
                case Long l -> gen.writeNumberProperty(name, l);
                case Integer i -> gen.writeNumberProperty(name, i);
                case Double d -> gen.writeNumberProperty(name, d);
                case LocalDate d -> gen.writeStringProperty(name, d.toString());
                default -> gen.writeStringProperty(name, entry.getValue().toString());
            }
        }
    }
}
