// The bodies $ids whatever the window (the bundle pulls in bodies its rows name). Same columns as bodies.cypher.
MATCH (b:Body) WHERE b.id IN $ids
RETURN b.id AS key, labels(b) AS labels, properties(b) AS props,
       COLLECT { MATCH (b)-[:SEATED_IN]->(m:Municipality) RETURN m.code } AS seats,
       COLLECT { MATCH (b)-[:COVERS]->(a:ServiceArea) RETURN a.id } AS areas,
       COLLECT { MATCH (b)-[:WORKS_ON]->(g:Goal) RETURN g.id } AS goals
