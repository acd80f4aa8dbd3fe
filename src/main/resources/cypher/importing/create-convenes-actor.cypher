UNWIND $rows AS row
MATCH (b:Body {id: row.body})
MATCH (p:Actor {id: row.party})
CREATE (p)-[r:CONVENES]->(b)
SET r = row.props
