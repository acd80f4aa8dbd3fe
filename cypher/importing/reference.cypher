// Everything a bundle may refer to outside itself, in one round trip: kind is the set a key belongs to.
CALL () { MATCH (m:Municipality) RETURN 'municipality' AS kind, m.code AS key, null AS detail
  UNION ALL MATCH (a:ServiceArea) RETURN 'area' AS kind, a.id AS key, null AS detail
  UNION ALL MATCH (s:Sector) RETURN 'sector' AS kind, s.id AS key, null AS detail
  UNION ALL MATCH (a:Actor) RETURN 'actor' AS kind, a.id AS key, a.kind AS detail
  UNION ALL MATCH (g:Goal) RETURN 'goal' AS kind, g.id AS key, null AS detail
  UNION ALL MATCH (b:Body) RETURN 'body' AS kind, b.id AS key, b.form AS detail }
RETURN kind, key, detail
