// The goals $ids; without $illustrative no illustrative goal.
MATCH (g:Goal) WHERE g.id IN $ids AND ($illustrative OR NOT coalesce(g.illustrative, false))
RETURN g.id AS key, labels(g) AS labels, properties(g) AS props
