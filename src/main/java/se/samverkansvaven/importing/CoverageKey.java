package se.samverkansvaven.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.stream.Collectors;
import se.samverkansvaven.body.Form;

/**
 * The identity of a coverage row: (municipality, forms, valid_from, source). Two rows with the same identity
 * are one statement, so loading a bundle again updates its rows (a new valid_to) instead of adding rows; a
 * statement from another source is another row. The stored id is a hash of the identity, so a row can be
 * named in the editing API without repeating its source text.
 */
public final class CoverageKey {

    private CoverageKey() {}

    /** {@code cov-} and 16 hex digits of the SHA-256 of the identity. */
    public static String id(String municipality, Collection<Form> forms, LocalDate validFrom, String source) {
        String key = municipality + '\u0000' + formsText(forms) + '\u0000' + validFrom + '\u0000' + source;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "cov-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The forms cell: names in enum order joined by ';', empty for every form. */
    public static String formsText(Collection<Form> forms) {
        return forms.stream().sorted().map(Form::name).collect(Collectors.joining(";"));
    }
}
