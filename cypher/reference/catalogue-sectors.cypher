// GET /api/sectors: each sector with the ids of its service areas, in id order.
MATCH (s:Sector)
OPTIONAL MATCH (a:ServiceArea)-[:IN_SECTOR]->(s)
WITH s, a ORDER BY a.id
RETURN s, collect(a.id) AS areas ORDER BY s.id
