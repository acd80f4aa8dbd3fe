// The 290 municipalities with their centroids, each -[:IN_COUNTY]-> its county (loaded first). $rows: one map per
// CSV row.
UNWIND $rows AS row
MERGE (m:Municipality {code: row.code})
SET m.name = row.name, m.countyCode = row.countyCode, m.lat = row.lat, m.lon = row.lon
WITH m, row
MATCH (c:County {code: row.countyCode})
MERGE (m)-[:IN_COUNTY]->(c)
