package se.samverkansvaven.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
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
        IndexedGraph bipartite = projection.bipartite();
        // The actor's bodies once, each partner's intersected with them (both ascending indices, so ascending ids).
        int[] bodiesOfActor = bodiesOf(bipartite, actor);
        for (int v : p.neighbours(u)) {
            String other = p.id(v);
            int[] shared = intersection(bodiesOfActor, bodiesOf(bipartite, other));
            List<String> sharedIds = new ArrayList<>(shared.length);
            boolean illustrative = false;
            for (int body : shared) {
                sharedIds.add(bipartite.id(body));
                illustrative |= projection.bodyAt(body).restsOnIllustrative();
            }
            SortedSet<String> areas = areasOf(projection, shared);
            partners.add(new Partner(other, NodeLabels.label(data, other), NodeLabels.type(data, other),
                    shared.length, areas.size(), List.copyOf(sharedIds), List.copyOf(areas), illustrative));
        }
        partners.sort(BY_WEIGHT_THEN_ID);
        return List.copyOf(partners);
    }

    /** Multiplexity of the pair u, v: distinct service areas of the bodies of B both are parties to. */
    static int multiplexity(ActorProjection projection, String u, String v) {
        IndexedGraph bipartite = projection.bipartite();
        return areasOf(projection, intersection(bodiesOf(bipartite, u), bodiesOf(bipartite, v))).size();
    }

    private static int[] bodiesOf(IndexedGraph bipartite, String actor) {
        int a = bipartite.indexOf(actor);
        return a < 0 ? new int[0] : bipartite.neighbours(a);
    }

    /** The vertices in both ascending index lists, ascending (so their ids ascend too). */
    private static int[] intersection(int[] a, int[] b) {
        int[] both = new int[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                both[n++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(both, n);
    }

    private static SortedSet<String> areasOf(ActorProjection projection, int[] bodies) {
        SortedSet<String> areas = new TreeSet<>();
        for (int body : bodies) {
            areas.addAll(projection.bodyAt(body).areas());
        }
        return areas;
    }
}
