package se.samverkansvaven.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.samverkansvaven.export.GraphSnapshot.Edge;
import se.samverkansvaven.export.GraphSnapshot.Node;

/**
 * GraphML with a typed {@code <key>} for every property (string, long, double, boolean; dates as ISO
 * strings), read by NetworkX, igraph, Gephi and yEd. Directed as stored; BORDERS, LINKED_WITH and the goal
 * relations are stored once and meant undirected (their {@code type} says which). Every node has
 * {@code type}, {@code labels} and {@code key}; every edge {@code type}. The metadata is graph-level
 * {@code <data>} (keys {@code meta.*}), written after the edges. With the audit trail, each change is a node
 * of type Change with a CHANGED edge to the body it changed (see {@link GraphSnapshot#nodesWithChanges}).
 *
 * <p>Written by hand rather than with jgrapht-io's GraphMLExporter: that one has no graph-level data and
 * needs a JGraphT graph built first; see {@link XmlOut} for the escaping.
 */
final class GraphmlWriter implements SnapshotWriter {

    static final List<String> META_KEYS = List.of("generator", "appVersion", "schemaVersion", "format", "asOf",
            "from", "to", "fullRecords", "includesChanges", "filters", "counts", "coverage", "sha256", "generatedAt");

    @Override
    public void content(GraphSnapshot graph, Entries entries) throws IOException {
        Writer writer = new UnsyncBufferedWriter(new OutputStreamWriter(entries.next("graphml"), StandardCharsets.UTF_8),
                1 << 16);
        XmlOut xml = new XmlOut(writer);
        for (String meta : META_KEYS) {
            xml.empty("key", "id", "meta." + meta, "for", "graph", "attr.name", meta, "attr.type", "string");
        }
        List<Node> nodes = graph.nodesWithChanges();
        List<Edge> edges = graph.edgesWithChanges();
        Map<String, String> nodeTypes = Values.types(() -> nodes.stream().map(GraphmlWriter::nodeProps).iterator());
        Map<String, String> edgeTypes = Values.types(() -> edges.stream().map(GraphmlWriter::edgeProps).iterator());
        for (var key : nodeTypes.entrySet()) {
            xml.empty("key", "id", "n." + key.getKey(), "for", "node", "attr.name", key.getKey(),
                    "attr.type", key.getValue());
        }
        for (var key : edgeTypes.entrySet()) {
            xml.empty("key", "id", "e." + key.getKey(), "for", "edge", "attr.name", key.getKey(),
                    "attr.type", key.getValue());
        }
        xml.start("graph", "id", "samverkansvaven", "edgedefault", "directed");
        for (Node node : nodes) {
            xml.start("node", "id", node.id());
            data(xml, "n.", nodeProps(node));
            xml.end("node");
        }
        for (Edge edge : edges) {
            xml.start("edge", "id", edge.id(), "source", edge.source(), "target", edge.target());
            data(xml, "e.", edgeProps(edge));
            xml.end("edge");
        }
        xml.closeStartTag(false);
        xml.flush();
    }

    @Override
    public void write(GraphSnapshot graph, ExportMetadata metadata, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        writer.write("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
                + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">");
        writer.flush();
        content(graph, Entries.into(out));
        XmlOut xml = new XmlOut(writer);
        // inside <graph>, after the edges (GraphML allows graph data anywhere among nodes and edges)
        for (String meta : META_KEYS) {
            Object value = metadata.fields().get(meta);
            if (value instanceof Map<?, ?> map) {
                value = ExportMetadata.compactJson(map);
            }
            if (value != null) {
                xml.textElement("data", Values.text(value), "key", "meta." + meta);
            }
        }
        writer.write("\n  </graph>\n</graphml>\n");
        writer.flush();
    }

    private static void data(XmlOut xml, String prefix, Map<String, Object> props) throws IOException {
        for (var entry : props.entrySet()) {
            if (entry.getValue() != null) {
                xml.textElement("data", Values.text(entry.getValue()), "key", prefix + entry.getKey());
            }
        }
    }

    static Map<String, Object> nodeProps(Node node) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("type", node.type());
        props.put("labels", String.join(";", node.labels()));
        props.putAll(node.props());
        return props;
    }

    static Map<String, Object> edgeProps(Edge edge) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("type", edge.type());
        props.putAll(edge.props());
        return props;
    }
}
