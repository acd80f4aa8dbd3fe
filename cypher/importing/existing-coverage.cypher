// The stored coverage rows of the municipalities a bundle's coverage.csv names (for the loader's overlap rule).
// The hint keeps the look-up a seek: just after a large geography load the index's sampled size can still be 0, and
// the planner then scanned the whole index for every code (minutes at 100,000 municipalities; LoaderPlansTest).
UNWIND $codes AS code
MATCH (c:Coverage)-[:OF]->(m:Municipality {code: code})
USING INDEX SEEK m:Municipality(code)
RETURN code, c.id AS id, c.forms AS forms, c.validFrom AS validFrom, c.validTo AS validTo, c.source AS source
