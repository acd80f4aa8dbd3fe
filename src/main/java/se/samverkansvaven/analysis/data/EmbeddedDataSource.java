package se.samverkansvaven.analysis.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import se.samverkansvaven.analysis.data.CooperationData.ActorInfo;
import se.samverkansvaven.analysis.data.CooperationData.AreaInfo;
import se.samverkansvaven.analysis.data.CooperationData.CoverageInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.analysis.data.CooperationData.Place;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.LinkKind;
import se.samverkansvaven.body.PartyRole;
import se.samverkansvaven.database.GraphRevisions;

/**
 * The same rows as {@link CypherDataSource} read from the embedded database in this process, node by node,
 * without Cypher or Bolt: about twice as fast at 100,000 municipalities, mostly in the bodies (bench/README.md,
 * size L). Each rule of
 * {@code cypher/projection/*.cypher} is repeated here, and {@code CooperationDataSourcesTest} holds the two sources
 * equal; a change to one must be made to the other.
 */
final class EmbeddedDataSource implements CooperationDataSource {

    private static final Label MUNICIPALITY = Label.label("Municipality");
    private static final Label ACTOR = Label.label("Actor");
    private static final Label SERVICE_AREA = Label.label("ServiceArea");
    private static final Label GOAL = Label.label("Goal");
    private static final Label BODY = Label.label("Body");
    private static final Label NETWORK = Label.label("Network");
    private static final Label COVERAGE = Label.label("Coverage");
    private static final RelationshipType OF = RelationshipType.withName("OF");
    private static final RelationshipType BORDERS = RelationshipType.withName("BORDERS");
    private static final RelationshipType SEATED_IN = RelationshipType.withName("SEATED_IN");
    private static final RelationshipType COVERS = RelationshipType.withName("COVERS");
    private static final RelationshipType WORKS_ON = RelationshipType.withName("WORKS_ON");
    private static final RelationshipType PARTY_TO = RelationshipType.withName("PARTY_TO");
    private static final RelationshipType CONVENES = RelationshipType.withName("CONVENES");
    private static final RelationshipType LINKED_WITH = RelationshipType.withName("LINKED_WITH");

    private final GraphDatabaseService database;

    EmbeddedDataSource(GraphDatabaseService database) {
        this.database = database;
    }

    @Override
    public void read(LocalDate asOf, Rows rows) {
        try (Transaction tx = database.beginTx()) {
            rows.revision(GraphRevisions.read(tx));
            try (ResourceIterator<Node> all = tx.findNodes(MUNICIPALITY)) {
                while (all.hasNext()) {
                    Node m = all.next();
                    List<String> borders = new ArrayList<>(4);
                    try (var rels = m.getRelationships(Direction.OUTGOING, BORDERS)) {
                        for (Relationship r : rels) {
                            Node n = r.getEndNode();
                            if (n.hasLabel(MUNICIPALITY)) {
                                borders.add((String) n.getProperty("code"));
                            }
                        }
                    }
                    Object population = m.getProperty("population", null);
                    rows.municipality(new Place((String) m.getProperty("code"), (String) m.getProperty("name"),
                            (String) m.getProperty("countyCode"), ((Number) m.getProperty("lat")).doubleValue(),
                            ((Number) m.getProperty("lon")).doubleValue(),
                            population == null ? null : ((Number) population).intValue()), borders);
                }
            }
            try (ResourceIterator<Node> all = tx.findNodes(ACTOR)) {
                while (all.hasNext()) {
                    Node a = all.next();
                    rows.actor(new ActorInfo((String) a.getProperty("id"),
                            ActorKind.valueOf((String) a.getProperty("kind")), (String) a.getProperty("name"),
                            illustrative(a)));
                }
            }
            try (ResourceIterator<Node> all = tx.findNodes(SERVICE_AREA)) {
                while (all.hasNext()) {
                    Node a = all.next();
                    rows.area(new AreaInfo((String) a.getProperty("id"), (String) a.getProperty("sector"),
                            (String) a.getProperty("nameSv"), (String) a.getProperty("nameEn")));
                }
            }
            try (ResourceIterator<Node> all = tx.findNodes(BODY)) {
                while (all.hasNext()) {
                    Node b = all.next();
                    if (activeOn(b, asOf)) {
                        rows.body(body(b, asOf));
                    }
                }
            }
            try (ResourceIterator<Node> all = tx.findNodes(NETWORK)) {
                while (all.hasNext()) {
                    Node a = all.next();
                    if (!activeOn(a, asOf)) {
                        continue;
                    }
                    try (var rels = a.getRelationships(Direction.OUTGOING, LINKED_WITH)) {
                        for (Relationship l : rels) {
                            Node b = l.getEndNode();
                            if (b.hasLabel(NETWORK) && activeOn(l, asOf) && activeOn(b, asOf)) {
                                rows.link((String) a.getProperty("id"), (String) b.getProperty("id"),
                                        LinkKind.valueOf((String) l.getProperty("kind")), illustrative(l));
                            }
                        }
                    }
                }
            }
            try (ResourceIterator<Node> all = tx.findNodes(COVERAGE)) {
                while (all.hasNext()) {
                    Node c = all.next();
                    // c.validFrom <= $asOf: required, so a row without one (or not a date) is never active
                    if (c.getProperty("validFrom", null) instanceof LocalDate && activeOn(c, asOf)) {
                        coverage(c, rows);
                    }
                }
            }
            tx.commit();
        }
    }

    private static void coverage(Node c, Rows rows) {
        try (var rels = c.getRelationships(Direction.OUTGOING, OF)) {
            for (Relationship r : rels) {
                Node m = r.getEndNode();
                if (!m.hasLabel(MUNICIPALITY)) {
                    continue;
                }
                Set<Form> forms = EnumSet.noneOf(Form.class);
                if (c.getProperty("forms", null) instanceof String[] names) {
                    for (String name : names) {
                        forms.add(Form.valueOf(name));
                    }
                }
                Object to = c.getProperty("validTo", null);
                rows.coverage(new CoverageInfo((String) m.getProperty("code"), forms,
                        (LocalDate) c.getProperty("validFrom"), to instanceof LocalDate t ? t : null,
                        (String) c.getProperty("source", null), illustrative(c)));
            }
        }
    }

    /** {@code coalesce(x.illustrative, false)}. */
    private static boolean illustrative(Entity e) {
        return Boolean.TRUE.equals(e.getProperty("illustrative", false));
    }

    private static BodyRow body(Node b, LocalDate asOf) {
        String seat = null;
        List<String> areas = new ArrayList<>(4);
        List<String> goals = new ArrayList<>(2);
        List<String> illustrativeGoals = new ArrayList<>(0);
        try (var rels = b.getRelationships(Direction.OUTGOING, SEATED_IN, COVERS, WORKS_ON)) {
            for (Relationship r : rels) {
                Node n = r.getEndNode();
                if (r.isType(COVERS) && n.hasLabel(SERVICE_AREA)) {
                    areas.add((String) n.getProperty("id"));
                } else if (r.isType(WORKS_ON) && n.hasLabel(GOAL)) {
                    goals.add((String) n.getProperty("id"));
                    if (illustrative(n)) {
                        illustrativeGoals.add((String) n.getProperty("id"));
                    }
                } else if (r.isType(SEATED_IN) && n.hasLabel(MUNICIPALITY)) {
                    seat = (String) n.getProperty("code");
                }
            }
        }
        List<PartyInfo> parties = new ArrayList<>(8);
        List<String> conveners = new ArrayList<>(1);
        List<String> illustrativeConveners = new ArrayList<>(0);
        try (var rels = b.getRelationships(Direction.INCOMING, PARTY_TO, CONVENES)) {
            for (Relationship r : rels) {
                if (!activeOn(r, asOf)) {
                    continue;
                }
                Node p = r.getStartNode();
                boolean municipality = p.hasLabel(MUNICIPALITY);
                // coalesce(p.code, p.id)
                Object code = p.getProperty("code", null);
                String id = (String) (code != null ? code : p.getProperty("id"));
                if (r.isType(PARTY_TO)) {
                    PartyType type = municipality ? PartyType.MUNICIPALITY
                            : p.hasLabel(ACTOR) ? PartyType.ACTOR : PartyType.BODY;
                    parties.add(new PartyInfo(id, type, PartyRole.valueOf((String) r.getProperty("role")),
                            illustrative(r)));
                } else {
                    conveners.add(id);
                    if (illustrative(r)) {
                        illustrativeConveners.add(id);
                    }
                }
            }
        }
        return new BodyRow((String) b.getProperty("id"), (String) b.getProperty("form"), (String) b.getProperty("name"),
                (String) b.getProperty("sector", null), (String) b.getProperty("level", null), seat,
                illustrative(b), areas, goals, parties, conveners, illustrativeGoals, illustrativeConveners);
    }

    /**
     * {@code (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo > $asOf)}; a value
     * that is not a date compares as null in Cypher, which fails the WHERE, and does so here too.
     */
    private static boolean activeOn(Entity e, LocalDate asOf) {
        Object from = e.getProperty("validFrom", null);
        Object to = e.getProperty("validTo", null);
        return (from == null || from instanceof LocalDate f && !f.isAfter(asOf))
                && (to == null || to instanceof LocalDate t && t.isAfter(asOf));
    }
}
