// The actors $ids; without $illustrative no illustrative actor.
MATCH (a:Actor) WHERE a.id IN $ids AND ($illustrative OR NOT coalesce(a.illustrative, false))
RETURN a.id AS key, labels(a) AS labels, properties(a) AS props
