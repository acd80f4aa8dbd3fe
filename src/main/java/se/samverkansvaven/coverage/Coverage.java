package se.samverkansvaven.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import se.samverkansvaven.body.Form;

/**
 * What the data knows on one date (domain.md item 8): the coverage rows active then, by municipality. A
 * municipality is covered for forms F when every form of F is spoken for by an active row of it (one row
 * naming all of F, or several rows between them). An uncovered municipality's absence from a body is
 * unknown, never "none". Immutable; from {@link CoverageReader#on(LocalDate)}.
 */
public final class Coverage {

    private final LocalDate asOf;
    private final Map<String, List<CoverageRow>> rowsByMunicipality;

    Coverage(LocalDate asOf, Collection<CoverageRow> rows) {
        this.asOf = asOf;
        Map<String, List<CoverageRow>> byCode = new LinkedHashMap<>();
        for (CoverageRow row : rows) {
            if (row.activeOn(asOf)) {
                byCode.computeIfAbsent(row.municipality(), k -> new ArrayList<>()).add(row);
            }
        }
        byCode.replaceAll((code, list) -> List.copyOf(list));
        this.rowsByMunicipality = Collections.unmodifiableMap(byCode);
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** Whether every body of each of these forms that {@code code} is party to on the date is in the data. */
    public boolean covered(String code, Set<Form> forms) {
        List<CoverageRow> rows = rowsByMunicipality.getOrDefault(code, List.of());
        if (rows.isEmpty()) {
            return false;
        }
        for (Form form : forms.isEmpty() ? Set.of(Form.values()) : forms) {
            if (rows.stream().noneMatch(r -> r.includes(form))) {
                return false;
            }
        }
        return true;
    }

    /** Of these municipalities, the ones covered for the forms, sorted. */
    public SortedSet<String> covered(Collection<String> codes, Set<Form> forms) {
        SortedSet<String> result = new TreeSet<>();
        for (String code : codes) {
            if (covered(code, forms)) {
                result.add(code);
            }
        }
        return result;
    }

    /** Every municipality with at least one active row (whatever its forms), sorted. */
    public SortedSet<String> municipalities() {
        return new TreeSet<>(rowsByMunicipality.keySet());
    }

    /** The rows active on the date that speak for at least one of the forms: the sources of the coverage. */
    public List<CoverageRow> rows(String code, Set<Form> forms) {
        return rowsByMunicipality.getOrDefault(code, List.of()).stream()
                .filter(r -> forms.isEmpty() || r.includesAny(forms)).toList();
    }

    /** Every row active on the date. */
    public List<CoverageRow> rows() {
        return rowsByMunicipality.values().stream().flatMap(List::stream).toList();
    }

    /** The same date as if the illustrative rows were not loaded. */
    public Coverage withoutIllustrative() {
        return new Coverage(asOf, rows().stream().filter(r -> !r.illustrative()).toList());
    }

    /** Whether {@code code} is covered for the forms only thanks to illustrative rows. */
    public boolean coveredOnlyByIllustrative(String code, Set<Form> forms) {
        return covered(code, forms) && !withoutIllustrative().covered(code, forms);
    }
}
