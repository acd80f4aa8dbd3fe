// The service areas (data/areas.csv), each -[:IN_SECTOR]-> its sector (loaded first). $rows: one map per CSV row.
UNWIND $rows AS row
MERGE (a:ServiceArea {id: row.id})
SET a.nameSv = row.nameSv, a.nameEn = row.nameEn, a.sector = row.sector, a.source = row.source
WITH a, row
MATCH (s:Sector {id: row.sector})
MERGE (a)-[:IN_SECTOR]->(s)
