package se.samverkansvaven.export;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.web.BadParameterException;

/** Parses the export parameters the API and the command line share; bad values name the parameter. */
final class ExportParameters {

    private static final Pattern COUNTY = Pattern.compile("[0-9]{2}");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private ExportParameters() {}

    static ExportFormat format(String value) {
        return ExportFormat.parse(value == null ? "" : value).orElseThrow(() -> new BadParameterException("format",
                "'" + value + "' is not an export format; accepted values: " + ExportFormat.accepted() + "."));
    }

    static SnapshotDiffer.DiffFormat diffFormat(String value) {
        return Arrays.stream(SnapshotDiffer.DiffFormat.values())
                .filter(f -> f.name().equalsIgnoreCase(value == null ? "" : value.strip())).findFirst()
                .orElseThrow(() -> new BadParameterException("format",
                        "'" + value + "' is not a diff format; accepted values: json, csv."));
    }

    /** forms: comma-separated or repeated; case does not matter. */
    static SnapshotFilter filter(List<String> forms, String county, String federation, String area) {
        return filter(forms, county, federation, area, true);
    }

    /** As {@link #filter(List, String, String, String)}; {@code illustrative} false leaves the invented rows out. */
    static SnapshotFilter filter(List<String> forms, String county, String federation, String area,
                                 boolean illustrative) {
        Set<Form> parsed = null;
        if (forms != null) {
            List<String> names = forms.stream().flatMap(f -> Arrays.stream(f.split(",")))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (!names.isEmpty()) {
                parsed = EnumSet.noneOf(Form.class);
                for (String name : names) {
                    parsed.add(form(name));
                }
            }
        }
        if (county != null && !COUNTY.matcher(county).matches()) {
            throw new BadParameterException("county", "'" + county + "' is not a county code; a county is given by"
                    + " its 2-digit SCB code, e.g. 14 for Västra Götalands län.");
        }
        checkId("federation", federation, "the id of a federation (kommunalförbund) body, e.g. fed-skaraborg");
        checkId("area", area, "a service-area id from GET /api/areas, e.g. raddningstjanst");
        return new SnapshotFilter(parsed, blankToNull(county), blankToNull(federation), blankToNull(area),
                illustrative);
    }

    static void checkWindow(LocalDate from, LocalDate to) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new BadParameterException("to", "'" + to + "' must be after from (" + from + ").");
        }
    }

    /**
     * The bundle holds exactly domain.md's eight files and the loader refuses any other (a typo must not be
     * dropped silently), so the audit trail cannot ride along in it; the other formats carry it.
     */
    static void checkChanges(ExportFormat format, boolean withChanges, String parameter) {
        if (withChanges && format == ExportFormat.BUNDLE) {
            throw new BadParameterException(parameter, "the bundle is the loader's exchange format (domain.md) and "
                    + "carries no audit trail; export csv, graphml, gexf, json or cypher to include the changes.");
        }
    }

    private static Form form(String name) {
        try {
            return Form.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("forms", "'" + name + "' is not a form; accepted values: "
                    + Arrays.stream(Form.values()).map(Form::name).collect(Collectors.joining(", ")) + ".");
        }
    }

    private static void checkId(String parameter, String value, String expected) {
        if (value != null && !ID.matcher(value).matches()) {
            throw new BadParameterException(parameter, "'" + value + "' is not " + expected + ".");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
