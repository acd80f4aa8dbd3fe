UNWIND $rowIds AS rowId
MATCH ()-[r]->()
WHERE elementId(r) = rowId
DELETE r
