// Host roles per municipality (domain.md item 3; Java: HostConcentrationAnalysis, h_i and seats).
// h = HOST rows on joint committees and agreements active on $asOf (the row active too), optionally only
// bodies covering $area. Federation seats (SEATED_IN of active federations, same filter) are reported in a
// column of their own and never added to h. Every municipality is listed, hosts or not, so N and the Gini
// of a scope can be computed from the rows (filter the rows by the scope's codes, or set $codes).
//
// Parameters (Neo4j Browser):
//   :param asOf => date('2026-01-01')
//   :param area => null       // or a service-area id such as 'raddning'
//   :param codes => null      // or a list of municipality codes (the scope); null = all municipalities
WITH $asOf AS d
MATCH (m:Municipality)
WHERE $codes IS NULL OR m.code IN $codes
CALL (m, d) {
  OPTIONAL MATCH (m)-[r:PARTY_TO {role: 'HOST'}]->(b:Body)
  WHERE b.form IN ['JOINT_COMMITTEE', 'AGREEMENT']
    AND (b.validFrom IS NULL OR b.validFrom <= d) AND (b.validTo IS NULL OR b.validTo > d)
    AND (r.validFrom IS NULL OR r.validFrom <= d) AND (r.validTo IS NULL OR r.validTo > d)
    AND ($area IS NULL OR EXISTS { (b)-[:COVERS]->(:ServiceArea {id: $area}) })
  RETURN count(DISTINCT b) AS hostRoles, collect(DISTINCT b.id) AS hostedBodies
}
CALL (m, d) {
  OPTIONAL MATCH (f:Body:Federation)-[:SEATED_IN]->(m)
  WHERE (f.validFrom IS NULL OR f.validFrom <= d) AND (f.validTo IS NULL OR f.validTo > d)
    AND ($area IS NULL OR EXISTS { (f)-[:COVERS]->(:ServiceArea {id: $area}) })
  RETURN count(DISTINCT f) AS seats
}
RETURN m.code AS code, m.name AS name, hostRoles, seats, hostedBodies
ORDER BY hostRoles DESC, code;
