// Sets (a new token) or withdraws (null) the read link of scenario $id of user $owner. No row: not the owner's.
MATCH (s:Scenario {id: $id, owner: $owner})
SET s.shareToken = $token
RETURN s
