// Properties listed rather than SET r = map: no Eager in the plan, and a null value is simply not stored.
UNWIND $rows AS row
MATCH (b:Body {id: row.body})
MATCH (p:Actor {id: row.party})
CREATE (p)-[:CONVENES {validFrom: row.validFrom, validTo: row.validTo, source: row.source,
  illustrative: row.illustrative}]->(b)
