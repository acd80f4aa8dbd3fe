// The sectors $ids.
MATCH (s:Sector) WHERE s.id IN $ids RETURN s.id AS key, labels(s) AS labels, properties(s) AS props
