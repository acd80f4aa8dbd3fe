// GET /api/actors: the non-municipal actors, by name and id.
MATCH (a:Actor)
WHERE $illustrative OR NOT coalesce(a.illustrative, false)
RETURN a
ORDER BY a.name, a.id
