// The names of the shipped bundles already loaded into this graph (none: an empty list).
OPTIONAL MATCH (r:GraphRevision {id: 'main'})
RETURN coalesce(r.bundles, []) AS bundles
