// The bodies of an export: in the window, passing the filters $forms (null: all), $area (null: any) and
// $scope (the municipality codes of a county/federation filter, null: all); $illustrative false leaves every
// illustrative body and row out, as if not loaded.
// Window: $from and $to, either null for an open end; x is in it when
// (x.validFrom IS NULL OR $to IS NULL OR x.validFrom < $to) AND (x.validTo IS NULL OR $from IS NULL OR x.validTo > $from),
// which for a snapshot ($to = $from + 1 day) is docs/model.md's "active on $from".
// Same columns as bodies-by-id.cypher.
MATCH (b:Body)
WHERE (b.validFrom IS NULL OR $to IS NULL OR b.validFrom < $to)
  AND (b.validTo IS NULL OR $from IS NULL OR b.validTo > $from)
  AND ($forms IS NULL OR b.form IN $forms)
  AND ($illustrative OR NOT coalesce(b.illustrative, false))
  AND ($area IS NULL OR EXISTS { (b)-[:COVERS]->(:ServiceArea {id: $area}) })
  AND ($scope IS NULL OR EXISTS {
        MATCH (m:Municipality)-[r:PARTY_TO|CONVENES]->(b)
        WHERE m.code IN $scope
          AND ($illustrative OR NOT coalesce(r.illustrative, false))
          AND (r.validFrom IS NULL OR $to IS NULL OR r.validFrom < $to)
          AND (r.validTo IS NULL OR $from IS NULL OR r.validTo > $from) })
RETURN b.id AS key, labels(b) AS labels, properties(b) AS props,
       COLLECT { MATCH (b)-[:SEATED_IN]->(m:Municipality) RETURN m.code } AS seats,
       COLLECT { MATCH (b)-[:COVERS]->(a:ServiceArea) RETURN a.id } AS areas,
       COLLECT { MATCH (b)-[:WORKS_ON]->(g:Goal) RETURN g.id } AS goals
