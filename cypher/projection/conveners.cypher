// Who convenes each network or initiative active on $asOf.
MATCH (p)-[r:CONVENES]->(b:Body)
WHERE (b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR b.validTo > $asOf)
  AND (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo > $asOf)
RETURN b.id AS body, coalesce(p.code, p.id) AS convener
