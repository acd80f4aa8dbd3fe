package se.samverkansvaven.coverage;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import se.samverkansvaven.database.CypherFiles;
import se.samverkansvaven.municipality.MunicipalityCodes;
import se.samverkansvaven.web.BadParameterException;
import se.samverkansvaven.web.NotFoundException;

/**
 * The municipalities a coverage answer speaks about, with their names: the analyses' scope syntax
 * ({@code all}, {@code county:14}, {@code federation:fed-skaraborg}: its members on the date,
 * {@code codes:1496,1497}), resolved with Cypher so it needs no analysis input.
 */
final class CoverageScope {

    static final String ACCEPTED = "all, county:CC (e.g. county:14), federation:ID (e.g. federation:fed-skaraborg) "
            + "or codes:CODE,CODE (e.g. codes:1496,1497)";

    private static final String ALL = CypherFiles.load("cypher/coverage/scope-all.cypher");
    private static final String COUNTY = CypherFiles.load("cypher/coverage/scope-county.cypher");
    private static final String FEDERATION = CypherFiles.load("cypher/coverage/scope-federation.cypher");
    private static final String CODES = CypherFiles.load("cypher/coverage/scope-codes.cypher");

    private CoverageScope() {}

    /** Code to name, in code order. */
    static Map<String, String> resolve(String text, LocalDate asOf, Driver driver, MunicipalityCodes pattern) {
        String scope = text == null || text.isBlank() ? "all" : text.strip();
        if (scope.equals("all")) {
            return names(read(driver, ALL, Map.of()));
        }
        int colon = scope.indexOf(':');
        if (colon < 0) {
            throw new BadParameterException("scope", "'" + scope + "' is not a scope; use " + ACCEPTED + ".");
        }
        String kind = scope.substring(0, colon);
        String value = scope.substring(colon + 1);
        return switch (kind) {
            case "county" -> county(value, driver);
            case "federation" -> federation(value, asOf, driver);
            case "codes" -> codes(value, driver, pattern);
            default -> throw new BadParameterException("scope", "unknown scope kind '" + kind + "'; use " + ACCEPTED + ".");
        };
    }

    private static Map<String, String> county(String code, Driver driver) {
        if (!code.matches("\\d{2}")) {
            throw new BadParameterException("scope", "'" + code + "' is not a county code; county codes are 2 digits, e.g. county:14.");
        }
        Map<String, String> members = names(read(driver, COUNTY, Map.of("county", code)));
        if (members.isEmpty()) {
            throw new NotFoundException("No county has code " + code + ".");
        }
        return members;
    }

    private static Map<String, String> federation(String id, LocalDate asOf, Driver driver) {
        Record record = read(driver, FEDERATION, Map.of("id", id, "asOf", asOf)).getFirst();
        String form = record.get("form").asString(null);
        if (form == null || !record.get("active").asBoolean(false)) {
            throw new NotFoundException("No federation '" + id + "' is active on " + asOf + ".");
        }
        if (!"FEDERATION".equals(form)) {
            throw new BadParameterException("scope", "'" + id + "' is a " + form + ", not a FEDERATION.");
        }
        Map<String, String> members = new java.util.TreeMap<>();
        for (Value pair : record.get("members").values()) {
            members.put(pair.get(0).asString(), pair.get(1).asString());
        }
        return new LinkedHashMap<>(members);
    }

    private static Map<String, String> codes(String list, Driver driver, MunicipalityCodes pattern) {
        List<String> codes = Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (codes.isEmpty()) {
            throw new BadParameterException("scope", "codes: needs at least one municipality code, e.g. codes:1496,1497.");
        }
        for (String code : codes) {
            if (!pattern.matches(code)) {
                throw new BadParameterException("scope", "'" + code + "' is not a municipality code; " + pattern.describe() + ".");
            }
        }
        Map<String, String> found = names(read(driver, CODES, Map.of("codes", codes)));
        for (String code : codes) {
            if (!found.containsKey(code)) {
                throw new NotFoundException("No municipality has code " + code + ".");
            }
        }
        return new LinkedHashMap<>(new java.util.TreeMap<>(found));
    }

    private static Map<String, String> names(List<Record> rows) {
        Map<String, String> names = new LinkedHashMap<>();
        rows.forEach(r -> names.put(r.get("code").asString(), r.get("name").asString(null)));
        return names;
    }

    private static List<Record> read(Driver driver, String query, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(query, parameters).list());
        }
    }
}
