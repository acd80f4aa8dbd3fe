// Stored once, from the lower id to the higher (row.a < row.b), read undirected.
UNWIND $rows AS row
MATCH (a:Body {id: row.a})
MATCH (b:Body {id: row.b})
CREATE (a)-[:LINKED_WITH {kind: row.kind, validFrom: row.validFrom, validTo: row.validTo, source: row.source,
  illustrative: row.illustrative}]->(b)
