// Each bordering pair once (stored from the lower code to the higher).
MATCH (a:Municipality)-[:BORDERS]->(b:Municipality)
RETURN a.code AS a, b.code AS b
