package se.samverkansvaven.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.neo4j.driver.Driver;
import org.springframework.context.ApplicationContext;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.graph.Modularity;
import se.samverkansvaven.graph.IndexedGraph;
import se.samverkansvaven.graph.PageRank;
import se.samverkansvaven.graph.ConnectedComponents;
import se.samverkansvaven.graph.Coreness;
import se.samverkansvaven.graph.BrandesBetweenness;
import se.samverkansvaven.graph.Louvain;
import se.samverkansvaven.analysis.data.CypherDataSource;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.analysis.data.CooperationDataQueries;
import se.samverkansvaven.analysis.data.CooperationDataReader;

/**
 * The benchmark's door into the package-private analysis classes (bench/README.md): the same objects the
 * controller calls, nothing re-implemented. Lives in the test sources only.
 */
public final class BenchAccess {

    public static final Set<Form> DEFAULT_FORMS = EnumSet.of(Form.FEDERATION, Form.JOINT_COMMITTEE, Form.AGREEMENT,
            Form.COMPANY, Form.ASSOCIATION);

    private final CooperationDataReader reader;
    private final CooperationDataReader cypherReader;

    public BenchAccess(ApplicationContext context) {
        this.reader = context.getBean(CooperationDataReader.class);
        this.cypherReader = new CooperationDataReader(new CypherDataSource(context.getBean(Driver.class),
                context.getBean(CooperationDataQueries.class)));
    }

    /** What a projection build produces: the data of a date and P over the default forms. */
    public record Projection(Object data, ActorProjection projection, IndexedGraph graph) {
        public int vertices() {
            return graph.vertexCount();
        }

        public int edges() {
            return graph.edgeCount();
        }

        public int bodies() {
            return ((CooperationData) data).bodies().size();
        }

        /** The weighted P as "u v w" lines, vertices in index order (isolated ones are listed by id). */
        public String edgeList() {
            StringBuilder out = new StringBuilder(graph.edgeCount() * 24);
            for (int v = 0; v < graph.vertexCount(); v++) {
                for (int e = graph.offsets[v]; e < graph.offsets[v + 1]; e++) {
                    int w = graph.targets[e];
                    if (v < w) {
                        out.append(graph.id(v)).append(' ').append(graph.id(w)).append(' ')
                                .append((long) graph.weights[e]).append('\n');
                    }
                }
            }
            return out.toString();
        }

        /** The municipality with most partners (ties: lowest id): the heaviest ego web and exit. */
        public String hub() {
            int best = 0;
            for (int v = 0; v < graph.vertexCount(); v++) {
                if (graph.id(v).matches("\\d+") && graph.degree(v) > graph.degree(best)) {
                    best = v;
                }
            }
            return graph.id(best);
        }
    }

    public Object readData(LocalDate asOf) {
        return reader.read(asOf);
    }

    /** The same data through the reference Cypher over Bolt, as against a Neo4j server. */
    public Object readDataWithCypher(LocalDate asOf) {
        return cypherReader.read(asOf);
    }

    public Projection project(Object data) {
        ActorProjection p = ActorProjection.of((CooperationData) data, DEFAULT_FORMS);
        return new Projection(data, p, IndexedGraph.of(p.actors()));
    }

    /** The analyses of the API, each as the controller runs it, by name (insertion order = report order). */
    public Map<String, Supplier<Object>> analyses(Projection p, String municipality, String area) {
        CooperationData data = (CooperationData) p.data();
        Map<String, Supplier<Object>> runs = new LinkedHashMap<>();
        runs.put("ego_web_depth1", () -> new EgoWebAnalysis().analyse(data, new EgoWebAnalysis.Query(municipality, 1, DEFAULT_FORMS)));
        runs.put("ego_web_depth2", () -> new EgoWebAnalysis().analyse(data, new EgoWebAnalysis.Query(municipality, 2, DEFAULT_FORMS)));
        runs.put("centrality_all", () -> new CentralityAnalysis().analyse(p.projection().actors()));
        runs.put("communities_all", () -> new CommunityAnalysis().analyse(p.projection().actors(), 1L));
        runs.put("hosts_all", () -> new HostConcentrationAnalysis().analyse(data, new HostConcentrationAnalysis.Query(
                new ArrayList<>(data.municipalities().keySet()), null, null)));
        runs.put("diagonal_links", () -> new DiagonalLinkAnalysis().analyse(data,
                new DiagonalLinkAnalysis.Query(EnumSet.of(DiagonalLinkAnalysis.PairClass.DIAGONAL))));
        runs.put("gaps_area", () -> new GapAnalysis().analyse(data, new GapAnalysis.Query(area, null, DEFAULT_FORMS, null)));
        runs.put("exit_all", () -> new ExitImpactAnalysis().analyse(data,
                new ExitImpactAnalysis.Query(municipality, ExitImpactAnalysis.Scope.ALL, null, DEFAULT_FORMS)));
        return runs;
    }

    /** The five side-by-side metrics, each alone on the CSR view of P. */
    public Map<String, Supplier<Object>> metrics(Projection p) {
        IndexedGraph g = p.graph();
        Map<String, Supplier<Object>> runs = new LinkedHashMap<>();
        runs.put("components", () -> ConnectedComponents.of(g));
        runs.put("coreness", () -> Coreness.cores(g));
        runs.put("pagerank", () -> new PageRank().compute(g));
        runs.put("betweenness", () -> new BrandesBetweenness(BrandesBetweenness.Distance.HOPS).compute(g));
        runs.put("louvain", () -> Modularity.of(g, new Louvain(1L).communities(g)));
        return runs;
    }

    public double modularity(Projection p) {
        return Modularity.of(p.graph(), new Louvain(1L).communities(p.graph()));
    }

    public double[] betweenness(Projection p) {
        return new BrandesBetweenness(BrandesBetweenness.Distance.HOPS).compute(p.graph());
    }

    public double[] sampledBetweenness(Projection p, int pivots, long seed) {
        return BrandesBetweenness.sampled(BrandesBetweenness.Distance.HOPS, pivots, seed).compute(p.graph());
    }
}
