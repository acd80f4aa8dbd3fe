// The last step of a large load: its staged bodies become bodies (Body and the form's label, row.label).
UNWIND $rows AS row
MATCH (n:StagedBody {id: row.id}) WHERE n.loadId = $loadId
SET n:Body:$(row.label)
REMOVE n:StagedBody, n.loadId
