// One batch of what a load staged (nodes with their relationships); the caller repeats until none is left.
MATCH (n:StagedBody|StagedActor|StagedGoal) WHERE n.loadId = $loadId
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
