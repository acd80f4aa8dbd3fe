// Scope "codes:A,B": the municipalities of $codes that exist, code and name.
UNWIND $codes AS code
MATCH (m:Municipality {code: code})
RETURN m.code AS code, m.name AS name
