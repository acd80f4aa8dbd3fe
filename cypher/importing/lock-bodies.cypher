// The write lock of each stored body, in the order of $ids (sorted by the caller, so two writers take them in
// one order). Setting version to itself takes the lock and changes nothing; editing locks a body the same way.
UNWIND $ids AS id
MATCH (b:Body {id: id})
SET b.version = coalesce(b.version, 0)
