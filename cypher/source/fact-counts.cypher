// The sources catalogue: every stored fact counted by kind and by its source text as stored (a party or convener row
// without a source of its own rests on its body's). One row per (kind, source).
CALL () {
  MATCH (b:Body) RETURN 'bodies' AS kind, b.source AS source, count(*) AS n
  UNION ALL
  MATCH ()-[r:PARTY_TO]->(b:Body) RETURN 'parties' AS kind, coalesce(r.source, b.source) AS source, count(*) AS n
  UNION ALL
  MATCH ()-[r:CONVENES]->(b:Body) RETURN 'conveners' AS kind, coalesce(r.source, b.source) AS source, count(*) AS n
  UNION ALL
  MATCH (:Body)-[l:LINKED_WITH]->(:Body) RETURN 'links' AS kind, l.source AS source, count(*) AS n
  UNION ALL
  MATCH (a:Actor) RETURN 'actors' AS kind, a.source AS source, count(*) AS n
  UNION ALL
  MATCH (g:Goal) RETURN 'goals' AS kind, g.source AS source, count(*) AS n
  UNION ALL
  MATCH (c:Coverage) RETURN 'coverage' AS kind, c.source AS source, count(*) AS n
  UNION ALL
  MATCH (a:ServiceArea) RETURN 'serviceAreas' AS kind, a.source AS source, count(*) AS n
}
RETURN kind, source, n
