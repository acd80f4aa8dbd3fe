// Scope "county:CC": the municipalities of county $county, in code order.
MATCH (m:Municipality {countyCode: $county})
RETURN m.code AS code, m.name AS name
ORDER BY code
