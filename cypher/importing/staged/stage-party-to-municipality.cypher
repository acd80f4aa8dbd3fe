// PARTY_TO rows of staged bodies from municipalities (as create-party-to-municipality.cypher, the body staged).
UNWIND $rows AS row
MATCH (b:StagedBody {id: row.body}) WHERE b.loadId = $loadId
MATCH (p:Municipality {code: row.party})
CREATE (p)-[:PARTY_TO {role: row.role, validFrom: row.validFrom, validTo: row.validTo,
  representative: row.representative, source: row.source, illustrative: row.illustrative}]->(b)
