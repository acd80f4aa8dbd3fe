// HOST options for one gap (domain.md item 5; Java: GapAnalysis.hostOptions).
// Municipalities other than $code, within $maxKm of it, that are HOST (row active on $asOf) of an active
// body in $forms covering $area; by distance, then code. Haversine with R = 6371 km between centroids.
//
// Parameters (Neo4j Browser):
//   :param asOf => date('2026-01-01')
//   :param code => '1496'
//   :param area => 'lon'
//   :param maxKm => 50.0
//   :param forms => null      // null = FEDERATION, JOINT_COMMITTEE, AGREEMENT, COMPANY, ASSOCIATION
WITH $asOf AS d,
     coalesce($forms, ['FEDERATION', 'JOINT_COMMITTEE', 'AGREEMENT', 'COMPANY', 'ASSOCIATION']) AS forms
MATCH (m:Municipality {code: $code})
MATCH (h:Municipality)-[r:PARTY_TO {role: 'HOST'}]->(b:Body)-[:COVERS]->(:ServiceArea {id: $area})
WHERE h <> m
  AND b.form IN forms
  AND (b.validFrom IS NULL OR b.validFrom <= d) AND (b.validTo IS NULL OR b.validTo > d)
  AND (r.validFrom IS NULL OR r.validFrom <= d) AND (r.validTo IS NULL OR r.validTo > d)
WITH h, b,
     2 * 6371 * asin(sqrt(
       sin(radians(h.lat - m.lat) / 2) ^ 2
       + cos(radians(m.lat)) * cos(radians(h.lat)) * sin(radians(h.lon - m.lon) / 2) ^ 2)) AS km
WHERE km <= coalesce($maxKm, 50.0)
WITH h, km, b ORDER BY b.id
RETURN h.code AS code, h.name AS name, km AS distanceKm, collect(DISTINCT b.id) AS bodies
ORDER BY distanceKm, code;
