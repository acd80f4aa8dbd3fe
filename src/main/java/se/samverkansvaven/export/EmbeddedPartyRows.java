package se.samverkansvaven.export;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterable;
import org.neo4j.graphdb.Transaction;

/**
 * The records of {@code cypher/export/rows.cypher} read through the embedded database's Java API: each body by its
 * id (the {@code body_id} constraint's index), its incoming PARTY_TO and CONVENES relationships, the query's rules
 * applied by hand. Every rule of that file is repeated here, and {@code ExportQueriesTest} holds the two equal; a
 * change to one must be made to the other.
 */
final class EmbeddedPartyRows {

    private static final Label BODY = Label.label("Body");
    private static final Label MUNICIPALITY = Label.label("Municipality");
    private static final Label ACTOR = Label.label("Actor");
    private static final RelationshipType PARTY_TO = RelationshipType.withName("PARTY_TO");
    private static final RelationshipType CONVENES = RelationshipType.withName("CONVENES");

    private EmbeddedPartyRows() {
    }

    /** @param params {@code ids}, {@code from}, {@code to}, {@code full}, {@code illustrative} as for rows.cypher */
    @SuppressWarnings("unchecked")
    static void read(Transaction tx, Map<String, Object> params, Consumer<ExportQueries.Fields> each) {
        List<String> ids = (List<String>) params.get("ids");
        LocalDate from = (LocalDate) params.get("from");
        LocalDate to = (LocalDate) params.get("to");
        boolean full = (Boolean) params.get("full");
        boolean illustrative = (Boolean) params.get("illustrative");
        Map<String, Object> record = new HashMap<>();
        ExportQueries.EmbeddedFields fields = new ExportQueries.EmbeddedFields();
        fields.row = record::get;
        for (String id : ids) {
            Node body = tx.findNode(BODY, "id", id);
            if (body == null) {
                continue;
            }
            try (ResourceIterable<Relationship> rows = body.getRelationships(Direction.INCOMING, PARTY_TO, CONVENES)) {
                for (Relationship r : rows) {
                    Node party = r.getStartNode();
                    if (!illustrative && (isTrue(r.getProperty("illustrative", null))
                            || isTrue(party.getProperty("illustrative", null)))) {
                        continue;
                    }
                    if (!full && !(before(r.getProperty("validFrom", null), to) && after(r.getProperty("validTo", null), from))) {
                        continue;
                    }
                    Object code = party.getProperty("code", null);
                    record.put("type", r.getType().name());
                    record.put("body", id);
                    record.put("party", code != null ? code : party.getProperty("id", null));
                    record.put("partyType", party.hasLabel(MUNICIPALITY) ? "Municipality"
                            : party.hasLabel(ACTOR) ? "Actor" : "Body");
                    record.put("props", r.getAllProperties());
                    each.accept(fields);
                }
            }
        }
    }

    /** {@code coalesce(x, false)} of a boolean property. */
    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value);
    }

    /** {@code validFrom IS NULL OR $to IS NULL OR validFrom < $to} */
    private static boolean before(Object validFrom, LocalDate to) {
        return validFrom == null || to == null || ((LocalDate) validFrom).isBefore(to);
    }

    /** {@code validTo IS NULL OR $from IS NULL OR validTo > $from} */
    private static boolean after(Object validTo, LocalDate from) {
        return validTo == null || from == null || ((LocalDate) validTo).isAfter(from);
    }
}
