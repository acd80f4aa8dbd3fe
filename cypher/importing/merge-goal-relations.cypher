// Stored once from the lower id to the higher, read undirected: create only when neither direction exists.
UNWIND $rows AS row
MATCH (a:Goal {id: row.a})
MATCH (b:Goal {id: row.b})
FOREACH (ignored IN CASE WHEN row.kind = 'SUPPORTS' AND NOT EXISTS { (a)-[:SUPPORTS]-(b) } THEN [1] ELSE [] END |
  CREATE (a)-[:SUPPORTS]->(b))
FOREACH (ignored IN CASE WHEN row.kind = 'CONFLICTS_WITH' AND NOT EXISTS { (a)-[:CONFLICTS_WITH]-(b) } THEN [1] ELSE [] END |
  CREATE (a)-[:CONFLICTS_WITH]->(b))
