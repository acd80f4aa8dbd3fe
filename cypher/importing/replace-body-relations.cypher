// A bundle is authoritative for its bodies: their areas, goals and seat become exactly the bundle's.
UNWIND $rows AS row
MATCH (b:Body {id: row.id})
CALL (b, row) {
  MATCH (b)-[c:COVERS]->(a)
  WHERE NOT a.id IN row.areas
  DELETE c
}
CALL (b, row) {
  UNWIND row.areas AS areaId
  MATCH (a:ServiceArea {id: areaId})
  MERGE (b)-[:COVERS]->(a)
}
CALL (b, row) {
  MATCH (b)-[w:WORKS_ON]->(g)
  WHERE NOT g.id IN row.goals
  DELETE w
}
CALL (b, row) {
  UNWIND row.goals AS goalId
  MATCH (g:Goal {id: goalId})
  MERGE (b)-[:WORKS_ON]->(g)
}
CALL (b, row) {
  MATCH (b)-[s:SEATED_IN]->(m)
  WHERE row.seat IS NULL OR m.code <> row.seat
  DELETE s
}
CALL (b, row) {
  MATCH (m:Municipality {code: row.seat})
  MERGE (b)-[:SEATED_IN]->(m)
}
