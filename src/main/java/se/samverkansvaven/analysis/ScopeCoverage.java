package se.samverkansvaven.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;

/**
 * What the data knows about an answer's scope (domain.md item 8, issue 14): which of the scope's municipalities
 * are covered for the answer's forms on its date. Every analysis answer carries one, built here and nowhere else,
 * so the pages read one shape.
 *
 * @param asOf            the date
 * @param forms           the forms the answer is about, in enum order
 * @param scope           the scope as the answer names it: {@code all}, {@code county:14}, {@code municipality:1496} …
 * @param municipalities  N, the number of municipalities in the scope
 * @param coveredCount    how many of them are covered for the forms
 * @param notCoveredCount N − coveredCount
 * @param covered         the covered codes, ascending; null when the scope has more than {@link #LIST_LIMIT}
 *                        municipalities ({@code GET /api/coverage} lists them)
 * @param notCovered      the others, ascending; null like {@code covered}
 * @param complete        every municipality of the scope is covered
 * @param illustrative    some covered municipality is covered only thanks to an illustrative coverage row
 */
public record ScopeCoverage(LocalDate asOf, List<Form> forms, String scope, int municipalities, int coveredCount,
                            int notCoveredCount, List<String> covered, List<String> notCovered, boolean complete,
                            boolean illustrative) {

    /** Beyond this many municipalities the code lists are left out (counts stay). */
    public static final int LIST_LIMIT = 2000;

    /**
     * @param codes the scope's municipality codes (codes that are not municipalities of the date are ignored)
     */
    public static ScopeCoverage of(CooperationData data, Set<Form> forms, String scope, Collection<String> codes) {
        List<String> covered = new ArrayList<>();
        List<String> notCovered = new ArrayList<>();
        boolean illustrative = false;
        for (String code : new TreeSet<>(codes)) {
            if (!data.municipalities().containsKey(code)) {
                continue;
            }
            if (data.covered(code, forms)) {
                covered.add(code);
                illustrative |= data.coveredOnlyByIllustrative(code, forms);
            } else {
                notCovered.add(code);
            }
        }
        int n = covered.size() + notCovered.size();
        boolean listed = n <= LIST_LIMIT;
        return new ScopeCoverage(data.asOf(), forms.stream().sorted().toList(), scope, n, covered.size(),
                notCovered.size(), listed ? List.copyOf(covered) : null, listed ? List.copyOf(notCovered) : null,
                notCovered.isEmpty(), illustrative);
    }

    /** Every municipality of the date. */
    public static ScopeCoverage ofAll(CooperationData data, Set<Form> forms) {
        return of(data, forms, "all", data.municipalities().keySet());
    }

    /** One municipality ({@code municipality:CODE}). */
    public static ScopeCoverage ofMunicipality(CooperationData data, Set<Form> forms, String code) {
        return of(data, forms, "municipality:" + code, List.of(code));
    }
}
