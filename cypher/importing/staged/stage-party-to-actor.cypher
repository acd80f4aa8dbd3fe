// PARTY_TO rows of staged bodies from actors, stored or staged by this load.
UNWIND $rows AS row
MATCH (b:StagedBody {id: row.body}) WHERE b.loadId = $loadId
CALL (row) {
  MATCH (p:Actor {id: row.party}) RETURN p
  UNION ALL
  MATCH (p:StagedActor {id: row.party}) WHERE p.loadId = $loadId RETURN p
}
CREATE (p)-[:PARTY_TO {role: row.role, validFrom: row.validFrom, validTo: row.validTo,
  representative: row.representative, source: row.source, illustrative: row.illustrative}]->(b)
