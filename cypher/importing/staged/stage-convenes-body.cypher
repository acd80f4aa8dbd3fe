// CONVENES rows of staged bodies from bodies, stored or staged by this load.
UNWIND $rows AS row
MATCH (b:StagedBody {id: row.body}) WHERE b.loadId = $loadId
CALL (row) {
  MATCH (p:Body {id: row.party}) RETURN p
  UNION ALL
  MATCH (p:StagedBody {id: row.party}) WHERE p.loadId = $loadId RETURN p
}
CREATE (p)-[:CONVENES {validFrom: row.validFrom, validTo: row.validTo, source: row.source,
  illustrative: row.illustrative}]->(b)
