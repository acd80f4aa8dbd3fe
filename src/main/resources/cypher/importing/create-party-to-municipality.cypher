UNWIND $rows AS row
MATCH (b:Body {id: row.body})
MATCH (p:Municipality {code: row.party})
CREATE (p)-[r:PARTY_TO]->(b)
SET r = row.props
