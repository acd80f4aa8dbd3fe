// Body $id's version moves on after an edit (an editor holding the older one gets 409).
MATCH (b:Body {id: $id})
SET b.version = coalesce(b.version, 0) + 1
