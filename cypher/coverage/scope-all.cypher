// Scope "all": every municipality, code and name, in code order.
MATCH (m:Municipality)
RETURN m.code AS code, m.name AS name
ORDER BY code
