package se.samverkansvaven.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import se.samverkansvaven.export.GraphSnapshot.Edge;
import se.samverkansvaven.export.GraphSnapshot.Node;

/**
 * {@code nodes.csv} (id, type, labels, then every property name in alphabetical order) and
 * {@code edges.csv} (id, type, source, target, then every property), plus {@code metadata.json}, zipped.
 * An empty cell is an absent property; labels are joined with ';'. The model's {@code source} property is
 * the column {@code provenance}, since {@code source} is an edge's start node here. With the audit trail a
 * third table {@code changes.csv} ({@link #CHANGE_HEADER}), before {@code metadata.json}.
 */
final class CsvZipWriter implements SnapshotWriter {

    /** changes.csv, the audit trail when asked for: one row per :Change, oldest first. */
    static final List<String> CHANGE_HEADER = List.of("id", "at", "user", "action", "entityType", "entityId", "field",
            "before", "after", "reason");

    private final boolean neutralise;

    /** @param neutralise give cells a spreadsheet would run as formulas a leading ' ({@link Csv}) */
    CsvZipWriter(boolean neutralise) {
        this.neutralise = neutralise;
    }

    @Override
    public Map<String, byte[]> content(GraphSnapshot graph) throws IOException {
        TreeSet<String> nodeColumns = new TreeSet<>();
        graph.nodes().forEach(n -> nodeColumns.addAll(n.props().keySet()));
        TreeSet<String> edgeColumns = new TreeSet<>();
        graph.edges().forEach(e -> edgeColumns.addAll(e.props().keySet()));

        List<String> nodeHeader = new ArrayList<>(List.of("id", "type", "labels"));
        nodeColumns.forEach(column -> nodeHeader.add(header(column)));
        List<List<Object>> nodeRows = new ArrayList<>();
        for (Node node : graph.nodes()) {
            List<Object> row = new ArrayList<>(List.of(node.id(), node.type(), String.join(";", node.labels())));
            nodeColumns.forEach(column -> row.add(node.props().get(column)));
            nodeRows.add(row);
        }
        List<String> edgeHeader = new ArrayList<>(List.of("id", "type", "source", "target"));
        edgeColumns.forEach(column -> edgeHeader.add(header(column)));
        List<List<Object>> edgeRows = new ArrayList<>();
        for (Edge edge : graph.edges()) {
            List<Object> row = new ArrayList<>(List.of(edge.id(), edge.type(), edge.source(), edge.target()));
            edgeColumns.forEach(column -> row.add(edge.props().get(column)));
            edgeRows.add(row);
        }
        Map<String, byte[]> content = new LinkedHashMap<>();
        content.put("nodes.csv", Csv.table(nodeHeader, nodeRows, neutralise));
        content.put("edges.csv", Csv.table(edgeHeader, edgeRows, neutralise));
        if (graph.includesChanges()) {
            List<List<Object>> changeRows = new ArrayList<>();
            for (GraphSnapshot.Change c : graph.changes()) {
                changeRows.add(java.util.Arrays.asList(c.id(), c.at(), c.user(), c.action(), c.entityType(),
                        c.entityId(), c.field(), c.before(), c.after(), c.reason()));
            }
            content.put("changes.csv", Csv.table(CHANGE_HEADER, changeRows, neutralise));
        }
        return content;
    }

    /** The model's {@code source} (a citation) would clash with the edge's start column. */
    private static String header(String property) {
        return property.equals("source") ? CytoscapeJsonWriter.PROVENANCE : property;
    }

    @Override
    public void write(Map<String, byte[]> content, ExportMetadata metadata, OutputStream out) throws IOException {
        Zips.write(content, metadata, out);
    }
}
