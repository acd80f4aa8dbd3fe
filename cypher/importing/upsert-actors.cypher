UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a += row.props
