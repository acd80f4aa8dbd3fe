// LINKED_WITH between the bodies $ids: in the window $from/$to (see bodies.cypher), or all when $full;
// without $illustrative no illustrative link.
MATCH (a:Body)-[l:LINKED_WITH]->(b:Body)
WHERE a.id IN $ids AND b.id IN $ids
  AND ($illustrative OR NOT coalesce(l.illustrative, false))
  AND ($full OR ((l.validFrom IS NULL OR $to IS NULL OR l.validFrom < $to)
             AND (l.validTo IS NULL OR $from IS NULL OR l.validTo > $from)))
RETURN a.id AS a, b.id AS b, properties(l) AS props
