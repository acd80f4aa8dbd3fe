MATCH (l:StagedLoad {id: $loadId})
DELETE l
