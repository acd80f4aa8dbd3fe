// A large load's new bodies, actors and goals, under a staging label only (StagedBody, StagedActor, StagedGoal)
// and the load's id: no reader matches them until publish-*.cypher gives them their real labels.
UNWIND $rows AS row
CREATE (n:$(row.label))
SET n = row.props
