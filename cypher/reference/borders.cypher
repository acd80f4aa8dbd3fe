// Pairs of municipalities whose polygons share a border, -[:BORDERS]-> once per pair as given. $rows: one map per
// CSV row.
UNWIND $rows AS row
MATCH (a:Municipality {code: row.a}), (b:Municipality {code: row.b})
MERGE (a)-[:BORDERS]->(b)
