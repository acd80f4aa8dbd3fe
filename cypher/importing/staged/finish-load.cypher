// In the publishing transaction: the load is published; its node stays (publishedAt set) until the load's id is
// removed from its bodies (unmark-bodies.cypher, then forget-load.cypher), so a clean-up cut short is finished later.
MATCH (l:StagedLoad {id: $loadId}) WHERE l.publishedAt IS NULL
SET l.publishedAt = datetime(), l.heartbeatAt = datetime()
RETURN count(l) AS loads
