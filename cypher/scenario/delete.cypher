// Deletes scenario $id of user $owner (with its share link). No row: not the owner's (or gone).
MATCH (s:Scenario {id: $id, owner: $owner})
WITH s, s.id AS id
DELETE s
RETURN id
