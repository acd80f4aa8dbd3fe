// Areas, goals and seat of bodies created in this transaction: nothing stored to replace, so only CREATE.
UNWIND $rows AS row
MATCH (b:Body {id: row.id})
CALL (b, row) {
  UNWIND row.areas AS areaId
  MATCH (a:ServiceArea {id: areaId})
  CREATE (b)-[:COVERS]->(a)
}
CALL (b, row) {
  UNWIND row.goals AS goalId
  MATCH (g:Goal {id: goalId})
  CREATE (b)-[:WORKS_ON]->(g)
}
CALL (b, row) {
  MATCH (m:Municipality {code: row.seat})
  CREATE (b)-[:SEATED_IN]->(m)
}
