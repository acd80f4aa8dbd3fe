package se.samverkansvaven.coverage;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.database.CypherFiles;

/**
 * The one reader of coverage (domain.md item 8): which municipalities are covered for forms F on date D.
 * Plain Java for the analyses and the read API alike: {@code reader.on(date).covered(code, forms)}.
 */
@Component
public class CoverageReader {

    private static final String ACTIVE = CypherFiles.load("cypher/coverage/active.cypher");
    static final String HISTORY = CypherFiles.load("cypher/coverage/history.cypher");

    private final Driver driver;

    CoverageReader(Driver driver) {
        this.driver = driver;
    }

    /** The coverage on {@code date}: every row active then. */
    public Coverage on(LocalDate date) {
        return new Coverage(date, read(ACTIVE, Map.of("asOf", date)));
    }

    /** Every coverage row of one municipality, ended ones included, oldest first. */
    public List<CoverageRow> history(String code) {
        return read(HISTORY, Map.of("code", code));
    }

    private List<CoverageRow> read(String query, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return List.copyOf(session.executeRead(tx -> tx.run(query, parameters).list(CoverageReader::row)));
        }
    }

    static CoverageRow row(Record r) {
        List<Form> list = r.get("forms").isNull() ? List.of() : r.get("forms").asList(v -> Form.valueOf(v.asString()));
        Set<Form> forms = list.isEmpty() ? Set.of() : EnumSet.copyOf(list);
        return new CoverageRow(r.get("id").asString(), r.get("code").asString(), forms, date(r.get("validFrom")),
                date(r.get("validTo")), r.get("source").asString(null), r.get("illustrative").asBoolean());
    }

    private static LocalDate date(Value value) {
        return value.isNull() ? null : value.asLocalDate();
    }
}
