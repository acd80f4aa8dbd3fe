// CONVENES rows of staged bodies from municipalities (as create-convenes-municipality.cypher, the body staged).
UNWIND $rows AS row
MATCH (b:StagedBody {id: row.body}) WHERE b.loadId = $loadId
MATCH (p:Municipality {code: row.party})
CREATE (p)-[:CONVENES {validFrom: row.validFrom, validTo: row.validTo, source: row.source,
  illustrative: row.illustrative}]->(b)
