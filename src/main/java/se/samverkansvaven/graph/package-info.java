/**
 * Generic graph algorithms on an immutable undirected weighted graph in compressed sparse row form,
 * {@link se.samverkansvaven.graph.IndexedGraph}: no Spring, no Neo4j, no knowledge of municipalities or bodies.
 * Each algorithm is a small class in JGraphT's style ({@link se.samverkansvaven.graph.GraphAlgorithm}): options in
 * the constructor, one {@code compute} from the graph to a result, Javadoc with the definition, a reference and the
 * complexity. Conventions (normalisations, tie rules, undefined values) are NetworkX 2.8's, which the tests check
 * against stored NetworkX and igraph results.
 *
 * <h2>Why a CSR view and not JGraphT's algorithms</h2>
 * The analyses run these algorithms on P, the actor projection, with all-pairs measures (betweenness from every
 * vertex) as the cost. On int indices and primitive arrays a traversal touches a few cache lines per vertex and
 * nothing is hashed or boxed; on a JGraphT {@code Graph<String, E>} every neighbour is a hash look-up and every
 * score a boxed map entry. bench/README.md has the figures: JGraphT's betweenness made exit impact the slowest
 * analysis at Sweden's size, and the algorithms here keep up with igraph's C on P at 10,000 municipalities.
 * At that size JGraphT's biconnectivity inspector also failed: it recurses once per level of its depth-first search
 * and overflowed the thread stack. And exact weighted betweenness needs path lengths compared without rounding
 * ({@link se.samverkansvaven.graph.BrandesBetweenness}), which no library offers.
 *
 * <h2>What JGraphT is used for</h2>
 * As a container: the border graph of a date's data (walked by the gap analysis) is a JGraphT graph, and
 * {@link se.samverkansvaven.graph.IndexedGraph#of} turns any undirected JGraphT graph into the CSR view (tests build
 * their graphs that way). And as a test oracle: JGraphT's betweenness, clique finder and biconnectivity inspector
 * check these algorithms on the small fixtures. No JGraphT algorithm runs in production.
 *
 * <h2>Threads</h2>
 * Instances hold no state between calls. The all-sources algorithms (betweenness, harmonic closeness) spread their
 * sources over a fixed number of chunks ({@code SourceChunks}) and sum the chunks in a fixed order, so a result is
 * bit-identical on any number of cores and for any parallelism ({@code withParallelism(threads)}, by default the
 * cores the JVM sees; the application's {@code samverkansvaven.analysis.parallelism}).
 */
package se.samverkansvaven.graph;
