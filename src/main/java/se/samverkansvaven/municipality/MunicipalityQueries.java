package se.samverkansvaven.municipality;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Date-filtered reads around one municipality. A body row is illustrative when the body or the
 * municipality's row in it is; with {@code illustrative} false such rows are left out, as if not loaded.
 */
@Component
class MunicipalityQueries {

    private static final String DETAILS = """
            MATCH (m:Municipality {code: $code})
            OPTIONAL MATCH (m)-[:IN_COUNTY]->(c:County)
            CALL (m) {
              OPTIONAL MATCH (m)-[:BORDERS]-(n:Municipality)
              WITH n ORDER BY n.code
              RETURN collect(n {.code, .name}) AS neighbours
            }
            CALL (m) {
              OPTIONAL MATCH (m)-[r:PARTY_TO|CONVENES]->(b:Body)
              WHERE (b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR b.validTo > $asOf)
                AND (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo > $asOf)
                AND ($illustrative OR NOT (coalesce(b.illustrative, false) OR coalesce(r.illustrative, false)))
              CALL (b) {
                OPTIONAL MATCH (b)-[:COVERS]->(a:ServiceArea)
                WITH a ORDER BY a.id
                RETURN collect(a.id) AS areas
              }
              WITH b, r, areas ORDER BY b.form, b.name, b.id
              RETURN collect(CASE WHEN b IS NULL THEN NULL ELSE {
                id: b.id, form: b.form, name: b.name,
                role: CASE type(r) WHEN 'CONVENES' THEN 'CONVENER' ELSE r.role END,
                since: r.validFrom, until: r.validTo, areas: areas, source: b.source,
                illustrative: coalesce(b.illustrative, false) OR coalesce(r.illustrative, false)} END) AS bodies
            }
            RETURN m, c, neighbours, bodies""";

    private final Neo4jClient client;

    MunicipalityQueries(Neo4jClient client) {
        this.client = client;
    }

    Optional<MunicipalityDetails> details(String code, LocalDate asOf, boolean illustrative) {
        return client.query(DETAILS).bindAll(Map.of("code", code, "asOf", asOf, "illustrative", illustrative))
                .fetchAs(MunicipalityDetails.class)
                .mappedBy((types, record) -> {
                    Value m = record.get("m");
                    Value c = record.get("c");
                    var neighbours = record.get("neighbours").asList(n -> new MunicipalityDetails.Neighbour(
                            n.get("code").asString(), n.get("name").asString()));
                    var bodies = record.get("bodies").asList(b -> new MunicipalityDetails.BodyRole(
                            b.get("id").asString(), b.get("form").asString(), b.get("name").asString(),
                            b.get("role").asString(), date(b.get("since")), date(b.get("until")),
                            b.get("areas").asList(Value::asString), b.get("source").asString(null),
                            b.get("illustrative").asBoolean()));
                    return new MunicipalityDetails(
                            m.get("code").asString(), m.get("name").asString(),
                            c.isNull() ? null : new MunicipalityDetails.County(c.get("code").asString(), c.get("name").asString()),
                            m.get("lat").asDouble(), m.get("lon").asDouble(),
                            m.get("population").isNull() ? null : m.get("population").asInt(),
                            asOf, neighbours.stream().map(MunicipalityDetails.Neighbour::code).toList(),
                            neighbours, bodies, illustrative, false, false, null);
                })
                .one();
    }

    private static LocalDate date(Value value) {
        return value.isNull() ? null : value.asLocalDate();
    }

}
