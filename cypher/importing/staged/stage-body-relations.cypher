// Areas, goals (stored or staged by this load) and seat of staged bodies.
UNWIND $rows AS row
MATCH (b:StagedBody {id: row.id}) WHERE b.loadId = $loadId
CALL (b, row) {
  UNWIND row.areas AS areaId
  MATCH (a:ServiceArea {id: areaId})
  CREATE (b)-[:COVERS]->(a)
}
CALL (b, row) {
  UNWIND row.goals AS goalId
  CALL (goalId) {
    MATCH (g:Goal {id: goalId}) RETURN g
    UNION ALL
    MATCH (g:StagedGoal {id: goalId}) WHERE g.loadId = $loadId RETURN g
  }
  CREATE (b)-[:WORKS_ON]->(g)
}
CALL (b, row) {
  MATCH (m:Municipality {code: row.seat})
  CREATE (b)-[:SEATED_IN]->(m)
}
