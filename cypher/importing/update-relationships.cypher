// Replaces every property of an existing row (null values are not stored).
UNWIND $rows AS row
MATCH ()-[r]->()
WHERE elementId(r) = row.rowId
SET r = row.props
