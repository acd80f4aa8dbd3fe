// Stored once, from the lower id to the higher (row.a < row.b), read undirected.
UNWIND $rows AS row
MATCH (a:Body {id: row.a})
MATCH (b:Body {id: row.b})
CREATE (a)-[r:LINKED_WITH]->(b)
SET r = row.props
