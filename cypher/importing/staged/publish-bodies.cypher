// The last step of a large load: its staged bodies become bodies (Body and the form's label, row.label). They keep
// the load's id (loadId) until unmark-bodies.cypher removes it after this commits: removing a property in the publish
// rewrites every body's property records in its one transaction, more than half of its memory at 437,000 bodies.
UNWIND $rows AS row
MATCH (n:StagedBody {id: row.id}) WHERE n.loadId = $loadId
SET n:Body:$(row.label)
REMOVE n:StagedBody
