package se.samverkansvaven.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.PartyRole;
import se.samverkansvaven.graph.BetweennessAfterRemoval;
import se.samverkansvaven.graph.Biconnectivity;
import se.samverkansvaven.graph.BrandesBetweenness.Distance;
import se.samverkansvaven.graph.BrandesBetweenness;
import se.samverkansvaven.graph.CompetitionRanks;
import se.samverkansvaven.graph.ConnectedComponents;
import se.samverkansvaven.graph.IndexedGraph;

/**
 * Exit impact, domain.md item 6: m leaves one body, all bodies of one area, or all bodies (of B: active,
 * in the chosen forms, m a party).
 *
 * <p>The after-state is the same data with m's party rows in those bodies removed; a joint committee or
 * agreement whose HOST was m counts as ended (removed with all its rows). Compared before vs after:
 * <ul>
 *   <li>the bodies that lose their host (= the ended ones);</li>
 *   <li>areas covered (as in item 5: party in any role to a body of B covering the area) that m, and each
 *       other municipality or actor party, stop covering;</li>
 *   <li>the number of connected components of P, and P's articulation points gained and lost;</li>
 *   <li>every municipality's rank by unweighted betweenness in P ({@link BetweennessAfterRemoval}: hop
 *       distances, as the centrality endpoint, reusing the sources the exit leaves untouched; ranks are competition ranks over all vertices of P, regions included,
 *       values within 1e-9 tied). Listed: municipalities whose rank changed, including those entering or
 *       leaving P (rank null where not a vertex). Betweenness values use NetworkX's normalisation
 *       2/((n−1)(n−2)) so they match the centrality endpoint.</li>
 * </ul>
 */
public final class ExitImpactAnalysis implements CooperationAnalysis<ExitImpactAnalysis.Query, ExitImpactAnalysis.ExitImpact> {

    /** What m leaves: one body, the bodies of one service area, or every body. */
    public enum Leaving { BODY, AREA, ALL }

    /**
     * @param code   the leaving municipality (a REGION actor id works too)
     * @param scope  BODY, AREA or ALL
     * @param target the body id (BODY) or area id (AREA); ignored for ALL
     * @param forms  B's forms; null or empty: {@link Form#DEFAULT_ANALYSIS_FORMS}
     * @param pivots null: exact betweenness; else betweenness by pivot sampling from this many sources
     *               ({@link BrandesBetweenness} with pivots, seed {@link CentralityAnalysis#PIVOT_SEED}), as centrality
     *               takes it, for graphs too large for exact betweenness
     */
    public record Query(String code, Leaving scope, String target, Set<Form> forms, Integer pivots) {

        /** Exact betweenness. */
        public Query(String code, Leaving scope, String target, Set<Form> forms) {
            this(code, scope, target, forms, null);
        }

        public Query {
            if (pivots != null && pivots < 1) {
                throw new IllegalArgumentException("exit impact: the number of pivots must be at least 1, was " + pivots);
            }
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("exit impact: the leaving municipality's code is required");
            }
            if (scope == null) {
                throw new IllegalArgumentException("exit impact: scope must be BODY, AREA or ALL");
            }
            if (scope != Leaving.ALL && (target == null || target.isBlank())) {
                throw new IllegalArgumentException("exit impact: scope " + scope + " needs a "
                        + (scope == Leaving.BODY ? "body id" : "service area id"));
            }
            target = scope == Leaving.ALL ? null : target;
            forms = forms == null || forms.isEmpty() ? Form.DEFAULT_ANALYSIS_FORMS : Set.copyOf(EnumSet.copyOf(forms));
        }
    }

    public record BodyRef(String id, String name, Form form) {}

    public record CoverageLoss(String party, String label, List<String> areas) {}

    /** Ranks are competition ranks in P ("1224"); null where the municipality is not a vertex of P. */
    public record RankChange(String code, String name, Integer rankBefore, Integer rankAfter,
                             Double betweennessBefore, Double betweennessAfter) {}

    /**
     * @param bodiesLeft        the bodies m leaves, by id
     * @param bodiesEnded       of those, joint committees and agreements m hosted: they lose their host and end
     * @param areasLostByLeaver areas m covers before and not after
     * @param areasLostByOthers other parties that stop covering an area, by id
     * @param rankChanges       municipalities whose betweenness rank changed, by code
     */
    public record ExitImpact(LocalDate asOf, String code, String label, Leaving scope, String target, List<Form> forms,
                             List<BodyRef> bodiesLeft, List<BodyRef> bodiesEnded,
                             List<String> areasLostByLeaver, List<CoverageLoss> areasLostByOthers,
                             int actorsBefore, int actorsAfter,
                             int componentsBefore, int componentsAfter, int componentChange,
                             List<String> articulationPointsBefore, List<String> articulationPointsAfter,
                             List<String> articulationPointsGained, List<String> articulationPointsLost,
                             List<RankChange> rankChanges) {}

    private final int parallelism;

    /** Betweenness on as many threads as the JVM sees cores. */
    public ExitImpactAnalysis() {
        this(Runtime.getRuntime().availableProcessors());
    }

    private ExitImpactAnalysis(int parallelism) {
        this.parallelism = parallelism;
    }

    /** The same analysis with betweenness on at most {@code threads} threads; the result is identical for every value. */
    public ExitImpactAnalysis withParallelism(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("exit impact: the parallelism must be at least 1, was " + threads);
        }
        return new ExitImpactAnalysis(threads);
    }

    @Override
    public ExitImpact analyse(CooperationData data, Query query) {
        String m = query.code();
        if (!data.municipalities().containsKey(m) && !data.actors().containsKey(m)) {
            throw new IllegalArgumentException("exit impact: unknown municipality or actor '" + m + "'");
        }
        SortedMap<String, BodyInfo> leaving = leaving(data, query);

        SortedMap<String, BodyInfo> after = new TreeMap<>();
        List<BodyRef> left = new ArrayList<>();
        List<BodyRef> ended = new ArrayList<>();
        for (BodyInfo body : data.bodies().values()) {
            if (!leaving.containsKey(body.id())) {
                after.put(body.id(), body);
                continue;
            }
            left.add(ref(body));
            boolean hosted = body.form().requiresHost()
                    && body.partiesWithRole(PartyRole.HOST).anyMatch(p -> p.partyId().equals(m));
            if (hosted) {
                ended.add(ref(body)); // no host: cannot go on as it is
                continue;
            }
            List<PartyInfo> rest = body.parties().stream().filter(p -> !p.partyId().equals(m)).toList();
            after.put(body.id(), new BodyInfo(body.id(), body.form(), body.name(), body.sector(), body.level(),
                    body.areas(), body.sectors(), body.seatCode(), rest, body.conveners(), body.goals(),
                    body.illustrative()));
        }
        CooperationData afterData = new CooperationData(data.asOf(), data.municipalities(), data.borders(),
                data.actors(), after, data.links(), data.areas());

        // coverage before and after
        SortedMap<String, SortedSet<String>> coverBefore = AreaCoverage.byParty(data.bodies().values(), query.forms());
        SortedMap<String, SortedSet<String>> coverAfter = AreaCoverage.byParty(after.values(), query.forms());
        List<String> lostByLeaver = List.of();
        List<CoverageLoss> lostByOthers = new ArrayList<>();
        for (Map.Entry<String, SortedSet<String>> e : coverBefore.entrySet()) {
            SortedSet<String> lost = new TreeSet<>(e.getValue());
            lost.removeAll(coverAfter.getOrDefault(e.getKey(), new TreeSet<>()));
            if (lost.isEmpty()) {
                continue;
            }
            if (e.getKey().equals(m)) {
                lostByLeaver = List.copyOf(lost);
            } else {
                lostByOthers.add(new CoverageLoss(e.getKey(), NodeLabels.label(data, e.getKey()), List.copyOf(lost)));
            }
        }

        // P before and after, each shared by components, cut points and betweenness.
        IndexedGraph before = ActorProjection.of(data, query.forms()).actors();
        IndexedGraph afterP = ActorProjection.of(afterData, query.forms()).actors();
        int compBefore = components(before);
        int compAfter = components(afterP);
        SortedSet<String> cutBefore = cutpoints(before);
        SortedSet<String> cutAfter = cutpoints(afterP);
        SortedSet<String> gained = new TreeSet<>(cutAfter);
        gained.removeAll(cutBefore);
        SortedSet<String> lost = new TreeSet<>(cutBefore);
        lost.removeAll(cutAfter);

        return new ExitImpact(data.asOf(), m, NodeLabels.label(data, m), query.scope(), query.target(),
                query.forms().stream().sorted().toList(), List.copyOf(left), List.copyOf(ended),
                lostByLeaver, List.copyOf(lostByOthers),
                before.vertexCount(), afterP.vertexCount(), compBefore, compAfter, compAfter - compBefore,
                List.copyOf(cutBefore), List.copyOf(cutAfter), List.copyOf(gained), List.copyOf(lost),
                rankChanges(data, before, afterP, query.pivots()));
    }

    private static int components(IndexedGraph g) {
        int count = 0;
        for (int c : new ConnectedComponents().compute(g)) {
            count = Math.max(count, c + 1);
        }
        return count;
    }

    private static SortedMap<String, BodyInfo> leaving(CooperationData data, Query query) {
        String m = query.code();
        SortedMap<String, BodyInfo> leaving = new TreeMap<>();
        switch (query.scope()) {
            case BODY -> {
                BodyInfo body = data.bodies().get(query.target());
                if (body == null) {
                    throw new IllegalArgumentException("exit impact: no body '" + query.target() + "' is active on " + data.asOf());
                }
                if (!query.forms().contains(body.form())) {
                    throw new IllegalArgumentException("exit impact: body '" + body.id() + "' is a " + body.form()
                            + ", not one of the chosen forms " + query.forms().stream().sorted().toList());
                }
                if (!body.hasParty(m)) {
                    throw new IllegalArgumentException("exit impact: '" + m + "' is not a party to body '" + body.id() + "'");
                }
                leaving.put(body.id(), body);
            }
            case AREA -> {
                if (!data.areas().containsKey(query.target())) {
                    throw new IllegalArgumentException("exit impact: unknown service area '" + query.target() + "'");
                }
                data.bodies().values().stream()
                        .filter(b -> query.forms().contains(b.form()) && b.areas().contains(query.target()) && b.hasParty(m))
                        .forEach(b -> leaving.put(b.id(), b));
            }
            case ALL -> data.bodies().values().stream()
                    .filter(b -> query.forms().contains(b.form()) && b.hasParty(m))
                    .forEach(b -> leaving.put(b.id(), b));
        }
        return leaving;
    }

    private List<RankChange> rankChanges(CooperationData data, IndexedGraph before, IndexedGraph after,
                                                Integer pivots) {
        BetweennessAfterRemoval.Scores values;
        if (pivots == null) {
            values = new BetweennessAfterRemoval().withParallelism(parallelism).compute(before, after);
        } else {
            var sampled = new BrandesBetweenness(Distance.HOPS, pivots, CentralityAnalysis.PIVOT_SEED)
                    .withParallelism(parallelism);
            values = new BetweennessAfterRemoval.Scores(sampled.compute(before), sampled.compute(after));
        }
        Map<String, Double> bBefore = byId(before, values.before());
        Map<String, Double> bAfter = byId(after, values.after());
        Map<String, Integer> rBefore = competitionRanks(bBefore);
        Map<String, Integer> rAfter = competitionRanks(bAfter);
        SortedSet<String> codes = new TreeSet<>();
        codes.addAll(rBefore.keySet());
        codes.addAll(rAfter.keySet());
        List<RankChange> changes = new ArrayList<>();
        for (String code : codes) {
            if (!NodeLabels.MUNICIPALITY.equals(NodeLabels.type(data, code))) { // known municipalities, whatever their code pattern
                continue;
            }
            Integer rb = rBefore.get(code);
            Integer ra = rAfter.get(code);
            if (rb == null ? ra != null : !rb.equals(ra)) {
                changes.add(new RankChange(code, NodeLabels.label(data, code), rb, ra, bBefore.get(code), bAfter.get(code)));
            }
        }
        return List.copyOf(changes);
    }

    private static Map<String, Double> byId(IndexedGraph g, double[] values) {
        Map<String, Double> out = new HashMap<>();
        for (int v = 0; v < values.length; v++) {
            out.put(g.id(v), values[v]);
        }
        return out;
    }

    private static SortedSet<String> cutpoints(IndexedGraph g) {
        boolean[] articulation = new Biconnectivity().compute(g).articulation();
        SortedSet<String> out = new TreeSet<>();
        for (int v = 0; v < articulation.length; v++) {
            if (articulation[v]) {
                out.add(g.id(v));
            }
        }
        return out;
    }

    /** Competition ranks ("1224") of the values, shared with the centrality analysis' ranking. */
    static Map<String, Integer> competitionRanks(Map<String, Double> values) {
        List<String> ids = List.copyOf(values.keySet());
        Integer[] ranks = CompetitionRanks.of(ids.stream().mapToDouble(values::get).toArray());
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byId.put(ids.get(i), ranks[i]);
        }
        return byId;
    }

    private static BodyRef ref(BodyInfo body) {
        return new BodyRef(body.id(), body.name(), body.form());
    }
}
