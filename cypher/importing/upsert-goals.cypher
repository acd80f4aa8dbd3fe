UNWIND $rows AS row
MERGE (g:Goal {id: row.id})
SET g += row.props
