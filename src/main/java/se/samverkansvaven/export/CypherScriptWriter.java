package se.samverkansvaven.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import se.samverkansvaven.export.GraphSnapshot.Edge;
import se.samverkansvaven.export.GraphSnapshot.Node;

/**
 * A Cypher script that recreates the snapshot in an empty Neo4j database ({@code cypher-shell -f FILE}):
 * the uniqueness constraints of the keys, a CREATE per node, then a MATCH ... CREATE per relationship. Every
 * value is a literal, no parameters. Strings are single-quoted with {@code \\ \' \n \r \t \b \f} and
 * {@code \\uXXXX} escapes for every other control or line-separator character, so each statement is
 * exactly one line ending in ';' and a value can never end a string or a statement early. Names (labels,
 * types, properties) are back-quoted when they are not plain identifiers. Dates are {@code date('...')}.
 * The metadata is the header comment (every line starts with {@code //}). With the audit trail: a Change
 * constraint, a CREATE per {@code :Change} (its {@code at} a {@code datetime('…')}) and its CHANGED edge.
 */
final class CypherScriptWriter implements SnapshotWriter {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The key property of each node type, as docs/model.md stores it. */
    private static final Map<String, String> KEY = Map.of("Municipality", "code", "County", "code",
            "Body", "id", "Actor", "id", "ServiceArea", "id", "Sector", "id", "Goal", "id");

    /** The audit trail's key; its constraint is written only when the script carries the trail. */
    private static final Map<String, String> CHANGE_KEY = Map.of("Change", "id");

    @Override
    public void content(GraphSnapshot graph, Entries entries) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(entries.next("cypher"), StandardCharsets.UTF_8), 1 << 16);
        var keys = new java.util.TreeMap<>(KEY);
        if (graph.includesChanges()) {
            keys.putAll(CHANGE_KEY);
        }
        for (var key : keys.entrySet()) {
            out.write("CREATE CONSTRAINT " + name(key.getKey().toLowerCase() + "_" + key.getValue())
                    + " IF NOT EXISTS FOR (n:" + name(key.getKey()) + ") REQUIRE n." + name(key.getValue())
                    + " IS UNIQUE;\n");
        }
        Map<String, Node> byId = new HashMap<>();
        for (Node node : graph.nodesWithChanges()) {
            byId.put(node.id(), node);
            out.write("CREATE (");
            for (String label : node.labels()) {
                out.write(':');
                out.write(name(label));
            }
            out.write(' ');
            out.write(map(storedProps(node)));
            out.write(");\n");
        }
        for (Edge edge : graph.edgesWithChanges()) {
            Node a = byId.get(edge.source());
            Node b = byId.get(edge.target());
            out.write("MATCH (a:" + name(a.type()) + " {" + name(keyOf(a)) + ": " + literal(a.key())
                    + "}), (b:" + name(b.type()) + " {" + name(keyOf(b)) + ": " + literal(b.key())
                    + "}) CREATE (a)-[:" + name(edge.type()));
            if (!edge.props().isEmpty()) {
                out.write(' ');
                out.write(map(edge.props()));
            }
            out.write("]->(b);\n");
        }
        out.flush();
    }

    @Override
    public void write(GraphSnapshot graph, ExportMetadata metadata, OutputStream out) throws IOException {
        StringBuilder header = new StringBuilder();
        header.append("// Samverkansväven snapshot as a Cypher script. Run it into an EMPTY Neo4j database,\n");
        header.append("// e.g. cypher-shell -f FILE. One statement per line; every value is a literal.\n");
        header.append("// metadata:\n");
        for (String line : metadata.json().split("\n")) {
            header.append("// ").append(line).append('\n'); // JSON strings hold no raw line breaks
        }
        out.write(header.toString().getBytes(StandardCharsets.UTF_8));
        content(graph, Entries.into(out));
        out.flush();
    }

    private static Map<String, Object> storedProps(Node node) {
        Map<String, Object> props = new LinkedHashMap<>();
        String keyProperty = keyOf(node);
        props.put(keyProperty, node.key());
        node.props().forEach((k, v) -> {
            if (!k.equals("key")) {
                props.put(k, v);
            }
        });
        return props;
    }

    private static String map(Map<String, Object> props) {
        StringBuilder b = new StringBuilder("{");
        for (var entry : props.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(name(entry.getKey())).append(": ").append(literal(entry.getValue()));
        }
        return b.append('}').toString();
    }

    private static String keyOf(Node node) {
        return KEY.getOrDefault(node.type(), CHANGE_KEY.get(node.type()));
    }

    static String literal(Object value) {
        return switch (value) {
            case String s -> string(s);
            case LocalDate d -> "date('" + d + "')";
            case java.time.OffsetDateTime t -> "datetime('" + t + "')";
            case Double d when d.isNaN() || d.isInfinite() ->
                    throw new IllegalArgumentException("Cypher has no literal for " + d);
            case Double d -> Double.toString(d);
            case Long l -> Long.toString(l);
            case Integer i -> Integer.toString(i);
            case Boolean bool -> bool.toString();
            default -> string(value.toString());
        };
    }

    static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('\'').toString();
    }

    static String name(String name) {
        return PLAIN_NAME.matcher(name).matches() ? name : "`" + name.replace("`", "``") + "`";
    }
}
