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
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.database.CypherFiles;
import se.samverkansvaven.export.GraphSnapshot.Edge;
import se.samverkansvaven.export.ExportQueries.Fields;
import se.samverkansvaven.export.ExportQueries.Tx;
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
 *
 * <p>With the embedded database the queries run in this process ({@link ExportQueries#inProcess}), unless
 * {@code samverkansvaven.export.in-process-read=false}; against a server they run over the driver.
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

    private static final Logger log = LoggerFactory.getLogger(SnapshotReader.class);

    private final ExportQueries queries;

    @Autowired
    SnapshotReader(Driver driver, ObjectProvider<DatabaseManagementService> embedded,
                   @Value("${samverkansvaven.export.in-process-read:true}") boolean inProcessRead) {
        DatabaseManagementService database = inProcessRead ? embedded.getIfAvailable() : null;
        this(database != null
                ? ExportQueries.inProcess(database.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME))
                : ExportQueries.overDriver(driver));
        log.debug("Exports read by {}", queries);
    }

    /** A reader over given queries (tests compare the two). */
    SnapshotReader(ExportQueries queries) {
        this.queries = queries;
    }

    GraphSnapshot read(Window window, SnapshotFilter filter, boolean fullRecords) {
        return read(window, filter, fullRecords, false);
    }

    /**
     * @param withChanges also read the audit trail made before the window's end (a day in Sweden), all of
     *                    it without a filter, with a filter only the changes of the exported bodies
     */
    GraphSnapshot read(Window window, SnapshotFilter filter, boolean fullRecords, boolean withChanges) {
        return queries.read(tx -> {
            GraphSnapshot graph = new Read(tx, window, filter, fullRecords).run();
            return withChanges ? withChanges(tx, graph) : graph;
        });
    }

    private static GraphSnapshot withChanges(Tx tx, GraphSnapshot graph) {
        Map<String, Object> params = new HashMap<>();
        params.put("before", graph.window().to() == null ? null
                : graph.window().to().atStartOfDay(SWEDEN).toOffsetDateTime());
        boolean filtered = !graph.filter().equals(SnapshotFilter.NONE);
        params.put("ids", filtered ? graph.nodes().stream().filter(n -> n.type().equals("Body")).map(Node::key).toList()
                : null);
        List<GraphSnapshot.Change> changes = tx.list(CHANGES, params, r ->
                new GraphSnapshot.Change(r.string("id"), r.dateTime("at").toOffsetDateTime(),
                        r.string("user"), r.string("action"), r.string("entityType"), r.string("entityId"),
                        r.string("field"), r.string("before"), r.string("after"), r.string("reason")));
        return new GraphSnapshot(graph.window(), graph.filter(), graph.fullRecords(), graph.nodes(), graph.edges(),
                List.copyOf(changes), graph.coverage());
    }

    /** Throws {@link NotFoundException} for an unknown county, federation or area. */
    void checkFilter(SnapshotFilter filter) {
        queries.read(tx -> {
            check(tx, filter);
            return null;
        });
    }

    private static void check(Tx tx, SnapshotFilter filter) {
        if (filter.county() != null && !found(tx, COUNTY_EXISTS, "county", filter.county())) {
            throw new NotFoundException("No county with code '" + filter.county() + "'.");
        }
        if (filter.federation() != null) {
            FederationFound federation = tx.single(FEDERATION_EXISTS, Map.of("federation", filter.federation()),
                    r -> new FederationFound(r.bool("found"), r.bool("found") && r.bool("illustrative")));
            if (!federation.found()) {
                throw new NotFoundException("No federation (kommunalförbund) with id '" + filter.federation() + "'.");
            }
            if (!filter.illustrative() && federation.illustrative()) {
                throw new NotFoundException("Federation '" + filter.federation() + "' is illustrative (invented) data,"
                        + " left out with illustrative=false.");
            }
        }
        if (filter.area() != null && !found(tx, AREA_EXISTS, "area", filter.area())) {
            throw new NotFoundException("No service area with id '" + filter.area() + "'.");
        }
    }

    /** Whether the filter's federation exists, and whether it rests on illustrative rows. */
    private record FederationFound(boolean found, boolean illustrative) {
    }

    private static boolean found(Tx tx, String query, String parameter, String value) {
        return tx.single(query, Map.of(parameter, value), r -> r.bool("found"));
    }

    /** One read: state kept while the transaction runs. */
    private static final class Read {
        private static final int ROW_BATCH = 10_000;
        private final Tx tx;
        private final Window window;
        private final SnapshotFilter filter;
        private final boolean full;
        private final SnapshotInterner intern = new SnapshotInterner();
        private final Map<String, Node> nodes = new HashMap<>();
        /** In the order added; sorted and made distinct by id at the end. */
        private final List<Edge> edges = new ArrayList<>();
        /**
         * The ids met so far, hashed (a party row adds one each, two million at L) and sorted once where a query
         * gets them: the order of the ids sent decides the order of the rows, hence which of two edges with one
         * id is kept.
         */
        private final Set<String> bodyIds = new HashSet<>();
        private final Set<String> areaIds = new HashSet<>();
        private final Set<String> goalIds = new HashSet<>();
        private final Set<String> actorIds = new HashSet<>();
        private final Set<String> sectorIds = new HashSet<>();
        /** Kept only when a county or federation scope is set: the national export reads every municipality. */
        private final Set<String> municipalityRefs = new HashSet<>();
        private boolean scoped;
        /** The party rows, kept only for a full read (which first pulls in the bodies they name). */
        private final List<Row> rows = new ArrayList<>();

        Read(Tx tx, Window window, SnapshotFilter filter, boolean full) {
            this.tx = tx;
            this.window = window;
            this.filter = filter;
            this.full = full;
        }

        GraphSnapshot run() {
            check(tx, filter);
            List<String> scope = scope();
            scoped = scope != null;
            Map<String, Object> params = windowParams();
            params.put("forms", filter.forms() == null ? null
                    : filter.forms().stream().map(Form::name).sorted().toList());
            params.put("area", filter.area());
            params.put("scope", scope);
            tx.forEach(BODIES, params, this::addBody);
            readRows(bodyIds);
            if (full) {
                // A row may name a body (a convener, a network in an initiative) outside the export: pull it in.
                Set<String> missing = missingPartyBodies();
                while (!missing.isEmpty()) {
                    // Never an illustrative body when they are left out: the rows naming one are left out too.
                    tx.forEach(BODIES_BY_ID, Map.of("ids", List.copyOf(missing)), this::addBody);
                    readRows(missing);
                    missing = missingPartyBodies();
                }
            }
            addRows();
            addLinks();
            addSimple(ACTORS, actorIds, "Actor", "");
            addSimple(GOALS, goalIds, "Goal", "goal:");
            tx.forEach(GOAL_RELATIONS, Map.of("ids", sorted(goalIds)), r ->
                    edge(r.string("type"), "goal:" + r.string("a"), "goal:" + r.string("b"), null, Map.of()));
            tx.forEach(AREAS, Map.of("ids", sorted(areaIds)), r -> {
                node(r, "ServiceArea", "area:");
                for (Object sector : r.list("sectors")) {
                    sectorIds.add((String) sector);
                    edge("IN_SECTOR", "area:" + r.string("key"), "sector:" + sector, null, Map.of());
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
            tx.forEach(COVERAGE, params, r -> {
                List<String> forms = r.isNull("forms") ? List.of()
                        : r.list("forms").stream().map(String.class::cast).toList();
                if (filter.forms() != null) {
                    List<String> wanted = filter.forms().stream().sorted().map(Form::name).toList();
                    forms = forms.isEmpty() ? wanted : wanted.stream().filter(forms::contains).toList();
                    if (forms.isEmpty()) {
                        return;
                    }
                }
                java.time.LocalDate from = r.date("validFrom");
                java.time.LocalDate to = r.date("validTo");
                if (full && window.isDay()) {
                    from = window.from();
                    to = window.to();
                }
                entries.add(new GraphSnapshot.CoverageEntry(r.string("municipality"), forms, from, to,
                        r.string("source"), r.bool("illustrative")));
            });
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
                return tx.list(COUNTY_MUNICIPALITIES, Map.of("county", filter.county()), r -> r.string("code"));
            }
            if (filter.federation() != null) {
                Map<String, Object> params = windowParams();
                params.put("federation", filter.federation());
                return tx.list(FEDERATION_MEMBERS, params, r -> r.string("code"));
            }
            return null;
        }

        private void addBody(Fields r) {
            Node body = node(r, "Body", "");
            bodyIds.add(body.key());
            Object sector = body.props().get("sector");
            if (sector != null) {
                sectorIds.add(sector.toString());
            }
            for (Object seat : r.list("seats")) {
                referTo((String) seat);
                edge("SEATED_IN", body.id(), (String) seat, null, Map.of());
            }
            for (Object area : r.list("areas")) {
                areaIds.add((String) area);
                edge("COVERS", body.id(), "area:" + area, null, Map.of());
            }
            for (Object goal : r.list("goals")) {
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
            List<String> all = sorted(ids);
            for (int i = 0; i < all.size(); i += ROW_BATCH) {
                Map<String, Object> params = windowParams();
                params.put("ids", all.subList(i, Math.min(all.size(), i + ROW_BATCH)));
                tx.partyRows(ROWS, params, r -> {
                    Row row = new Row(intern.string(r.string("type")), intern.string(r.string("body")),
                            intern.string(r.string("party")), intern.string(r.string("partyType")),
                            rowProperties(r.map("props")));
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

        /** A municipality a body or row names: kept for a scoped export, which reads those beyond its scope too. */
        private void referTo(String municipality) {
            if (scoped) {
                municipalityRefs.add(municipality);
            }
        }

        private void addRows() {
            rows.forEach(this::addRow);
        }

        private void addRow(Row r) {
            switch (r.partyType()) {
                case "Municipality" -> referTo(r.party());
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
            params.put("ids", sorted(bodyIds));
            tx.forEach(LINKS, params, r -> {
                PropertyMap props = rowProperties(r.map("props"));
                edge("LINKED_WITH", r.string("a"), r.string("b"),
                        props.get("kind") + ":" + dateKey(props), props);
            });
        }

        private void addSimple(String query, Set<String> ids, String type, String prefix) {
            tx.forEach(query, Map.of("ids", sorted(ids), "illustrative", filter.illustrative()),
                    r -> node(r, type, prefix));
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
            tx.forEach(MUNICIPALITIES, params, r -> {
                Node m = node(r, "Municipality", "");
                for (Object county : r.list("counties")) {
                    countyCodes.add((String) county);
                    edge("IN_COUNTY", m.id(), "county:" + county, null, Map.of());
                }
            });
            tx.forEach(BORDERS, params, r -> edge("BORDERS", r.string("a"), r.string("b"), null, Map.of()));
            addSimple(COUNTIES, countyCodes, "County", "county:");
        }

        private Node node(Fields r, String type, String prefix) {
            String key = intern.string(r.string("key"));
            Map<String, Object> props = new TreeMap<>(r.map("props"));
            props.remove("id"); // the key; "id" is the element id in GraphML, GEXF and Cytoscape
            props.remove("coverageVersion"); // the editing API's lock counter of a municipality's coverage, not data
            props.remove("loadId"); // a large load's id, on its bodies for a moment after it published
            props.put("key", key);
            if (type.equals("Body") || type.equals("Actor") || type.equals("Goal")) {
                props.putIfAbsent("illustrative", false);
            }
            List<String> labels = new ArrayList<>(r.list("labels").stream().map(String.class::cast).toList());
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

        private static List<String> sorted(Set<String> ids) {
            return ids.stream().sorted().toList();
        }

        private static String dateKey(Map<String, Object> props) {
            Object from = props.get("validFrom");
            return from == null ? "-" : from.toString();
        }
    }
}
