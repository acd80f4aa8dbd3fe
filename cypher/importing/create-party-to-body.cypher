// Properties listed rather than SET r = map: no Eager in the plan, and a null value is simply not stored.
UNWIND $rows AS row
MATCH (b:Body {id: row.body})
MATCH (p:Body {id: row.party})
CREATE (p)-[:PARTY_TO {role: row.role, validFrom: row.validFrom, validTo: row.validTo,
  representative: row.representative, source: row.source, illustrative: row.illustrative}]->(b)
