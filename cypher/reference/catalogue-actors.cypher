// GET /api/actors: the non-municipal actors, by name and id.
MATCH (a:Actor)
RETURN a
ORDER BY a.name, a.id
