// GET /api/goals: the goals bodies can work on, by name and id.
MATCH (g:Goal)
RETURN g
ORDER BY g.name, g.id
