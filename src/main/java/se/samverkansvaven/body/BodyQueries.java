package se.samverkansvaven.body;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import se.samverkansvaven.database.CypherFiles;
import se.samverkansvaven.source.Citation;

/**
 * Reads one body with its whole history of parties, conveners and links; activity is flagged per date. With
 * {@code illustrative} false every read answers as if the illustrative rows were not loaded: no illustrative
 * body, and no illustrative party row, convener, link or goal of a real one.
 */
@Component
class BodyQueries {

    private static final String DETAILS = CypherFiles.load("cypher/body/details.cypher");
    private static final String ALL = CypherFiles.load("cypher/body/all.cypher");

    private final Driver driver;

    BodyQueries(Driver driver) {
        this.driver = driver;
    }

    /** The body; its illustrative rows are left out unless {@code illustrative} (the body itself is not checked). */
    Optional<BodyDetails> byId(String id, LocalDate asOf, boolean illustrative) {
        return read(DETAILS, Map.of("id", id, "illustrative", illustrative), record -> {
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
                }).stream().findFirst();
    }

    /** Every body whose folded name contains the folded needle, or whose id starts with it; by name. */
    List<BodyDetails.Summary> search(String needle, LocalDate asOf, int limit, boolean illustrative) {
        String folded = fold(needle);
        return read(ALL, Map.of("illustrative", illustrative), r -> {
                    LocalDate from = date(r.get("validFrom"));
                    LocalDate to = date(r.get("validTo"));
                    return new BodyDetails.Summary(r.get("id").asString(), r.get("form").asString(null),
                            r.get("name").asString(null), from, to, BodyDetails.active(from, to, asOf),
                            r.get("illustrative").asBoolean());
                }).stream()
                .filter(b -> folded.isEmpty() || b.id().startsWith(folded) || (b.name() != null && fold(b.name()).contains(folded)))
                .sorted(java.util.Comparator.comparing((BodyDetails.Summary b) -> b.name() == null ? "" : fold(b.name()))
                        .thenComparing(BodyDetails.Summary::id))
                .limit(limit)
                .toList();
    }

    private <T> List<T> read(String query, Map<String, Object> parameters, Function<Record, T> row) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(query, parameters).list(row));
        }
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
