package se.samverkansvaven.body;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Reads one body with its whole history of parties, conveners and links; activity is flagged per date. */
@Component
class BodyQueries {

    private static final String BODY = """
            MATCH (b:Body {id: $id})
            OPTIONAL MATCH (b)-[:SEATED_IN]->(seat:Municipality)
            CALL (b) {
              OPTIONAL MATCH (p)-[r:PARTY_TO]->(b)
              WITH p, r ORDER BY r.role, coalesce(p.code, p.id), r.validFrom
              RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {
                party: coalesce(p.code, p.id), name: p.name, type: labels(p)[0], role: r.role,
                validFrom: r.validFrom, validTo: r.validTo, representative: r.representative, source: r.source} END) AS parties
            }
            CALL (b) {
              OPTIONAL MATCH (p)-[r:CONVENES]->(b)
              WITH p, r ORDER BY coalesce(p.code, p.id), r.validFrom
              RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {
                party: coalesce(p.code, p.id), name: p.name, type: labels(p)[0], role: 'CONVENER',
                validFrom: r.validFrom, validTo: r.validTo, representative: null, source: r.source} END) AS conveners
            }
            CALL (b) {
              OPTIONAL MATCH (b)-[:COVERS]->(a:ServiceArea)
              WITH a ORDER BY a.id
              RETURN collect(a {.id, .sector, .nameSv, .nameEn}) AS areas
            }
            CALL (b) {
              OPTIONAL MATCH (b)-[:WORKS_ON]->(g:Goal)
              WITH g ORDER BY g.id
              RETURN collect(g {.id, .name}) AS goals
            }
            CALL (b) {
              OPTIONAL MATCH (b)-[l:LINKED_WITH]-(other:Body)
              WITH l, other ORDER BY other.id, l.validFrom
              RETURN collect(CASE WHEN l IS NULL THEN NULL ELSE {
                network: other.id, name: other.name, kind: l.kind, validFrom: l.validFrom, validTo: l.validTo,
                source: l.source} END) AS links
            }
            RETURN b, seat, parties, conveners, areas, goals, links""";

    private final Neo4jClient client;

    BodyQueries(Neo4jClient client) {
        this.client = client;
    }

    Optional<BodyDetails> byId(String id, LocalDate asOf) {
        return client.query(BODY).bindAll(Map.of("id", id)).fetchAs(BodyDetails.class)
                .mappedBy((types, record) -> {
                    Value b = record.get("b");
                    LocalDate from = date(b.get("validFrom"));
                    LocalDate to = date(b.get("validTo"));
                    boolean bodyActive = BodyDetails.active(from, to, asOf);
                    var parties = record.get("parties").asList(p -> party(p, bodyActive, asOf));
                    var conveners = record.get("conveners").asList(p -> party(p, bodyActive, asOf));
                    var links = record.get("links").asList(l -> new BodyDetails.Link(
                            l.get("network").asString(), l.get("name").asString(), l.get("kind").asString(),
                            date(l.get("validFrom")), date(l.get("validTo")), l.get("source").asString(null),
                            bodyActive && BodyDetails.active(date(l.get("validFrom")), date(l.get("validTo")), asOf)));
                    Value seat = record.get("seat");
                    return new BodyDetails(
                            b.get("id").asString(), b.get("form").asString(), b.get("name").asString(),
                            b.get("sector").asString(null), b.get("level").asString(null),
                            b.get("governance").asString(null),
                            seat.isNull() ? null : new BodyDetails.Seat(seat.get("code").asString(), seat.get("name").asString()),
                            from, to, b.get("source").asString(null), b.get("illustrative").asBoolean(false),
                            asOf, bodyActive, parties, conveners,
                            record.get("areas").asList(a -> new BodyDetails.Area(a.get("id").asString(),
                                    a.get("sector").asString(), a.get("nameSv").asString(), a.get("nameEn").asString())),
                            record.get("goals").asList(g -> new BodyDetails.Goal(g.get("id").asString(), g.get("name").asString())),
                            links);
                })
                .one();
    }

    private static BodyDetails.Party party(Value p, boolean bodyActive, LocalDate asOf) {
        LocalDate from = date(p.get("validFrom"));
        LocalDate to = date(p.get("validTo"));
        return new BodyDetails.Party(p.get("party").asString(), p.get("name").asString(null),
                p.get("type").asString(), p.get("role").asString(), from, to,
                p.get("representative").asString(null), p.get("source").asString(null),
                bodyActive && BodyDetails.active(from, to, asOf));
    }

    private static LocalDate date(Value value) {
        return value.isNull() ? null : value.asLocalDate();
    }
}
