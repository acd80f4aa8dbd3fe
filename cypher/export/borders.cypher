// BORDERS among the municipalities $codes (null: all of them).
MATCH (a:Municipality)-[:BORDERS]->(b:Municipality)
WHERE $codes IS NULL OR (a.code IN $codes AND b.code IN $codes)
RETURN a.code AS a, b.code AS b
