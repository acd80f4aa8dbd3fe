// The stored version of each body in $ids that exists (a scenario records them to notice later edits).
UNWIND $ids AS id
MATCH (b:Body {id: id})
RETURN b.id AS id, coalesce(b.version, 0) AS version
