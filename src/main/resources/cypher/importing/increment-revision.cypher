MERGE (r:GraphRevision {id: 'main'})
ON CREATE SET r.value = 0
SET r.value = r.value + 1, r.updatedAt = datetime()
RETURN r.value AS revision
