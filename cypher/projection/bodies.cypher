// Bodies active on $asOf with their areas, goals ([goal, illustrative]), seat, the party rows active on $asOf
// ([party, role, type, illustrative]) and who convenes them ([convener, illustrative]). One record per body: a record per party row read each body's dates again for every
// row and took ~40 % longer at 2,000,000 party rows.
MATCH (b:Body)
WHERE (b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR b.validTo > $asOf)
OPTIONAL MATCH (b)-[:SEATED_IN]->(seat:Municipality)
RETURN b.id AS id, b.form AS form, b.name AS name, b.sector AS sector, b.level AS level,
       seat.code AS seat, coalesce(b.illustrative, false) AS illustrative,
       COLLECT { MATCH (b)-[:COVERS]->(a:ServiceArea) RETURN a.id } AS areas,
       COLLECT { MATCH (b)-[:WORKS_ON]->(g:Goal) RETURN [g.id, coalesce(g.illustrative, false)] } AS goals,
       [(p)-[r:PARTY_TO]->(b)
         WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo > $asOf)
         | [coalesce(p.code, p.id), r.role,
            CASE WHEN p:Municipality THEN 'MUNICIPALITY' WHEN p:Actor THEN 'ACTOR' ELSE 'BODY' END,
            coalesce(r.illustrative, false)]] AS parties,
       [(c)-[r:CONVENES]->(b)
         WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo > $asOf)
         | [coalesce(c.code, c.id), coalesce(r.illustrative, false)]] AS conveners
