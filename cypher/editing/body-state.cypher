// A body's editable state (docs/model.md): the body, its seat, its party and convener rows, areas, goals and
// network links, each row with its dates and source (no row: no such body). Read in the transaction that then
// changes it.
MATCH (b:Body {id: $id})
OPTIONAL MATCH (b)-[:SEATED_IN]->(seat:Municipality)
CALL (b) {
  OPTIONAL MATCH (p)-[r:PARTY_TO]->(b)
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {party: coalesce(p.code, p.id), role: r.role,
    validFrom: r.validFrom, validTo: r.validTo, representative: r.representative, source: r.source} END) AS parties
}
CALL (b) {
  OPTIONAL MATCH (p)-[r:CONVENES]->(b)
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {party: coalesce(p.code, p.id), role: 'CONVENER',
    validFrom: r.validFrom, validTo: r.validTo, representative: null, source: r.source} END) AS conveners
}
CALL (b) { OPTIONAL MATCH (b)-[:COVERS]->(a:ServiceArea) RETURN collect(a.id) AS areas }
CALL (b) { OPTIONAL MATCH (b)-[:WORKS_ON]->(g:Goal) RETURN collect(g.id) AS goals }
CALL (b) {
  OPTIONAL MATCH (b)-[l:LINKED_WITH]-(o:Body)
  RETURN collect(CASE WHEN l IS NULL THEN NULL ELSE {network: o.id, kind: l.kind, validFrom: l.validFrom,
    validTo: l.validTo, source: l.source} END) AS links
}
RETURN b, seat.code AS seat, parties + conveners AS parties, areas, goals, links
