package se.samverkansvaven.analysis;

import se.samverkansvaven.analysis.data.CooperationData;
/**
 * One analysis of the cooperation web, in JGraphT's style: the data of one date and a query in, a result
 * record out. Implementations are pure functions of their input (no Spring, no Neo4j, no state) and order
 * every list deterministically, so the same data and query always give the same JSON.
 *
 * @param <Q> the query (what the caller asks, validated in its constructor or in {@link #analyse})
 * @param <R> the result record
 */
interface CooperationAnalysis<Q, R> {

    /** @throws IllegalArgumentException when the query names something the data does not hold */
    R analyse(CooperationData data, Q query);
}
