// Every municipality with its centroid and the codes of the neighbours it borders (each pair is stored once,
// from the lower code to the higher, so each appears in one list). Analysis input; not date-dependent.
// One record per municipality: at 100,000 municipalities a record per border pair cost twice as long.
MATCH (m:Municipality)
RETURN m.code AS code, m.name AS name, m.countyCode AS countyCode, m.lat AS lat, m.lon AS lon,
       m.population AS population, [(m)-[:BORDERS]->(n:Municipality) | n.code] AS borders
ORDER BY code
