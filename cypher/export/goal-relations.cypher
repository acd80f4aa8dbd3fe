// CONFLICTS_WITH and SUPPORTS among the goals $ids.
MATCH (a:Goal)-[r:CONFLICTS_WITH|SUPPORTS]->(b:Goal)
WHERE a.id IN $ids AND b.id IN $ids
RETURN a.id AS a, b.id AS b, type(r) AS type
