// Ego web of one municipality at depth 1 (domain.md item 1; Java: EgoWebAnalysis, depth 1).
// The bodies of B the municipality is a party to on $asOf, and every party row (municipality or REGION
// actor, as in P) of those bodies, one row per edge of the bipartite graph. The ego's own rows are included.
// A body counts when active on $asOf and in $forms; a PARTY_TO counts only when it is active too.
//
// Parameters (Neo4j Browser):
//   :param asOf => date('2026-01-01')
//   :param code => '1496'
//   :param forms => null      // null = FEDERATION, JOINT_COMMITTEE, AGREEMENT, COMPANY, ASSOCIATION;
//                             // or a list such as ['FEDERATION', 'NETWORK']
WITH $asOf AS d,
     coalesce($forms, ['FEDERATION', 'JOINT_COMMITTEE', 'AGREEMENT', 'COMPANY', 'ASSOCIATION']) AS forms
MATCH (m:Municipality {code: $code})-[mine:PARTY_TO]->(b:Body)
WHERE b.form IN forms
  AND (b.validFrom IS NULL OR b.validFrom <= d) AND (b.validTo IS NULL OR b.validTo > d)
  AND (mine.validFrom IS NULL OR mine.validFrom <= d) AND (mine.validTo IS NULL OR mine.validTo > d)
MATCH (p)-[r:PARTY_TO]->(b)
WHERE (p:Municipality OR (p:Actor AND p.kind = 'REGION'))
  AND (r.validFrom IS NULL OR r.validFrom <= d) AND (r.validTo IS NULL OR r.validTo > d)
RETURN coalesce(p.code, p.id)                                  AS source,
       p.name                                                  AS sourceName,
       CASE WHEN p:Municipality THEN 'municipality' ELSE 'region' END AS sourceType,
       b.id                                                    AS target,
       b.name                                                  AS bodyName,
       b.form                                                  AS form,
       r.role                                                  AS role,
       coalesce(b.illustrative, false)                         AS illustrative,
       CASE WHEN coalesce(p.code, p.id) = $code THEN 0 ELSE 2 END AS distance
ORDER BY source, target;
