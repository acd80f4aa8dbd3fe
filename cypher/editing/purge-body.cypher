// Purge (administrators only): body $id and every relationship it has, gone from the graph.
MATCH (b:Body {id: $id})
DETACH DELETE b
