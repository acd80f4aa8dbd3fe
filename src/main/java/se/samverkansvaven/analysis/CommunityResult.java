package se.samverkansvaven.analysis;

import java.util.List;
import java.util.SortedSet;

/**
 * Components, communities and cliques of P or of the part of P among a scope (domain.md, analysis 1). Every
 * list of sets is ordered largest first, then by the sets' ascending member lists compared element by
 * element.
 *
 * @param components  connected components, isolated vertices included as singletons
 * @param communities Louvain communities on the weighted graph; every vertex is in exactly one
 * @param modularity  Newman modularity of {@code communities} with weights, resolution 1; null when the graph
 *                    has no edges (undefined: NetworkX divides by zero there)
 * @param seed        the seed the Louvain run used; the same seed gives the same communities
 * @param cliques     maximal cliques of at least 3 vertices
 */
public record CommunityResult(
        List<SortedSet<String>> components,
        List<SortedSet<String>> communities,
        Double modularity,
        long seed,
        List<SortedSet<String>> cliques) {}
