// The graph's revision (0 before the first write).
OPTIONAL MATCH (r:GraphRevision {id: 'main'}) RETURN coalesce(r.value, 0) AS value
