// Replaces the name, date and changes of scenario $id of user $owner, with the revision and body versions they are
// now based on. No row: not the owner's (or gone).
MATCH (s:Scenario {id: $id, owner: $owner})
SET s.name = $name, s.asOf = $asOf, s.changes = $changes, s.versions = $versions, s.basedOnRevision = $revision,
    s.updatedAt = $now
RETURN s
