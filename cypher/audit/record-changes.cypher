// One :Change node per changed field ($rows), written in the transaction of the change it records, linked
// -[:CHANGED]-> to the body it is about (while that exists) or to the municipality whose coverage changed.
UNWIND $rows AS row
CREATE (c:Change {id: row.id, at: datetime(), user: $user, reason: $reason, action: row.action,
                  entityType: row.entityType, entityId: row.entityId, field: row.field,
                  before: row.before, after: row.after})
WITH c, row
OPTIONAL MATCH (b:Body {id: row.entityId}) WHERE row.entityType = 'Body'
FOREACH (ignored IN CASE WHEN b IS NULL THEN [] ELSE [1] END | CREATE (c)-[:CHANGED]->(b))
WITH c, row
OPTIONAL MATCH (m:Municipality {code: row.entityId}) WHERE row.entityType = 'Coverage'
FOREACH (ignored IN CASE WHEN m IS NULL THEN [] ELSE [1] END | CREATE (c)-[:CHANGED]->(m))
