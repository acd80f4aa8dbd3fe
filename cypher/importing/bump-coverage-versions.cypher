// The coverage versions of these municipalities move on, as a body's version does (409 for an older one).
UNWIND $codes AS code
MATCH (m:Municipality {code: code})
SET m.coverageVersion = coalesce(m.coverageVersion, 0) + 1
