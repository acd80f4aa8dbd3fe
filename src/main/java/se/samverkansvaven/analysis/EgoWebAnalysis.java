package se.samverkansvaven.analysis;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultEdge;
import se.samverkansvaven.analysis.PartnerWeights.Partner;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.PartyRole;

/**
 * The ego web of domain.md item 1: the part of the bipartite actor–body graph of B reachable from m in 2k
 * steps (k = depth, 1 or 2), i.e. the subgraph induced by every vertex within distance 2k of m, plus m's
 * partners in P with weight and multiplexity. Nodes and edges come wrapped as Cytoscape.js elements
 * ({@code {data: {...}}}), so the page can hand {@code nodes} and {@code edges} to Cytoscape as they are.
 *
 * <p>Because the bipartite graph only holds municipalities, REGION actors and bodies of B, other actors
 * (agencies, academia) and networks taking part in initiatives do not appear, exactly as in P.
 */
public final class EgoWebAnalysis implements CooperationAnalysis<EgoWebAnalysis.Query, EgoWebAnalysis.EgoWeb> {

    /**
     * @param code  the ego: a municipality code (a REGION actor id works too)
     * @param depth k, 1 (m's bodies and their parties) or 2 (and their bodies and parties)
     * @param forms the forms of B; null or empty means {@link Form#DEFAULT_ANALYSIS_FORMS}
     */
    public record Query(String code, int depth, Set<Form> forms) {
        public Query {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("ego web: a municipality code is required");
            }
            if (depth != 1 && depth != 2) {
                throw new IllegalArgumentException("ego web: depth must be 1 or 2, was " + depth);
            }
            forms = forms == null || forms.isEmpty() ? Form.DEFAULT_ANALYSIS_FORMS : Set.copyOf(EnumSet.copyOf(forms));
        }
    }

    /** A Cytoscape.js element: Cytoscape reads its fields from {@code data}. */
    public record Element<T>(T data) {}

    /**
     * @param type         municipality, region or body
     * @param form         a body's form, null for actors
     * @param host         an actor that is HOST of at least one body shown; always false for bodies
     * @param areas        a body's service areas; empty for actors
     * @param illustrative a body whose source is 'illustrative' (actors carry no such flag in CooperationData)
     * @param distance     hops from the ego in the bipartite graph (0 = the ego, odd = bodies)
     */
    public record Node(String id, String label, String type, Form form, boolean host, List<String> areas,
                       boolean illustrative, int distance) {}

    /** Actor (source) to body (target) with the actor's role; illustrative when the body or the party row is. */
    public record Edge(String id, String source, String target, PartyRole role, boolean illustrative) {}

    /**
     * @param nodes    by distance, then id
     * @param edges    by source, then target
     * @param partners m's partners in P (depth 1, whatever the depth asked), weight desc then id
     * @param covered  the ego is a municipality covered for the forms on the date (domain.md item 8): its bodies
     *                 of these forms are all here, and an empty web means "cooperates with nobody in them"
     * @param noData   the ego is not covered and no body of these forms is known for it: the data says nothing
     *                 about its cooperation, which is never "none" (the page says "no data yet")
     */
    public record EgoWeb(LocalDate asOf, String code, String label, int depth, List<Form> forms,
                         List<Element<Node>> nodes, List<Element<Edge>> edges, List<Partner> partners,
                         boolean covered, boolean noData) {}

    /** By source, then target; written out rather than as a comparator chain, which cost more than the sort. */
    private static final Comparator<Edge> EDGE_ORDER = (a, b) -> {
        int bySource = a.source().compareTo(b.source());
        return bySource != 0 ? bySource : a.target().compareTo(b.target());
    };

    /** By distance, then id. */
    private static final Comparator<Node> NODE_ORDER = (a, b) -> {
        int byDistance = Integer.compare(a.distance(), b.distance());
        return byDistance != 0 ? byDistance : a.id().compareTo(b.id());
    };

    @Override
    public EgoWeb analyse(CooperationData data, Query query) {
        return analyse(data, ActorProjection.of(data, query.forms()), query);
    }

    /** The same, on a projection of {@code data} for the query's forms that the caller already holds. */
    public EgoWeb analyse(CooperationData data, ActorProjection projection, Query query) {
        if (!projection.forms().equals(query.forms())) {
            throw new IllegalArgumentException("ego web: the projection is for forms " + projection.forms()
                    + ", the query asks for " + query.forms());
        }
        String ego = query.code();
        boolean known = data.municipalities().containsKey(ego) || data.actors().containsKey(ego);
        if (!known) {
            throw new IllegalArgumentException("ego web: unknown municipality or actor '" + ego + "'");
        }
        Graph<String, DefaultEdge> bipartite = projection.bipartite();
        boolean covered = data.municipalities().containsKey(ego) && data.covered(ego, query.forms());

        Map<String, Integer> distance = new HashMap<>();
        distance.put(ego, 0);
        if (bipartite.containsVertex(ego)) {
            int maxSteps = 2 * query.depth();
            Deque<String> queue = new ArrayDeque<>(List.of(ego));
            while (!queue.isEmpty()) {
                String v = queue.removeFirst();
                int d = distance.get(v);
                if (d == maxSteps) {
                    continue;
                }
                // Distances do not depend on the order neighbours are visited in, and nodes and edges are sorted
                // below, so no sorting here (it was the largest part of a depth-2 web's cost).
                for (DefaultEdge e : bipartite.edgesOf(v)) {
                    String w = Graphs.getOppositeVertex(bipartite, e, v);
                    if (distance.putIfAbsent(w, d + 1) == null) {
                        queue.addLast(w);
                    }
                }
            }
        }

        // B is bipartite and the ego an actor, so the bodies are the vertices at odd distance: each is looked up
        // once in the sorted map of bodies (a comparator per step), actors not at all.
        Map<String, BodyInfo> shown = new HashMap<>();
        distance.forEach((id, d) -> {
            if ((d & 1) == 1) {
                shown.put(id, projection.bodies().get(id));
            }
        });
        List<Edge> edges = new ArrayList<>();
        Set<String> hosts = new TreeSet<>();
        for (BodyInfo body : shown.values()) {
            for (PartyInfo party : body.parties()) {
                if (distance.containsKey(party.partyId()) && bipartite.containsEdge(party.partyId(), body.id())) {
                    edges.add(new Edge(party.partyId() + "->" + body.id(), party.partyId(), body.id(), party.role(),
                            body.illustrative() || party.illustrative()));
                    if (party.role() == PartyRole.HOST) {
                        hosts.add(party.partyId());
                    }
                }
            }
        }
        edges.sort(EDGE_ORDER);

        List<Node> nodes = new ArrayList<>();
        distance.forEach((id, d) -> {
            BodyInfo body = shown.get(id);
            if (body != null) {
                nodes.add(new Node(id, body.name(), NodeLabels.BODY, body.form(), false, List.copyOf(body.areas()),
                        body.illustrative(), d));
            } else {
                nodes.add(new Node(id, NodeLabels.label(data, id), NodeLabels.type(data, id), null, hosts.contains(id),
                        List.of(), data.actors().containsKey(id) && data.actors().get(id).illustrative(), d));
            }
        });
        nodes.sort(NODE_ORDER);

        return new EgoWeb(data.asOf(), ego, NodeLabels.label(data, ego), query.depth(),
                query.forms().stream().sorted().toList(),
                nodes.stream().map(Element::new).toList(), edges.stream().map(Element::new).toList(),
                PartnerWeights.partnersOf(data, projection, ego), covered,
                !covered && !bipartite.containsVertex(ego));
    }
}
