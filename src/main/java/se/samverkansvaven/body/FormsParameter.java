package se.samverkansvaven.body;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import se.samverkansvaven.web.BadParameterException;

/**
 * The {@code forms=FEDERATION,AGREEMENT} parameter of every read and analysis endpoint, parsed one way: none
 * given means the default analysis layer; an unknown form is a 400 naming {@code forms}.
 */
public final class FormsParameter {

    private FormsParameter() {}

    public static Set<Form> parse(String text) {
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
