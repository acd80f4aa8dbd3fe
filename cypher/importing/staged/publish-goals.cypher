UNWIND $ids AS id
MATCH (n:StagedGoal {id: id}) WHERE n.loadId = $loadId
SET n:Goal
REMOVE n:StagedGoal, n.loadId
