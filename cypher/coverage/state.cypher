// Municipality $code's name and coverage version (no row: no such municipality).
MATCH (m:Municipality {code: $code})
RETURN m.name AS name, coalesce(m.coverageVersion, 0) AS version
