// The codes of federation $federation's members in the export window (its federation scope).
// Window: $from/$to, either null for an open end (see bodies.cypher); $illustrative false leaves illustrative rows out.
MATCH (m:Municipality)-[r:PARTY_TO]->(f:Body:Federation {id: $federation})
WHERE (r.validFrom IS NULL OR $to IS NULL OR r.validFrom < $to)
  AND (r.validTo IS NULL OR $from IS NULL OR r.validTo > $from)
  AND (f.validFrom IS NULL OR $to IS NULL OR f.validFrom < $to)
  AND (f.validTo IS NULL OR $from IS NULL OR f.validTo > $from)
  AND ($illustrative OR NOT coalesce(r.illustrative, false))
RETURN DISTINCT m.code AS code
