// The counties $ids.
MATCH (c:County) WHERE c.code IN $ids RETURN c.code AS key, labels(c) AS labels, properties(c) AS props
