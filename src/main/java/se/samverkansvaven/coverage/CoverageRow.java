package se.samverkansvaven.coverage;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import se.samverkansvaven.body.Form;

/**
 * One stored statement "every body of these forms that this municipality is party to over this period is in
 * the data" (domain.md item 8, docs/model.md {@code :Coverage}).
 *
 * @param id           the row's identity (a hash of municipality, forms, valid_from and source)
 * @param forms        the forms it speaks for; empty means every form
 * @param validFrom    the first day it holds
 * @param validTo      the first day it no longer holds, or null
 * @param source       who says the list is complete: a citation, or {@code illustrative}
 * @param illustrative true exactly when {@code source} is {@code illustrative}
 */
public record CoverageRow(String id, String municipality, Set<Form> forms, LocalDate validFrom, LocalDate validTo,
        String source, boolean illustrative) {

    public CoverageRow {
        forms = forms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(forms));
    }

    /** Whether the row holds on {@code date}: {@code validFrom <= date < validTo}. */
    public boolean activeOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || validTo.isAfter(date));
    }

    /** Whether the row speaks for this form. */
    public boolean includes(Form form) {
        return forms.isEmpty() || forms.contains(form);
    }

    /** Whether the row speaks for at least one of these forms. */
    public boolean includesAny(Collection<Form> wanted) {
        return wanted.stream().anyMatch(this::includes);
    }

    /** The forms in enum order (empty for every form), for JSON and CSV. */
    public java.util.List<Form> formList() {
        return forms.stream().sorted().toList();
    }
}
