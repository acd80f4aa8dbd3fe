// The codes of the municipalities of county $county (an export's county scope).
MATCH (m:Municipality {countyCode: $county}) RETURN m.code AS code
