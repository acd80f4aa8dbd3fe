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
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
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
 *       2/((n−1)(n−2)) so they match the centrality endpoint. A municipality whose betweenness is 0 (within
 *       1e-9) lies on no shortest path between others: it gets no rank (null) but {@code brokerRole: false}
 *       ("no broker role"), before and after, rather than a place among the tied zeros; a change is listed
 *       when what is shown changes (the rank, or the broker role).</li>
 *   <li>who gets cut off: each component of P before may fall apart after; its largest piece (on a tie, the
 *       one holding the lowest id) goes on, and every other piece is listed with its members
 *       ({@code splitOff}); actors that were in P and are not after, other than m, are listed in
 *       {@code droppedOut}.</li>
 * </ul>
 *
 * <p><b>Provenance.</b> {@code illustrative} on a body left or ended when it rests on illustrative rows; on a
 * coverage loss when one of the bodies the party loses the areas through does; on a rank change and a split-off
 * piece when a municipality of it is party to an illustrative body of B. Betweenness and components depend on
 * the whole of P, so the answer's {@code restsOnIllustrative} says whether any body of B rests on illustrative
 * rows: every figure of the answer may then differ from the real rows' alone ({@code illustrative=false}).
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

    public record BodyRef(String id, String name, Form form, boolean illustrative) {}

    public record CoverageLoss(String party, String label, List<String> areas, boolean illustrative) {}

    /**
     * Ranks are competition ranks in P ("1224"); null where the municipality is not a vertex of P or has no
     * broker role. {@code brokerRole}: betweenness above 0; null where not a vertex of P.
     */
    public record RankChange(String code, String name, Integer rankBefore, Integer rankAfter,
                             Double betweennessBefore, Double betweennessAfter,
                             Boolean brokerRoleBefore, Boolean brokerRoleAfter, boolean illustrative) {}

    /** An actor of P named in the answer. */
    public record Member(String id, String label, String type) {}

    /** A piece of a component of P that splits off from its largest piece after the exit. */
    public record SplitOff(int size, List<Member> members, boolean illustrative) {}

    /**
     * @param bodiesLeft        the bodies m leaves, by id
     * @param bodiesEnded       of those, joint committees and agreements m hosted: they lose their host and end
     * @param areasLostByLeaver areas m covers before and not after
     * @param areasLostByOthers other parties that stop covering an area, by id
     * @param rankChanges       municipalities whose betweenness rank changed, by code
     */
    public record ExitImpact(LocalDate asOf, String code, String label, Leaving scope, String target, List<Form> forms,
                             List<BodyRef> bodiesLeft, List<BodyRef> bodiesEnded,
                             List<String> areasLostByLeaver, CoverageLoss leaverLoss, List<CoverageLoss> areasLostByOthers,
                             int actorsBefore, int actorsAfter,
                             int componentsBefore, int componentsAfter, int componentChange,
                             List<SplitOff> splitOff, List<Member> droppedOut,
                             List<String> articulationPointsBefore, List<String> articulationPointsAfter,
                             List<String> articulationPointsGained, List<String> articulationPointsLost,
                             List<RankChange> rankChanges, boolean restsOnIllustrative) {}

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
        return analyse(data, null, query);
    }

    /**
     * The same, with P of the date as the caller keeps it (the controller's cache): it is the "before" P when built
     * for the query's forms, and the "after" P is derived from it by taking away what the bodies left contributed
     * ({@link #afterExit}), rather than built again from every body.
     *
     * @param projection P of {@code data}, or null to build it
     */
    public ExitImpact analyse(CooperationData data, ActorProjection projection, Query query) {
        String m = query.code();
        if (!data.municipalities().containsKey(m) && !data.actors().containsKey(m)) {
            throw new IllegalArgumentException("exit impact: unknown municipality or actor '" + m + "'");
        }
        SortedMap<String, BodyInfo> leaving = leaving(data, query);

        List<BodyRef> left = new ArrayList<>();
        List<BodyRef> ended = new ArrayList<>();
        Set<String> endedIds = new java.util.HashSet<>();
        for (BodyInfo body : leaving.values()) {
            left.add(ref(body));
            if (ends(body, m)) {
                ended.add(ref(body)); // no host: cannot go on as it is
                endedIds.add(body.id());
            }
        }

        // Coverage before and after. Only a party of a body m leaves can stop covering an area, so only those parties'
        // coverage is computed (over every body of B, as AreaCoverage.byParty would for them), in party id order.
        Set<String> affected = new java.util.HashSet<>();
        leaving.values().forEach(b -> b.parties().stream().filter(p -> p.type() != PartyType.BODY)
                .forEach(p -> affected.add(p.partyId())));
        SortedMap<String, SortedSet<String>> coverBefore = new TreeMap<>();
        Map<String, SortedSet<String>> coverAfter = new HashMap<>();
        for (BodyInfo body : data.bodies().values()) {
            if (!query.forms().contains(body.form())) {
                continue;
            }
            boolean ends = endedIds.contains(body.id());
            boolean leftBody = leaving.containsKey(body.id());
            for (PartyInfo party : body.parties()) {
                String id = party.partyId();
                if (party.type() == PartyType.BODY || !affected.contains(id)) {
                    continue;
                }
                coverBefore.computeIfAbsent(id, k -> new TreeSet<>()).addAll(body.areas());
                if (!ends && !(leftBody && id.equals(m))) {
                    coverAfter.computeIfAbsent(id, k -> new TreeSet<>()).addAll(body.areas());
                }
            }
        }
        List<String> lostByLeaver = List.of();
        CoverageLoss leaverLoss = null;
        List<CoverageLoss> lostByOthers = new ArrayList<>();
        for (Map.Entry<String, SortedSet<String>> e : coverBefore.entrySet()) {
            SortedSet<String> lost = new TreeSet<>(e.getValue());
            lost.removeAll(coverAfter.getOrDefault(e.getKey(), new TreeSet<>()));
            if (lost.isEmpty()) {
                continue;
            }
            // the areas are lost through the bodies m leaves that covered them and the party was in
            String party = e.getKey();
            boolean invented = leaving.values().stream().anyMatch(b -> b.restsOnIllustrative() && b.hasParty(party)
                    && b.areas().stream().anyMatch(lost::contains));
            CoverageLoss loss = new CoverageLoss(party, NodeLabels.label(data, party), List.copyOf(lost), invented);
            if (party.equals(m)) {
                lostByLeaver = List.copyOf(lost);
                leaverLoss = loss;
            } else {
                lostByOthers.add(loss);
            }
        }

        // P before and after, each shared by components, cut points and betweenness.
        ActorProjection projected = projection != null && projection.forms().equals(query.forms())
                ? projection : ActorProjection.of(data, query.forms());
        IndexedGraph before = projected.actors();
        IndexedGraph afterP = afterExit(projected, leaving.values(), endedIds, m);
        int compBefore = components(before);
        int compAfter = components(afterP);
        SortedSet<String> cutBefore = cutpoints(before);
        SortedSet<String> cutAfter = cutpoints(afterP);
        SortedSet<String> gained = new TreeSet<>(cutAfter);
        gained.removeAll(cutBefore);
        SortedSet<String> lost = new TreeSet<>(cutBefore);
        lost.removeAll(cutAfter);

        Set<String> invented = new java.util.HashSet<>(); // parties of a body of B that rests on illustrative rows
        boolean restsOnIllustrative = false;
        for (BodyInfo body : data.bodies().values()) {
            if (query.forms().contains(body.form()) && body.restsOnIllustrative()) {
                restsOnIllustrative = true;
                body.parties().forEach(p -> invented.add(p.partyId()));
            }
        }
        List<Member> droppedOut = new ArrayList<>();
        for (int v = 0; v < before.vertexCount(); v++) {
            String id = before.id(v);
            if (!id.equals(m) && afterP.indexOf(id) < 0) {
                droppedOut.add(member(data, id));
            }
        }

        return new ExitImpact(data.asOf(), m, NodeLabels.label(data, m), query.scope(), query.target(),
                query.forms().stream().sorted().toList(), List.copyOf(left), List.copyOf(ended),
                lostByLeaver, leaverLoss, List.copyOf(lostByOthers),
                before.vertexCount(), afterP.vertexCount(), compBefore, compAfter, compAfter - compBefore,
                splitOff(data, before, afterP, invented), List.copyOf(droppedOut),
                List.copyOf(cutBefore), List.copyOf(cutAfter), List.copyOf(gained), List.copyOf(lost),
                rankChanges(data, before, afterP, query.pivots(), invented), restsOnIllustrative);
    }

    /**
     * The pieces that split off: every component of P after that is not the largest piece (on a tie, the one with
     * the lowest id) of the component of P before that holds it. Exits only remove rows, so each component after
     * lies within one component before. By size desc, then lowest id.
     */
    private static List<SplitOff> splitOff(CooperationData data, IndexedGraph before, IndexedGraph after,
                                           Set<String> invented) {
        int[] compBefore = new ConnectedComponents().compute(before);
        int[] compAfter = new ConnectedComponents().compute(after);
        SortedMap<Integer, SortedSet<String>> pieces = new TreeMap<>();
        for (int v = 0; v < after.vertexCount(); v++) {
            pieces.computeIfAbsent(compAfter[v], k -> new TreeSet<>()).add(after.id(v));
        }
        Map<Integer, List<SortedSet<String>>> byOrigin = new TreeMap<>();
        for (SortedSet<String> piece : pieces.values()) {
            int origin = compBefore[before.indexOf(piece.first())];
            byOrigin.computeIfAbsent(origin, k -> new ArrayList<>()).add(piece);
        }
        java.util.Comparator<SortedSet<String>> largestFirst = java.util.Comparator
                .comparingInt((SortedSet<String> p) -> p.size()).reversed().thenComparing(SortedSet::first);
        List<SortedSet<String>> split = new ArrayList<>();
        for (List<SortedSet<String>> group : byOrigin.values()) {
            group.sort(largestFirst);
            split.addAll(group.subList(1, group.size()));
        }
        split.sort(largestFirst);
        return split.stream().map(piece -> new SplitOff(piece.size(),
                piece.stream().map(id -> member(data, id)).toList(),
                piece.stream().anyMatch(invented::contains))).toList();
    }

    /** A joint committee or agreement m hosts ends when m leaves it. */
    private static boolean ends(BodyInfo body, String m) {
        return body.form().requiresHost() && body.partiesWithRole(PartyRole.HOST).anyMatch(p -> p.partyId().equals(m));
    }

    /**
     * P after the exit, from P before: each body left takes away one from the weight of every pair of its actors that
     * it no longer joins (all its pairs when it ends, else m's pairs), and an actor left with no body of B is no
     * longer a vertex. The same graph as {@link ActorProjection#of} over the bodies after (ids, edges and weights;
     * ExitImpactAnalysisTest holds the two equal), in time proportional to P plus the pairs of the bodies left,
     * where building P again reads every body.
     *
     * @param leaving the bodies m leaves (of B), as before the exit
     * @param ended   the ids of those that end
     */
    static IndexedGraph afterExit(ActorProjection before, java.util.Collection<BodyInfo> leaving, Set<String> ended,
                                  String m) {
        IndexedGraph g = before.actors();
        int n = g.vertexCount();
        int mIndex = g.indexOf(m);
        Map<Long, Integer> lostWeight = new HashMap<>();
        int[] bodiesLost = new int[n];
        for (BodyInfo body : leaving) {
            // the body's actors in P: its neighbours in the bipartite graph, ascending ids, so ascending indices
            IndexedGraph bipartite = before.bipartite();
            int[] members = java.util.Arrays.stream(bipartite.neighbours(bipartite.indexOf(body.id())))
                    .map(a -> g.indexOf(bipartite.id(a))).toArray();
            if (ended.contains(body.id())) {
                for (int i = 0; i < members.length; i++) {
                    bodiesLost[members[i]]++;
                    for (int j = i + 1; j < members.length; j++) {
                        lostWeight.merge((long) members[i] * n + members[j], 1, Integer::sum);
                    }
                }
            } else if (mIndex >= 0 && java.util.Arrays.binarySearch(members, mIndex) >= 0) {
                bodiesLost[mIndex]++;
                for (int x : members) {
                    if (x != mIndex) {
                        lostWeight.merge((long) Math.min(x, mIndex) * n + Math.max(x, mIndex), 1, Integer::sum);
                    }
                }
            }
        }
        int[] newIndex = new int[n];
        List<String> ids = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            boolean stays = bodiesLost[v] == 0
                    || before.bipartite().degree(before.bipartite().indexOf(g.id(v))) > bodiesLost[v];
            newIndex[v] = stays ? ids.size() : -1;
            if (stays) {
                ids.add(g.id(v));
            }
        }
        int[] src = new int[g.edgeCount()];
        int[] dst = new int[g.edgeCount()];
        double[] w = new double[g.edgeCount()];
        int edges = 0;
        for (int u = 0; u < n; u++) {
            for (int v : g.neighbours(u)) {
                if (v > u) {
                    double weight = g.weight(u, v) - lostWeight.getOrDefault((long) u * n + v, 0);
                    if (weight > 0) {
                        src[edges] = newIndex[u];
                        dst[edges] = newIndex[v];
                        w[edges++] = weight;
                    }
                }
            }
        }
        return IndexedGraph.fromEdges(ids.toArray(String[]::new), java.util.Arrays.copyOf(src, edges),
                java.util.Arrays.copyOf(dst, edges), java.util.Arrays.copyOf(w, edges));
    }

    private static Member member(CooperationData data, String id) {
        return new Member(id, NodeLabels.label(data, id), NodeLabels.type(data, id));
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

    /** Betweenness within this of 0 is no broker role (the tolerance of tied values, domain.md item 2). */
    private static final double NO_BROKER = 1e-9;

    private List<RankChange> rankChanges(CooperationData data, IndexedGraph before, IndexedGraph after,
                                                Integer pivots, Set<String> invented) {
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
            Boolean brokerBefore = broker(bBefore.get(code));
            Boolean brokerAfter = broker(bAfter.get(code));
            Integer rb = Boolean.TRUE.equals(brokerBefore) ? rBefore.get(code) : null;
            Integer ra = Boolean.TRUE.equals(brokerAfter) ? rAfter.get(code) : null;
            if (!java.util.Objects.equals(rb, ra) || !java.util.Objects.equals(brokerBefore, brokerAfter)) {
                changes.add(new RankChange(code, NodeLabels.label(data, code), rb, ra, bBefore.get(code),
                        bAfter.get(code), brokerBefore, brokerAfter, invented.contains(code)));
            }
        }
        return List.copyOf(changes);
    }

    /** null where not a vertex of P; else whether its betweenness is above 0. */
    private static Boolean broker(Double betweenness) {
        return betweenness == null ? null : betweenness > NO_BROKER;
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
        return new BodyRef(body.id(), body.name(), body.form(), body.restsOnIllustrative());
    }
}
