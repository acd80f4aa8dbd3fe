package se.samverkansvaven.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

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
    public void content(GraphSnapshot graph, Entries entries) throws IOException {
        TreeSet<String> nodeColumns = new TreeSet<>();
        graph.nodes().forEach(n -> nodeColumns.addAll(n.props().keySet()));
        TreeSet<String> edgeColumns = new TreeSet<>();
        graph.edges().forEach(e -> edgeColumns.addAll(e.props().keySet()));

        List<String> nodeHeader = new ArrayList<>(List.of("id", "type", "labels"));
        nodeColumns.forEach(column -> nodeHeader.add(header(column)));
        Iterable<List<Object>> nodeRows = () -> graph.nodes().stream().map(node -> {
            List<Object> row = new ArrayList<>(List.of(node.id(), node.type(), String.join(";", node.labels())));
            nodeColumns.forEach(column -> row.add(node.props().get(column)));
            return row;
        }).iterator();
        List<String> edgeHeader = new ArrayList<>(List.of("id", "type", "source", "target"));
        edgeColumns.forEach(column -> edgeHeader.add(header(column)));
        Iterable<List<Object>> edgeRows = () -> graph.edges().stream().map(edge -> {
            List<Object> row = new ArrayList<>(List.of(edge.id(), edge.type(), edge.source(), edge.target()));
            edgeColumns.forEach(column -> row.add(edge.props().get(column)));
            return row;
        }).iterator();
        Csv.table(nodeHeader, nodeRows, neutralise, entries.next("nodes.csv"));
        Csv.table(edgeHeader, edgeRows, neutralise, entries.next("edges.csv"));
        if (graph.includesChanges()) {
            Iterable<List<Object>> changeRows = () -> graph.changes().stream().map(c -> java.util.Arrays.<Object>asList(
                    c.id(), c.at(), c.user(), c.action(), c.entityType(), c.entityId(), c.field(), c.before(), c.after(),
                    c.reason())).iterator();
            Csv.table(CHANGE_HEADER, changeRows, neutralise, entries.next("changes.csv"));
        }
    }

    /** The model's {@code source} (a citation) would clash with the edge's start column. */
    private static String header(String property) {
        return property.equals("source") ? CytoscapeJsonWriter.PROVENANCE : property;
    }

    @Override
    public void write(GraphSnapshot graph, ExportMetadata metadata, OutputStream out) throws IOException {
        Zips.write(this, graph, metadata, out);
    }
}
