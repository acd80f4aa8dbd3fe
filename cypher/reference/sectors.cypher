// The sectors of the service-area catalogue (data/sectors.csv). $rows: one map per CSV row.
UNWIND $rows AS row
MERGE (s:Sector {id: row.id})
SET s.nameSv = row.nameSv, s.nameEn = row.nameEn
