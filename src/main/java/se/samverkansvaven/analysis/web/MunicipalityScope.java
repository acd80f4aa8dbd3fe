package se.samverkansvaven.analysis.web;

import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.PartyRole;
import se.samverkansvaven.municipality.MunicipalityCodes;
import se.samverkansvaven.web.BadParameterException;
import se.samverkansvaven.web.NotFoundException;

/**
 * Which municipalities an analysis looks at: {@code all}, {@code county:14}, {@code federation:fed-skaraborg}
 * (the federation's members on the date) or {@code codes:1496,1497}.
 *
 * @param text         the scope as written
 * @param all          true for {@code all}: the whole of P, regions included
 * @param municipalities the municipality codes in scope (for {@code all}, every municipality)
 */
record MunicipalityScope(String text, boolean all, SortedSet<String> municipalities) {

    static final String ACCEPTED = "all, county:CC (e.g. county:14), federation:ID (e.g. federation:fed-skaraborg) "
            + "or codes:CODE,CODE (e.g. codes:1496,1497)";

    static MunicipalityScope parse(String text, CooperationData data, MunicipalityCodes codes) {
        String scope = text == null || text.isBlank() ? "all" : text.strip();
        if (scope.equals("all")) {
            return new MunicipalityScope(scope, true, new TreeSet<>(data.municipalities().keySet()));
        }
        int colon = scope.indexOf(':');
        if (colon < 0) {
            throw new BadParameterException("scope", "'" + scope + "' is not a scope; use " + ACCEPTED + ".");
        }
        String kind = scope.substring(0, colon);
        String value = scope.substring(colon + 1);
        return switch (kind) {
            case "county" -> county(scope, value, data);
            case "federation" -> federation(scope, value, data);
            case "codes" -> codes(scope, value, data, codes);
            default -> throw new BadParameterException("scope", "unknown scope kind '" + kind + "'; use " + ACCEPTED + ".");
        };
    }

    private static MunicipalityScope county(String scope, String code, CooperationData data) {
        if (!code.matches("\\d{2}")) {
            throw new BadParameterException("scope", "'" + code + "' is not a county code; county codes are 2 digits, e.g. county:14.");
        }
        SortedSet<String> members = data.municipalities().values().stream()
                .filter(p -> p.countyCode().equals(code))
                .map(CooperationData.Place::code)
                .collect(Collectors.toCollection(TreeSet::new));
        if (members.isEmpty()) {
            throw new NotFoundException("No county has code " + code + ".");
        }
        return new MunicipalityScope(scope, false, members);
    }

    private static MunicipalityScope federation(String scope, String id, CooperationData data) {
        BodyInfo body = data.bodies().get(id);
        if (body == null) {
            throw new NotFoundException("No federation '" + id + "' is active on " + data.asOf() + ".");
        }
        if (body.form() != Form.FEDERATION) {
            throw new BadParameterException("scope", "'" + id + "' is a " + body.form() + ", not a FEDERATION.");
        }
        SortedSet<String> members = body.partiesWithRole(PartyRole.MEMBER)
                .filter(p -> p.type() == PartyType.MUNICIPALITY)
                .map(CooperationData.PartyInfo::partyId)
                .collect(Collectors.toCollection(TreeSet::new));
        return new MunicipalityScope(scope, false, members);
    }

    private static MunicipalityScope codes(String scope, String list, CooperationData data, MunicipalityCodes pattern) {
        List<String> codes = Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (codes.isEmpty()) {
            throw new BadParameterException("scope", "codes: needs at least one municipality code, e.g. codes:1496,1497.");
        }
        for (String code : codes) {
            if (!pattern.matches(code)) {
                throw new BadParameterException("scope", "'" + code + "' is not a municipality code; " + pattern.describe() + ".");
            }
            if (!data.municipalities().containsKey(code)) {
                throw new NotFoundException("No municipality has code " + code + ".");
            }
        }
        return new MunicipalityScope(scope, false, new TreeSet<>(codes));
    }
}
