package se.samverkansvaven.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import se.samverkansvaven.analysis.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.CooperationData.PartyType;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;

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
        SortedMap<String, BodyInfo> bodies = new TreeMap<>();
        data.bodies().forEach((id, body) -> {
            if (forms.contains(body.form())) {
                bodies.put(id, body);
            }
        });
        SortedMap<String, List<String>> actorsOfBody = new TreeMap<>();
        TreeSet<String> actorIds = new TreeSet<>();
        for (BodyInfo body : bodies.values()) {
            List<String> parties = new ArrayList<>();
            for (PartyInfo party : body.parties()) {
                if (isProjectedActor(data, party)) {
                    parties.add(party.partyId());
                    actorIds.add(party.partyId());
                }
            }
            parties.sort(Comparator.naturalOrder());
            actorsOfBody.put(body.id(), parties);
        }

        Graph<String, DefaultEdge> bipartite = new SimpleGraph<>(DefaultEdge.class);
        Graph<String, DefaultWeightedEdge> projection = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        actorIds.forEach(bipartite::addVertex);
        actorIds.forEach(projection::addVertex);
        bodies.keySet().forEach(bipartite::addVertex);
        actorsOfBody.forEach((bodyId, parties) -> {
            for (int i = 0; i < parties.size(); i++) {
                bipartite.addEdge(parties.get(i), bodyId);
                for (int j = i + 1; j < parties.size(); j++) {
                    addWeight(projection, parties.get(i), parties.get(j));
                }
            }
        });
        return new ActorProjection(Set.copyOf(forms), bodies, bipartite, projection);
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

    private static void addWeight(Graph<String, DefaultWeightedEdge> graph, String u, String v) {
        DefaultWeightedEdge edge = graph.getEdge(u, v);
        if (edge == null) {
            graph.setEdgeWeight(graph.addEdge(u, v), 1.0);
        } else {
            graph.setEdgeWeight(edge, graph.getEdgeWeight(edge) + 1.0);
        }
    }
}
