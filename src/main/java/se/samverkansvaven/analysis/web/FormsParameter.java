package se.samverkansvaven.analysis.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.web.BadParameterException;

/** Parses {@code forms=FEDERATION,AGREEMENT}; none given means the default analysis layer. */
final class FormsParameter {

    private FormsParameter() {}

    static Set<Form> parse(String text) {
        if (text == null || text.isBlank()) {
            return Form.DEFAULT_ANALYSIS_FORMS;
        }
        EnumSet<Form> forms = EnumSet.noneOf(Form.class);
        for (String part : text.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                forms.add(Form.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new BadParameterException("forms", "'" + part.strip() + "' is not a form; accepted: "
                        + Arrays.toString(Form.values()).replaceAll("[\\[\\]]", "") + ".");
            }
        }
        if (forms.isEmpty()) {
            throw new BadParameterException("forms", "name at least one form.");
        }
        return forms;
    }
}
