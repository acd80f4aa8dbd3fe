// Bodies not yet stored (the caller checked): CREATE, cheaper than MERGE, with the form's label at once.
UNWIND $rows AS row
CREATE (b:Body:$(row.label))
SET b = row.props
