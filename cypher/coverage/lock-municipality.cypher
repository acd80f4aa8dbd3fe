// The write lock of municipality $code, taken before a coverage edit checks its version: setting the version to
// itself takes the lock and changes nothing (no row: no such municipality).
MATCH (m:Municipality {code: $code})
SET m.coverageVersion = coalesce(m.coverageVersion, 0)
RETURN m.coverageVersion AS version
