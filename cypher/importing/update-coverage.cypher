// A stored coverage row whose identity a bundle row has (same id) but whose other properties differ.
UNWIND $rows AS row
MATCH (c:Coverage {id: row.props.id})
SET c = row.props
