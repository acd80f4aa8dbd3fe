package se.samverkansvaven.editing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import se.samverkansvaven.database.CypherFiles;

/** Reads a body's editable state inside a transaction (the same one that then changes it). */
final class BodyStateReader {

    private static final String QUERY = CypherFiles.load("cypher/editing/body-state.cypher");

    private BodyStateReader() {}

    static Optional<BodyState> read(TransactionContext tx, String id) {
        var records = tx.run(QUERY, Map.of("id", id)).list();
        if (records.isEmpty()) {
            return Optional.empty();
        }
        var r = records.getFirst();
        Value b = r.get("b");
        List<BodyState.Party> parties = r.get("parties").asList(p -> new BodyState.Party(text(p.get("party")),
                text(p.get("role")), date(p.get("validFrom")), date(p.get("validTo")), text(p.get("representative")),
                text(p.get("source")))).stream()
                .sorted(Comparator.comparing(BodyState.Party::role).thenComparing(BodyState.Party::party)
                        .thenComparing(p -> p.validFrom() == null ? "" : p.validFrom())).toList();
        List<BodyState.Link> links = r.get("links").asList(l -> new BodyState.Link(text(l.get("network")),
                text(l.get("kind")), date(l.get("validFrom")), date(l.get("validTo")), text(l.get("source")))).stream()
                .sorted(Comparator.comparing(BodyState.Link::network).thenComparing(BodyState.Link::kind)
                        .thenComparing(l -> l.validFrom() == null ? "" : l.validFrom())).toList();
        return Optional.of(new BodyState(text(b.get("id")), text(b.get("form")), text(b.get("name")),
                text(b.get("sector")), text(b.get("level")), text(b.get("governance")), text(r.get("seat")),
                date(b.get("validFrom")), date(b.get("validTo")), text(b.get("source")), b.get("version").asLong(0),
                parties, r.get("areas").asList(Value::asString).stream().sorted().toList(),
                r.get("goals").asList(Value::asString).stream().sorted().toList(), links));
    }

    private static String text(Value value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String date(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        LocalDate date = value.asLocalDate();
        return date.toString();
    }
}
