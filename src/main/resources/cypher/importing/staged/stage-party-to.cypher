// PARTY_TO rows of staged bodies. The party is a municipality, or an actor or a body either stored or staged by
// this load; row.kind (the validator's) says which, so each branch is one index seek or none.
UNWIND $rows AS row
MATCH (b:StagedBody {id: row.body}) WHERE b.loadId = $loadId
CALL (row) {
  MATCH (p:Municipality {code: row.party}) WHERE row.kind = 'MUNICIPALITY' RETURN p
  UNION ALL
  MATCH (p:Actor {id: row.party}) WHERE row.kind = 'ACTOR' RETURN p
  UNION ALL
  MATCH (p:StagedActor {id: row.party}) WHERE row.kind = 'ACTOR' AND p.loadId = $loadId RETURN p
  UNION ALL
  MATCH (p:Body {id: row.party}) WHERE row.kind = 'BODY' RETURN p
  UNION ALL
  MATCH (p:StagedBody {id: row.party}) WHERE row.kind = 'BODY' AND p.loadId = $loadId RETURN p
}
CREATE (p)-[:PARTY_TO {role: row.role, validFrom: row.validFrom, validTo: row.validTo,
  representative: row.representative, source: row.source, illustrative: row.illustrative}]->(b)
