// The stored state of the bundle's bodies, so an unchanged body is not written again.
UNWIND $ids AS id
MATCH (b:Body {id: id})
RETURN b.id AS id, properties(b) AS props, labels(b) AS labels
