package se.samverkansvaven.export;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;

/**
 * The graph of an export, in memory and sorted (nodes by id, edges by id) so every writer is deterministic.
 *
 * @param window      the time covered
 * @param filter      the restrictions applied
 * @param fullRecords whether the bodies carry every row of their history, not only the window's (bundles)
 * @param changes     the audit trail up to the window's end, oldest first; null when not asked for
 * @param coverage    the coverage rows that hold in the export (see {@link CoverageEntry})
 */
record GraphSnapshot(Window window, SnapshotFilter filter, boolean fullRecords, List<Node> nodes, List<Edge> edges,
        List<Change> changes, List<CoverageEntry> coverage) {

    GraphSnapshot(Window window, SnapshotFilter filter, boolean fullRecords, List<Node> nodes, List<Edge> edges,
            List<CoverageEntry> coverage) {
        this(window, filter, fullRecords, nodes, edges, null, coverage);
    }

    /** The same snapshot with no user name in its audit trail (null), for a reader who is not logged in. */
    GraphSnapshot withoutUserNames() {
        if (changes == null) {
            return this;
        }
        return new GraphSnapshot(window, filter, fullRecords, nodes, edges, changes.stream().map(c -> new Change(c.id(),
                c.at(), null, c.action(), c.entityType(), c.entityId(), c.field(), c.before(), c.after(), c.reason()))
                .toList(), coverage);
    }

    /**
     * A coverage row of the export (domain.md item 8, docs/exports.md "Coverage"): only the scope's
     * municipalities, forms narrowed to the forms filter, none with an area filter; in a bundle limited to
     * the snapshot's day, the only day on which the bundle holds every body.
     *
     * @param forms form names in enum order; empty means every form
     */
    record CoverageEntry(String municipality, List<String> forms, LocalDate validFrom, LocalDate validTo,
            String source, boolean illustrative) {}

    /**
     * One {@code :Change} node of the audit trail (docs/security.md), as stored. {@code before}/{@code after}
     * are display text, null for "no value"; {@code entityId} is null for a load.
     */
    record Change(String id, OffsetDateTime at, String user, String action, String entityType, String entityId,
            String field, String before, String after, String reason) {

        static final String NODE_PREFIX = "change:";

        /** As a graph node: id {@code change:UUID}, type Change, every stored property (id as key). */
        Node node() {
            Map<String, Object> props = new TreeMap<>();
            props.put("action", action);
            props.put("after", after);
            props.put("at", at);
            props.put("before", before);
            props.put("entityId", entityId);
            props.put("entityType", entityType);
            props.put("field", field);
            props.put("key", id);
            props.put("reason", reason);
            props.put("user", user);
            return new Node(NODE_PREFIX + id, "Change", List.of("Change"), id,
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(props)));
        }

        /** The export's node id of what changed (the body's id), or null when it is not a node type we export. */
        String entityNodeId() {
            if (entityId == null || entityType == null) {
                return null;
            }
            return switch (entityType) {
                case "Body", "Actor", "Municipality", "Coverage" -> entityId; // a coverage change is about its municipality
                case "Goal" -> "goal:" + entityId;
                case "ServiceArea" -> "area:" + entityId;
                default -> null;
            };
        }
    }

    boolean includesChanges() {
        return changes != null;
    }

    /**
     * The nodes, then (when the audit trail is included) one Change node per change, oldest first. The graph
     * formats write these; the CSV zip writes the changes as their own table instead.
     */
    List<Node> nodesWithChanges() {
        if (changes == null) {
            return nodes;
        }
        List<Node> all = new ArrayList<>(nodes);
        changes.forEach(c -> all.add(c.node()));
        return all;
    }

    /** The edges, then a CHANGED edge from each Change node to what it changed, when that is in the export. */
    List<Edge> edgesWithChanges() {
        if (changes == null) {
            return edges;
        }
        Set<String> present = new HashSet<>();
        nodes.forEach(n -> present.add(n.id()));
        List<Edge> all = new ArrayList<>(edges);
        for (Change c : changes) {
            String target = c.entityNodeId();
            if (target != null && present.contains(target)) {
                String source = Change.NODE_PREFIX + c.id();
                all.add(new Edge("CHANGED", source, target, null, Map.of()));
            }
        }
        return all;
    }

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
            if (type.equals("Change")) { // a readable label (GEXF) rather than the UUID
                return props.get("action") + " " + (props.get("entityId") == null ? props.get("entityType")
                        : props.get("entityId")) + (props.get("field") == null ? "" : " " + props.get("field"));
            }
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
     * A relationship, directed as stored. Its {@link #id} is unique and stable: type, ends and, for rows, the
     * {@code qualifier} (the role or kind and validFrom that identify the row, docs/model.md). The id is
     * built when asked for rather than stored: at L there are about 2 M edges, each id a string of ~50 characters.
     *
     * @param qualifier null for a relationship that is not a row
     */
    record Edge(String type, String source, String target, String qualifier, Map<String, Object> props) {

        /** The snapshot's order of edges: by {@link #id}. */
        static final java.util.Comparator<Edge> BY_ID = Edge::compareId;

        /** {@code type:source>target}, then {@code :qualifier} for a row. */
        String id() {
            return type + ":" + source + ">" + target + (qualifier == null ? "" : ":" + qualifier);
        }

        LocalDate date(String property) {
            return (LocalDate) props.get(property);
        }

        String string(String property) {
            Object value = props.get(property);
            return value == null ? null : value.toString();
        }

        /** As {@code id().compareTo(other.id())}, without building either id. */
        int compareId(Edge other) {
            // Part by part (types and ends are shared strings, so often equal by identity). Two parts that differ
            // before either ends order the ids as they order; only when one part is a prefix of the other does the
            // separator after it count, and then the ids are compared character by character from that part on.
            int offset = 0;
            int c = comparePart(type, other.type);
            if (c == 0) {
                offset += type.length() + 1;
                c = comparePart(source, other.source);
                if (c == 0) {
                    offset += source.length() + 1;
                    c = comparePart(target, other.target);
                    if (c == 0) {
                        if (qualifier == null || other.qualifier == null) {
                            return qualifier == null ? (other.qualifier == null ? 0 : -1) : 1;
                        }
                        return qualifier.compareTo(other.qualifier); // the last part: its order is the ids'
                    }
                }
            }
            if (c != PREFIX) {
                return c;
            }
            int length = idLength();
            int otherLength = other.idLength();
            for (int i = offset; i < Math.min(length, otherLength); i++) {
                int d = Character.compare(idChar(i), other.idChar(i));
                if (d != 0) {
                    return d;
                }
            }
            return Integer.compare(length, otherLength);
        }

        private static final int PREFIX = Integer.MIN_VALUE;

        /** 0 when equal, {@link #PREFIX} when one is a proper prefix of the other, else their order. */
        private static int comparePart(String a, String b) {
            int c = a.compareTo(b);
            if (c == 0 || a.length() == b.length()) {
                return c;
            }
            return a.startsWith(b) || b.startsWith(a) ? PREFIX : c;
        }

        private int idLength() {
            return type.length() + 1 + source.length() + 1 + target.length()
                    + (qualifier == null ? 0 : 1 + qualifier.length());
        }

        /** The character {@code i} of {@link #id}. */
        private char idChar(int i) {
            if (i < type.length()) {
                return type.charAt(i);
            }
            i -= type.length();
            if (i == 0) {
                return ':';
            }
            i--;
            if (i < source.length()) {
                return source.charAt(i);
            }
            i -= source.length();
            if (i == 0) {
                return '>';
            }
            i--;
            if (i < target.length()) {
                return target.charAt(i);
            }
            i -= target.length();
            return i == 0 ? ':' : qualifier.charAt(i - 1);
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
