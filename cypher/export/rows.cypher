// PARTY_TO and CONVENES rows of the bodies $ids: those in the window $from/$to (see bodies.cypher), or all
// when $full; without $illustrative neither an illustrative row nor a row of an illustrative party (actor or body).
MATCH (p)-[r:PARTY_TO|CONVENES]->(b:Body)
WHERE b.id IN $ids
  AND ($illustrative OR NOT (coalesce(r.illustrative, false) OR coalesce(p.illustrative, false)))
  AND ($full OR ((r.validFrom IS NULL OR $to IS NULL OR r.validFrom < $to)
             AND (r.validTo IS NULL OR $from IS NULL OR r.validTo > $from)))
RETURN type(r) AS type, b.id AS body, coalesce(p.code, p.id) AS party,
       CASE WHEN p:Municipality THEN 'Municipality' WHEN p:Actor THEN 'Actor' ELSE 'Body' END AS partyType,
       properties(r) AS props
