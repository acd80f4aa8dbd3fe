// JOIN options for one gap (domain.md item 5; Java: GapAnalysis.joinOptions).
// Active bodies in $forms covering $area that have a municipality party bordering $code and do not have
// $code as a party; ranked by bordering parties desc, then the distance from $code to the host
// (a municipality), else the seat, else the nearest municipality party, then body id.
// Distance: haversine between centroids with R = 6371 km, written out (point.distance uses another radius).
//
// Parameters (Neo4j Browser):
//   :param asOf => date('2026-01-01')
//   :param code => '1496'
//   :param area => 'lon'
//   :param forms => null      // null = FEDERATION, JOINT_COMMITTEE, AGREEMENT, COMPANY, ASSOCIATION
WITH $asOf AS d,
     coalesce($forms, ['FEDERATION', 'JOINT_COMMITTEE', 'AGREEMENT', 'COMPANY', 'ASSOCIATION']) AS forms
MATCH (m:Municipality {code: $code})-[:BORDERS]-(n:Municipality)-[r:PARTY_TO]->(b:Body)-[:COVERS]->(:ServiceArea {id: $area})
WHERE b.form IN forms
  AND (b.validFrom IS NULL OR b.validFrom <= d) AND (b.validTo IS NULL OR b.validTo > d)
  AND (r.validFrom IS NULL OR r.validFrom <= d) AND (r.validTo IS NULL OR r.validTo > d)
  AND NOT EXISTS {
    MATCH (m)-[own:PARTY_TO]->(b)
    WHERE (own.validFrom IS NULL OR own.validFrom <= d) AND (own.validTo IS NULL OR own.validTo > d)
  }
WITH d, m, b, n ORDER BY n.code
WITH d, m, b, collect(DISTINCT n.code) AS bordering
// distance basis: the municipal host, else the seat, else the nearest municipality party
CALL (d, m, b) {
  OPTIONAL MATCH (h:Municipality)-[rh:PARTY_TO {role: 'HOST'}]->(b)
  WHERE (rh.validFrom IS NULL OR rh.validFrom <= d) AND (rh.validTo IS NULL OR rh.validTo > d)
  OPTIONAL MATCH (b)-[:SEATED_IN]->(s:Municipality)
  OPTIONAL MATCH (p:Municipality)-[rp:PARTY_TO]->(b)
  WHERE (rp.validFrom IS NULL OR rp.validFrom <= d) AND (rp.validTo IS NULL OR rp.validTo > d)
  WITH m, h, s, p,
       2 * 6371 * asin(sqrt(
         sin(radians(p.lat - m.lat) / 2) ^ 2
         + cos(radians(m.lat)) * cos(radians(p.lat)) * sin(radians(p.lon - m.lon) / 2) ^ 2)) AS pKm
  ORDER BY pKm, p.code
  WITH m, h, s, collect(p)[0] AS nearest
  WITH CASE WHEN h IS NOT NULL THEN 'HOST' WHEN s IS NOT NULL THEN 'SEAT' ELSE 'NEAREST_PARTY' END AS basis,
       coalesce(h, s, nearest) AS t, m
  RETURN basis, t.code AS distanceTo,
         2 * 6371 * asin(sqrt(
           sin(radians(t.lat - m.lat) / 2) ^ 2
           + cos(radians(m.lat)) * cos(radians(t.lat)) * sin(radians(t.lon - m.lon) / 2) ^ 2)) AS distanceKm
}
RETURN b.id AS body, b.name AS bodyName, b.form AS form, size(bordering) AS borderingParties, bordering,
       basis, distanceTo, distanceKm
ORDER BY borderingParties DESC, distanceKm, body;
