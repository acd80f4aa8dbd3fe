package se.samverkansvaven.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.neo4j.driver.Driver;
import org.springframework.context.ApplicationContext;
import se.samverkansvaven.analysis.ActorProjection;
import se.samverkansvaven.analysis.CentralityAnalysis;
import se.samverkansvaven.analysis.CommunityAnalysis;
import se.samverkansvaven.analysis.DiagonalLinkAnalysis;
import se.samverkansvaven.analysis.EgoWebAnalysis;
import se.samverkansvaven.analysis.ExitImpactAnalysis;
import se.samverkansvaven.analysis.GapAnalysis;
import se.samverkansvaven.analysis.HostConcentrationAnalysis;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.analysis.data.CooperationDataQueries;
import se.samverkansvaven.analysis.data.CooperationDataReader;
import se.samverkansvaven.analysis.data.CypherDataSource;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.graph.BrandesBetweenness;
import se.samverkansvaven.graph.BrandesBetweenness.Distance;
import se.samverkansvaven.graph.ConnectedComponents;
import se.samverkansvaven.graph.Coreness;
import se.samverkansvaven.graph.HarmonicCloseness;
import se.samverkansvaven.graph.IndexedGraph;
import se.samverkansvaven.graph.Louvain;
import se.samverkansvaven.graph.Modularity;
import se.samverkansvaven.graph.PageRank;

/**
 * What the benchmark runs (bench/README.md): the reader, analyses and algorithms the controllers call, nothing
 * re-implemented.
 */
final class BenchAccess {

    static final Set<Form> DEFAULT_FORMS = EnumSet.of(Form.FEDERATION, Form.JOINT_COMMITTEE, Form.AGREEMENT,
            Form.COMPANY, Form.ASSOCIATION);

    private final CooperationDataReader reader;
    private final CooperationDataReader cypherReader;

    BenchAccess(ApplicationContext context) {
        this.reader = context.getBean(CooperationDataReader.class);
        this.cypherReader = new CooperationDataReader(new CypherDataSource(context.getBean(Driver.class),
                context.getBean(CooperationDataQueries.class)));
    }

    /** What a projection build produces: the data of a date and P over the default forms. */
    record Projection(CooperationData data, ActorProjection projection) {

        IndexedGraph graph() {
            return projection.actors();
        }

        int vertices() {
            return graph().vertexCount();
        }

        int edges() {
            return graph().edgeCount();
        }

        int bodies() {
            return data.bodies().size();
        }

        /** The weighted P as "u v w" lines, vertices in index order (isolated ones are listed by id). */
        String edgeList() {
            IndexedGraph g = graph();
            StringBuilder out = new StringBuilder(g.edgeCount() * 24);
            for (int v = 0; v < g.vertexCount(); v++) {
                for (int w : g.neighbours(v)) {
                    if (v < w) {
                        out.append(g.id(v)).append(' ').append(g.id(w)).append(' ')
                                .append((long) g.weight(v, w)).append('\n');
                    }
                }
            }
            return out.toString();
        }

        /** The municipality with most partners (ties: lowest id): the heaviest ego web and exit. */
        String hub() {
            IndexedGraph g = graph();
            int best = 0;
            for (int v = 0; v < g.vertexCount(); v++) {
                if (g.id(v).matches("\\d+") && g.degree(v) > g.degree(best)) {
                    best = v;
                }
            }
            return g.id(best);
        }
    }

    CooperationData readData(LocalDate asOf) {
        return reader.read(asOf);
    }

    /** The same data through the reference Cypher over Bolt, as against a Neo4j server. */
    CooperationData readDataWithCypher(LocalDate asOf) {
        return cypherReader.read(asOf);
    }

    Projection project(CooperationData data) {
        return new Projection(data, ActorProjection.of(data, DEFAULT_FORMS));
    }

    /** The read on {@code threads} threads (issue 17: 1 against 2 in one run). */
    CooperationData readData(LocalDate asOf, int threads) {
        return reader.withParallelism(threads).read(asOf);
    }

    Projection project(CooperationData data, int threads) {
        return new Projection(data, ActorProjection.of(data, DEFAULT_FORMS, threads));
    }

    /** Whether two reads and builds gave the same data and P (borders by their edges: JGraphT edges are objects). */
    static boolean same(Projection a, Projection b) {
        CooperationData x = a.data();
        CooperationData y = b.data();
        return x.municipalities().equals(y.municipalities()) && x.actors().equals(y.actors())
                && x.bodies().equals(y.bodies()) && x.links().equals(y.links()) && x.areas().equals(y.areas())
                && x.coverage().equals(y.coverage()) && borders(x).equals(borders(y))
                && a.edgeList().equals(b.edgeList()) && rows(a.projection().bipartite()).equals(rows(b.projection().bipartite()));
    }

    private static java.util.List<String> borders(CooperationData data) {
        return borders(data.borders());
    }

    /** Every vertex with its neighbours. */
    private static java.util.List<String> rows(IndexedGraph g) {
        java.util.List<String> rows = new ArrayList<>();
        for (int v = 0; v < g.vertexCount(); v++) {
            StringBuilder row = new StringBuilder(g.id(v));
            for (int w : g.neighbours(v)) {
                row.append(' ').append(g.id(w));
            }
            rows.add(row.toString());
        }
        return rows;
    }

    /** Every vertex in iteration order with its edges' ends in {@code edgesOf} order. */
    private static java.util.List<String> borders(org.jgrapht.Graph<String, org.jgrapht.graph.DefaultEdge> g) {
        java.util.List<String> rows = new ArrayList<>();
        for (String v : g.vertexSet()) {
            StringBuilder row = new StringBuilder(v);
            g.edgesOf(v).forEach(e -> row.append(' ').append(g.getEdgeSource(e)).append('-').append(g.getEdgeTarget(e)));
            rows.add(row.toString());
        }
        return rows;
    }

    /** The analyses of the API, each as the controller runs it, by name (insertion order = report order). */
    Map<String, Supplier<Object>> analyses(Projection p, String municipality, String area, int pivots) {
        CooperationData data = p.data();
        Map<String, Supplier<Object>> runs = new LinkedHashMap<>();
        runs.put("ego_web_depth1", () -> new EgoWebAnalysis().analyse(data, new EgoWebAnalysis.Query(municipality, 1, DEFAULT_FORMS)));
        runs.put("ego_web_depth2", () -> new EgoWebAnalysis().analyse(data, new EgoWebAnalysis.Query(municipality, 2, DEFAULT_FORMS)));
        runs.put("centrality_all", () -> new CentralityAnalysis().analyse(p.graph()));
        // The same on one thread: the ratio of the two, in one run, is what the second core gives (issue 17).
        runs.put("centrality_all_1thread", () -> new CentralityAnalysis().withParallelism(1).analyse(p.graph()));
        // As centrality?pivots=k asks: betweenness and closeness from k sources (the error against exact: at M).
        runs.put("centrality_pivots", () -> new CentralityAnalysis(pivots).analyse(p.graph()));
        runs.put("communities_all", () -> new CommunityAnalysis().analyse(p.graph(), 1L));
        runs.put("hosts_all", () -> new HostConcentrationAnalysis().analyse(data, new HostConcentrationAnalysis.Query(
                new ArrayList<>(data.municipalities().keySet()), null, null)));
        runs.put("diagonal_links", () -> new DiagonalLinkAnalysis().analyse(data,
                new DiagonalLinkAnalysis.Query(EnumSet.of(DiagonalLinkAnalysis.PairClass.DIAGONAL))));
        // As diagonal-links?limit=100 asks: the 100 best pairs and how many there are.
        runs.put("diagonal_links_first100", () -> new DiagonalLinkAnalysis().analyse(data,
                new DiagonalLinkAnalysis.Query(EnumSet.of(DiagonalLinkAnalysis.PairClass.DIAGONAL), null, 100)));
        runs.put("gaps_area", () -> new GapAnalysis().analyse(data, new GapAnalysis.Query(area, null, DEFAULT_FORMS, null)));
        // As gaps?area=…&limit=100 asks: the 100 strongest gaps with their options, and how many there are.
        runs.put("gaps_area_first100", () -> new GapAnalysis().analyse(data,
                new GapAnalysis.Query(area, null, DEFAULT_FORMS, null, 100)));
        runs.put("exit_all", () -> new ExitImpactAnalysis().analyse(data, p.projection(),
                new ExitImpactAnalysis.Query(municipality, ExitImpactAnalysis.Leaving.ALL, null, DEFAULT_FORMS)));
        // As exit?pivots=k asks: betweenness before and after from k sources.
        runs.put("exit_pivots", () -> new ExitImpactAnalysis().analyse(data, p.projection(),
                new ExitImpactAnalysis.Query(municipality, ExitImpactAnalysis.Leaving.ALL, null, DEFAULT_FORMS, pivots)));
        return runs;
    }

    /** The side-by-side metrics, each alone on the CSR view of P. */
    Map<String, Supplier<Object>> metrics(Projection p) {
        IndexedGraph g = p.graph();
        Map<String, Supplier<Object>> runs = new LinkedHashMap<>();
        runs.put("components", () -> new ConnectedComponents().compute(g));
        runs.put("coreness", () -> new Coreness().compute(g));
        runs.put("pagerank", () -> new PageRank().compute(g));
        runs.put("betweenness", () -> new BrandesBetweenness(Distance.HOPS).compute(g));
        runs.put("louvain", () -> modularity(p));
        runs.put("harmonic", () -> new HarmonicCloseness().compute(g));
        return runs;
    }

    /**
     * Our result of each side-by-side metric as the peers' checksums have it (bench/side_by_side.py): component
     * count, coreness sum, max PageRank, max betweenness, modularity, max harmonic closeness.
     */
    Map<String, Object> checks(Projection p) {
        IndexedGraph g = p.graph();
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("components", java.util.Arrays.stream(new ConnectedComponents().compute(g)).max().orElse(-1) + 1);
        checks.put("coreness", java.util.Arrays.stream(new Coreness().compute(g)).sum());
        checks.put("pagerank", java.util.Arrays.stream(new PageRank().compute(g)).max().orElse(0));
        checks.put("betweenness", java.util.Arrays.stream(betweenness(p)).max().orElse(0));
        checks.put("louvain", modularity(p));
        checks.put("harmonic", java.util.Arrays.stream(new HarmonicCloseness().compute(g)).max().orElse(0));
        return checks;
    }

    double modularity(Projection p) {
        return Modularity.of(p.graph(), new Louvain(1L).compute(p.graph()));
    }

    double[] betweenness(Projection p) {
        return new BrandesBetweenness(Distance.HOPS).compute(p.graph());
    }

    double[] sampledBetweenness(Projection p, int pivots, long seed) {
        return new BrandesBetweenness(Distance.HOPS, pivots, seed).compute(p.graph());
    }
}
