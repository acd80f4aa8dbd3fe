// Every coverage row of municipality $code, ended ones included, oldest first (the columns of active.cypher).
MATCH (c:Coverage)-[:OF]->(m:Municipality {code: $code})
RETURN m.code AS code, c.id AS id, c.forms AS forms, c.validFrom AS validFrom, c.validTo AS validTo,
       c.source AS source, coalesce(c.illustrative, false) AS illustrative
ORDER BY code, validFrom, id
