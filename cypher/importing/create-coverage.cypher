// A new coverage row (docs/model.md): the node with its properties, linked to its municipality.
UNWIND $rows AS row
MATCH (m:Municipality {code: row.municipality})
CREATE (c:Coverage)-[:OF]->(m)
SET c = row.props
