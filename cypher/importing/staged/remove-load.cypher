// The first step of discarding a load that never published; a published load is never discarded (its bodies are
// visible), only unmarked.
MATCH (l:StagedLoad {id: $loadId}) WHERE l.publishedAt IS NULL
DELETE l
