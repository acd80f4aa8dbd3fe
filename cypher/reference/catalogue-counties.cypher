// GET /api/counties: the 21 counties, code and name, in code order.
MATCH (c:County)
RETURN c.code AS code, c.name AS name
ORDER BY c.code
