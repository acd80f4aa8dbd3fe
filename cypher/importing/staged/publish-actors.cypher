UNWIND $ids AS id
MATCH (n:StagedActor {id: id}) WHERE n.loadId = $loadId
SET n:Actor
REMOVE n:StagedActor, n.loadId
