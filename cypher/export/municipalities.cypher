// The municipalities $codes (null: every municipality) with their county (IN_COUNTY).
MATCH (m:Municipality) WHERE $codes IS NULL OR m.code IN $codes
RETURN m.code AS key, labels(m) AS labels, properties(m) AS props,
       COLLECT { MATCH (m)-[:IN_COUNTY]->(c:County) RETURN c.code } AS counties
