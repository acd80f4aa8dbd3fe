// The coverage rows active on $asOf (domain.md item 8), every municipality's, by code, start and id.
MATCH (c:Coverage)-[:OF]->(m:Municipality)
WHERE c.validFrom <= $asOf AND (c.validTo IS NULL OR c.validTo > $asOf)
RETURN m.code AS code, c.id AS id, c.forms AS forms, c.validFrom AS validFrom, c.validTo AS validTo,
       c.source AS source, coalesce(c.illustrative, false) AS illustrative
ORDER BY code, validFrom, id
