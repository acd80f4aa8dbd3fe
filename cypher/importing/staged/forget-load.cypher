// A published load whose bodies no longer carry its id is over.
MATCH (l:StagedLoad {id: $loadId}) WHERE l.publishedAt IS NOT NULL
DELETE l
