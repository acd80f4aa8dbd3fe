// GET /api/municipalities: every municipality, by name and code (the search filters in Java).
MATCH (m:Municipality)
RETURN m.code AS code, m.name AS name, m.countyCode AS countyCode
ORDER BY m.name, m.code
