// The 21 counties (län), from data/counties.csv; MERGE, so loading again changes nothing. $rows: one map per CSV
// row.
UNWIND $rows AS row
MERGE (c:County {code: row.code})
SET c.name = row.name
