// GET /api/goals: the goals bodies can work on, by name and id; $illustrative false leaves out the invented ones.
MATCH (g:Goal)
WHERE $illustrative OR NOT coalesce(g.illustrative, false)
RETURN g
ORDER BY g.name, g.id
