package se.samverkansvaven.municipality;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import se.samverkansvaven.database.CypherFiles;

/**
 * The reads of the municipality API: the list, and date-filtered reads around one municipality. A body row is
 * illustrative when the body or the municipality's row in it is; with {@code illustrative} false such rows are left
 * out, as if not loaded.
 */
@Component
class MunicipalityQueries {

    private static final String DETAILS = CypherFiles.load("cypher/municipality/details.cypher");
    private static final String ALL = CypherFiles.load("cypher/municipality/all.cypher");

    private final Driver driver;

    MunicipalityQueries(Driver driver) {
        this.driver = driver;
    }

    /** Every municipality, by name and code. */
    List<MunicipalitySummary> all() {
        return read(ALL, Map.of(), r -> new MunicipalitySummary(r.get("code").asString(), r.get("name").asString(null),
                r.get("countyCode").asString(null)));
    }

    Optional<MunicipalityDetails> details(String code, LocalDate asOf, boolean illustrative) {
        return read(DETAILS, Map.of("code", code, "asOf", asOf, "illustrative", illustrative), record -> {
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
                }).stream().findFirst();
    }

    private <T> List<T> read(String query, Map<String, Object> parameters, Function<Record, T> row) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(query, parameters).list(row));
        }
    }

    private static LocalDate date(Value value) {
        return value.isNull() ? null : value.asLocalDate();
    }

}
