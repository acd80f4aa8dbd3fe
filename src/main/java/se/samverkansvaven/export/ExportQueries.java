package se.samverkansvaven.export;

/**
 * The Cypher of the exports, all parameterised. {@code $from} and {@code $to} bound the window
 * ({@link Window}); either may be null for an open end. An element x is in the window when
 * {@code (x.validFrom IS NULL OR $to IS NULL OR x.validFrom < $to) AND (x.validTo IS NULL OR $from IS NULL
 * OR x.validTo > $from)}, which for a snapshot ($to = $from + 1 day) is docs/model.md's "active on $from".
 * {@code $illustrative} false leaves out every illustrative node and row, as if they were not loaded.
 */
final class ExportQueries {

    private ExportQueries() {}

    static final String COUNTY_EXISTS = """
            OPTIONAL MATCH (c:County {code: $county}) RETURN c IS NOT NULL AS found""";

    static final String COUNTY_MUNICIPALITIES = """
            MATCH (m:Municipality {countyCode: $county}) RETURN m.code AS code""";

    static final String FEDERATION_EXISTS = """
            OPTIONAL MATCH (f:Body:Federation {id: $federation})
            RETURN f IS NOT NULL AS found, coalesce(f.illustrative, false) AS illustrative""";

    static final String FEDERATION_MEMBERS = """
            MATCH (m:Municipality)-[r:PARTY_TO]->(f:Body:Federation {id: $federation})
            WHERE (r.validFrom IS NULL OR $to IS NULL OR r.validFrom < $to)
              AND (r.validTo IS NULL OR $from IS NULL OR r.validTo > $from)
              AND (f.validFrom IS NULL OR $to IS NULL OR f.validFrom < $to)
              AND (f.validTo IS NULL OR $from IS NULL OR f.validTo > $from)
              AND ($illustrative OR NOT coalesce(r.illustrative, false))
            RETURN DISTINCT m.code AS code""";

    static final String AREA_EXISTS = """
            OPTIONAL MATCH (a:ServiceArea {id: $area}) RETURN a IS NOT NULL AS found""";

    private static final String BODY_COLUMNS = """
            RETURN b.id AS key, labels(b) AS labels, properties(b) AS props,
                   COLLECT { MATCH (b)-[:SEATED_IN]->(m:Municipality) RETURN m.code } AS seats,
                   COLLECT { MATCH (b)-[:COVERS]->(a:ServiceArea) RETURN a.id } AS areas,
                   COLLECT { MATCH (b)-[:WORKS_ON]->(g:Goal) RETURN g.id } AS goals""";

    /** Bodies in the window that pass the filters; $scope is the municipality codes of a county/federation filter. */
    static final String BODIES = """
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
            """ + BODY_COLUMNS;

    static final String BODIES_BY_ID = """
            MATCH (b:Body) WHERE b.id IN $ids
            """ + BODY_COLUMNS;

    /**
     * PARTY_TO and CONVENES rows of the given bodies: those in the window, or all when $full; without
     * $illustrative neither an illustrative row nor a row of an illustrative party (actor or body).
     */
    static final String ROWS = """
            MATCH (p)-[r:PARTY_TO|CONVENES]->(b:Body)
            WHERE b.id IN $ids
              AND ($illustrative OR NOT (coalesce(r.illustrative, false) OR coalesce(p.illustrative, false)))
              AND ($full OR ((r.validFrom IS NULL OR $to IS NULL OR r.validFrom < $to)
                         AND (r.validTo IS NULL OR $from IS NULL OR r.validTo > $from)))
            RETURN type(r) AS type, b.id AS body, coalesce(p.code, p.id) AS party,
                   CASE WHEN p:Municipality THEN 'Municipality' WHEN p:Actor THEN 'Actor' ELSE 'Body' END AS partyType,
                   properties(r) AS props""";

    static final String LINKS = """
            MATCH (a:Body)-[l:LINKED_WITH]->(b:Body)
            WHERE a.id IN $ids AND b.id IN $ids
              AND ($illustrative OR NOT coalesce(l.illustrative, false))
              AND ($full OR ((l.validFrom IS NULL OR $to IS NULL OR l.validFrom < $to)
                         AND (l.validTo IS NULL OR $from IS NULL OR l.validTo > $from)))
            RETURN a.id AS a, b.id AS b, properties(l) AS props""";

    static final String ACTORS = """
            MATCH (a:Actor) WHERE a.id IN $ids AND ($illustrative OR NOT coalesce(a.illustrative, false))
            RETURN a.id AS key, labels(a) AS labels, properties(a) AS props""";

    static final String GOALS = """
            MATCH (g:Goal) WHERE g.id IN $ids AND ($illustrative OR NOT coalesce(g.illustrative, false))
            RETURN g.id AS key, labels(g) AS labels, properties(g) AS props""";

    static final String GOAL_RELATIONS = """
            MATCH (a:Goal)-[r:CONFLICTS_WITH|SUPPORTS]->(b:Goal)
            WHERE a.id IN $ids AND b.id IN $ids
            RETURN a.id AS a, b.id AS b, type(r) AS type""";

    static final String AREAS = """
            MATCH (a:ServiceArea) WHERE a.id IN $ids
            RETURN a.id AS key, labels(a) AS labels, properties(a) AS props,
                   COLLECT { MATCH (a)-[:IN_SECTOR]->(s:Sector) RETURN s.id } AS sectors""";

    static final String SECTORS = """
            MATCH (s:Sector) WHERE s.id IN $ids RETURN s.id AS key, labels(s) AS labels, properties(s) AS props""";

    /** Every municipality when $codes is null. */
    static final String MUNICIPALITIES = """
            MATCH (m:Municipality) WHERE $codes IS NULL OR m.code IN $codes
            RETURN m.code AS key, labels(m) AS labels, properties(m) AS props,
                   COLLECT { MATCH (m)-[:IN_COUNTY]->(c:County) RETURN c.code } AS counties""";

    static final String COUNTIES = """
            MATCH (c:County) WHERE c.code IN $ids RETURN c.code AS key, labels(c) AS labels, properties(c) AS props""";

    static final String BORDERS = """
            MATCH (a:Municipality)-[:BORDERS]->(b:Municipality)
            WHERE $codes IS NULL OR (a.code IN $codes AND b.code IN $codes)
            RETURN a.code AS a, b.code AS b""";

    /** Coverage rows in the window of the municipalities $codes (null: all), by municipality and start. */
    static final String COVERAGE = """
            MATCH (c:Coverage)-[:OF]->(m:Municipality)
            WHERE ($codes IS NULL OR m.code IN $codes)
              AND ($to IS NULL OR c.validFrom < $to)
              AND (c.validTo IS NULL OR $from IS NULL OR c.validTo > $from)
              AND ($illustrative OR NOT coalesce(c.illustrative, false))
            RETURN m.code AS municipality, c.forms AS forms, c.validFrom AS validFrom, c.validTo AS validTo,
                   c.source AS source, coalesce(c.illustrative, false) AS illustrative
            ORDER BY municipality, validFrom, c.id""";

    /**
     * The audit trail (docs/security.md) made before $before (null: all of it), for the bodies $ids (null:
     * every change, loads and purged bodies included), oldest first.
     */
    static final String CHANGES = """
            MATCH (c:Change)
            WHERE ($before IS NULL OR c.at < $before) AND ($ids IS NULL OR c.entityId IN $ids)
            RETURN c.id AS id, c.at AS at, c.user AS user, c.action AS action, c.entityType AS entityType,
                   c.entityId AS entityId, c.field AS field, c.before AS before, c.after AS after, c.reason AS reason
            ORDER BY c.at, c.id""";
}
