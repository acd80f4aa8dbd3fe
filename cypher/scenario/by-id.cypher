// Scenario $id (no row: none).
MATCH (s:Scenario {id: $id})
RETURN s
