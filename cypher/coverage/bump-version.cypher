// The coverage version of municipality $code moves on after an edit (an editor holding the older one gets 409).
MATCH (m:Municipality {code: $code})
SET m.coverageVersion = m.coverageVersion + 1
