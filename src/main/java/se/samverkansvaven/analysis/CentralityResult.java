package se.samverkansvaven.analysis;

import java.util.List;

/**
 * Centrality on P or on the part of P among a scope (domain.md, analysis 2), one entry per vertex in
 * ascending id order.
 *
 * @param vertexCount        n of the graph analysed (the normalisations depend on it)
 * @param edgeCount          number of edges of the graph analysed
 * @param vertices           every vertex's measures, ascending by id
 * @param articulationPoints ids of the articulation points, ascending
 * @param bridges            bridges, ascending by (source, target), source &lt; target
 */
public record CentralityResult(
        int vertexCount,
        int edgeCount,
        List<VertexCentrality> vertices,
        List<String> articulationPoints,
        List<Bridge> bridges) {

    /**
     * The measures of one vertex, NetworkX 2.8's conventions (see {@link CentralityAnalysis}).
     *
     * @param constraint    Burt's constraint with weights; null for an isolated vertex (NaN in NetworkX)
     * @param effectiveSize Burt's effective size with weights; null for an isolated vertex (NaN in NetworkX)
     * @param ranks         competition ranks of every numeric measure, largest value first
     */
    public record VertexCentrality(
            String id,
            int degree,
            double strength,
            double betweenness,
            double weightedBetweenness,
            double harmonicCloseness,
            double pageRank,
            double clustering,
            int coreness,
            Double constraint,
            Double effectiveSize,
            boolean articulationPoint,
            Ranks ranks) {}

    /**
     * Competition ranks ("1224"): 1 is the largest value, values within 1e-9 share a rank. That holds for
     * constraint too, so rank 1 there is the most constrained vertex (the least of a broker). Constraint and
     * effective size of an isolated vertex have no rank (null).
     */
    public record Ranks(
            int degree,
            int strength,
            int betweenness,
            int weightedBetweenness,
            int harmonicCloseness,
            int pageRank,
            int clustering,
            int coreness,
            Integer constraint,
            Integer effectiveSize) {}

    /** A bridge of the graph analysed; source &lt; target. */
    public record Bridge(String source, String target, double weight) {}
}
