// A large load in progress: what the startup clean-up (and a later load, once heartbeatAt is old) removes if
// the load never publishes.
CREATE (:StagedLoad {id: $loadId, user: $user, bodies: $bodies, startedAt: datetime(), heartbeatAt: datetime()})
