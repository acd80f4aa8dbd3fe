// The write lock of body $id, taken first so that concurrent editors of one body queue instead of racing:
// setting the version to itself takes the lock and changes nothing (no row: no such body).
MATCH (b:Body {id: $id})
SET b.version = coalesce(b.version, 0)
RETURN b.id
