package se.samverkansvaven.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;

/**
 * A SHA-256 over a dump of the whole graph: every node with its element id, sorted labels and properties,
 * every relationship with its element id, type, ends and properties. Element ids are in, so deleting and
 * recreating an identical relationship counts as a change.
 */
public final class GraphChecksum {

    private GraphChecksum() {}

    /** Everything, the GraphRevision included (a rejected import must not bump it). */
    public static String of(Driver driver) {
        return digest(dump(driver, true));
    }

    /** Everything but the GraphRevision node, which every successful write increments. */
    public static String withoutRevision(Driver driver) {
        return digest(dump(driver, false));
    }

    public static List<String> dump(Driver driver, boolean withRevision) {
        String revisionFilter = withRevision ? "" : " WHERE NOT n:GraphRevision";
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            return session.executeRead(tx -> {
                List<String> lines = new ArrayList<>();
                tx.run("MATCH (n)" + revisionFilter
                                + " RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props")
                        .forEachRemaining(r -> lines.add("N " + r.get("id").asString() + " "
                                + r.get("labels").asList(Value::asString).stream().sorted().toList() + " "
                                + props(r.get("props"))));
                tx.run("MATCH (a)-[r]->(b) RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS a, "
                                + "elementId(b) AS b, properties(r) AS props")
                        .forEachRemaining(r -> lines.add("R " + r.get("id").asString() + " "
                                + r.get("type").asString() + " " + r.get("a").asString() + "->"
                                + r.get("b").asString() + " " + props(r.get("props"))));
                lines.sort(null);
                return lines;
            });
        }
    }

    private static String props(Value props) {
        Map<String, String> sorted = new TreeMap<>();
        props.asMap(v -> v.type().name() + ":" + v).forEach(sorted::put);
        return sorted.toString();
    }

    private static String digest(List<String> lines) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
