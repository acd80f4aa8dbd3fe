// In every transaction of a large load: proves the load is still wanted (a load removed as abandoned matches
// nothing, and its writer stops) and tells other instances it is alive.
MATCH (l:StagedLoad {id: $loadId})
SET l.heartbeatAt = datetime(), l.bodiesStaged = $staged
RETURN count(l) AS loads
