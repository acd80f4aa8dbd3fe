// After the publish, one batch of its bodies: the load's id is removed (no reader uses it; the exports leave it out)
// and the load's heartbeat refreshed, so another instance does not take the clean-up over while it runs.
MATCH (l:StagedLoad {id: $loadId})
SET l.heartbeatAt = datetime()
WITH l
UNWIND $ids AS id
MATCH (b:Body {id: id}) WHERE b.loadId = $loadId
REMOVE b.loadId
RETURN count(b) AS unmarked
