// Marks reference data version $version as loaded, in the transaction that loaded it.
MERGE (r:GraphRevision {id: 'main'})
SET r.referenceVersion = $version
