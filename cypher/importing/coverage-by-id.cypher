// The stored coverage rows with these ids, each with all its properties (to decide create, update or keep).
UNWIND $ids AS id
MATCH (c:Coverage {id: id})
RETURN c.id AS id, properties(c) AS props
