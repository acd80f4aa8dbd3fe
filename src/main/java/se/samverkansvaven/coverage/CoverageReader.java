package se.samverkansvaven.coverage;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import se.samverkansvaven.body.Form;

/**
 * The one reader of coverage (domain.md item 8): which municipalities are covered for forms F on date D.
 * Plain Java for the analyses and the read API alike: {@code reader.on(date).covered(code, forms)}.
 */
@Component
public class CoverageReader {

    private static final String COLUMNS = """
            RETURN m.code AS code, c.id AS id, c.forms AS forms, c.validFrom AS validFrom, c.validTo AS validTo,
                   c.source AS source, coalesce(c.illustrative, false) AS illustrative
            ORDER BY code, validFrom, id""";

    private static final String ACTIVE = """
            MATCH (c:Coverage)-[:OF]->(m:Municipality)
            WHERE c.validFrom <= $asOf AND (c.validTo IS NULL OR c.validTo > $asOf)
            """ + COLUMNS;

    static final String HISTORY = """
            MATCH (c:Coverage)-[:OF]->(m:Municipality {code: $code})
            """ + COLUMNS;

    private final Neo4jClient client;

    CoverageReader(Neo4jClient client) {
        this.client = client;
    }

    /** The coverage on {@code date}: every row active then. */
    public Coverage on(LocalDate date) {
        return new Coverage(date, client.query(ACTIVE).bindAll(Map.of("asOf", date))
                .fetchAs(CoverageRow.class).mappedBy((types, record) -> row(record)).all());
    }

    /** Every coverage row of one municipality, ended ones included, oldest first. */
    public List<CoverageRow> history(String code) {
        return List.copyOf(client.query(HISTORY).bindAll(Map.of("code", code))
                .fetchAs(CoverageRow.class).mappedBy((types, record) -> row(record)).all());
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
