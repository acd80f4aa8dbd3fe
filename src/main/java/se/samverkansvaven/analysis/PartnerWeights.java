package se.samverkansvaven.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultEdge;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.graph.IndexedGraph;

/**
 * Partners of an actor in P with their weight w(u,v) (bodies of B both are parties to) and multiplexity
 * (distinct service areas of those bodies), domain.md item 1. Shared by the ego web and any other analysis
 * that lists partners.
 */
final class PartnerWeights {

    /**
     * @param weight        w(u,v), the number of bodies of B both are parties to
     * @param multiplexity  number of distinct service areas of those bodies
     * @param sharedBodies  ids of those bodies, ascending
     * @param sharedAreas   their areas, ascending (multiplexity = its size)
     * @param illustrative  one of the shared bodies (or one of the two parties' rows in it) is illustrative
     */
    public record Partner(String id, String label, String type, int weight, int multiplexity,
                          List<String> sharedBodies, List<String> sharedAreas, boolean illustrative) {}

    /** Weight desc, then id: the order every partner list uses. */
    static final Comparator<Partner> BY_WEIGHT_THEN_ID =
            Comparator.comparingInt(Partner::weight).reversed().thenComparing(Partner::id);

    private PartnerWeights() {}

    /** Every partner of {@code actor} in P, heaviest first; empty when the actor is not in P. */
    static List<Partner> partnersOf(CooperationData data, ActorProjection projection, String actor) {
        IndexedGraph p = projection.actors();
        int u = p.indexOf(actor);
        if (u < 0) {
            return List.of();
        }
        List<Partner> partners = new ArrayList<>();
        Graph<String, DefaultEdge> bipartite = projection.bipartite();
        // The actor's bodies once, each partner checked against them: building the partner's own body set each
        // time cost the most for the partners with many bodies (a region).
        List<String> bodiesOfActor = bipartite.containsVertex(actor) ? Graphs.neighborListOf(bipartite, actor) : List.of();
        for (int v : p.neighbours(u)) {
            String other = p.id(v);
            SortedSet<String> shared = new TreeSet<>();
            if (bipartite.containsVertex(other)) {
                for (String body : bodiesOfActor) {
                    if (bipartite.containsEdge(other, body)) {
                        shared.add(body);
                    }
                }
            }
            SortedSet<String> areas = areasOf(projection, shared);
            partners.add(new Partner(other, NodeLabels.label(data, other), NodeLabels.type(data, other),
                    shared.size(), areas.size(), List.copyOf(shared), List.copyOf(areas),
                    shared.stream().anyMatch(id -> projection.bodies().get(id).restsOnIllustrative())));
        }
        partners.sort(BY_WEIGHT_THEN_ID);
        return List.copyOf(partners);
    }

    /** The bodies of B that both u and v are parties to (w(u,v) is its size). */
    static SortedSet<String> sharedBodies(ActorProjection projection, String u, String v) {
        SortedSet<String> shared = new TreeSet<>();
        if (!projection.bipartite().containsVertex(u) || !projection.bipartite().containsVertex(v)) {
            return shared;
        }
        shared.addAll(Graphs.neighborSetOf(projection.bipartite(), u));
        shared.retainAll(Graphs.neighborSetOf(projection.bipartite(), v));
        return shared;
    }

    /** Multiplexity of the pair u, v: distinct service areas of the bodies of B both are parties to. */
    static int multiplexity(ActorProjection projection, String u, String v) {
        return areasOf(projection, sharedBodies(projection, u, v)).size();
    }

    private static SortedSet<String> areasOf(ActorProjection projection, SortedSet<String> bodyIds) {
        SortedSet<String> areas = new TreeSet<>();
        bodyIds.forEach(id -> areas.addAll(projection.bodies().get(id).areas()));
        return areas;
    }
}
