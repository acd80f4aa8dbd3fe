// Whether any user has the ADMIN role (none: the first start creates one).
MATCH (u:User)
WHERE 'ADMIN' IN u.roles
RETURN count(u) > 0 AS any
