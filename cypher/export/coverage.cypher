// Coverage rows in the window $from/$to of the municipalities $codes (null: all), by municipality and start;
// without $illustrative no illustrative row.
MATCH (c:Coverage)-[:OF]->(m:Municipality)
WHERE ($codes IS NULL OR m.code IN $codes)
  AND ($to IS NULL OR c.validFrom < $to)
  AND (c.validTo IS NULL OR $from IS NULL OR c.validTo > $from)
  AND ($illustrative OR NOT coalesce(c.illustrative, false))
RETURN m.code AS municipality, c.forms AS forms, c.validFrom AS validFrom, c.validTo AS validTo,
       c.source AS source, coalesce(c.illustrative, false) AS illustrative
ORDER BY municipality, validFrom, c.id
