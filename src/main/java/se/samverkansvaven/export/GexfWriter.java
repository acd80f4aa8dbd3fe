package se.samverkansvaven.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import se.samverkansvaven.export.GraphSnapshot.Edge;
import se.samverkansvaven.export.GraphSnapshot.Node;

/**
 * GEXF 1.3, {@code mode="dynamic"}, {@code timeformat="date"}, so Gephi's timeline plays the history. A body
 * has {@code start}/{@code end}; the rows of one party in one body (or of one CONVENES or LINKED_WITH pair)
 * are one edge: with one row it has {@code start}/{@code end}, with several a {@code <spell>} per row, and
 * its row-specific attributes (role, kind, dates, source ...) are dynamic attvalues with that row's
 * start/end. GEXF intervals are closed, so {@code end} is the last day an element is active, the day
 * before the model's {@code validTo}. Node attributes are static. The metadata is the JSON of
 * {@code <meta><description>}. With the audit trail, each change is a node of type Change (no start or
 * end: an edit is not a validity period) with a CHANGED edge to the body it changed.
 *
 * <p>Written by hand: jgrapht-io's GEXFExporter has no spells or dynamic attributes.
 */
final class GexfWriter implements SnapshotWriter {

    static final String NAMESPACE = "http://gexf.net/1.3";

    @Override
    public void content(GraphSnapshot graph, Entries entries) throws IOException {
        Writer writer = new UnsyncBufferedWriter(new OutputStreamWriter(entries.next("gexf"), StandardCharsets.UTF_8),
                1 << 16);
        XmlOut xml = new XmlOut(writer);
        Window window = graph.window();
        xml.start("graph", "mode", "dynamic", "defaultedgetype", "directed", "timeformat", "date",
                "start", window.from() == null ? null : window.from().toString(),
                "end", window.to() == null ? null : window.to().minusDays(1).toString());
        List<Node> nodes = graph.nodesWithChanges();
        List<Edge> edges = graph.edgesWithChanges();
        Map<String, String> nodeTypes = Values.types(() -> nodes.stream().map(GraphmlWriter::nodeProps).iterator());
        Map<String, String> edgeTypes = Values.types(() -> edges.stream().map(GraphmlWriter::edgeProps).iterator());
        attributes(xml, "node", "static", nodeTypes);
        attributes(xml, "edge", "dynamic", edgeTypes);
        xml.start("nodes");
        for (Node node : nodes) {
            xml.start("node", "id", node.id(), "label", node.name(),
                    "start", text(node.date("validFrom")), "end", lastDay(node.date("validTo")));
            attvalues(xml, GraphmlWriter.nodeProps(node), null);
            xml.end("node");
        }
        xml.end("nodes");
        xml.start("edges");
        for (List<Edge> rows : merged(edges)) {
            Edge first = rows.getFirst();
            boolean single = rows.size() == 1;
            String id = single && !isRow(first) ? first.id() : first.type() + ":" + first.source() + ">" + first.target();
            xml.start("edge", "id", id, "source", first.source(), "target", first.target(), "label", first.type(),
                    "kind", first.type(),
                    "start", single ? text(first.date("validFrom")) : null,
                    "end", single ? lastDay(first.date("validTo")) : null);
            xml.start("attvalues");
            for (Edge row : rows) {
                attvalueList(xml, GraphmlWriter.edgeProps(row), single ? null : row);
            }
            xml.end("attvalues");
            if (!single) {
                xml.start("spells");
                for (Edge row : rows) {
                    xml.empty("spell", "start", text(row.date("validFrom")), "end", lastDay(row.date("validTo")));
                }
                xml.end("spells");
            }
            xml.end("edge");
        }
        xml.end("edges");
        xml.end("graph");
        xml.flush();
    }

    @Override
    public void write(GraphSnapshot graph, ExportMetadata metadata, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        XmlOut xml = new XmlOut(writer);
        xml.declaration();
        writer.write("<gexf xmlns=\"" + NAMESPACE + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">");
        xml.start("meta", "lastmodifieddate", metadata.generatedAt().substring(0, 10));
        xml.textElement("creator", "Samverkansväven " + metadata.fields().get("appVersion"));
        xml.textElement("keywords", "samverkansväven, municipal cooperation, Sweden");
        xml.textElement("description", metadata.json());
        xml.end("meta");
        xml.flush();
        content(graph, Entries.into(out));
        out.write("\n</gexf>\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Rows of one PARTY_TO, CONVENES or LINKED_WITH pair together, ordered by validFrom; others alone, in the
     * order of {@code edges}. The edges come sorted by id (a snapshot's are; CHANGED edges, each alone, after
     * them), so the rows of a pair, whose ids all begin with {@code type:source>target:}, are next to each other:
     * each group is found as the edges are walked, and no map of all of them is built (about 2 M rows at L).
     */
    static Iterable<List<Edge>> merged(List<Edge> edges) {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < edges.size();
            }

            @Override
            public List<Edge> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Edge first = edges.get(next);
                int end = next + 1;
                while (isRow(first) && end < edges.size() && samePair(first, edges.get(end))) {
                    end++;
                }
                List<Edge> rows = List.of(first);
                if (end > next + 1) {
                    rows = new ArrayList<>(edges.subList(next, end));
                    rows.sort(BY_FROM); // stable, as the rows' ids came
                }
                next = end;
                return rows;
            }
        };
    }

    private static final Comparator<Edge> BY_FROM = Comparator.comparing(e -> e.date("validFrom"),
            Comparator.nullsFirst(Comparator.naturalOrder()));

    private static boolean samePair(Edge a, Edge b) {
        return a.type().equals(b.type()) && a.source().equals(b.source()) && a.target().equals(b.target());
    }

    private static boolean isRow(Edge edge) {
        return switch (edge.type()) {
            case "PARTY_TO", "CONVENES", "LINKED_WITH" -> true;
            default -> false;
        };
    }

    private static void attributes(XmlOut xml, String kind, String mode, Map<String, String> types) throws IOException {
        xml.start("attributes", "class", kind, "mode", mode);
        for (var type : types.entrySet()) {
            xml.empty("attribute", "id", type.getKey(), "title", type.getKey(), "type", type.getValue());
        }
        xml.end("attributes");
    }

    private static void attvalues(XmlOut xml, Map<String, Object> props, Edge row) throws IOException {
        xml.start("attvalues");
        attvalueList(xml, props, row);
        xml.end("attvalues");
    }

    private static void attvalueList(XmlOut xml, Map<String, Object> props, Edge row) throws IOException {
        String start = row == null ? null : text(row.date("validFrom"));
        String end = row == null ? null : lastDay(row.date("validTo"));
        for (var entry : props.entrySet()) {
            if (entry.getValue() != null) {
                xml.empty("attvalue", "for", entry.getKey(), "value", Values.text(entry.getValue()),
                        "start", start, "end", end);
            }
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String lastDay(LocalDate validTo) {
        return validTo == null ? null : validTo.minusDays(1).toString();
    }
}
