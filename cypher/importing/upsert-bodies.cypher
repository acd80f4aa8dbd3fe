// Every Body property is set, a null removing it (an empty cell is an absent property). row.label is the
// form's label (Form.label()); row.staleLabels the other forms' labels, removed so a body whose form
// changed does not keep its old label.
UNWIND $rows AS row
MERGE (b:Body {id: row.id})
SET b.form = row.form, b.name = row.name, b.sector = row.sector, b.level = row.level,
    b.governance = row.governance, b.validFrom = row.validFrom, b.validTo = row.validTo, b.source = row.source,
    b.illustrative = row.illustrative
SET b:$(row.label)
REMOVE b:$(row.staleLabels)
