// What of body $id is illustrative (invented for the demo, docs/illustrative-data.md), for
// GET /api/bodies/{id}/state?illustrative=false: the body itself; its illustrative party and convener rows as
// (party, role, validFrom), a row's key in BodyState; its illustrative links (or links to an illustrative
// network) as (network, kind, validFrom); its illustrative goals. No row: no such body.
MATCH (b:Body {id: $id})
CALL (b) {
  OPTIONAL MATCH (p)-[r:PARTY_TO|CONVENES]->(b)
    WHERE coalesce(r.illustrative, false) OR coalesce(p.illustrative, false)
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {party: coalesce(p.code, p.id),
    role: CASE type(r) WHEN 'CONVENES' THEN 'CONVENER' ELSE r.role END, validFrom: r.validFrom} END) AS rows
}
CALL (b) {
  OPTIONAL MATCH (b)-[l:LINKED_WITH]-(o:Body)
    WHERE coalesce(l.illustrative, false) OR coalesce(o.illustrative, false)
  RETURN collect(CASE WHEN l IS NULL THEN NULL ELSE {network: o.id, kind: l.kind, validFrom: l.validFrom} END) AS links
}
CALL (b) {
  OPTIONAL MATCH (b)-[:WORKS_ON]->(g:Goal) WHERE coalesce(g.illustrative, false)
  RETURN collect(g.id) AS goals
}
RETURN coalesce(b.illustrative, false) AS illustrative, rows, links, goals
