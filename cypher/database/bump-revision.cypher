// The graph's revision moves on by one, inside every write transaction, and is returned (caches key on it).
MERGE (r:GraphRevision {id: 'main'})
SET r.value = coalesce(r.value, 0) + 1, r.updatedAt = datetime()
RETURN r.value AS value
