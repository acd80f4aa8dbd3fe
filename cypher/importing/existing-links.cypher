// LINKED_WITH between the pairs the bundle links, either direction, with their identity (a, b, kind, validFrom).
UNWIND $pairs AS pair
MATCH (a:Body {id: pair.a})-[r:LINKED_WITH]-(b:Body {id: pair.b})
RETURN DISTINCT pair.a AS a, pair.b AS b, r.kind AS kind, r.validFrom AS validFrom, elementId(r) AS rowId,
       properties(r) AS props
