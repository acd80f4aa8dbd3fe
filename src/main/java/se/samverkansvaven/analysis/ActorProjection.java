package se.samverkansvaven.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.graph.IndexedGraph;

/**
 * The cooperation web of domain.md item 1 for one date and set of forms: the bipartite actor–body graph and
 * its weighted projection P onto actors. Actors are the municipalities and REGION actors party to at least
 * one body of B; vertices are added in ascending id order so every traversal is deterministic.
 *
 * @param bodies    the bodies of B (active on the date, in the chosen forms), by id
 * @param bipartite actor–body edges as a CSR view; vertices are the actor ids/codes and body ids together, ascending,
 *                  so the order of indices is the order of ids
 * @param actors    P: actors linked with weight = number of bodies of B both are parties to, as the CSR view the
 *                  graph algorithms read (built directly, not copied from a JGraphT graph)
 * @param bodyAtVertex for each vertex of {@code bipartite}, its body, or null for an actor: what a walk over the
 *                  indices reads instead of looking each body up by id
 */
public record ActorProjection(
        Set<Form> forms,
        SortedMap<String, BodyInfo> bodies,
        IndexedGraph bipartite,
        IndexedGraph actors,
        List<BodyInfo> bodyAtVertex) {

    private ActorProjection(Set<Form> forms, SortedMap<String, BodyInfo> bodies, IndexedGraph bipartite,
            IndexedGraph actors) {
        this(Set.copyOf(forms), bodies, bipartite, actors, bodyAtVertex(bodies, bipartite));
    }

    /** The body at a vertex of {@link #bipartite()}, or null when the vertex is an actor. */
    public BodyInfo bodyAt(int vertex) {
        return bodyAtVertex.get(vertex);
    }

    /** The bodies in id order met with the vertices in index order, which is id order too: linear, no look-ups. */
    private static List<BodyInfo> bodyAtVertex(SortedMap<String, BodyInfo> bodies, IndexedGraph bipartite) {
        BodyInfo[] at = new BodyInfo[bipartite.vertexCount()];
        int v = 0;
        for (BodyInfo body : bodies.values()) {
            while (!bipartite.id(v).equals(body.id())) {
                v++;
            }
            at[v++] = body;
        }
        return Collections.unmodifiableList(Arrays.asList(at));
    }

    /** Builds B, the bipartite graph and P from the data of one date, on the cores the JVM sees (at most 2). */
    public static ActorProjection of(CooperationData data, Set<Form> forms) {
        return of(data, forms, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Builds B, the bipartite graph and P on up to {@code parallelism} threads (the application's
     * {@code samverkansvaven.analysis.parallelism}): with 2 or more the bipartite graph is built on a second thread
     * beside P, with 1 both on the caller's. Each graph is built by one thread in the same order either way, so the
     * result is the same for every parallelism.
     */
    public static ActorProjection of(CooperationData data, Set<Form> forms, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("the parallelism must be at least 1, was " + parallelism);
        }
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

        if (parallelism == 1) {
            return new ActorProjection(forms, bodies, bipartite(actorIds, bodies.keySet(), actorsOfBody),
                    projection(actorIds, actorsOfBody));
        }
        // The two graphs are independent: the bipartite one is built beside P.
        Beside<IndexedGraph> bipartite =
                new Beside<>("projection-bipartite", () -> bipartite(actorIds, bodies.keySet(), actorsOfBody));
        IndexedGraph projection = projection(actorIds, actorsOfBody);
        return new ActorProjection(forms, bodies, bipartite.join(), projection);
    }

    /** A value computed on a platform thread of its own (not a shared pool, where it could wait behind others). */
    private static final class Beside<T> {
        private final Thread thread;
        private T value;
        private Throwable failure;

        Beside(String name, java.util.function.Supplier<T> work) {
            thread = Thread.ofPlatform().name(name).daemon().start(() -> {
                try {
                    value = work.get();
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
            });
        }

        T join() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building the projection", e);
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return value;
        }
    }

    /** The part of P among the given actors (the induced subgraph); actors that are not in P are left out. */
    public IndexedGraph induced(Collection<String> scope) {
        return actors.induced(scope);
    }

    /**
     * P induced on the scope, built from the bodies of B directly rather than from the whole of P: the same graph as
     * {@code of(data, forms).induced(scope)} (its vertices are the scope's actors that are party to a body of B, its
     * edges the pairs of them that share a body, weighted by how many), for a caller that needs only the scope's
     * part, such as a scenario's comparison. O(Σ parties of B + the scope's part of P).
     */
    public static IndexedGraph induced(CooperationData data, Set<Form> forms, Collection<String> scope) {
        Set<String> kept = new HashSet<>(scope);
        List<List<String>> actorsOfBody = new ArrayList<>();
        TreeSet<String> actorIds = new TreeSet<>();
        for (BodyInfo body : data.bodies().values()) {
            if (!forms.contains(body.form())) {
                continue;
            }
            List<String> parties = new ArrayList<>();
            for (PartyInfo party : body.parties()) {
                if (kept.contains(party.partyId()) && isProjectedActor(data, party)) {
                    parties.add(party.partyId());
                    actorIds.add(party.partyId());
                }
            }
            if (parties.size() > 1) {
                parties.sort(Comparator.naturalOrder());
                actorsOfBody.add(parties);
            }
        }
        return projection(actorIds, actorsOfBody);
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

    /**
     * The bipartite graph over the actor and body ids merged in ascending order, so that sorting by index sorts by
     * id; a party listed twice for one body is one edge.
     *
     * @throws IllegalStateException when a body has the id of an actor (they would be one vertex)
     */
    private static IndexedGraph bipartite(Collection<String> actorIds, Collection<String> bodyIds,
            List<List<String>> actorsOfBody) {
        String[] ids = new String[actorIds.size() + bodyIds.size()];
        int[] bodyIndex = new int[bodyIds.size()];
        Map<String, Integer> actorIndex = new HashMap<>(actorIds.size() * 2);
        Iterator<String> actors = actorIds.iterator();
        Iterator<String> bodies = bodyIds.iterator();
        String actor = actors.hasNext() ? actors.next() : null;
        String body = bodies.hasNext() ? bodies.next() : null;
        int n = 0;
        int bodyOrdinal = 0;
        while (actor != null || body != null) {
            if (body == null || actor != null && actor.compareTo(body) < 0) {
                actorIndex.put(actor, n);
                ids[n++] = actor;
                actor = actors.hasNext() ? actors.next() : null;
            } else {
                if (body.equals(actor)) {
                    throw new IllegalStateException("body '" + body + "' has the id of an actor");
                }
                bodyIndex[bodyOrdinal++] = n;
                ids[n++] = body;
                body = bodies.hasNext() ? bodies.next() : null;
            }
        }
        int edges = 0;
        for (List<String> parties : actorsOfBody) {
            edges += parties.size();
        }
        int[] src = new int[edges];
        int[] dst = new int[edges];
        int e = 0;
        for (int b = 0; b < actorsOfBody.size(); b++) {
            String previous = null;
            for (String party : actorsOfBody.get(b)) { // sorted: a repeated party is next to itself
                if (!party.equals(previous)) {
                    src[e] = actorIndex.get(party);
                    dst[e++] = bodyIndex[b];
                }
                previous = party;
            }
        }
        double[] weights = new double[e];
        Arrays.fill(weights, 1.0);
        return IndexedGraph.fromEdges(ids, Arrays.copyOf(src, e), Arrays.copyOf(dst, e), weights);
    }

    /**
     * P: the weight of u–v is the number of bodies both are parties to, counted over int indices (for each actor u,
     * a counter per co-party v &gt; u), then handed to the CSR view as an edge list.
     */
    private static IndexedGraph projection(TreeSet<String> actorIds, List<List<String>> actorsOfBody) {
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
        int[] src = new int[size];
        double[] w = new double[size];
        for (int u = 0; u < n; u++) {
            for (int k = neighbourStart[u]; k < neighbourStart[u + 1]; k++) {
                src[k] = u;
                w[k] = weights[k];
            }
        }
        return IndexedGraph.fromEdges(ids, src, Arrays.copyOf(neighbours, size), w);
    }
}
