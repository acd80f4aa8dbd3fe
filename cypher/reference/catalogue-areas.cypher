// GET /api/areas: the service areas, by sector and id.
MATCH (a:ServiceArea)
RETURN a
ORDER BY a.sector, a.id
