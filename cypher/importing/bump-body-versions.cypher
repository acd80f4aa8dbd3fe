// The bodies' versions move on, so an editor holding an older version gets 409.
UNWIND $ids AS id
MATCH (b:Body {id: id})
SET b.version = coalesce(b.version, 0) + 1
