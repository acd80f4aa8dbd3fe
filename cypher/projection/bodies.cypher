// Bodies active on $asOf with their areas, goals and seat.
MATCH (b:Body)
WHERE (b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR b.validTo > $asOf)
OPTIONAL MATCH (b)-[:SEATED_IN]->(seat:Municipality)
RETURN b.id AS id, b.form AS form, b.name AS name, b.sector AS sector, b.level AS level,
       seat.code AS seat, coalesce(b.illustrative, false) AS illustrative,
       COLLECT { MATCH (b)-[:COVERS]->(a:ServiceArea) RETURN a.id } AS areas,
       COLLECT { MATCH (b)-[:WORKS_ON]->(g:Goal) RETURN g.id } AS goals
