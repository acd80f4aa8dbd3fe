// Stores scenario $id of user $owner: its name, date, changes (the request's JSON), the graph revision and the
// versions of the bodies it touches when stored ($versions, JSON). A :Scenario has no relationship: no reader of
// the graph of record (projection, exports, coverage, sources) matches it.
CREATE (s:Scenario {id: $id, owner: $owner, name: $name, asOf: $asOf, changes: $changes, versions: $versions,
                    basedOnRevision: $revision, createdAt: $now, updatedAt: $now})
RETURN s
