// The scenarios of user $owner, newest first.
MATCH (s:Scenario {owner: $owner})
RETURN s
ORDER BY s.createdAt DESC, s.id
