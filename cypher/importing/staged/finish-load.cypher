// In the publishing transaction: the load is no longer in progress.
MATCH (l:StagedLoad {id: $loadId})
DELETE l
RETURN count(*) AS loads
