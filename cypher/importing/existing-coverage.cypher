// The stored coverage rows of the municipalities a bundle's coverage.csv names (for the loader's overlap rule).
UNWIND $codes AS code
MATCH (c:Coverage)-[:OF]->(:Municipality {code: code})
RETURN code, c.id AS id, c.forms AS forms, c.validFrom AS validFrom, c.validTo AS validTo, c.source AS source
