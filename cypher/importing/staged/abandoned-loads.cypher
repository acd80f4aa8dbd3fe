// Loads that will never publish, or whose clean-up after publishing was cut short: all of them when this process
// owns the database (embedded: whoever staged them is gone), else those whose last heartbeat is older than
// $olderThan; and, always, the loads of staged nodes whose :StagedLoad is gone (a removal cut short: a load deletes
// that node before anything it staged).
CALL () {
  MATCH (l:StagedLoad) WHERE $all OR l.heartbeatAt < datetime() - duration($olderThan)
  RETURN l.id AS loadId, l.publishedAt IS NOT NULL AS published
  UNION
  MATCH (n:StagedBody|StagedActor|StagedGoal) WHERE NOT EXISTS { MATCH (:StagedLoad {id: n.loadId}) }
  RETURN DISTINCT n.loadId AS loadId, false AS published
}
RETURN loadId, published
