package se.samverkansvaven.analysis.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.samverkansvaven.analysis.data.CooperationData.ActorInfo;
import se.samverkansvaven.analysis.data.CooperationData.AreaInfo;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.CoverageInfo;
import se.samverkansvaven.analysis.data.CooperationData.NetworkLink;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.Place;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.Level;
import se.samverkansvaven.body.LinkKind;

/**
 * The one place where Neo4j becomes analysis input: the rows of one read transaction, so the picture is
 * consistent, turned into an immutable {@link CooperationData} for a date. With the embedded database the rows
 * are read in this process ({@link EmbeddedDataSource}, the faster); against a server, or with {@code samverkansvaven.projection.in-process-read=false}, through
 * the Cypher of {@code cypher/projection/} ({@link CypherDataSource}).
 */
@Component
public class CooperationDataReader {

    private static final Logger log = LoggerFactory.getLogger(CooperationDataReader.class);

    private final CooperationDataSource source;

    @Autowired
    CooperationDataReader(Driver driver, CooperationDataQueries queries, ObjectProvider<DatabaseManagementService> embedded,
                          @Value("${samverkansvaven.projection.in-process-read:true}") boolean inProcessRead) {
        DatabaseManagementService database = inProcessRead ? embedded.getIfAvailable() : null;
        this.source = database != null
                ? new EmbeddedDataSource(database.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME))
                : new CypherDataSource(driver, queries);
        log.debug("Cooperation data read by {}", source.getClass().getSimpleName());
    }

    /** A reader over a given source (tests, the benchmark's reference read). */
    public CooperationDataReader(CooperationDataSource source) {
        this.source = source;
    }

    CooperationDataSource source() {
        return source;
    }

    /** A date's data and the graph revision it was read at, in one transaction (AnalysisCache keys on it). */
    record Read(CooperationData data, long revision) {}

    public CooperationData read(LocalDate asOf) {
        return readWithRevision(asOf).data();
    }

    Read readWithRevision(LocalDate asOf) {
        Assembly assembly = new Assembly(asOf);
        source.read(asOf, assembly);
        return new Read(assembly.data(), assembly.revision);
    }

    /** Collects a source's rows into sorted maps; everything order-dependent is sorted here, not by the source. */
    private static final class Assembly implements CooperationDataSource.Rows {

        private final LocalDate asOf;
        private final SortedMap<String, Place> municipalities = new TreeMap<>();
        private final Map<String, List<String>> neighbours = new HashMap<>();
        private final SortedMap<String, ActorInfo> actors = new TreeMap<>();
        private final SortedMap<String, AreaInfo> areas = new TreeMap<>();
        private final SortedMap<String, BodyInfo> bodies = new TreeMap<>();
        private final List<NetworkLink> links = new ArrayList<>();
        private final List<CoverageInfo> coverage = new ArrayList<>();
        private long revision = -1;

        Assembly(LocalDate asOf) {
            this.asOf = asOf;
        }

        @Override
        public void revision(long revision) {
            this.revision = revision;
        }

        @Override
        public void municipality(Place place, List<String> borders) {
            municipalities.put(place.code(), place);
            if (!borders.isEmpty()) {
                neighbours.put(place.code(), borders.stream().sorted().toList());
            }
        }

        @Override
        public void actor(ActorInfo actor) {
            actors.put(actor.id(), actor);
        }

        @Override
        public void area(AreaInfo area) {
            areas.put(area.id(), area);
        }

        @Override
        public void body(CooperationDataSource.BodyRow row) {
            TreeSet<String> bodyAreas = new TreeSet<>(row.areas());
            TreeSet<String> sectors = new TreeSet<>();
            bodyAreas.forEach(a -> sectors.add(areas.get(a).sector()));
            if (row.sector() != null) {
                sectors.add(row.sector());
            }
            // A body may have no active party (a network between members); the list is then empty.
            List<PartyInfo> parties = new ArrayList<>(row.parties());
            parties.sort((a, b) -> a.partyId().compareTo(b.partyId()));
            bodies.put(row.id(), new BodyInfo(row.id(), Form.valueOf(row.form()), row.name(), row.sector(),
                    row.level() == null ? null : Level.valueOf(row.level()), bodyAreas, sectors, row.seat(),
                    List.copyOf(parties), new TreeSet<>(row.conveners()), new TreeSet<>(row.goals()),
                    row.illustrative(), new TreeSet<>(row.illustrativeConveners()),
                    new TreeSet<>(row.illustrativeGoals())));
        }

        @Override
        public void link(String a, String b, LinkKind kind, boolean illustrative) {
            links.add(a.compareTo(b) < 0 ? new NetworkLink(a, b, kind, illustrative)
                    : new NetworkLink(b, a, kind, illustrative));
        }

        @Override
        public void coverage(CoverageInfo row) {
            coverage.add(row);
        }

        CooperationData data() {
            Graph<String, DefaultEdge> borders = new SimpleGraph<>(DefaultEdge.class);
            municipalities.keySet().forEach(borders::addVertex);
            municipalities.keySet().forEach(a -> neighbours.getOrDefault(a, List.of()).forEach(b -> borders.addEdge(a, b)));
            links.sort(java.util.Comparator.comparing(NetworkLink::a).thenComparing(NetworkLink::b)
                    .thenComparing(NetworkLink::kind).thenComparing(NetworkLink::illustrative));
            return new CooperationData(asOf, municipalities, borders, actors, bodies, List.copyOf(links), areas,
                    CooperationData.coverageByMunicipality(coverage), true);
        }
    }
}
