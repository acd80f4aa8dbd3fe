// The version of the reference data in the graph (0: never loaded); a newer jar loads its own again.
OPTIONAL MATCH (r:GraphRevision {id: 'main'})
RETURN coalesce(r.referenceVersion, 0) AS v
