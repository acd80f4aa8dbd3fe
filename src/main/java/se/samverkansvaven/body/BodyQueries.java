package se.samverkansvaven.body;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import se.samverkansvaven.source.Citation;

/**
 * Reads one body with its whole history of parties, conveners and links; activity is flagged per date. With
 * {@code illustrative} false every read answers as if the illustrative rows were not loaded: no illustrative
 * body, and no illustrative party row, convener, link or goal of a real one.
 */
@Component
class BodyQueries {

    private static final String BODY = """
            MATCH (b:Body {id: $id})
            OPTIONAL MATCH (b)-[:SEATED_IN]->(seat:Municipality)
            CALL (b) {
              OPTIONAL MATCH (p)-[r:PARTY_TO]->(b)
              WHERE $illustrative OR NOT (coalesce(r.illustrative, false) OR coalesce(p.illustrative, false))
              WITH p, r ORDER BY r.role, coalesce(p.code, p.id), r.validFrom
              RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {
                party: coalesce(p.code, p.id), name: p.name, type: labels(p)[0], role: r.role,
                validFrom: r.validFrom, validTo: r.validTo, representative: r.representative, source: r.source} END) AS parties
            }
            CALL (b) {
              OPTIONAL MATCH (p)-[r:CONVENES]->(b)
              WHERE $illustrative OR NOT (coalesce(r.illustrative, false) OR coalesce(p.illustrative, false))
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
              WHERE $illustrative OR NOT coalesce(g.illustrative, false)
              WITH g ORDER BY g.id
              RETURN collect(g {.id, .name}) AS goals
            }
            CALL (b) {
              OPTIONAL MATCH (b)-[l:LINKED_WITH]-(other:Body)
              WHERE $illustrative OR NOT (coalesce(l.illustrative, false) OR coalesce(other.illustrative, false))
              WITH l, other ORDER BY other.id, l.validFrom
              RETURN collect(CASE WHEN l IS NULL THEN NULL ELSE {
                network: other.id, name: other.name, kind: l.kind, validFrom: l.validFrom, validTo: l.validTo,
                source: l.source} END) AS links
            }
            RETURN b, seat, parties, conveners, areas, goals, links""";

    private static final String ALL = """
            MATCH (b:Body)
            WHERE $illustrative OR NOT coalesce(b.illustrative, false)
            RETURN b.id AS id, b.form AS form, b.name AS name, b.validFrom AS validFrom, b.validTo AS validTo,
                   coalesce(b.illustrative, false) AS illustrative""";

    private final Neo4jClient client;

    BodyQueries(Neo4jClient client) {
        this.client = client;
    }

    /** The body; its illustrative rows are left out unless {@code illustrative} (the body itself is not checked). */
    Optional<BodyDetails> byId(String id, LocalDate asOf, boolean illustrative) {
        return client.query(BODY).bindAll(Map.of("id", id, "illustrative", illustrative)).fetchAs(BodyDetails.class)
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
                    String bodySource = b.get("source").asString(null);
                    List<String> sources = new ArrayList<>();
                    sources.add(bodySource);
                    parties.forEach(p -> sources.add(p.source() != null ? p.source() : bodySource));
                    conveners.forEach(p -> sources.add(p.source() != null ? p.source() : bodySource));
                    links.forEach(l -> sources.add(l.source()));
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
                            links, citations(sources));
                })
                .one();
    }

    /** Every body whose folded name contains the folded needle, or whose id starts with it; by name. */
    List<BodyDetails.Summary> search(String needle, LocalDate asOf, int limit, boolean illustrative) {
        String folded = fold(needle);
        return client.query(ALL).bindAll(Map.of("illustrative", illustrative)).fetchAs(BodyDetails.Summary.class).mappedBy((types, r) -> {
                    LocalDate from = date(r.get("validFrom"));
                    LocalDate to = date(r.get("validTo"));
                    return new BodyDetails.Summary(r.get("id").asString(), r.get("form").asString(null),
                            r.get("name").asString(null), from, to, BodyDetails.active(from, to, asOf),
                            r.get("illustrative").asBoolean());
                }).all().stream()
                .filter(b -> folded.isEmpty() || b.id().startsWith(folded) || (b.name() != null && fold(b.name()).contains(folded)))
                .sorted(java.util.Comparator.comparing((BodyDetails.Summary b) -> b.name() == null ? "" : fold(b.name()))
                        .thenComparing(BodyDetails.Summary::id))
                .limit(limit)
                .toList();
    }

    /** Lower case without diacritics, as the municipality search matches ("skovde" finds "Skövde"). */
    static String fold(String s) {
        return java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** The distinct citations of these source cells, in order (an empty cell adds none). */
    private static List<Citation> citations(List<String> sources) {
        Map<String, Citation> distinct = new LinkedHashMap<>();
        for (String source : sources) {
            for (Citation c : Citation.parse(source)) {
                distinct.putIfAbsent(c.text(), c);
            }
        }
        return List.copyOf(distinct.values());
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
