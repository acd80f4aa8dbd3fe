package se.samverkansvaven.coverage;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.neo4j.core.Neo4jClient;
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

    private static final String ALL = "MATCH (m:Municipality) RETURN m.code AS code, m.name AS name ORDER BY code";
    private static final String COUNTY = """
            MATCH (m:Municipality {countyCode: $county}) RETURN m.code AS code, m.name AS name ORDER BY code""";
    private static final String FEDERATION = """
            OPTIONAL MATCH (f:Body {id: $id})
            RETURN f.form AS form,
                   (f.validFrom IS NULL OR f.validFrom <= $asOf) AND (f.validTo IS NULL OR f.validTo > $asOf) AS active,
                   [(m:Municipality)-[r:PARTY_TO {role: 'MEMBER'}]->(f)
                     WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo > $asOf)
                     | [m.code, m.name]] AS members""";
    private static final String CODES = """
            UNWIND $codes AS code MATCH (m:Municipality {code: code}) RETURN m.code AS code, m.name AS name""";

    private CoverageScope() {}

    /** Code to name, in code order. */
    static Map<String, String> resolve(String text, LocalDate asOf, Neo4jClient client, MunicipalityCodes pattern) {
        String scope = text == null || text.isBlank() ? "all" : text.strip();
        if (scope.equals("all")) {
            return names(client.query(ALL).fetch().all());
        }
        int colon = scope.indexOf(':');
        if (colon < 0) {
            throw new BadParameterException("scope", "'" + scope + "' is not a scope; use " + ACCEPTED + ".");
        }
        String kind = scope.substring(0, colon);
        String value = scope.substring(colon + 1);
        return switch (kind) {
            case "county" -> county(value, client);
            case "federation" -> federation(value, asOf, client);
            case "codes" -> codes(value, client, pattern);
            default -> throw new BadParameterException("scope", "unknown scope kind '" + kind + "'; use " + ACCEPTED + ".");
        };
    }

    private static Map<String, String> county(String code, Neo4jClient client) {
        if (!code.matches("\\d{2}")) {
            throw new BadParameterException("scope", "'" + code + "' is not a county code; county codes are 2 digits, e.g. county:14.");
        }
        Map<String, String> members = names(client.query(COUNTY).bind(code).to("county").fetch().all());
        if (members.isEmpty()) {
            throw new NotFoundException("No county has code " + code + ".");
        }
        return members;
    }

    private static Map<String, String> federation(String id, LocalDate asOf, Neo4jClient client) {
        var record = client.query(FEDERATION).bindAll(Map.of("id", id, "asOf", asOf)).fetch().one().orElseThrow();
        if (record.get("form") == null || !Boolean.TRUE.equals(record.get("active"))) {
            throw new NotFoundException("No federation '" + id + "' is active on " + asOf + ".");
        }
        if (!"FEDERATION".equals(record.get("form"))) {
            throw new BadParameterException("scope", "'" + id + "' is a " + record.get("form") + ", not a FEDERATION.");
        }
        Map<String, String> members = new java.util.TreeMap<>();
        for (Object pair : (List<?>) record.get("members")) {
            List<?> codeAndName = (List<?>) pair;
            members.put((String) codeAndName.get(0), (String) codeAndName.get(1));
        }
        return new LinkedHashMap<>(members);
    }

    private static Map<String, String> codes(String list, Neo4jClient client, MunicipalityCodes pattern) {
        List<String> codes = Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (codes.isEmpty()) {
            throw new BadParameterException("scope", "codes: needs at least one municipality code, e.g. codes:1496,1497.");
        }
        for (String code : codes) {
            if (!pattern.matches(code)) {
                throw new BadParameterException("scope", "'" + code + "' is not a municipality code; " + pattern.describe() + ".");
            }
        }
        Map<String, String> found = names(client.query(CODES).bind(codes).to("codes").fetch().all());
        for (String code : codes) {
            if (!found.containsKey(code)) {
                throw new NotFoundException("No municipality has code " + code + ".");
            }
        }
        return new LinkedHashMap<>(new java.util.TreeMap<>(found));
    }

    private static Map<String, String> names(java.util.Collection<Map<String, Object>> rows) {
        Map<String, String> names = new LinkedHashMap<>();
        rows.forEach(r -> names.put((String) r.get("code"), (String) r.get("name")));
        return names;
    }
}
