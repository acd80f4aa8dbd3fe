package se.samverkansvaven.analysis.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
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
 *
 * <p>With a parallelism of 2 or more ({@code samverkansvaven.analysis.parallelism}, by default the cores the JVM
 * sees) the read is a pipeline of two threads: the caller's runs the source's transaction (a transaction belongs to
 * one thread), and one more turns the rows into the sorted maps of {@link CooperationData} as they arrive, in the
 * order they were read. Every row is assembled by that one thread in the same order as on one thread, so the data is
 * the same for every parallelism.
 */
@Component
public class CooperationDataReader {

    private static final Logger log = LoggerFactory.getLogger(CooperationDataReader.class);

    /** Rows handed from the reading thread to the assembling one at a time (one hand-over per row cost more). */
    private static final int BATCH = 256;
    /** Batches waiting to be assembled; the reading thread waits beyond this, so the rows in flight stay few. */
    private static final int BATCHES_IN_FLIGHT = 64;

    private final CooperationDataSource source;
    private final int parallelism;

    /** @param parallelism threads of the read (at most 2 are used); 0: the cores the JVM sees */
    @Autowired
    CooperationDataReader(Driver driver, CooperationDataQueries queries, ObjectProvider<DatabaseManagementService> embedded,
                          @Value("${samverkansvaven.projection.in-process-read:true}") boolean inProcessRead,
                          @Value("${samverkansvaven.analysis.parallelism:0}") int parallelism) {
        DatabaseManagementService database = inProcessRead ? embedded.getIfAvailable() : null;
        this.source = database != null
                ? new EmbeddedDataSource(database.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME))
                : new CypherDataSource(driver, queries);
        this.parallelism = parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors();
        log.debug("Cooperation data read by {}", source.getClass().getSimpleName());
    }

    /** A reader over a given source (tests, the benchmark's reference read), on the cores the JVM sees. */
    public CooperationDataReader(CooperationDataSource source) {
        this(source, Runtime.getRuntime().availableProcessors());
    }

    private CooperationDataReader(CooperationDataSource source, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("the parallelism must be at least 1, was " + parallelism);
        }
        this.source = source;
        this.parallelism = parallelism;
    }

    /** The same source read on {@code threads} threads (1: the caller's alone); the data is the same. */
    public CooperationDataReader withParallelism(int threads) {
        return new CooperationDataReader(source, threads);
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
        if (parallelism < 2) {
            source.read(asOf, assembly);
            return assembly.read();
        }
        Pipeline pipeline = new Pipeline(assembly);
        try {
            source.read(asOf, pipeline);
        } catch (RuntimeException | Error e) {
            pipeline.abandon();
            throw e;
        }
        return pipeline.finish();
    }

    /**
     * Hands the source's rows, in batches and in the order read, to one thread that assembles them: the rows reach
     * the {@link Assembly} in exactly the order of a read on one thread, and only that thread touches it.
     */
    private static final class Pipeline implements CooperationDataSource.Rows {

        /** The last batch, told apart by identity (no batch handed over is empty). */
        private static final List<Consumer<CooperationDataSource.Rows>> END = new ArrayList<>(0);

        private final BlockingQueue<List<Consumer<CooperationDataSource.Rows>>> batches =
                new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
        private final Thread assembler;
        private List<Consumer<CooperationDataSource.Rows>> batch = new ArrayList<>(BATCH);
        private volatile boolean abandoned;
        /** Written by the assembling thread, read after joining it. */
        private Read read;
        private Throwable failure;

        Pipeline(Assembly assembly) {
            assembler = Thread.ofPlatform().name("cooperation-data-assembly").daemon().start(() -> {
                try {
                    for (var next = batches.take(); next != END && !abandoned; next = batches.take()) {
                        next.forEach(row -> row.accept(assembly));
                    }
                    if (!abandoned) {
                        read = assembly.read();
                    }
                } catch (InterruptedException e) {
                    failure = e;
                } catch (RuntimeException | Error e) {
                    failure = e;
                    // keep taking batches until the end, so the reading thread never waits on a full queue
                    try {
                        while (batches.take() != END) {
                            // dropped
                        }
                    } catch (InterruptedException interrupted) {
                        // abandoned: nobody waits for the rest
                    }
                }
            });
        }

        private void add(Consumer<CooperationDataSource.Rows> row) {
            batch.add(row);
            if (batch.size() == BATCH) {
                hand(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        private void hand(List<Consumer<CooperationDataSource.Rows>> rows) {
            try {
                batches.put(rows);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandon();
                throw new IllegalStateException("interrupted while reading the cooperation data", e);
            }
        }

        Read finish() {
            if (!batch.isEmpty()) {
                hand(batch);
            }
            hand(END);
            try {
                assembler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandon();
                throw new IllegalStateException("interrupted while reading the cooperation data", e);
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException("the assembly of the cooperation data was interrupted", failure);
            }
            return read;
        }

        /** The read failed or was given up: the assembling thread stops without assembling the rest. */
        void abandon() {
            abandoned = true;
            assembler.interrupt();
        }

        @Override
        public void revision(long revision) {
            add(rows -> rows.revision(revision));
        }

        @Override
        public void municipality(Place place, List<String> borders) {
            add(rows -> rows.municipality(place, borders));
        }

        @Override
        public void actor(ActorInfo actor) {
            add(rows -> rows.actor(actor));
        }

        @Override
        public void area(AreaInfo area) {
            add(rows -> rows.area(area));
        }

        @Override
        public void body(CooperationDataSource.BodyRow body) {
            add(rows -> rows.body(body));
        }

        @Override
        public void link(String a, String b, LinkKind kind, boolean illustrative) {
            add(rows -> rows.link(a, b, kind, illustrative));
        }

        @Override
        public void coverage(CoverageInfo row) {
            add(rows -> rows.coverage(row));
        }
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

        Read read() {
            return new Read(data(), revision);
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
