package se.samverkansvaven.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import se.samverkansvaven.analysis.PartnerWeights.Partner;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.PartyRole;
import se.samverkansvaven.graph.IndexedGraph;

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
        IndexedGraph bipartite = projection.bipartite();
        boolean covered = data.municipalities().containsKey(ego) && data.covered(ego, query.forms());
        int egoVertex = bipartite.indexOf(ego);

        // Breadth-first over int indices: order[] holds the vertices reached, distance[] their hops (-1: not reached).
        int[] order = new int[16];
        int reached = 0;
        int[] distance = null;
        if (egoVertex >= 0) {
            distance = new int[bipartite.vertexCount()];
            Arrays.fill(distance, -1);
            distance[egoVertex] = 0;
            order[reached++] = egoVertex;
            int maxSteps = 2 * query.depth();
            for (int head = 0; head < reached; head++) {
                int v = order[head];
                int d = distance[v];
                if (d == maxSteps) {
                    continue;
                }
                for (int k = 0, degree = bipartite.degree(v); k < degree; k++) {
                    int w = bipartite.neighbour(v, k);
                    if (distance[w] < 0) {
                        distance[w] = d + 1;
                        if (reached == order.length) {
                            order = Arrays.copyOf(order, reached * 2);
                        }
                        order[reached++] = w;
                    }
                }
            }
        }

        // The vertices reached in ascending index, which is ascending id: the order of edges and, per distance, of
        // nodes, so neither is sorted as objects.
        int[] byId = Arrays.copyOf(order, reached);
        Arrays.sort(byId);
        // Edges by source, then target: each actor's bodies in ascending order, a party's rows in a body in the
        // body's order. The bodies are the vertices at odd distance (B is bipartite, the ego an actor). Each is at
        // most 2k - 1 steps away, so every actor of it is reached too, and its party rows in B are those of its
        // neighbours.
        List<Element<Edge>> edges = new ArrayList<>();
        BitSet hosts = new BitSet();
        for (int i = 0; i < reached; i++) {
            int a = byId[i];
            if (projection.bodyAt(a) != null) {
                continue;
            }
            String actor = bipartite.id(a);
            for (int k = 0, degree = bipartite.degree(a); k < degree; k++) {
                int b = bipartite.neighbour(a, k);
                if (distance[b] < 0) {
                    continue; // a body beyond the web, of an actor at its edge
                }
                BodyInfo body = projection.bodyAt(b);
                for (PartyInfo party : body.parties()) {
                    if (party.partyId().equals(actor)) {
                        edges.add(new Element<>(new Edge(actor + "->" + body.id(), actor, body.id(), party.role(),
                                body.illustrative() || party.illustrative())));
                        if (party.role() == PartyRole.HOST) {
                            hosts.set(a);
                        }
                    }
                }
            }
        }

        // Nodes by distance, then id.
        List<Element<Node>> nodes = new ArrayList<>(Math.max(1, reached));
        if (egoVertex < 0) {
            nodes.add(new Element<>(actorNode(data, ego, false, 0)));
        }
        for (int d = 0; d <= 2 * query.depth(); d++) {
            for (int i = 0; i < reached; i++) {
                int v = byId[i];
                if (distance[v] != d) {
                    continue;
                }
                BodyInfo body = projection.bodyAt(v);
                nodes.add(new Element<>(body != null
                        ? new Node(body.id(), body.name(), NodeLabels.BODY, body.form(), false,
                                List.copyOf(body.areas()), body.illustrative(), d)
                        : actorNode(data, bipartite.id(v), hosts.get(v), d)));
            }
        }

        return new EgoWeb(data.asOf(), ego, NodeLabels.label(data, ego), query.depth(),
                query.forms().stream().sorted().toList(), List.copyOf(nodes), List.copyOf(edges),
                PartnerWeights.partnersOf(data, projection, ego), covered, !covered && egoVertex < 0);
    }

    private static Node actorNode(CooperationData data, String id, boolean host, int distance) {
        return new Node(id, NodeLabels.label(data, id), NodeLabels.type(data, id), null, host, List.of(),
                data.actors().containsKey(id) && data.actors().get(id).illustrative(), distance);
    }
}
