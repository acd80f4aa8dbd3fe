// GET /api/bodies/{id}: body $id with its seat, every PARTY_TO and CONVENES row of its history (by role, party,
// start), its service areas, goals and LINKED_WITH rows (by other body, start). Without $illustrative no
// illustrative row, convener, link or goal, and no row of an illustrative party (the body itself is not checked).
MATCH (b:Body {id: $id})
OPTIONAL MATCH (b)-[:SEATED_IN]->(seat:Municipality)
CALL (b) {
  OPTIONAL MATCH (p)-[r:PARTY_TO]->(b)
  WHERE $illustrative OR NOT (coalesce(r.illustrative, false) OR coalesce(p.illustrative, false))
  WITH p, r ORDER BY r.role, coalesce(p.code, p.id), r.validFrom
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {
    party: coalesce(p.code, p.id), name: p.name, type: labels(p)[0], role: r.role,
    validFrom: r.validFrom, validTo: r.validTo, representative: r.representative, source: r.source} END) AS parties
}
CALL (b) {
  OPTIONAL MATCH (p)-[r:CONVENES]->(b)
  WHERE $illustrative OR NOT (coalesce(r.illustrative, false) OR coalesce(p.illustrative, false))
  WITH p, r ORDER BY coalesce(p.code, p.id), r.validFrom
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {
    party: coalesce(p.code, p.id), name: p.name, type: labels(p)[0], role: 'CONVENER',
    validFrom: r.validFrom, validTo: r.validTo, representative: null, source: r.source} END) AS conveners
}
CALL (b) {
  OPTIONAL MATCH (b)-[:COVERS]->(a:ServiceArea)
  WITH a ORDER BY a.id
  RETURN collect(a {.id, .sector, .nameSv, .nameEn}) AS areas
}
CALL (b) {
  OPTIONAL MATCH (b)-[:WORKS_ON]->(g:Goal)
  WHERE $illustrative OR NOT coalesce(g.illustrative, false)
  WITH g ORDER BY g.id
  RETURN collect(g {.id, .name}) AS goals
}
CALL (b) {
  OPTIONAL MATCH (b)-[l:LINKED_WITH]-(other:Body)
  WHERE $illustrative OR NOT (coalesce(l.illustrative, false) OR coalesce(other.illustrative, false))
  WITH l, other ORDER BY other.id, l.validFrom
  RETURN collect(CASE WHEN l IS NULL THEN NULL ELSE {
    network: other.id, name: other.name, kind: l.kind, validFrom: l.validFrom, validTo: l.validTo,
    source: l.source} END) AS links
}
RETURN b, seat, parties, conveners, areas, goals, links
