// Party rows active on $asOf, in bodies active on $asOf.
MATCH (p)-[r:PARTY_TO]->(b:Body)
WHERE (b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR b.validTo > $asOf)
  AND (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo > $asOf)
RETURN b.id AS body, coalesce(p.code, p.id) AS party, r.role AS role,
       CASE WHEN p:Municipality THEN 'MUNICIPALITY' WHEN p:Actor THEN 'ACTOR' ELSE 'BODY' END AS type
