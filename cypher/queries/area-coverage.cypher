// Area coverage per municipality (domain.md item 5; Java: AreaCoverage). Municipality m covers area a on
// $asOf when it is a party, in any role, to a body active on $asOf in $forms that covers a, the PARTY_TO
// row active too. Conveners (CONVENES) are not parties. Municipalities covering nothing are not listed.
//
// Parameters (Neo4j Browser):
//   :param asOf => date('2026-01-01')
//   :param code => null       // or one municipality code
//   :param forms => null      // null = FEDERATION, JOINT_COMMITTEE, AGREEMENT, COMPANY, ASSOCIATION
WITH $asOf AS d,
     coalesce($forms, ['FEDERATION', 'JOINT_COMMITTEE', 'AGREEMENT', 'COMPANY', 'ASSOCIATION']) AS forms
MATCH (m:Municipality)-[r:PARTY_TO]->(b:Body)-[:COVERS]->(a:ServiceArea)
WHERE ($code IS NULL OR m.code = $code)
  AND b.form IN forms
  AND (b.validFrom IS NULL OR b.validFrom <= d) AND (b.validTo IS NULL OR b.validTo > d)
  AND (r.validFrom IS NULL OR r.validFrom <= d) AND (r.validTo IS NULL OR r.validTo > d)
WITH m, a
ORDER BY a.id
RETURN m.code AS code, m.name AS name, collect(DISTINCT a.id) AS areas, count(DISTINCT a) AS areaCount
ORDER BY code;
