// CONVENES rows of staged bodies; the convener is found as in stage-party-to.cypher.
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
CREATE (p)-[:CONVENES {validFrom: row.validFrom, validTo: row.validTo, source: row.source,
  illustrative: row.illustrative}]->(b)
