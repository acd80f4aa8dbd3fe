// Gaps for one service area (domain.md item 5; Java: GapAnalysis, the gaps and their strength).
// m covers $area when it is a party (any role, row active) to a body active on $asOf in $forms covering
// $area. A gap is m not covering $area while at least one bordering municipality does; strength = the
// share of m's neighbours (BORDERS, read undirected) that cover it. Sorted by strength desc, then code.
// The candidate options of one gap are in gap-join-options.cypher (JOIN) and gap-host-options.cypher (HOST).
//
// Parameters (Neo4j Browser):
//   :param asOf => date('2026-01-01')
//   :param area => 'lon'
//   :param forms => null      // null = FEDERATION, JOINT_COMMITTEE, AGREEMENT, COMPANY, ASSOCIATION
WITH $asOf AS d,
     coalesce($forms, ['FEDERATION', 'JOINT_COMMITTEE', 'AGREEMENT', 'COMPANY', 'ASSOCIATION']) AS forms
// Who covers the area. With no grouping key the aggregation yields one row even when nobody covers it.
OPTIONAL MATCH (c:Municipality)-[r:PARTY_TO]->(b:Body)-[:COVERS]->(:ServiceArea {id: $area})
WHERE b.form IN forms
  AND (b.validFrom IS NULL OR b.validFrom <= d) AND (b.validTo IS NULL OR b.validTo > d)
  AND (r.validFrom IS NULL OR r.validFrom <= d) AND (r.validTo IS NULL OR r.validTo > d)
WITH collect(DISTINCT c.code) AS covering
MATCH (m:Municipality)-[:BORDERS]-(n:Municipality)
WHERE NOT m.code IN covering
WITH m, n, covering
ORDER BY n.code
WITH m,
     count(DISTINCT n) AS neighbours,
     collect(DISTINCT CASE WHEN n.code IN covering THEN n.code END) AS coveringNeighbours
WHERE size(coveringNeighbours) > 0
RETURN m.code AS code, m.name AS name, $area AS area, neighbours, coveringNeighbours,
       toFloat(size(coveringNeighbours)) / neighbours AS strength
ORDER BY strength DESC, code;
