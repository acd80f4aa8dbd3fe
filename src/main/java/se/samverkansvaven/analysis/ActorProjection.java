package se.samverkansvaven.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.analysis.data.CooperationData;

/**
 * The cooperation web of domain.md item 1 for one date and set of forms: the bipartite actor–body graph and
 * its weighted projection P onto actors. Actors are the municipalities and REGION actors party to at least
 * one body of B; vertices are added in ascending id order so every traversal is deterministic.
 *
 * @param bodies    the bodies of B (active on the date, in the chosen forms), by id
 * @param bipartite actor–body edges; vertices are actor ids/codes and body ids
 * @param actors    P: actors linked with weight = number of bodies of B both are parties to
 */
public record ActorProjection(
        Set<Form> forms,
        SortedMap<String, BodyInfo> bodies,
        Graph<String, DefaultEdge> bipartite,
        Graph<String, DefaultWeightedEdge> actors) {

    /** Builds B, the bipartite graph and P from the data of one date. */
    public static ActorProjection of(CooperationData data, Set<Form> forms) {
        // A copy of the sorted map is linear (TreeMap builds it from sorted input); inserting one by one was not.
        TreeMap<String, BodyInfo> bodies = new TreeMap<>(data.bodies());
        bodies.values().removeIf(body -> !forms.contains(body.form()));
        List<List<String>> actorsOfBody = new ArrayList<>(bodies.size()); // in the order of bodies
        Set<String> actorSet = new HashSet<>();
        for (BodyInfo body : bodies.values()) {
            List<String> parties = new ArrayList<>();
            for (PartyInfo party : body.parties()) {
                if (isProjectedActor(data, party)) {
                    parties.add(party.partyId());
                    actorSet.add(party.partyId());
                }
            }
            parties.sort(Comparator.naturalOrder());
            actorsOfBody.add(parties);
        }
        TreeSet<String> actorIds = new TreeSet<>(actorSet);

        // The two graphs are independent: build the bipartite one beside P (at 100,000 municipalities each
        // takes seconds of JGraphT insertions; 2 cores here).
        CompletableFuture<Graph<String, DefaultEdge>> bipartite =
                CompletableFuture.supplyAsync(() -> bipartite(actorIds, bodies.keySet(), actorsOfBody));
        Graph<String, DefaultWeightedEdge> projection = projection(actorIds, actorsOfBody);
        return new ActorProjection(Set.copyOf(forms), bodies, bipartite.join(), projection);
    }

    /** The part of P among the given actors (the induced subgraph), as a new graph. */
    public Graph<String, DefaultWeightedEdge> induced(Collection<String> scope) {
        Graph<String, DefaultWeightedEdge> sub = GraphTypeBuilder.<String, DefaultWeightedEdge>undirected()
                .weighted(true).allowingMultipleEdges(false).allowingSelfLoops(false)
                .edgeClass(DefaultWeightedEdge.class).buildGraph();
        new TreeSet<>(scope).stream().filter(actors::containsVertex).forEach(sub::addVertex);
        for (String u : sub.vertexSet()) {
            for (DefaultWeightedEdge e : actors.edgesOf(u)) {
                String v = actors.getEdgeTarget(e).equals(u) ? actors.getEdgeSource(e) : actors.getEdgeTarget(e);
                if (u.compareTo(v) < 0 && sub.containsVertex(v)) {
                    sub.setEdgeWeight(sub.addEdge(u, v), actors.getEdgeWeight(e));
                }
            }
        }
        return sub;
    }

    private static boolean isProjectedActor(CooperationData data, PartyInfo party) {
        if (party.type() == PartyType.MUNICIPALITY) {
            return true;
        }
        if (party.type() == PartyType.ACTOR) {
            var actor = data.actors().get(party.partyId());
            return actor != null && actor.kind() == ActorKind.REGION;
        }
        return false;
    }

    private static Graph<String, DefaultEdge> bipartite(Collection<String> actorIds, Collection<String> bodyIds,
            List<List<String>> actorsOfBody) {
        Graph<String, DefaultEdge> bipartite = new SimpleGraph<>(DefaultEdge.class);
        actorIds.forEach(bipartite::addVertex);
        bodyIds.forEach(bipartite::addVertex);
        int b = 0;
        for (String bodyId : bodyIds) {
            for (String actor : actorsOfBody.get(b)) {
                bipartite.addEdge(actor, bodyId);
            }
            b++;
        }
        return bipartite;
    }

    /**
     * P: the weight of u–v is the number of bodies both are parties to. Counted first over int indices (for each
     * actor, a counter per co-party), then each edge is added to JGraphT once with its weight, in the order the
     * pairs first occur over the bodies in id order, so edge order (and everything that iterates it) is the same
     * as adding the pairs body by body: 4 times fewer JGraphT calls at L than adding 1 per pair and body.
     */
    private static Graph<String, DefaultWeightedEdge> projection(TreeSet<String> actorIds,
            List<List<String>> actorsOfBody) {
        String[] ids = actorIds.toArray(String[]::new);
        Map<String, Integer> index = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
        }
        int[][] members = new int[actorsOfBody.size()][];
        int b = 0;
        for (List<String> parties : actorsOfBody) {
            // sorted ids give ascending indices; a party listed twice counts once
            members[b++] = parties.stream().mapToInt(index::get).distinct().toArray();
        }
        int n = ids.length;
        int[] bodyStart = new int[n + 1];
        for (int[] m : members) {
            for (int a : m) {
                bodyStart[a + 1]++;
            }
        }
        for (int a = 0; a < n; a++) {
            bodyStart[a + 1] += bodyStart[a];
        }
        int[] bodiesOf = new int[bodyStart[n]];
        int[] fill = Arrays.copyOf(bodyStart, n);
        for (int body = 0; body < members.length; body++) {
            for (int a : members[body]) {
                bodiesOf[fill[a]++] = body;
            }
        }
        // per actor u, its co-parties v > u (ascending) with their counts
        int[] neighbourStart = new int[n + 1];
        int[] neighbours = new int[16];
        int[] weights = new int[16];
        int size = 0;
        int[] count = new int[n];
        int[] touched = new int[n];
        for (int u = 0; u < n; u++) {
            int t = 0;
            for (int k = bodyStart[u]; k < bodyStart[u + 1]; k++) {
                for (int v : members[bodiesOf[k]]) {
                    if (v > u && count[v]++ == 0) {
                        touched[t++] = v;
                    }
                }
            }
            Arrays.sort(touched, 0, t);
            if (size + t > neighbours.length) {
                int capacity = Math.max(size + t, neighbours.length * 2);
                neighbours = Arrays.copyOf(neighbours, capacity);
                weights = Arrays.copyOf(weights, capacity);
            }
            for (int i = 0; i < t; i++) {
                neighbours[size] = touched[i];
                weights[size++] = count[touched[i]];
                count[touched[i]] = 0;
            }
            neighbourStart[u + 1] = size;
        }
        Graph<String, DefaultWeightedEdge> projection = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        actorIds.forEach(projection::addVertex);
        boolean[] added = new boolean[size];
        for (int[] m : members) {
            for (int i = 0; i < m.length; i++) {
                for (int j = i + 1; j < m.length; j++) {
                    int at = Arrays.binarySearch(neighbours, neighbourStart[m[i]], neighbourStart[m[i] + 1], m[j]);
                    if (!added[at]) {
                        added[at] = true;
                        projection.setEdgeWeight(projection.addEdge(ids[m[i]], ids[m[j]]), weights[at]);
                    }
                }
            }
        }
        return projection;
    }
}
