// Gaps for one service area (domain.md items 5 and 8; Java: GapAnalysis, the gaps and their strength).
// m covers $area when it is a party (any role, row active) to a body active on $asOf in $forms covering
// $area. m is covered for $forms when every form of them is spoken for by a :Coverage row of m active on
// $asOf (its forms absent or empty, or naming the form; docs/model.md "Coverage"). A gap is a covered m not
// covering $area while at least one bordering municipality does; strength = among m's neighbours (BORDERS,
// read undirected) whose coverage of $area is known (covered, or covering it), the share that cover it.
// Sorted by strength desc, then code.
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
WITH d, forms, collect(DISTINCT c.code) AS covering
// Who is covered for the forms (one row even when no coverage row is active).
OPTIONAL MATCH (cov:Coverage)-[:OF]->(cm:Municipality)
WHERE cov.validFrom <= d AND (cov.validTo IS NULL OR cov.validTo > d)
WITH forms, covering, cm, collect(coalesce(cov.forms, [])) AS rowForms
WITH covering, collect(CASE WHEN cm IS NOT NULL
                             AND all(f IN forms WHERE any(fs IN rowForms WHERE size(fs) = 0 OR f IN fs))
                            THEN cm.code END) AS covered
MATCH (m:Municipality)-[:BORDERS]-(n:Municipality)
WHERE m.code IN covered AND NOT m.code IN covering
WITH m, n, covering, covered
ORDER BY n.code
WITH m,
     count(DISTINCT n) AS neighbours,
     collect(DISTINCT CASE WHEN n.code IN covering THEN n.code END) AS coveringNeighbours,
     collect(DISTINCT CASE WHEN n.code IN covering OR n.code IN covered THEN n.code END) AS knownNeighbours
WHERE size(coveringNeighbours) > 0
RETURN m.code AS code, m.name AS name, $area AS area, neighbours, size(knownNeighbours) AS knownNeighbours,
       coveringNeighbours, toFloat(size(coveringNeighbours)) / size(knownNeighbours) AS strength
ORDER BY strength DESC, code;
