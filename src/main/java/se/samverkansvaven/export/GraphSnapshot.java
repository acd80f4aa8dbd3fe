package se.samverkansvaven.export;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The graph of an export, in memory and sorted (nodes by id, edges by id) so every writer is deterministic.
 *
 * @param window      the time covered
 * @param filter      the restrictions applied
 * @param fullRecords whether the bodies carry every row of their history, not only the window's (bundles)
 */
record GraphSnapshot(Window window, SnapshotFilter filter, boolean fullRecords, List<Node> nodes, List<Edge> edges) {

    /**
     * A node. {@code id} is unique in the export: the code of a municipality, the id of a body or an actor,
     * and {@code county:}, {@code area:}, {@code sector:} or {@code goal:} before the key of the others.
     *
     * @param type  the primary label (Municipality, County, Actor, Body, ServiceArea, Sector, Goal)
     * @param key   the model's key (code or id)
     * @param props every stored property (its {@code id} property is {@code key} here), sorted by name;
     *              values are String, Long, Double, Boolean or LocalDate
     */
    record Node(String id, String type, List<String> labels, String key, Map<String, Object> props) {

        String name() {
            Object name = props.get("name");
            if (name == null) {
                name = props.get("nameSv");
            }
            return name == null ? key : name.toString();
        }

        LocalDate date(String property) {
            return (LocalDate) props.get(property);
        }
    }

    /**
     * A relationship, directed as stored. {@code id} is unique and stable: type, ends and, for rows, the
     * role or kind and validFrom that identify the row (docs/model.md).
     */
    record Edge(String id, String type, String source, String target, Map<String, Object> props) {

        LocalDate date(String property) {
            return (LocalDate) props.get(property);
        }

        String string(String property) {
            Object value = props.get(property);
            return value == null ? null : value.toString();
        }
    }

    Map<String, Long> nodeCounts() {
        Map<String, Long> counts = new TreeMap<>();
        nodes.forEach(n -> counts.merge(n.type(), 1L, Long::sum));
        return counts;
    }

    Map<String, Long> edgeCounts() {
        Map<String, Long> counts = new TreeMap<>();
        edges.forEach(e -> counts.merge(e.type(), 1L, Long::sum));
        return counts;
    }

    long illustrativeCount() {
        return nodes.stream().filter(n -> Boolean.TRUE.equals(n.props().get("illustrative"))).count()
                + edges.stream().filter(e -> Boolean.TRUE.equals(e.props().get("illustrative"))).count();
    }
}
