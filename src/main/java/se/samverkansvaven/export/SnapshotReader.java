package se.samverkansvaven.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Component;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.database.CypherFiles;
import se.samverkansvaven.export.GraphSnapshot.Edge;
import se.samverkansvaven.export.GraphSnapshot.Node;
import se.samverkansvaven.web.NotFoundException;

/**
 * Reads the part of the graph an export covers, in one read transaction with the parameterised Cypher of
 * {@code cypher/export/}. {@code $from} and {@code $to} bound the window ({@link Window}); either may be null for an
 * open end. An element x is in the window when {@code (x.validFrom IS NULL OR $to IS NULL OR x.validFrom < $to) AND
 * (x.validTo IS NULL OR $from IS NULL OR x.validTo > $from)}, which for a snapshot ($to = $from + 1 day) is
 * docs/model.md's "active on $from".
 *
 * <p>What is included: the bodies in the window that pass the filter; their PARTY_TO and CONVENES rows in
 * the window (every row of their history when {@code fullRecords}); SEATED_IN, COVERS, WORKS_ON; LINKED_WITH
 * between included networks; the actors, areas, sectors and goals they refer to, with IN_SECTOR and the goal
 * relations among included goals. Municipalities: all 290 (so isolated ones show), with BORDERS and
 * IN_COUNTY and every county, unless a county or federation filter narrows them to the scope's
 * municipalities plus every municipality a included body refers to. A row whose party is a body outside
 * the export is left out; with {@code fullRecords} (the bundle) such bodies are pulled in instead, with
 * their own full records, so the bundle loads into an empty database on its own. With the filter's
 * {@code illustrative} false, no illustrative node or row is read at all (as if they were not loaded).
 */
@Component
class SnapshotReader {

    /** The audit trail's times are instants; "up to D" means before D + 1 day starts in Sweden. */
    private static final java.time.ZoneId SWEDEN = java.time.ZoneId.of("Europe/Stockholm");

    private static final String COUNTY_EXISTS = CypherFiles.load("cypher/export/county-exists.cypher");
    private static final String COUNTY_MUNICIPALITIES = CypherFiles.load("cypher/export/county-municipalities.cypher");
    private static final String FEDERATION_EXISTS = CypherFiles.load("cypher/export/federation-exists.cypher");
    private static final String FEDERATION_MEMBERS = CypherFiles.load("cypher/export/federation-members.cypher");
    private static final String AREA_EXISTS = CypherFiles.load("cypher/export/area-exists.cypher");
    private static final String BODIES = CypherFiles.load("cypher/export/bodies.cypher");
    private static final String BODIES_BY_ID = CypherFiles.load("cypher/export/bodies-by-id.cypher");
    private static final String ROWS = CypherFiles.load("cypher/export/rows.cypher");
    private static final String LINKS = CypherFiles.load("cypher/export/links.cypher");
    private static final String ACTORS = CypherFiles.load("cypher/export/actors.cypher");
    private static final String GOALS = CypherFiles.load("cypher/export/goals.cypher");
    private static final String GOAL_RELATIONS = CypherFiles.load("cypher/export/goal-relations.cypher");
    private static final String AREAS = CypherFiles.load("cypher/export/areas.cypher");
    private static final String SECTORS = CypherFiles.load("cypher/export/sectors.cypher");
    private static final String MUNICIPALITIES = CypherFiles.load("cypher/export/municipalities.cypher");
    private static final String COUNTIES = CypherFiles.load("cypher/export/counties.cypher");
    private static final String BORDERS = CypherFiles.load("cypher/export/borders.cypher");
    private static final String COVERAGE = CypherFiles.load("cypher/export/coverage.cypher");
    private static final String CHANGES = CypherFiles.load("cypher/export/changes.cypher");

    private final Driver driver;

    SnapshotReader(Driver driver) {
        this.driver = driver;
    }

    GraphSnapshot read(Window window, SnapshotFilter filter, boolean fullRecords) {
        return read(window, filter, fullRecords, false);
    }

    /**
     * @param withChanges also read the audit trail made before the window's end (a day in Sweden), all of
     *                    it without a filter, with a filter only the changes of the exported bodies
     */
    GraphSnapshot read(Window window, SnapshotFilter filter, boolean fullRecords, boolean withChanges) {
        try (var session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            return session.executeRead(tx -> {
                GraphSnapshot graph = new Read(tx, window, filter, fullRecords).run();
                return withChanges ? withChanges(tx, graph) : graph;
            });
        }
    }

    private static GraphSnapshot withChanges(TransactionContext tx, GraphSnapshot graph) {
        Map<String, Object> params = new HashMap<>();
        params.put("before", graph.window().to() == null ? null
                : graph.window().to().atStartOfDay(SWEDEN).toOffsetDateTime());
        boolean filtered = !graph.filter().equals(SnapshotFilter.NONE);
        params.put("ids", filtered ? graph.nodes().stream().filter(n -> n.type().equals("Body")).map(Node::key).toList()
                : null);
        List<GraphSnapshot.Change> changes = tx.run(CHANGES, params).list(r ->
                new GraphSnapshot.Change(r.get("id").asString(), r.get("at").asZonedDateTime().toOffsetDateTime(),
                        text(r, "user"), text(r, "action"), text(r, "entityType"), text(r, "entityId"),
                        text(r, "field"), text(r, "before"), text(r, "after"), text(r, "reason")));
        return new GraphSnapshot(graph.window(), graph.filter(), graph.fullRecords(), graph.nodes(), graph.edges(),
                List.copyOf(changes), graph.coverage());
    }

    private static String text(Record r, String key) {
        return r.get(key).isNull() ? null : r.get(key).asString();
    }

    /** Throws {@link NotFoundException} for an unknown county, federation or area. */
    void checkFilter(SnapshotFilter filter) {
        try (var session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            session.executeRead(tx -> {
                check(tx, filter);
                return null;
            });
        }
    }

    private static void check(TransactionContext tx, SnapshotFilter filter) {
        if (filter.county() != null && !found(tx, COUNTY_EXISTS, "county", filter.county())) {
            throw new NotFoundException("No county with code '" + filter.county() + "'.");
        }
        if (filter.federation() != null) {
            Record federation = tx.run(FEDERATION_EXISTS, Map.of("federation", filter.federation())).single();
            if (!federation.get("found").asBoolean()) {
                throw new NotFoundException("No federation (kommunalförbund) with id '" + filter.federation() + "'.");
            }
            if (!filter.illustrative() && federation.get("illustrative").asBoolean()) {
                throw new NotFoundException("Federation '" + filter.federation() + "' is illustrative (invented) data,"
                        + " left out with illustrative=false.");
            }
        }
        if (filter.area() != null && !found(tx, AREA_EXISTS, "area", filter.area())) {
            throw new NotFoundException("No service area with id '" + filter.area() + "'.");
        }
    }

    private static boolean found(TransactionContext tx, String query, String parameter, String value) {
        return tx.run(query, Map.of(parameter, value)).single().get("found").asBoolean();
    }

    /** One read: state kept while the transaction runs. */
    private static final class Read {
        private static final int ROW_BATCH = 10_000;
        private final TransactionContext tx;
        private final Window window;
        private final SnapshotFilter filter;
        private final boolean full;
        private final SnapshotInterner intern = new SnapshotInterner();
        private final Map<String, Node> nodes = new HashMap<>();
        /** In the order added; sorted and made distinct by id at the end. */
        private final List<Edge> edges = new ArrayList<>();
        private final Set<String> bodyIds = new TreeSet<>();
        private final Set<String> areaIds = new TreeSet<>();
        private final Set<String> goalIds = new TreeSet<>();
        private final Set<String> actorIds = new TreeSet<>();
        private final Set<String> sectorIds = new TreeSet<>();
        private final Set<String> municipalityRefs = new TreeSet<>();
        /** The party rows, kept only for a full read (which first pulls in the bodies they name). */
        private final List<Row> rows = new ArrayList<>();

        Read(TransactionContext tx, Window window, SnapshotFilter filter, boolean full) {
            this.tx = tx;
            this.window = window;
            this.filter = filter;
            this.full = full;
        }

        GraphSnapshot run() {
            check(tx, filter);
            List<String> scope = scope();
            Map<String, Object> params = windowParams();
            params.put("forms", filter.forms() == null ? null
                    : filter.forms().stream().map(Form::name).sorted().toList());
            params.put("area", filter.area());
            params.put("scope", scope);
            tx.run(BODIES, params).forEachRemaining(this::addBody);
            readRows(bodyIds);
            if (full) {
                // A row may name a body (a convener, a network in an initiative) outside the export: pull it in.
                Set<String> missing = missingPartyBodies();
                while (!missing.isEmpty()) {
                    // Never an illustrative body when they are left out: the rows naming one are left out too.
                    tx.run(BODIES_BY_ID, Map.of("ids", List.copyOf(missing))).forEachRemaining(this::addBody);
                    readRows(missing);
                    missing = missingPartyBodies();
                }
            }
            addRows();
            addLinks();
            addSimple(ACTORS, actorIds, "Actor", "");
            addSimple(GOALS, goalIds, "Goal", "goal:");
            tx.run(GOAL_RELATIONS, Map.of("ids", List.copyOf(goalIds))).forEachRemaining(r ->
                    edge(r.get("type").asString(), "goal:" + r.get("a").asString(), "goal:" + r.get("b").asString(),
                            null, Map.of()));
            tx.run(AREAS, Map.of("ids", List.copyOf(areaIds))).forEachRemaining(r -> {
                node(r, "ServiceArea", "area:");
                for (Object sector : r.get("sectors").asList()) {
                    sectorIds.add((String) sector);
                    edge("IN_SECTOR", "area:" + r.get("key").asString(), "sector:" + sector, null, Map.of());
                }
            });
            addSimple(SECTORS, sectorIds, "Sector", "sector:");
            addMunicipalities(scope);
            List<Node> nodeList = new ArrayList<>(nodes.values());
            nodeList.sort(Comparator.comparing(Node::id));
            return new GraphSnapshot(window, filter, full, List.copyOf(nodeList), edgesById(),
                    coverage(scope));
        }

        /**
         * The edges sorted by id, each id once (the one added last, as a map by id would keep), and only those
         * whose ends are both in the export.
         */
        private List<Edge> edgesById() {
            edges.sort(Edge.BY_ID); // stable: of equal ids the last added stays last
            List<Edge> kept = new ArrayList<>(edges.size());
            for (int i = 0; i < edges.size(); i++) {
                Edge e = edges.get(i);
                boolean replaced = i + 1 < edges.size() && Edge.BY_ID.compare(e, edges.get(i + 1)) == 0;
                if (!replaced && nodes.containsKey(e.source()) && nodes.containsKey(e.target())) {
                    kept.add(e);
                }
            }
            edges.clear();
            return java.util.Collections.unmodifiableList(kept);
        }

        /**
         * The coverage rows of the scope's municipalities in the window. A completeness claim is about every
         * area, so an area filter exports none; a forms filter keeps the rows that speak for one of its forms,
         * narrowed to those. A bundle holds the bodies of its day only, so there each row is cut to that day.
         */
        private List<GraphSnapshot.CoverageEntry> coverage(List<String> scope) {
            if (filter.area() != null) {
                return List.of();
            }
            Map<String, Object> params = windowParams();
            params.put("codes", scope);
            List<GraphSnapshot.CoverageEntry> entries = new ArrayList<>();
            for (Record r : tx.run(COVERAGE, params).list()) {
                List<String> forms = r.get("forms").isNull() ? List.of() : r.get("forms").asList(v -> v.asString());
                if (filter.forms() != null) {
                    List<String> wanted = filter.forms().stream().sorted().map(Form::name).toList();
                    forms = forms.isEmpty() ? wanted : wanted.stream().filter(forms::contains).toList();
                    if (forms.isEmpty()) {
                        continue;
                    }
                }
                java.time.LocalDate from = r.get("validFrom").asLocalDate();
                java.time.LocalDate to = r.get("validTo").isNull() ? null : r.get("validTo").asLocalDate();
                if (full && window.isDay()) {
                    from = window.from();
                    to = window.to();
                }
                entries.add(new GraphSnapshot.CoverageEntry(r.get("municipality").asString(), forms, from, to,
                        r.get("source").asString(null), r.get("illustrative").asBoolean()));
            }
            return List.copyOf(entries);
        }

        private Map<String, Object> windowParams() {
            Map<String, Object> params = new HashMap<>();
            params.put("from", window.from());
            params.put("to", window.to());
            params.put("full", full);
            params.put("illustrative", filter.illustrative());
            return params;
        }

        private List<String> scope() {
            if (filter.county() != null) {
                return tx.run(COUNTY_MUNICIPALITIES, Map.of("county", filter.county()))
                        .list(r -> r.get("code").asString());
            }
            if (filter.federation() != null) {
                Map<String, Object> params = windowParams();
                params.put("federation", filter.federation());
                return tx.run(FEDERATION_MEMBERS, params).list(r -> r.get("code").asString());
            }
            return null;
        }

        private void addBody(Record r) {
            Node body = node(r, "Body", "");
            bodyIds.add(body.key());
            Object sector = body.props().get("sector");
            if (sector != null) {
                sectorIds.add(sector.toString());
            }
            for (Object seat : r.get("seats").asList()) {
                municipalityRefs.add((String) seat);
                edge("SEATED_IN", body.id(), (String) seat, null, Map.of());
            }
            for (Object area : r.get("areas").asList()) {
                areaIds.add((String) area);
                edge("COVERS", body.id(), "area:" + area, null, Map.of());
            }
            for (Object goal : r.get("goals").asList()) {
                goalIds.add((String) goal);
                edge("WORKS_ON", body.id(), "goal:" + goal, null, Map.of());
            }
        }

        /**
         * The rows of the bodies {@code ids}, ROW_BATCH bodies per query: a query holds an index cursor per id of
         * {@code $ids} until it ends (a few hundred MB for all bodies at L). Each record becomes an edge as it
         * arrives, or a {@link Row} for a full read; no record is kept.
         */
        private void readRows(Set<String> ids) {
            List<String> all = List.copyOf(ids);
            for (int i = 0; i < all.size(); i += ROW_BATCH) {
                Map<String, Object> params = windowParams();
                params.put("ids", all.subList(i, Math.min(all.size(), i + ROW_BATCH)));
                tx.run(ROWS, params).forEachRemaining(r -> {
                    Row row = new Row(intern.string(r.get("type").asString()), intern.string(r.get("body").asString()),
                            intern.string(r.get("party").asString()), intern.string(r.get("partyType").asString()),
                            rowProperties(r.get("props").asMap()));
                    if (full) {
                        rows.add(row);
                    } else {
                        addRow(row);
                    }
                });
            }
        }

        private Set<String> missingPartyBodies() {
            Set<String> missing = new TreeSet<>();
            for (Row r : rows) {
                if (r.partyType().equals("Body") && !bodyIds.contains(r.party())) {
                    missing.add(r.party());
                }
            }
            return missing;
        }

        private void addRows() {
            rows.forEach(this::addRow);
        }

        private void addRow(Row r) {
            switch (r.partyType()) {
                case "Municipality" -> municipalityRefs.add(r.party());
                case "Actor" -> actorIds.add(r.party());
                default -> {
                    if (!bodyIds.contains(r.party())) {
                        return; // a body outside the export (only without fullRecords)
                    }
                }
            }
            String qualifier = (r.type().equals("PARTY_TO") ? r.props().get("role") + ":" : "") + dateKey(r.props());
            edge(r.type(), r.party(), r.body(), qualifier, r.props());
        }

        /** A PARTY_TO or CONVENES row as read. */
        private record Row(String type, String body, String party, String partyType, PropertyMap props) {}

        private void addLinks() {
            Map<String, Object> params = windowParams();
            params.put("ids", List.copyOf(bodyIds));
            tx.run(LINKS, params).forEachRemaining(r -> {
                PropertyMap props = rowProperties(r.get("props").asMap());
                edge("LINKED_WITH", r.get("a").asString(), r.get("b").asString(),
                        props.get("kind") + ":" + dateKey(props), props);
            });
        }

        private void addSimple(String query, Set<String> ids, String type, String prefix) {
            tx.run(query, Map.of("ids", List.copyOf(ids), "illustrative", filter.illustrative()))
                    .forEachRemaining(r -> node(r, type, prefix));
        }

        private void addMunicipalities(List<String> scope) {
            List<String> codes = null;
            if (scope != null) {
                Set<String> set = new TreeSet<>(scope);
                set.addAll(municipalityRefs);
                codes = List.copyOf(set);
            }
            Map<String, Object> params = new HashMap<>();
            params.put("codes", codes);
            Set<String> countyCodes = new TreeSet<>();
            tx.run(MUNICIPALITIES, params).forEachRemaining(r -> {
                Node m = node(r, "Municipality", "");
                for (Object county : r.get("counties").asList()) {
                    countyCodes.add((String) county);
                    edge("IN_COUNTY", m.id(), "county:" + county, null, Map.of());
                }
            });
            tx.run(BORDERS, params).forEachRemaining(r ->
                    edge("BORDERS", r.get("a").asString(), r.get("b").asString(), null, Map.of()));
            addSimple(COUNTIES, countyCodes, "County", "county:");
        }

        private Node node(Record r, String type, String prefix) {
            String key = intern.string(r.get("key").asString());
            Map<String, Object> props = new TreeMap<>(r.get("props").asMap());
            props.remove("id"); // the key; "id" is the element id in GraphML, GEXF and Cytoscape
            props.remove("coverageVersion"); // the editing API's lock counter of a municipality's coverage, not data
            props.remove("loadId"); // a large load's id, on its bodies for a moment after it published
            props.put("key", key);
            if (type.equals("Body") || type.equals("Actor") || type.equals("Goal")) {
                props.putIfAbsent("illustrative", false);
            }
            List<String> labels = new ArrayList<>(r.get("labels").asList(v -> v.asString()));
            labels.sort(Comparator.comparing((String label) -> !label.equals(type)).thenComparing(l -> l));
            Node node = new Node(intern.string(prefix + key), type, intern.list(labels), key, intern.properties(props));
            nodes.put(node.id(), node);
            return node;
        }

        /** @param props a relationship's properties: {@link Map#of()}, or a row's from {@link #rowProperties} */
        private void edge(String type, String source, String target, String qualifier, Map<String, Object> props) {
            edges.add(new Edge(intern.string(type), intern.string(source), intern.string(target),
                    intern.string(qualifier), props.isEmpty() ? PropertyMap.EMPTY : props));
        }

        /** A PARTY_TO, CONVENES or LINKED_WITH row's stored properties, with {@code illustrative} false if absent. */
        private PropertyMap rowProperties(Map<String, Object> stored) {
            if (stored.containsKey("illustrative")) {
                return intern.properties(stored);
            }
            Map<String, Object> props = new HashMap<>(stored);
            props.put("illustrative", false);
            return intern.properties(props);
        }

        private static String dateKey(Map<String, Object> props) {
            Object from = props.get("validFrom");
            return from == null ? "-" : from.toString();
        }
    }
}
