// GET /api/municipalities/{code}: municipality $code with its county, its neighbours (BORDERS, by code) and the
// bodies it is in on $asOf with its role there (CONVENER for CONVENES), by form, name and id. A row is illustrative
// when the body or the row is; without $illustrative such rows are left out.
MATCH (m:Municipality {code: $code})
OPTIONAL MATCH (m)-[:IN_COUNTY]->(c:County)
CALL (m) {
  OPTIONAL MATCH (m)-[:BORDERS]-(n:Municipality)
  WITH n ORDER BY n.code
  RETURN collect(n {.code, .name}) AS neighbours
}
CALL (m) {
  OPTIONAL MATCH (m)-[r:PARTY_TO|CONVENES]->(b:Body)
  WHERE (b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR b.validTo > $asOf)
    AND (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo > $asOf)
    AND ($illustrative OR NOT (coalesce(b.illustrative, false) OR coalesce(r.illustrative, false)))
  CALL (b) {
    OPTIONAL MATCH (b)-[:COVERS]->(a:ServiceArea)
    WITH a ORDER BY a.id
    RETURN collect(a.id) AS areas
  }
  WITH b, r, areas ORDER BY b.form, b.name, b.id
  RETURN collect(CASE WHEN b IS NULL THEN NULL ELSE {
    id: b.id, form: b.form, name: b.name,
    role: CASE type(r) WHEN 'CONVENES' THEN 'CONVENER' ELSE r.role END,
    since: r.validFrom, until: r.validTo, areas: areas, source: b.source,
    illustrative: coalesce(b.illustrative, false) OR coalesce(r.illustrative, false)} END) AS bodies
}
RETURN m, c, neighbours, bodies
