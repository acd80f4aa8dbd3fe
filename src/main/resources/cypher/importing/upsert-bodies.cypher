// row.props holds every Body property, null where the bundle has none (+= with null removes it).
// row.label is the form's label (Form.label()); row.staleLabels the other forms' labels, removed so a body
// whose form changed does not keep its old label.
UNWIND $rows AS row
MERGE (b:Body {id: row.id})
SET b += row.props
SET b:$(row.label)
REMOVE b:$(row.staleLabels)
