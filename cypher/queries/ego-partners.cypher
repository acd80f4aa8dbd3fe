// Partners of one municipality in P with weight and multiplexity (domain.md item 1; Java: the partners of
// EgoWebAnalysis, PartnerWeights). weight w(m,v) = bodies of B both are parties to on $asOf;
// multiplexity = distinct service areas of those bodies. Sorted by weight desc, then id.
//
// Parameters (Neo4j Browser):
//   :param asOf => date('2026-01-01')
//   :param code => '1496'
//   :param forms => null      // null = the default forms (see ego-web-depth1.cypher)
WITH $asOf AS d,
     coalesce($forms, ['FEDERATION', 'JOINT_COMMITTEE', 'AGREEMENT', 'COMPANY', 'ASSOCIATION']) AS forms
MATCH (m:Municipality {code: $code})-[r1:PARTY_TO]->(b:Body)<-[r2:PARTY_TO]-(v)
WHERE v <> m
  AND (v:Municipality OR (v:Actor AND v.kind = 'REGION'))
  AND b.form IN forms
  AND (b.validFrom IS NULL OR b.validFrom <= d) AND (b.validTo IS NULL OR b.validTo > d)
  AND (r1.validFrom IS NULL OR r1.validFrom <= d) AND (r1.validTo IS NULL OR r1.validTo > d)
  AND (r2.validFrom IS NULL OR r2.validFrom <= d) AND (r2.validTo IS NULL OR r2.validTo > d)
WITH v, collect(DISTINCT b) AS bodies
// COLLECT subquery: the areas of the shared bodies, distinct and ascending
WITH v, bodies,
     COLLECT { UNWIND bodies AS sb MATCH (sb)-[:COVERS]->(a:ServiceArea) RETURN DISTINCT a.id AS id ORDER BY id } AS areas
RETURN coalesce(v.code, v.id)                       AS id,
       v.name                                       AS name,
       size(bodies)                                 AS weight,
       size(areas)                                  AS multiplexity,
       [sb IN bodies | sb.id]                       AS sharedBodies,
       areas                                        AS sharedAreas
ORDER BY weight DESC, id;
