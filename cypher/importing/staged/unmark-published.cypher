// The clean-up of a published load that was cut short (its process died after the publish): one batch of the bodies
// that still carry the load's id, without their ids at hand (a scan of Body; rare). The caller repeats until none.
MATCH (b:Body) WHERE b.loadId = $loadId
WITH b LIMIT $batch
REMOVE b.loadId
RETURN count(b) AS unmarked
