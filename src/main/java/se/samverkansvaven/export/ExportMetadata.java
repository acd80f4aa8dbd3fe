package se.samverkansvaven.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.samverkansvaven.body.Form;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every export says about itself. {@code sha256} is of the content only (see {@link SnapshotWriter}),
 * so the same graph in the same format always has the same hash; {@code generatedAt} is the one field that
 * differs between two exports of the same graph, and it is always the last.
 */
record ExportMetadata(Map<String, Object> fields) {

    /**
     * In the metadata of CSV exports: true when cells a spreadsheet would run as formulas start with an added
     * {@code '} (docs/exports.md); the loader reads a bundle that says so one {@code '} less per such cell.
     */
    static final String NEUTRALISED_CELLS = "neutralisedCells";

    /** Raise when the exported node and edge properties change meaning. */
    static final int SCHEMA_VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    /** @param neutralised whether CSV cells that could run as formulas got a leading ' (csv and bundle only) */
    static ExportMetadata of(ExportFormat format, LocalDate asOf, GraphSnapshot graph, String appVersion,
            String sha256, boolean neutralised, Instant generatedAt) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("generator", "Samverkansväven");
        fields.put("appVersion", appVersion);
        fields.put("schemaVersion", SCHEMA_VERSION);
        fields.put("format", format.id());
        fields.put("asOf", asOf == null ? null : asOf.toString());
        Window window = graph.window();
        fields.put("from", window.from() == null ? null : window.from().toString());
        fields.put("to", window.to() == null ? null : window.to().toString());
        fields.put("fullRecords", graph.fullRecords());
        fields.put("includesChanges", graph.includesChanges());
        if (format == ExportFormat.CSV || format == ExportFormat.BUNDLE) {
            fields.put(NEUTRALISED_CELLS, neutralised);
        }
        fields.put("filters", graph.filter().describe());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("nodes", graph.nodes().size());
        if (format == ExportFormat.GEXF) {
            // GEXF holds a party's rows in one body (and a CONVENES or LINKED_WITH pair's rows) as one edge with
            // a spell per row: count the edges the file holds, and the rows beside them.
            Map<String, Long> byType = new TreeMap<>();
            int merged = 0;
            for (List<GraphSnapshot.Edge> rows : GexfWriter.merged(graph.edges())) {
                byType.merge(rows.getFirst().type(), 1L, Long::sum);
                merged++;
            }
            counts.put("edges", merged);
            counts.put("edgeRows", graph.edges().size());
            counts.put("nodesByType", graph.nodeCounts());
            counts.put("edgesByType", byType);
        } else {
            counts.put("edges", graph.edges().size());
            counts.put("nodesByType", graph.nodeCounts());
            counts.put("edgesByType", graph.edgeCounts());
        }
        counts.put("illustrative", graph.illustrativeCount());
        if (graph.includesChanges()) {
            counts.put("changes", graph.changes().size()); // not in nodes/edges, which count the graph itself
        }
        counts.put("coverage", graph.coverage().size()); // coverage rows, not nodes of the graph formats
        fields.put("counts", counts);
        fields.put("coverage", coverage(graph, asOf));
        fields.put("sha256", sha256);
        fields.put("generatedAt", generatedAt.truncatedTo(ChronoUnit.MILLIS).toString());
        return new ExportMetadata(fields);
    }

    /**
     * What the export knows completely (domain.md item 8): for a snapshot, the municipalities covered on its
     * date for the forms filter (the analyses' default forms without one), with how many rows say so; for a
     * window (GEXF) only the rows, since coverage changes within it.
     */
    private static Map<String, Object> coverage(GraphSnapshot graph, LocalDate asOf) {
        Map<String, Object> coverage = new LinkedHashMap<>();
        java.util.Set<Form> forms = graph.filter().forms() != null ? graph.filter().forms() : Form.DEFAULT_ANALYSIS_FORMS;
        coverage.put("rows", graph.coverage().size());
        coverage.put("illustrativeRows", graph.coverage().stream().filter(GraphSnapshot.CoverageEntry::illustrative).count());
        if (asOf != null && graph.window().isDay()) {
            java.util.Map<String, java.util.Set<String>> formsByCode = new java.util.TreeMap<>();
            for (GraphSnapshot.CoverageEntry row : graph.coverage()) {
                java.util.Set<String> named = formsByCode.computeIfAbsent(row.municipality(), k -> new java.util.HashSet<>());
                if (row.forms().isEmpty()) {
                    java.util.Arrays.stream(Form.values()).forEach(f -> named.add(f.name()));
                } else {
                    named.addAll(row.forms());
                }
            }
            coverage.put("forms", forms.stream().sorted().map(Form::name).toList());
            coverage.put("covered", formsByCode.entrySet().stream()
                    .filter(e -> forms.stream().allMatch(f -> e.getValue().contains(f.name())))
                    .map(Map.Entry::getKey).toList());
        }
        return coverage;
    }

    String sha256() {
        return (String) fields.get("sha256");
    }

    String generatedAt() {
        return (String) fields.get("generatedAt");
    }

    String json() {
        return JSON.writeValueAsString(fields);
    }

    static String compactJson(Object value) {
        return COMPACT.writeValueAsString(value);
    }

    byte[] jsonBytes() {
        return (json() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256 over the content entries' bytes, in order. */
    static String sha256(Map<String, byte[]> content) {
        MessageDigest digest = newDigest();
        content.values().forEach(digest::update);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 over the writer's content entries' bytes, in order, as it renders them (nothing kept). */
    static String sha256(SnapshotWriter writer, GraphSnapshot graph) throws IOException {
        MessageDigest digest = newDigest();
        writer.content(graph, SnapshotWriter.Entries.into(new DigestOutputStream(OutputStream.nullOutputStream(), digest)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
